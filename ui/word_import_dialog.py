"""File › Import a Word compte-rendu…: read a .docx, show what was understood, then add the meeting.

Nothing is written until « Import » is pressed: the dialog shows the counts
per kind, what was not found and the paragraphs kept as plain blocks, with
the roster matching worked out in a transaction that is rolled back (the
same report as ``import-docx --dry-run``). When a meeting is on the
document's date already, the report says so and « Import » asks before
making a second one, as File › New meeting from… does (No by default,
which leaves the dialog open). The import itself is one undo command
(``ImportedMeeting``): like creating a meeting from the list, Ctrl+Z takes
the new meeting out again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import MinutierError
from models.services import meetings
from ui import dialogs
from ui.meeting_commands import MeetingCreation
from ui.undo import run
from ui.year import date_taken, files

if TYPE_CHECKING:
    from models import word_import
    from ui.meetings_panel import MeetingsPanel
    from ui.settings import Settings


class Host(Protocol):
    """What the import needs of the window it runs from (ui.main_window.MainWindow)."""

    db: Database
    settings: Settings
    undo_stack: QUndoStack
    panel: MeetingsPanel

    def flush(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class ImportedMeeting(MeetingCreation):
    """The meeting read from a Word compte-rendu, added with its programme, people and report."""

    def __init__(
        self, db: Database, text: str, reading: word_import.Reading, shown_before, show, *, again=False
    ):
        super().__init__(db, text, shown_before, show)
        self.reading = reading
        self.again = again  # the user confirmed a second meeting on a date that has one

    def make(self, session) -> Any:
        from models import word_import

        imported = word_import.add_meeting(session, self.reading, again=self.again)
        return meetings.get_meeting(session, imported.meeting_id)


class WordImportDialog(QDialog):
    """The understanding report of one file, with « Import » and « Cancel »."""

    def __init__(
        self,
        db: Database,
        path: Path,
        reading: word_import.Reading,
        stack: QUndoStack,
        panel: MeetingsPanel,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._stack = stack
        self._panel = panel
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
        # French puts a space before the colon: the pair is a sentence of its own to translate.
        out += [self.tr("{0}: {1}").format(label, u.counts.get(kind, 0)) for kind, label in names.items()]
        if u.roster:
            out.append(
                self.tr("Participants found in the roster: {0}; new people: {1}").format(
                    u.roster.get("update", 0), u.roster.get("add", 0)
                )
            )
        if u.taken is not None:
            listed = ", ".join(f"« {title} »" for _id, title in u.taken.meetings)
            out.append(
                self.tr("Already a meeting on {0}: {1}").format(u.taken.day.strftime("%d/%m/%Y"), listed)
            )
        out += [self.tr("Not found: {0}").format(what) for what in u.missing]
        if u.unrecognised:
            out.append("")
            out.append(self.tr("Kept as plain blocks:"))
            out += [f"  {text}" for text in u.unrecognised]
        return out

    def accept(self) -> None:
        """« Import »: a second meeting on a date that has one only when the user says so."""
        from models import word_import

        day = word_import.meeting_date(self.reading)
        answer = None
        if day is not None:
            answer = date_taken.ask_another(
                self,
                self._db,
                day,
                self.tr("There is already a meeting on {0}:\n{1}\n\nImport it as another one on that date?"),
                self.tr("Import anyway"),
            )
        if answer is False:
            return
        panel = self._panel
        text = self.tr("Import a Word compte-rendu")
        command = ImportedMeeting(
            self._db, text, self.reading, panel.current_id(), panel.show_after, again=bool(answer)
        )
        if not run(self._stack, command, self._not_imported):
            return
        self.meeting_id = command.meeting_id
        super().accept()

    def _not_imported(self, message: str) -> None:
        dialogs.error(self, self.tr("Nothing was imported.") + "\n" + message)


class WordImport(QObject):
    """The File menu's action and what it opens, for one window."""

    def __init__(self, window: Host):
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
            # The Word reader (python-docx among others) is imported when a file is chosen, not at launch.
            from models import word_import

            reading = word_import.read_docx(word_import.read_file(path), path.name)
            with window.db.reading() as session:
                word_import.preview(session, reading)
        except MinutierError as exc:
            dialogs.error(window, self.tr("The file cannot be imported.") + "\n" + str(exc))
            return None
        dialog = WordImportDialog(window.db, path, reading, window.undo_stack, window.panel, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "dialog", None))
        dialog.accepted.connect(lambda: self._imported(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, dialog: WordImportDialog) -> None:
        self.window.statusBar().showMessage(
            self.tr("The Word compte-rendu was imported as a new meeting."), 15000
        )


def install(window: Host) -> QAction:
    """The File menu's « Import a Word compte-rendu… » action, made once per window."""
    found = getattr(window, "word_import", None)
    if found is None:
        found = window.word_import = WordImport(window)
    return found.action
