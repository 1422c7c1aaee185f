"""Cell editors: a combo box for civility, mode and status instead of free text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget


class ChoiceDelegate(QStyledItemDelegate):
    """Offers ``choices`` (code -> label); ``editable`` also accepts typed text (civility)."""

    def __init__(self, choices: dict[str, str], *, editable: bool = False, parent=None):
        super().__init__(parent)
        self._choices = choices
        self._editable = editable

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self._editable)
        for code, label in self._choices.items():
            combo.addItem(label, code)
        # Commit on choice: a secretary expects the pick to stick without pressing Enter.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        at = editor.findData(value)
        if at >= 0:
            editor.setCurrentIndex(at)
        elif self._editable:
            editor.setEditText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        if self._editable:
            text = editor.currentText().strip()
            at = editor.findText(text)
            value = editor.itemData(at) if at >= 0 else text
        else:
            value = editor.currentData()
        model.setData(index, value, Qt.ItemDataRole.EditRole)
