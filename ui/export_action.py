"""File › Export compte-rendu (Word) and File › Export as PDF: choose the file, build it in a
worker thread with a progress dialog, offer to open it.

The worker is ui/year/files.FileWriter, the same as for the participant list
and the sign-in sheet: it reads the meeting in its own session (SQLite
connections belong to the thread that opened them), so the window stays
responsive. The PDF is the Word document converted by LibreOffice
(exporters/pdf.py); when LibreOffice is missing that is said before any file
is chosen.

The window gives it what it works with, not itself: the database, the
settings (the export folder), the parent widget and how to store what is
being typed; it tells the meeting shown through ``set_meeting``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from models.database import Database
from models.records import MeetingData
from ui import dialogs
from ui.settings import Settings
from ui.year import files

# The document's own word in its language (the exporter's label tables carry none for file names).
DOCUMENT_WORDS = {"fr": "Compte-rendu", "en": "Minutes", "es": "Acta"}


def default_file_name(date: dt.date | None, language: str, suffix: str) -> str:
    """« 2023-12-12 Compte-rendu.docx »: short, dated, sorted by date in a folder."""
    word = DOCUMENT_WORDS.get(language, DOCUMENT_WORDS["fr"])
    return f"{date.isoformat()} {word}{suffix}" if date else f"{word}{suffix}"


def _read(session, meeting_id: int) -> MeetingData:
    from models.services.reading import meeting_record

    return meeting_record(session, meeting_id)


def _word_document(data: MeetingData) -> bytes:
    from exporters.compte_rendu import export_meeting

    return export_meeting(data, language=None)


def _pdf_document(data: MeetingData) -> bytes:
    from exporters.pdf import docx_to_pdf

    return docx_to_pdf(_word_document(data))


class ExportAction(QObject):
    """Owns the two menu actions; ``finished(path or "")`` tells when a run is over (tests wait on it).

    ``parent``: the widget its dialogs belong to. ``flush``: stores what is still waiting for the
    end of a typing pause (the window's tabs), so the minutes hold what is on screen.
    """

    finished = Signal(str)

    def __init__(self, db: Database, settings: Settings, parent: QWidget, *, flush: Callable[[], None]):
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._window = parent
        self._flush = flush
        self.meeting_id: int | None = None
        self.meeting_title = ""
        self.meeting_date: dt.date | None = None
        self.meeting_language = "fr"
        self.writer = files.FileWriter(db, parent, flush=flush)
        self.writer.finished.connect(self.finished)
        self.writer.busy_changed.connect(lambda _busy: self._enable())
        self.action = QAction(self.tr("Export minutes…"), self)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(lambda: self.choose_and_export(".docx"))
        self.pdf_action = QAction(self.tr("Export minutes as PDF…"), self)
        self.pdf_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.pdf_action.triggered.connect(lambda: self.choose_and_export(".pdf"))
        self._enable()  # off until the window tells the meeting shown

    @property
    def thread(self):
        return self.writer.thread

    def set_meeting(
        self, meeting_id: int | None, title: str = "", date: dt.date | None = None, language: str = "fr"
    ) -> None:
        self.meeting_id = meeting_id
        self.meeting_title = title
        self.meeting_date = date
        self.meeting_language = language
        self._enable()

    def _enable(self) -> None:
        enabled = self.meeting_id is not None and not self.writer.busy
        self.action.setEnabled(enabled)
        self.pdf_action.setEnabled(enabled)

    def suggested_path(self, suffix: str = ".docx") -> Path:
        folder = Path(self._settings.export_folder or Path.home())
        return folder / default_file_name(self.meeting_date, self.meeting_language, suffix)

    def libreoffice_missing(self) -> str:
        """Why a PDF cannot be made here, in the interface's language; "" when it can."""
        from exporters.errors import ExportError
        from exporters.pdf import DOWNLOAD_URL, locate_soffice

        try:
            locate_soffice()
        except ExportError:
            return self.tr(
                "Export as PDF needs LibreOffice, which is not installed on this computer.\n"
                "Install it (free, from {0}) and try again, or export the minutes as a Word document "
                "instead."
            ).format(DOWNLOAD_URL)
        return ""

    def choose_and_export(self, suffix: str = ".docx") -> None:
        if self.meeting_id is None or self.writer.busy:
            return
        self._flush()  # the suggested name carries the date on screen
        if suffix == ".pdf":
            missing = self.libreoffice_missing()
            if missing:
                dialogs.error(self._window, missing)
                return
        if not self.layout_accepted():
            return
        pdf = suffix == ".pdf"
        path = files.choose_save(
            self._window,
            self.tr("Export the minutes as PDF") if pdf else self.tr("Export the minutes"),
            str(self.suggested_path(suffix)),
            self.tr("PDF document (*.pdf)") if pdf else self.tr("Word document (*.docx)"),
        )
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        self._settings.export_folder = str(Path(path).parent)
        self.export_to(Path(path))

    def layout_accepted(self) -> bool:
        """With the meeting's own Word file for the styles, what would print badly is said first."""
        from exporters.template_check import layout_warnings
        from models.errors import MinutierError
        from models.services.templates import get_template

        try:
            with self._db.reading() as session:
                data, name = get_template(session, self.meeting_id)
            warnings = layout_warnings(data) if data else []
        except MinutierError as exc:
            dialogs.error(self._window, str(exc))
            return False
        if not warnings:
            return True
        shown = "\n".join(f"• {w}" for w in warnings[:4]) + ("\n…" if len(warnings) > 4 else "")
        text = self.tr(
            "With the styles of « {0} », {1} part(s) of the minutes will not look like that file:\n\n{2}"
        ).format(name, len(warnings), shown)
        return dialogs.ask(
            self._window, text, self.tr("Export anyway"), details="\n".join(warnings), warning=True
        )

    def export_to(self, target: Path) -> None:
        """Write the compte-rendu to ``target``: a PDF when it ends in .pdf, else Word."""
        if self.meeting_id is None:
            return
        pdf = target.suffix.lower() == ".pdf"
        self.writer.write(
            self.meeting_id,
            target,
            _read,
            _pdf_document if pdf else _word_document,
            working=self.tr("Writing the PDF (LibreOffice converts the Word document)…")
            if pdf
            else self.tr("Writing the minutes…"),
            done=self.tr("The minutes are written:\n{0}\n\nOpen them?"),
            failed=self.tr("The minutes were not exported."),
        )
