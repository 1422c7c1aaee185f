"""The side panel: moderators and speakers of the selected item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from ui import dialogs, labels
from ui.programme.delegates import NameDelegate, SuggestionDelegate, role_delegate
from ui.programme.people_model import FUNCTION, LABEL, NAME, REMOTE, ROLE, PeopleModel
from ui.programme.roster import Pick, RosterCompleter
from ui.programme.rows import ItemRow


class PeoplePanel(QWidget):
    def __init__(self, db: Database, undo_stack: QUndoStack, on_done: Callable[[], None], parent=None):
        super().__init__(parent)
        self.model = PeopleModel(db, undo_stack, on_done, self)
        self.model.failed.connect(lambda text: dialogs.error(self, text))
        self._pick: Pick | None = None

        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(ROLE, role_delegate(self.table))
        self.table.setItemDelegateForColumn(
            LABEL, SuggestionDelegate(labels.ROLE_LABEL_SUGGESTIONS, self.table)
        )
        self.table.setItemDelegateForColumn(NAME, NameDelegate(db, self.table))
        header = self.table.horizontalHeader()
        for column in (ROLE, LABEL, REMOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FUNCTION, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(
            NAME, self.table.fontMetrics().horizontalAdvance("M. Alexandru Osadci") + 16
        )
        # Functions are the longest texts: two lines each, the rest elided (whole in the tooltip).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 2 + 10)

        self.remove_action = self._action(self.tr("Remove"), QKeySequence.StandardKey.Delete, self.remove)
        self.up_action = self._action(self.tr("Up"), QKeySequence("Alt+Up"), lambda: self.move(-1))
        self.down_action = self._action(self.tr("Down"), QKeySequence("Alt+Down"), lambda: self.move(1))
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.remove_action, self.up_action, self.down_action])

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Name: type to search the roster, or a new name"))
        self.function_edit = QLineEdit()
        self.function_edit.setPlaceholderText(self.tr("Function"))
        self.completer = RosterCompleter(db, self.name_edit)
        self.completer.picked.connect(self._picked)
        self.add_speaker_button = QPushButton(self.tr("Add speaker"))
        self.add_moderator_button = QPushButton(self.tr("Add moderator"))
        self.add_speaker_button.clicked.connect(lambda: self.add("speaker"))
        self.add_moderator_button.clicked.connect(lambda: self.add("moderator"))
        self.name_edit.returnPressed.connect(lambda: self.add("speaker"))
        form = QGridLayout()
        form.addWidget(self.name_edit, 0, 0, 1, 2)
        form.addWidget(self.function_edit, 1, 0, 1, 2)
        form.addWidget(self.add_speaker_button, 2, 0)
        form.addWidget(self.add_moderator_button, 2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        self.show_item(None)

    def _action(self, text: str, keys, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    def show_item(self, item: ItemRow | None) -> None:
        self.model.show_item(item)
        enabled = item is not None
        for widget in (self.table, self.name_edit, self.function_edit):
            widget.setEnabled(enabled)
        for widget in (self.add_speaker_button, self.add_moderator_button):
            widget.setEnabled(enabled)
        if item is None:
            self.caption.setText(
                self.tr("Select an item of the programme to see its moderators and speakers.")
            )
        else:
            self.caption.setText(self.tr("<b>Moderators and speakers</b> of “{0}”").format(item.title))

    def _picked(self, pick: Pick) -> None:
        self._pick = pick
        self.function_edit.setText(pick.function)

    def add(self, role: str) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.name_edit.setFocus()
            return
        pick = self._pick if self._pick is not None and self._pick.name == name else None
        row = self.model.add(role, name, pick, self.function_edit.text())
        if row is not None:
            self.name_edit.clear()
            self.function_edit.clear()
            self._pick = None
            self.table.selectRow(row)

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def remove(self) -> None:
        row = self._current_row()
        if row >= 0 and self.model.delete(row):
            self.table.selectRow(min(row, self.model.rowCount() - 1))

    def move(self, delta: int) -> None:
        row = self._current_row()
        if row >= 0 and self.model.move(row, delta):
            self.table.selectRow(row + delta)
