"""The outline tree, wrapping long section titles instead of cutting them.

Section titles of a report run to two lines (« Résoudre le problème des
déplacements internes : Le rôle des municipalités… »); the secretary must
read them whole to find her place.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

_PADDING = 6


class _WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView):
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        depth, up = 1, index.parent()
        while up.isValid():
            depth, up = depth + 1, up.parent()
        width = self._view.viewport().width() - self._view.indentation() * depth - 2 * _PADDING
        if width <= 0:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = QFontMetrics(opt.font).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, opt.text
        )
        return QSize(width, text.height() + _PADDING)


class OutlineView(QTreeView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_WrappingDelegate(self))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Row heights depend on the width: measure again.
        self.scheduleDelayedItemsLayout()
