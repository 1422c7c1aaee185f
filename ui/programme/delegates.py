"""Editors for the programme's cells: kind and role as lists, names from the roster."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QWidget

from models.database import Database
from ui import labels, times
from ui.programme.people_model import LINK_ROLE
from ui.programme.roster import RosterCompleter


class ChoiceDelegate(QStyledItemDelegate):
    """A closed list of codes shown by their translated names."""

    def __init__(self, choices, parent=None):
        super().__init__(parent)
        self._choices = choices  # a function returning {code: label}, called when editing

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for code, label in self._choices().items():
            combo.addItem(label, code)
        # Committing on choice: one click on the list stores it.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SuggestionDelegate(QStyledItemDelegate):
    """Free text with a few suggestions (« Animateur », « Animatrice »)."""

    def __init__(self, suggestions, parent=None):
        super().__init__(parent)
        self._suggestions = suggestions

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(["", *self._suggestions])
        return combo

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class NameDelegate(QStyledItemDelegate):
    """A name typed freely or picked from the roster, which also links the row to that person."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self._db = db

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.pick = None
        completer = RosterCompleter(self._db, editor)
        completer.picked.connect(lambda pick: setattr(editor, "pick", pick))
        return editor

    def setEditorData(self, editor: QLineEdit, index: QModelIndex) -> None:
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QLineEdit, model, index: QModelIndex) -> None:
        pick = getattr(editor, "pick", None)
        if pick is not None and pick.name == editor.text():
            model.setData(index, pick, LINK_ROLE)
        else:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


def kind_delegate(parent=None) -> ChoiceDelegate:
    return ChoiceDelegate(labels.item_kinds, parent)


def role_delegate(parent=None) -> ChoiceDelegate:
    return ChoiceDelegate(labels.roles, parent)


class WrappingDelegate(QStyledItemDelegate):
    """Long titles wrap onto at most MAX_LINES lines: the row height follows the column's
    width, and a longer title ends in « … » (the model gives it whole as a tooltip)."""

    MAX_LINES = 3

    def __init__(self, view, parent=None):
        super().__init__(parent)
        self._view = view

    def sizeHint(self, option, index: QModelIndex):
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        width = self._view.columnWidth(index.column()) - 8
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self._view.indentation() * (depth + 1)
        if width <= 0:
            return hint
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        rect = option.fontMetrics.boundingRect(0, 0, width, 10_000, flags, text)
        tallest = option.fontMetrics.lineSpacing() * self.MAX_LINES
        hint.setHeight(max(hint.height(), min(rect.height(), tallest) + 6))
        return hint


class TimeDelegate(QStyledItemDelegate):
    """Times typed as a secretary writes them (ui/times.py); one that cannot be read keeps
    its editor open on Enter or Tab, with the reason shown by ``refuse(reason)``."""

    def __init__(self, refuse, parent=None):
        super().__init__(parent)
        self._refuse = refuse

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setPlaceholderText(self.tr("10h30-11h45"))
        return editor

    def eventFilter(self, editor, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and isinstance(editor, QLineEdit)
        ):
            try:
                times.parse_range(editor.text())
            except times.TimeError as exc:
                self._refuse(str(exc))
                editor.selectAll()
                return True  # the editor stays, with what was typed
        return super().eventFilter(editor, event)
