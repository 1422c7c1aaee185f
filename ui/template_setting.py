"""« Use the styles of a Word file »: the meeting's Word file giving the export its look.

Shows the file's name, with a button to choose one and one to go back to
Minutier's own styles. Each change is one undoable command; the file is
checked (models/services/templates.py) before it is stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.database import Database
from models.errors import MinutierError
from models.services import templates
from ui import dialogs
from ui.undo import DataCommand, run


class SetTemplate(DataCommand):
    """The meeting's Word file whose styles the export takes; ``data`` None: Minutier's own."""

    def __init__(self, db: Database, text: str, meeting_id: int, data: bytes | None, name: str):
        super().__init__(db, text)
        self.meeting_id, self.data, self.name = meeting_id, data, name
        self.previous: tuple[bytes | None, str] = (None, "")

    def apply(self, session) -> None:
        if self.data is None:
            self.previous = templates.clear_template(session, self.meeting_id)
        else:
            self.previous = templates.set_template(session, self.meeting_id, self.data, self.name)

    def revert(self, session) -> None:
        templates.restore_template(session, self.meeting_id, self.previous)


class TemplateSetting(QWidget):
    """Emits ``stored`` after a change (and its undo or redo) is in the database."""

    stored = Signal()

    def __init__(self, db: Database, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self.meeting_id: int | None = None
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.clear_button = QPushButton(self.tr("Use Minutier's styles"))
        self.choose_button.clicked.connect(self._choose)
        self.clear_button.clicked.connect(self.clear)
        self.setToolTip(
            self.tr(
                "The export takes fonts, sizes, colours, spacing, page size, margins, header, "
                "footer and table style from this Word file; the text stays the meeting's."
            )
        )
        # The file name on a line of its own: beside the buttons it wrapped a word per line.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._show("")

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        name = ""
        if self.meeting_id is not None:
            try:
                with self._db.reading() as session:
                    name = templates.get_template(session, self.meeting_id)[1]
            except MinutierError:
                name = ""
        self._show(name)

    def _show(self, name: str) -> None:
        self.name.setText(name or self.tr("None: Minutier's own styles"))
        self.clear_button.setEnabled(bool(name))
        self.choose_button.setEnabled(self.meeting_id is not None)

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the Word file whose styles to use"), "", self.tr("Word document (*.docx)")
        )
        if path:
            self.choose_file(Path(path))

    def choose_file(self, path: Path) -> None:
        """Check and store the Word file at ``path``; a refused file is said in a message."""
        if self.meeting_id is None:
            return
        try:
            data = templates.read_template_file(path)
        except MinutierError as exc:
            dialogs.error(self, str(exc))
            return
        meeting_id, name = self.meeting_id, path.name
        self._push(
            SetTemplate(self._db, self.tr("Use the styles of {0}").format(name), meeting_id, data, name)
        )

    def clear(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        self._push(SetTemplate(self._db, self.tr("Use Minutier's styles"), meeting_id, None, ""))

    def _push(self, command: SetTemplate) -> None:
        command.on_done = self._stored
        run(self._stack, command, lambda message: dialogs.error(self, message))
        self.refresh()

    def _stored(self) -> None:
        self.refresh()
        self.stored.emit()
