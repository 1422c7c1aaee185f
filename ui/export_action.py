"""File › Export compte-rendu: choose the file, build it in a worker thread, offer to open it.

The worker reads the meeting in its own session (SQLite connections belong
to the thread that opened them), so the window stays responsive.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from models.database import Database
from models.errors import MinutierError
from ui import dialogs
from ui.settings import Settings

log = logging.getLogger("minutier.ui")


class ExportThread(QThread):
    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, db: Database, meeting_id: int, target: Path, parent=None):
        super().__init__(parent)
        self._db = db
        self._meeting_id = meeting_id
        self._target = target

    def run(self) -> None:
        try:
            self._export()
        except MinutierError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:
            # ExportError and any surprise from the exporter: one line for the user, the rest in the log.
            log.exception("export failed")
            lines = str(exc).strip().splitlines()
            self.failed.emit(lines[0] if lines else type(exc).__name__)
        else:
            self.succeeded.emit(str(self._target))

    def _export(self) -> None:
        folder = self._target.parent
        if not folder.is_dir():
            raise MinutierError(f"Cannot write {self._target}: the folder {folder} does not exist.")
        try:
            from exporters.compte_rendu import export_meeting
        except ImportError as exc:
            raise MinutierError(f"The Word export is not available in this installation ({exc}).") from exc
        from models.files import write_atomically
        from models.services import meetings

        with self._db.reading() as session:
            data = export_meeting(meetings.get_meeting(session, self._meeting_id), language=None)
        write_atomically(self._target, data)


class ExportAction(QObject):
    """Owns the menu action; ``finished(path or "")`` tells when a run is over (tests wait on it)."""

    finished = Signal(str)

    def __init__(self, db: Database, settings: Settings, window: QWidget):
        super().__init__(window)
        self._db = db
        self._settings = settings
        self._window = window
        self.meeting_id: int | None = None
        self.meeting_title = ""
        self.thread: ExportThread | None = None
        self._progress: QProgressDialog | None = None
        self.action = QAction(self.tr("Export compte-rendu…"), self)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(self.choose_and_export)

    def set_meeting(self, meeting_id: int | None, title: str = "") -> None:
        self.meeting_id = meeting_id
        self.meeting_title = title
        self.action.setEnabled(meeting_id is not None and self.thread is None)

    def suggested_path(self) -> Path:
        folder = Path(self._settings.export_folder or Path.home())
        stem = "".join(c for c in self.meeting_title[:60] if c.isalnum() or c in " -_").strip()
        return folder / f"{stem or 'compte-rendu'}.docx"

    def choose_and_export(self) -> None:
        if self.meeting_id is None or self.thread is not None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export the compte-rendu"),
            str(self.suggested_path()),
            self.tr("Word document (*.docx)"),
        )
        if not path:
            return
        if not path.lower().endswith(".docx"):
            path += ".docx"
        self._settings.export_folder = str(Path(path).parent)
        self.export_to(Path(path))

    def export_to(self, target: Path) -> None:
        if self.meeting_id is None or self.thread is not None:
            return
        self.action.setEnabled(False)
        self._progress = QProgressDialog(self.tr("Writing the compte-rendu…"), "", 0, 0, self._window)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.setValue(0)
        self.thread = ExportThread(self._db, self.meeting_id, target, self)
        self.thread.succeeded.connect(self._succeeded)
        self.thread.failed.connect(self._failed)
        self.thread.start()

    def _end(self) -> None:
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
            self.thread = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self.action.setEnabled(self.meeting_id is not None)

    def _succeeded(self, path: str) -> None:
        self._end()
        question = self.tr("The compte-rendu is written:\n{0}\n\nOpen it?").format(path)
        if dialogs.ask(self._window, question, self.tr("Open")):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.finished.emit(path)

    def _failed(self, message: str) -> None:
        self._end()
        dialogs.error(self._window, self.tr("The compte-rendu was not exported.") + "\n" + message)
        self.finished.emit("")
