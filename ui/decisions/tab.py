"""The Decisions tab: the meeting's register, edited from the keyboard, and a decision's history.

Ctrl+Enter or Ins adds a decision numbered after the year's highest and
opens its text; typing on a cell (or F2) edits it, Enter stores it; Del
deletes the current decision. Every change is one undo step, stored at once.
Under the table, the current decision in every meeting it went through.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from ui.decisions.model import (
    COLUMNS,
    ID_ROLE,
    ITEM_COLUMN,
    OWNER_COLUMN,
    STATUS_COLUMN,
    STILL_OPEN,
    DecisionHistoryModel,
    DecisionsFilter,
    DecisionsModel,
)
from ui.participants.delegates import ChoiceDelegate
from ui.passing_message import PassingMessage

TEXT_COLUMN = COLUMNS.index("text")


class TextDelegate(QStyledItemDelegate):
    """The decision and its follow-up are Markdown that may run over lines (a list of points):
    a one-line editor would join them. Enter stores, Shift+Enter starts a new line."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class DecisionsTab(QWidget):
    stored = Signal()

    def __init__(self, db: Database, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.model = DecisionsModel(db, undo_stack, self)
        self.proxy = DecisionsFilter(self.model, self)
        self.history = DecisionHistoryModel(db, self)

        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Every status"), None)
        self.status_filter.addItem(self.tr("Still open (open or in progress)"), STILL_OPEN)
        for code, label in self.model.statuses.items():
            self.status_filter.addItem(label, code)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData())
        )
        self.owner_filter = QComboBox()
        self.owner_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_owner(self.owner_filter.currentData())
        )

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self._setup_table()
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.setWordWrap(False)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history_title = QLabel()

        self.message = PassingMessage()

        self._make_actions()
        self._layout()

        self.model.stored.connect(self.stored)
        self.model.failed.connect(self.show_message)
        self.model.modelReset.connect(self._fill_owner_filter)
        self.model.dataChanged.connect(self._fill_owner_filter)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())
        self.model.modelReset.connect(self._show_history)
        self.model.dataChanged.connect(self._show_history)
        self.set_meeting(None)

    # Building -----------------------------------------------------------------

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # No letter is a shortcut here: typing on a cell edits it, as in a spreadsheet.
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        table.setItemDelegateForColumn(
            ITEM_COLUMN,
            ChoiceDelegate(lambda _index: {0: self.tr("(no item)"), **self.model.items}, parent=table),
        )
        table.setItemDelegateForColumn(
            OWNER_COLUMN, ChoiceDelegate(lambda _index: self.model.people, editable=True, parent=table)
        )
        table.setItemDelegateForColumn(STATUS_COLUMN, ChoiceDelegate(self.model.statuses, parent=table))
        for name in ("text", "follow_up"):
            table.setItemDelegateForColumn(COLUMNS.index(name), TextDelegate(table))

    def _action(self, text: str, keys: list[str], slot, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.add_action = self._action(
            self.tr("Add"),
            ["Ctrl+Return", "Ctrl+Enter", "Ins"],
            self.add_decision,
            self.tr("Add a decision, numbered after the year's last one (Ctrl+Enter or Ins)"),
        )
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setShortcut(QKeySequence("Del"))
        # Only on the table: Del must still delete characters in a cell being edited.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.setToolTip(self.tr("Delete the current decision (Del); can be undone"))
        self.delete_action.triggered.connect(self.delete_current)
        self.table.addAction(self.delete_action)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Status:")))
        top.addWidget(self.status_filter)
        top.addWidget(QLabel(self.tr("Owner:")))
        top.addWidget(self.owner_filter)
        top.addWidget(self._button(self.add_action))
        top.addWidget(self._button(self.delete_action))
        top.addStretch(1)
        # A line of its own: beside the filters it was cut where it says how to add.
        hint = QLabel(self.tr("Ctrl+Enter or Ins: add · type or F2: edit · Del: delete"))
        hint.setEnabled(False)  # greyed: a hint, not a control
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.history_title)
        column.addWidget(self.history_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    # Contract with the window ----------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show ``meeting_id`` (None: nothing); the same meeting again keeps filters and selection."""
        changed = meeting_id != self.model.meeting_id
        if changed:
            self.status_filter.setCurrentIndex(0)
        self.model.set_meeting(meeting_id)
        if changed:
            self.owner_filter.setCurrentIndex(0)
            self.table.resizeColumnsToContents()
            # The decision's text takes the room left; the other long texts give way to it.
            for name, most in (("item", 170), ("owner", 160), ("follow_up", 170)):
                column = COLUMNS.index(name)
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
            if self.proxy.rowCount():  # so that the history shows something from the start
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(self.proxy.index(0, 0), flags)
        enabled = meeting_id is not None
        for widget in (self.status_filter, self.owner_filter):
            widget.setEnabled(enabled)
        self.add_action.setEnabled(enabled)
        self.delete_action.setEnabled(enabled)

    def flush(self) -> None:
        """Store a cell being edited (the window is about to undo, switch meeting or close)."""
        editor = QApplication.focusWidget()
        if self.table.state() == QAbstractItemView.State.EditingState and self.table.isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # Actions -------------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def add_decision(self) -> None:
        self.flush()
        new_id = self.model.add()
        if new_id is None:
            return
        self.message.hide()
        self.select(new_id, TEXT_COLUMN)
        self.table.edit(self.table.currentIndex())

    def delete_current(self) -> None:
        decision_id = self.current_id()
        if decision_id is not None and self.model.delete(decision_id):
            self.message.hide()

    def select(self, decision_id: int, column: int = 0) -> None:
        """Make a decision current, clearing the filters if they hide it."""
        row = self.model.row_of(decision_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            self.status_filter.setCurrentIndex(0)
            self.owner_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, column))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self.table.setFocus()

    def show_message(self, text: str) -> None:
        self.message.say(text)

    # Owner filter and history ------------------------------------------------------------

    def _fill_owner_filter(self, *_args) -> None:
        kept = self.owner_filter.currentData()
        owners = self.model.owners()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("Every owner"), None)
        for owner in owners:
            self.owner_filter.addItem(owner, owner)
        at = self.owner_filter.findData(kept) if kept is not None else 0
        self.owner_filter.setCurrentIndex(max(at, 0))
        self.owner_filter.blockSignals(False)
        if at < 0:  # the owner filtered on is no longer anyone's
            self.proxy.set_owner(None)

    def _show_history(self, *_args) -> None:
        decision_id = self.current_id()
        self.history.show_decision(decision_id, self.model.meeting_id)
        self.history_view.resizeColumnsToContents()
        if decision_id is None:
            self.history_title.setText(self.tr("History: choose a decision"))
            return
        number = self.model.rows[self.model.row_of(decision_id)].number
        self.history_title.setText(
            self.tr(
                "History of decision {0} across meetings (%n meeting(s))", "", len(self.history.rows)
            ).format(number)
        )
