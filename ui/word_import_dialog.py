"""File › Import a Word compte-rendu…: read a .docx, show what was understood, then add the meeting.

Nothing is written until « Import » is pressed: the dialog shows the counts
per kind, what was not found and the paragraphs kept as plain blocks, with
the roster matching worked out in a transaction that is rolled back (the
same report as ``import-docx --dry-run``). The import itself is one
transaction; like creating a meeting from the list it is not undoable, and
the new meeting can be deleted from the list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from models import word_import
from models.database import Database
from models.errors import MinutierError
from ui import dialogs
from ui.year import files

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class WordImportDialog(QDialog):
    """The understanding report of one file, with « Import » and « Cancel »."""

    def __init__(self, db: Database, path: Path, reading: word_import.Reading, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.reading = reading
        self.meeting_id: int | None = None
        self.setWindowTitle(self.tr("Import a Word compte-rendu"))
        intro = QLabel(
            self.tr("What {0} was read as. Nothing is written before you press Import.").format(path.name)
        )
        intro.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlainText("\n".join(self.lines()))
        self.report.setMinimumSize(560, 360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report)
        layout.addWidget(buttons)

    def lines(self) -> list[str]:
        u = self.reading.understanding
        names = {
            "header": self.tr("Header fields"),
            "programme_items": self.tr("Programme items"),
            "subtopics": self.tr("Sub-topics"),
            "programme_people": self.tr("Moderators and speakers"),
            "sections": self.tr("Report sections"),
            "interventions": self.tr("Interventions"),
            "debates": self.tr("Debates"),
            "conclusions": self.tr("Conclusions"),
            "paragraphs": self.tr("Plain paragraph blocks"),
            "in_person": self.tr("Participants in person"),
            "remote": self.tr("Participants remote"),
            "unrecognised": self.tr("Unrecognised paragraphs (kept as plain blocks)"),
        }
        out = [self.tr("Language: {0}").format(u.language)]
        out += [f"{label}: {u.counts.get(kind, 0)}" for kind, label in names.items()]
        if u.roster:
            out.append(
                self.tr("Participants found in the roster: {0}; new people: {1}").format(
                    u.roster.get("update", 0), u.roster.get("add", 0)
                )
            )
        out += [self.tr("Not found: {0}").format(what) for what in u.missing]
        if u.unrecognised:
            out.append("")
            out.append(self.tr("Kept as plain blocks:"))
            out += [f"  {text}" for text in u.unrecognised]
        return out

    def accept(self) -> None:
        try:
            with self._db.transaction() as session:
                self.meeting_id = word_import.add_meeting(session, self.reading).meeting_id
        except MinutierError as exc:
            dialogs.error(self, self.tr("Nothing was imported.") + "\n" + str(exc))
            return
        super().accept()


class WordImport(QObject):
    """The File menu's action and what it opens, for one window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.dialog: WordImportDialog | None = None  # the dialog last opened (tests reach it here)
        self.action = QAction(self.tr("Import a Word compte-rendu…"), self)
        self.action.triggered.connect(lambda _checked=False: self.start())

    def start(self) -> WordImportDialog | None:
        window = self.window
        window.flush()
        folder = window.settings.export_folder or str(Path.home())
        chosen = files.choose_open(
            window,
            self.tr("Import a Word compte-rendu"),
            folder,
            self.tr("Word documents (*.docx);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            reading = word_import.read_docx(word_import.read_file(path), path.name)
            with window.db.reading() as session:
                word_import.preview(session, reading)
        except MinutierError as exc:
            dialogs.error(window, self.tr("The file cannot be imported.") + "\n" + str(exc))
            return None
        dialog = WordImportDialog(window.db, path, reading, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "dialog", None))
        dialog.accepted.connect(lambda: self._imported(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, dialog: WordImportDialog) -> None:
        panel = self.window.panel
        panel.refresh()
        panel.changed.emit()
        panel.select(dialog.meeting_id)
        self.window.statusBar().showMessage(
            self.tr("The Word compte-rendu was imported as a new meeting."), 15000
        )


def install(window: MainWindow) -> QAction:
    """The File menu's « Import a Word compte-rendu… » action, made once per window."""
    found = getattr(window, "word_import", None)
    if found is None:
        found = window.word_import = WordImport(window)
    return found.action
