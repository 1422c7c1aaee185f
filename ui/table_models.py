"""The bases of the list models: a flat table of ``rows``, or groups of lines one level deep.

A subclass sets ``COLUMN_COUNT`` (how many columns) and names them in
``header_names``, whose ``self.tr`` calls stay in the subclass so that the
names keep their translation context.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class NamedColumns:
    """The horizontal header: ``header_names()`` by section. ``NUMBERED`` numbers the rows in the
    vertical header (as Qt's default does)."""

    COLUMN_COUNT = 0
    NUMBERED = False

    def header_names(self) -> Sequence[str]:
        """The columns' titles, in order (translated by the subclass)."""
        return ()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = self.header_names()
            return names[section] if 0 <= section < len(names) else None
        return section + 1 if self.NUMBERED else None


class RowsModel(NamedColumns, QAbstractTableModel):
    """One row per item of ``rows``, ``COLUMN_COUNT`` columns; ``EDITABLE`` makes every cell editable."""

    EDITABLE = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsEditable if self.EDITABLE else flags


class GroupsModel(NamedColumns, QAbstractItemModel):
    """Read-only: the items of ``groups`` at the top, the ``lines_of`` each below them.

    An index's internal id is 0 for a group, and its group's row + 1 for a line.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[Any] = []

    def lines_of(self, group: Any) -> Sequence[Any]:
        """The lines shown under a group."""
        raise NotImplementedError

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.lines_of(self.groups[parent.row()]))
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return self.COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
