"""The meetings list beside the tabs: open, create, duplicate, delete (confirmed).

Creating, duplicating and deleting a meeting are not undoable: the undo
history belongs to the meeting being edited and is cleared when another
opens. A deletion is therefore confirmed first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import MinutierError
from models.services import meetings
from ui import dialogs
from ui.meetings_model import ID_ROLE, MeetingsModel


class OneLineDelegate(QStyledItemDelegate):
    """Draws the model's two lines (« 2023 — title », « date · status ») as one, and
    tooltips the whole title with its date."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.text = " · ".join(line for line in option.text.splitlines() if line)

    def sizeHint(self, option, index):
        # No width of its own: the row is as wide as the list, and the text is elided to fit.
        hint = super().sizeHint(option, index)
        hint.setWidth(1)
        return hint

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            lines = (index.data(Qt.ItemDataRole.DisplayRole) or "").splitlines()
            title = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            QToolTip.showText(event.globalPos(), "\n".join([title, *lines[1:]]), view)
            return True
        return super().helpEvent(event, view, option, index)


class MeetingsPanel(QWidget):
    opened = Signal(object)  # meeting id or None
    changed = Signal()  # a meeting was created, duplicated or deleted

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self._db = db
        self.model = MeetingsModel(db, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        # One line per meeting, however narrow the list: the title is elided, whole in the tooltip.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(OneLineDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.new_action = QAction(self.tr("New meeting"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.create)
        self.duplicate_action = QAction(self.tr("Duplicate meeting"), self)
        self.duplicate_action.setShortcut(QKeySequence("Ctrl+D"))
        self.duplicate_action.triggered.connect(self.duplicate)
        self.delete_action = QAction(self.tr("Delete meeting…"), self)
        self.delete_action.triggered.connect(self.delete)
        # Del deletes a meeting only from the list; elsewhere it belongs to what has the focus.
        delete_key = QAction(self)
        delete_key.setShortcut(QKeySequence.StandardKey.Delete)
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete)
        self.view.addAction(delete_key)

        buttons = QHBoxLayout()
        for text, action in (
            (self.tr("New"), self.new_action),
            (self.tr("Duplicate"), self.duplicate_action),
            (self.tr("Delete…"), self.delete_action),
        ):
            button = QPushButton(text)
            button.setToolTip(
                f"{action.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        title = QLabel(self.tr("<b>Meetings</b>"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.model.refresh()

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, meeting_id: int | None) -> None:
        row = self.model.row_of(meeting_id)
        if row < 0 and self.model.rowCount():
            row = 0
        if row < 0:
            self.opened.emit(None)
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _current_changed(self, current, _previous) -> None:
        self.opened.emit(current.data(ID_ROLE) if current.isValid() else None)

    def _open_new(self, make) -> None:
        try:
            with self._db.transaction() as session:
                meeting_id = make(session).id
        except MinutierError as exc:
            dialogs.error(self, str(exc))
            return
        self.refresh()
        self.changed.emit()
        self.select(meeting_id)

    def create(self) -> None:
        title = self.tr("New meeting")
        self._open_new(lambda s: meetings.create_meeting(s, title, dt.date.today()))

    def duplicate(self) -> None:
        meeting_id = self.current_id()
        if meeting_id is not None:
            self._open_new(lambda s: meetings.duplicate_meeting(s, meeting_id))

    def delete(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        question = self.tr(
            "Delete the meeting “{0}” of {1}, with its programme, participants and report?\n"
            "This cannot be undone."
        ).format(row.title, f"{row.date:%d/%m/%Y}")
        if not dialogs.confirm(self, question, self.tr("Delete")):
            return
        try:
            with self._db.transaction() as session:
                meetings.delete_meeting(session, row.id)
        except MinutierError as exc:
            dialogs.error(self, str(exc))
        position = index.row()
        self.refresh()
        self.changed.emit()
        if self.model.rowCount():
            self.select(self.model.rows[min(position, self.model.rowCount() - 1)].id)
        else:
            self.opened.emit(None)
