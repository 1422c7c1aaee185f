"""Choosing a file, and writing one in a worker thread with a progress dialog.

Every file dialog of ui/year and ui/export_action.py goes through
``choose_save`` / ``choose_open``. A test sets ``chooser`` (or uses
``choosing``) to answer them without a dialog, as ui/dialogs.observer does
for message boxes; Qt is never mocked.

``FileWriter`` is the one worker of every file the editor writes from a
meeting: the minutes in Word or PDF (ui/export_action.py), the participant
list and the sign-in sheet (ui/year/actions.py). It stores what is being
typed, reads the meeting in the worker's own session, writes atomically,
then offers to open the file or says in one sentence why it was not written.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from models.database import Database
from models.errors import MinutierError
from ui import dialogs

log = logging.getLogger("minutier.ui")

# (kind "save" | "open", caption, suggested path, filters) -> the chosen path, "" for cancel.
Chooser = Callable[[str, str, str, str], str]
chooser: Chooser | None = None


def choose_save(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
    if chooser is not None:
        return chooser("save", caption, suggested, filters)
    path, _filter = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def choose_save_filtered(
    parent: QWidget | None, caption: str, suggested: str, filters: str
) -> tuple[str, str]:
    """The path chosen and the filter it was chosen under (the first when not said).

    A test's ``chooser`` may answer "PATH\tFILTER" to pick another filter.
    """
    first = filters.split(";;")[0]
    if chooser is not None:
        path, _tab, chosen = chooser("save", caption, suggested, filters).partition("\t")
        return path, chosen or first
    path, chosen = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path, chosen or first


def choose_open(parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
    if chooser is not None:
        return chooser("open", caption, folder, filters)
    path, _filter = QFileDialog.getOpenFileName(parent, caption, folder, filters)
    return path


@contextmanager
def choosing(*answers: str | Path) -> Iterator[list[tuple[str, str]]]:
    """Answer the next file dialogs with ``answers`` in turn (then cancel); yields (kind, caption) seen."""
    global chooser
    pending = [str(a) for a in answers]
    seen: list[tuple[str, str]] = []

    def answer(kind: str, caption: str, _suggested: str, _filters: str) -> str:
        seen.append((kind, caption))
        return pending.pop(0) if pending else ""

    previous, chooser = chooser, answer
    try:
        yield seen
    finally:
        chooser = previous


def safe_stem(text: str, fallback: str) -> str:
    """A file name from a title: letters, digits, spaces, dashes; at most 60 characters."""
    stem = "".join(c for c in text[:60] if c.isalnum() or c in " -_").strip()
    return stem or fallback


# ---------------------------------------------------------------- opening what was written

MIME_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def has_opener(path: Path) -> bool:
    """Whether the desktop has a program for ``path`` (a file, or a folder to show).

    On Linux Qt hands the file to xdg-open and reports success as soon as that
    starts, even when xdg-open then finds no program and complains only on the
    terminal; so the association is asked first. Windows and macOS answer
    through openUrl's result.
    """
    if sys.platform in ("win32", "darwin"):
        return True
    xdg_mime = shutil.which("xdg-mime")
    if xdg_mime is None or shutil.which("xdg-open") is None:
        return False
    mime = "inode/directory" if path.is_dir() else MIME_TYPES.get(path.suffix.lower())
    if mime is None:
        return True
    try:
        done = subprocess.run(
            [xdg_mime, "query", "default", mime], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return True  # cannot tell: let xdg-open try
    return bool(done.stdout.strip())


def open_with_desktop(path: Path) -> bool:
    """Open ``path`` with its usual program; False when there is none."""
    return has_opener(path) and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def offer_to_open(window: QWidget, path: Path, question: str) -> None:
    """Say the file is written and offer to open it; when nothing opens it, say so and
    offer to show its folder instead."""
    if not dialogs.ask(window, question, QCoreApplication.translate("Files", "Open")):
        return
    if open_with_desktop(path):
        return
    text = QCoreApplication.translate(
        "Files", "No program on this computer is set to open {0} files, so it was not opened.\nIt is in {1}."
    ).format(path.suffix.lower() or path.name, path.parent)
    shown = dialogs.ask(window, text, QCoreApplication.translate("Files", "Show the folder"), warning=True)
    if shown and not open_with_desktop(path.parent):
        dialogs.error(
            window,
            QCoreApplication.translate("Files", "The folder cannot be shown either; it is {0}").format(
                path.parent
            ),
        )


# ---------------------------------------------------------------- writing in a worker

# A read service taking (session, meeting id) to the records, and what turns them into bytes.
Read = Callable[[Any, int], Any]
Render = Callable[[Any], bytes]


class WriteThread(QThread):
    """Reads the meeting's records in its own session (SQLite connections stay in their
    thread), builds the bytes once the read is over, then writes them atomically."""

    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, db: Database, meeting_id: int, target: Path, read: Read, render: Render, parent=None):
        super().__init__(parent)
        self._db = db
        self._meeting_id = meeting_id
        self._target = target
        self._read = read
        self._render = render

    def run(self) -> None:
        from models.files import write_atomically

        try:
            with self._db.reading() as session:
                records = self._read(session, self._meeting_id)
            data = self._render(records)
            write_atomically(self._target, data)
        except MinutierError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:
            log.exception("writing %s failed", self._target)
            lines = str(exc).strip().splitlines()
            self.failed.emit(lines[0] if lines else type(exc).__name__)
        else:
            self.succeeded.emit(str(self._target))


class FileWriter(QObject):
    """One file written at a time; ``finished(path or "")`` when a run is over (tests wait on it).

    ``window``: the parent of the progress dialog and of the messages. ``flush``: stores what is
    still waiting for the end of a typing pause, so the file holds what is on screen.
    """

    finished = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, db: Database, window: QWidget, *, flush: Callable[[], None]):
        super().__init__(window)
        self._db = db
        self._window = window
        self._flush = flush
        self.thread: WriteThread | None = None
        self._progress: QProgressDialog | None = None
        self._done_text = ""
        self._failed_text = ""

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def write(
        self,
        meeting_id: int,
        target: Path,
        read: Read,
        render: Render,
        *,
        working: str,
        done: str,
        failed: str,
    ) -> bool:
        """Start writing; ``done`` has {0} for the path. False when a file is being written already."""
        if self.thread is not None:
            return False
        self._flush()  # before the worker reads: its session sees only what is stored
        self._done_text, self._failed_text = done, failed
        self._progress = QProgressDialog(working, "", 0, 0, self._window)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.setValue(0)
        self.thread = WriteThread(self._db, meeting_id, target, read, render, self)
        self.thread.succeeded.connect(self._succeeded)
        self.thread.failed.connect(self._failed)
        self.busy_changed.emit(True)
        self.thread.start()
        return True

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.wait()

    def _end(self) -> None:
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
            self.thread = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self.busy_changed.emit(False)

    def _succeeded(self, path: str) -> None:
        self._end()
        offer_to_open(self._window, Path(path), self._done_text.format(path))
        self.finished.emit(path)

    def _failed(self, message: str) -> None:
        self._end()
        dialogs.error(self._window, self._failed_text + "\n" + message)
        self.finished.emit("")
