"""Read-only lists: a table of whole rows or a tree of groups, nothing edited, one column stretched."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView


def list_table(
    model: QAbstractItemModel,
    stretch: int,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
) -> QTableView:
    """A table of ``model`` showing one line per row, columns sized to their contents but ``stretch``,
    which takes the width left; rows are selected whole (one at a time unless ``selection`` says)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def list_tree(model: QAbstractItemModel, widths: Sequence[int]) -> QTreeView:
    """A tree of ``model`` with alternating rows of one height; the first columns take ``widths``
    (the user may resize them), the next one stretches over the width left."""
    tree = QTreeView()
    tree.setModel(model)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(len(widths)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(len(widths), QHeaderView.ResizeMode.Stretch)
    for column, width in enumerate(widths):
        tree.setColumnWidth(column, width)
    return tree
