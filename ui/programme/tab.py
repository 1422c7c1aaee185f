"""The Programme tab: the tree with its toolbar, the time warnings, the people panel."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from ui import dialogs
from ui.programme.delegates import TimeDelegate, WrappingDelegate, kind_delegate
from ui.programme.model import DEBATE, FORMAT, KIND, TIME, TITLE, ProgrammeModel
from ui.programme.people_panel import PeoplePanel


class ProgrammeTab(QWidget):
    stored = Signal()

    def __init__(self, db: Database, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.model = ProgrammeModel(db, undo_stack, self)
        self.model.stored.connect(self.stored)
        self.model.failed.connect(lambda text: dialogs.error(self, text))

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setItemDelegateForColumn(KIND, kind_delegate(self.tree))
        self.tree.setItemDelegateForColumn(TITLE, WrappingDelegate(self.tree, self.tree))
        self.tree.setItemDelegateForColumn(TIME, TimeDelegate(self.show_refusal, self.tree))
        # Why a typed time was not taken, right under the table rather than in a box to dismiss.
        self.refusal = QLabel()
        self.refusal.setStyleSheet("color: #c62828;")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        self.model.refused.connect(self.show_refusal)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # The short columns as wide as their text; the title takes the rest and wraps
        # onto at most WrappingDelegate.MAX_LINES lines (elided, whole in its tooltip).
        metrics = self.tree.fontMetrics()
        for column, sample in ((TIME, "⚠ 00:00–00:00"), (KIND, "Conclusions"), (FORMAT, "Plénière")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            extra = self.tree.indentation() + 12 if column == TIME else 16
            self.tree.setColumnWidth(column, metrics.horizontalAdvance(sample) + extra)
        header.setSectionResizeMode(DEBATE, QHeaderView.ResizeMode.ResizeToContents)
        # Row heights depend on the title's width: lay out again when it changes.
        header.sectionResized.connect(lambda column, *_: column == TITLE and self.tree.doItemsLayout())

        self.add_item_action = self._action(self.tr("Add item"), QKeySequence("Insert"), self.add_item)
        self.add_subtopic_action = self._action(
            self.tr("Add sub-topic"), QKeySequence("Shift+Insert"), self.add_subtopic
        )
        self.delete_action = self._action(self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete)
        self.up_action = self._action(self.tr("Move up"), QKeySequence("Alt+Up"), lambda: self.move(-1))
        self.down_action = self._action(self.tr("Move down"), QKeySequence("Alt+Down"), lambda: self.move(1))
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.add_item_action, self.add_subtopic_action, self.delete_action])
        bar.addSeparator()
        bar.addActions([self.up_action, self.down_action])

        self.problems = QLabel()
        self.problems.setStyleSheet("color: #c62828;")
        self.problems.setWordWrap(True)

        self.people = PeoplePanel(db, undo_stack, self.model._done, self)
        self.people.setMinimumWidth(300)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.refusal)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.people)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Enough for the people table to show functions on two lines beside the titles.
        splitter.setSizes([520, 510])

        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems)

        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.refreshed.connect(self._refreshed)
        self._current_changed()

    def _action(self, text: str, keys, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        # On the tree only: Del and Alt+Up in a text field or the people table stay theirs.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.tree.addAction(action)
        return action

    # ------------------------------------------------------------ contract

    def set_meeting(self, meeting_id: int | None) -> None:
        changed = meeting_id != self.model.meeting_id
        self.model.set_meeting(meeting_id)
        if changed:
            self.tree.expandAll()
            if self.model.rowCount():
                self.select(self.model.index(0, 0))

    # ------------------------------------------------------------ actions

    def current(self) -> QModelIndex:
        return self.tree.currentIndex().siblingAtColumn(0)

    def select(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if index.parent().isValid():
            self.tree.expand(index.parent())
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.scrollTo(index)

    def select_item(self, item_id: int) -> None:
        self.select(self.model.index_of(item_id))

    def _finish_editing(self) -> None:
        """Store the cell being edited before the rows change under it."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return
        for column in range(self.model.columnCount()):
            editor = self.tree.indexWidget(index.siblingAtColumn(column))
            if editor is not None:
                self.tree.commitData(editor)
                self.tree.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # The window calls this before undo, redo and switching meetings.
    flush = _finish_editing

    def add_item(self) -> None:
        self._finish_editing()
        index = self.model.add_item(self.current())
        self._edit_title(index)

    def add_subtopic(self) -> None:
        self._finish_editing()
        current = self.current()
        if not current.isValid():
            dialogs.error(self, self.tr("Select the item that gets the sub-topic."))
            return
        self._edit_title(self.model.add_subtopic(current))

    def _edit_title(self, index: QModelIndex) -> None:
        if index.isValid():
            self.select(index)
            self.tree.edit(index.siblingAtColumn(TITLE))

    def delete(self) -> None:
        self._finish_editing()
        current = self.current()
        if not current.isValid():
            return
        row, parent = current.row(), current.parent()
        if self.model.delete(current):
            remaining = self.model.rowCount(parent)
            self.select(self.model.index(min(row, remaining - 1), 0, parent) if remaining else parent)

    def move(self, delta: int) -> None:
        self._finish_editing()
        current = self.current()
        item = self.model.row_for(current)
        if item is not None and self.model.move(current, delta):
            self.select(self.model.index_of(item.id))

    # ------------------------------------------------------------ reactions

    def show_refusal(self, reason: str) -> None:
        self.refusal.setText(reason)
        self.refusal.setVisible(bool(reason))

    def _current_changed(self, *_args) -> None:
        current = self.current()
        has = current.isValid()
        for action in (self.add_subtopic_action, self.delete_action, self.up_action, self.down_action):
            action.setEnabled(has)
        self.people.show_item(self.model.row_for(current))

    def _refreshed(self) -> None:
        self.people.show_item(self.model.row_for(self.current()))
        count = self.model.problem_count()
        if count:
            self.problems.setText(
                self.tr("⚠ %n item(s) with a time problem: hover the red times to see why.", "", count)
            )
        self.problems.setVisible(bool(count))
