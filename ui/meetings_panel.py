"""The meetings list beside the tabs: open, create, duplicate, delete (confirmed, and undoable).

Creating, duplicating and deleting a meeting are undo commands
(ui/meeting_commands.py) on the window's stack. The meeting each step shows
is opened with ``shown``, which keeps the history; a meeting chosen in the
list is opened with ``opened``, which clears it (the history names rows of
the meeting left). A deletion is still confirmed first: it takes a whole
year's work out of sight.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
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
from ui import dialogs
from ui.meeting_commands import DeleteMeeting, DuplicateMeeting, MeetingChange, NewMeeting
from ui.meetings_model import ID_ROLE, MeetingsModel
from ui.undo import run


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
    opened = Signal(object)  # meeting id or None, chosen in the list
    shown = Signal(object)  # meeting id or None, shown by a step of a meeting command: the history stays
    changed = Signal()  # a meeting was created, duplicated or deleted, or that was undone

    def __init__(self, db: Database, stack: QUndoStack, flush=None, parent=None):
        """``flush()`` stores what is being typed before a meeting command is pushed."""
        super().__init__(parent)
        self._db = db
        self._stack = stack
        self._flush = flush
        self._by_command = False
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
            (self.shown if self._by_command else self.opened).emit(None)
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _current_changed(self, current, _previous) -> None:
        meeting_id = current.data(ID_ROLE) if current.isValid() else None
        (self.shown if self._by_command else self.opened).emit(meeting_id)

    def show_after(self, meeting_id: int | None) -> None:
        """What a meeting command shows after one of its steps (it may no longer be in the list)."""
        # Raised first: the list moving its current row off a meeting taken out must not clear the history.
        self._by_command = True
        try:
            self.refresh()
            self.select(meeting_id)
        finally:
            self._by_command = False
        self.changed.emit()

    def push(self, command: MeetingChange) -> bool:
        if self._flush is not None:
            self._flush()
        return run(self._stack, command, lambda message: dialogs.error(self, message))

    def create(self) -> None:
        title = self.tr("New meeting")
        self.push(NewMeeting(self._db, title, title, dt.date.today(), self.current_id(), self.show_after))

    def duplicate(self) -> None:
        meeting_id = self.current_id()
        if meeting_id is not None:
            self.push(DuplicateMeeting(self._db, self.tr("Duplicate meeting"), meeting_id, self.show_after))

    def delete(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        position, rows = index.row(), self.model.rows
        row = rows[position]
        question = self.tr(
            "Delete the meeting “{0}” of {1}, with its programme, participants and report?\n"
            "You can undo it (Ctrl+Z)."
        ).format(row.title, f"{row.date:%d/%m/%Y}")
        if not dialogs.confirm(self, question, self.tr("Delete")):
            return
        # The one below takes its place in the list, else the one above.
        neighbour = (
            rows[position + 1] if position + 1 < len(rows) else rows[position - 1] if position else None
        )
        text = self.tr("Delete the meeting “{0}”").format(row.title)
        self.push(DeleteMeeting(self._db, text, row.id, neighbour.id if neighbour else None, self.show_after))
