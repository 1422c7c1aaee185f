"""Cell editors: a combo box for civility, mode, status, role and proxy instead of free text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget


class ChoiceDelegate(QStyledItemDelegate):
    """Offers ``choices`` (code -> label, or a function of the edited index giving them: the proxy
    offers everyone but the row itself); ``editable`` also accepts typed text (civility)."""

    def __init__(
        self,
        choices: dict[Any, str] | Callable[[QModelIndex], dict[Any, str]],
        *,
        editable: bool = False,
        parent=None,
    ):
        super().__init__(parent)
        self._choices = choices
        self._editable = editable

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self._editable)
        choices = self._choices(index) if callable(self._choices) else self._choices
        for code, label in choices.items():
            combo.addItem(label, code)
        # Commit on choice: a secretary expects the pick to stick without pressing Enter.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        value = "" if value is None else value
        at = editor.findData(value)
        if at >= 0:
            editor.setCurrentIndex(at)
        elif self._editable:
            editor.setEditText(str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        if self._editable:
            text = editor.currentText().strip()
            at = editor.findText(text)
            value = editor.itemData(at) if at >= 0 else text
        else:
            value = editor.currentData()
        model.setData(index, value, Qt.ItemDataRole.EditRole)
