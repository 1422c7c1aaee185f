"""Choosing a file, and writing one in a worker thread with a progress dialog.

Every file dialog of ui/year goes through ``choose_save`` / ``choose_open``.
A test sets ``chooser`` (or uses ``choosing``) to answer them without a
dialog, as ui/dialogs.observer does for message boxes; Qt is never mocked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from models.database import Database
from models.entities import Meeting
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


# ---------------------------------------------------------------- writing in a worker

Render = Callable[[Meeting], bytes]


class WriteThread(QThread):
    """Builds the bytes from the meeting in its own session (SQLite connections stay in their
    thread), then writes them atomically."""

    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, db: Database, meeting_id: int, target: Path, render: Render, parent=None):
        super().__init__(parent)
        self._db = db
        self._meeting_id = meeting_id
        self._target = target
        self._render = render

    def run(self) -> None:
        from models.files import write_atomically
        from models.services import meetings

        try:
            with self._db.reading() as session:
                data = self._render(meetings.get_meeting(session, self._meeting_id))
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
    """One file written at a time; ``finished(path or "")`` when a run is over (tests wait on it)."""

    finished = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, db: Database, window: QWidget):
        super().__init__(window)
        self._db = db
        self._window = window
        self.thread: WriteThread | None = None
        self._progress: QProgressDialog | None = None
        self._done_text = ""
        self._failed_text = ""

    @property
    def busy(self) -> bool:
        return self.thread is not None

    def write(
        self, meeting_id: int, target: Path, render: Render, *, working: str, done: str, failed: str
    ) -> bool:
        """Start writing; ``done`` has {0} for the path. False when a file is being written already."""
        if self.thread is not None:
            return False
        self._done_text, self._failed_text = done, failed
        self._progress = QProgressDialog(working, "", 0, 0, self._window)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.setValue(0)
        self.thread = WriteThread(self._db, meeting_id, target, render, self)
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
        if dialogs.ask(self._window, self._done_text.format(path), self.tr("Open")):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.finished.emit(path)

    def _failed(self, message: str) -> None:
        self._end()
        dialogs.error(self._window, self._failed_text + "\n" + message)
        self.finished.emit("")
