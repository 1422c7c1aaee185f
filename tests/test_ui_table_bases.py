"""The shared bases of the lists: ``RowsModel`` and ``GroupsModel`` under Qt's model tester,
``list_table`` and ``list_tree`` on real widgets offscreen, keys included."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from ui.list_views import list_table, list_tree
from ui.table_models import GroupsModel, RowsModel


def refill(model, **values) -> None:
    """Sets the model's lists as a reset, as the application's models do."""
    model.beginResetModel()
    for name, value in values.items():
        setattr(model, name, value)
    model.endResetModel()


class FruitModel(RowsModel):
    COLUMN_COUNT = 3

    def header_names(self) -> tuple[str, ...]:
        return (self.tr("Fruit"), self.tr("Colour"), self.tr("Notes"))

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][index.column()]


class EditableFruitModel(FruitModel):
    NUMBERED = True
    EDITABLE = True


class BasketModel(GroupsModel):
    COLUMN_COUNT = 2

    def header_names(self) -> tuple[str, ...]:
        return (self.tr("Basket"), self.tr("Weight"))

    def lines_of(self, group: tuple[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
        return group[1]

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.internalId() == 0:
            return self.groups[index.row()][0] if index.column() == 0 else ""
        return self.groups[index.internalId() - 1][1][index.row()][index.column()]


ROWS = [("apple", "red", "crisp"), ("banana", "yellow", ""), ("plum", "purple", "sour skin")]


@pytest.mark.parametrize("kind", [FruitModel, EditableFruitModel])
def test_a_rows_model_passes_the_model_tester_empty_and_filled(qtmodeltester, kind):
    model = kind()
    qtmodeltester.check(model)
    refill(model, rows=list(ROWS))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 3)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0


def test_the_headers_are_the_subclass_names_by_section():
    model = FruitModel()
    horizontal = [model.headerData(s, Qt.Orientation.Horizontal) for s in range(3)]
    assert horizontal == ["Fruit", "Colour", "Notes"]
    assert model.headerData(3, Qt.Orientation.Horizontal) is None
    assert model.headerData(-1, Qt.Orientation.Horizontal) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert EditableFruitModel().headerData(0, Qt.Orientation.Vertical) == 1


def test_flags_are_read_only_unless_editable():
    read_only, editable = FruitModel(), EditableFruitModel()
    refill(read_only, rows=list(ROWS))
    refill(editable, rows=list(ROWS))
    base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
    assert read_only.flags(read_only.index(1, 1)) == base
    assert editable.flags(editable.index(1, 1)) == base | Qt.ItemFlag.ItemIsEditable
    assert read_only.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert editable.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_a_list_table_selects_one_whole_row_and_edits_nothing(qtbot):
    model = FruitModel()
    refill(model, rows=list(ROWS))
    table = list_table(model, stretch=2)
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    assert table.model() is model
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not table.wordWrap()
    assert table.verticalHeader().isHidden()
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch

    table.setFocus()
    table.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    assert [i.row() for i in table.selectionModel().selectedRows()] == [1]
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [2]  # one row at a time
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClick(table, Qt.Key.Key_X)
    assert table.state() != QAbstractItemView.State.EditingState
    assert model.rows == ROWS


def test_a_list_table_may_select_several_rows(qtbot):
    model = FruitModel()
    refill(model, rows=list(ROWS))
    table = list_table(model, stretch=0, selection=QAbstractItemView.SelectionMode.ExtendedSelection)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    assert table.horizontalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(i.row() for i in table.selectionModel().selectedRows()) == [0, 1]


def test_a_list_tree_sizes_its_first_columns_and_stretches_the_next(qtbot):
    model = FruitModel()
    refill(model, rows=list(ROWS))
    tree = list_tree(model, widths=(140, 120))
    qtbot.addWidget(tree)
    tree.resize(600, 300)
    tree.show()
    qtbot.waitExposed(tree)
    assert tree.model() is model
    assert tree.alternatingRowColors()
    assert tree.uniformRowHeights()
    assert tree.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    header = tree.header()
    assert not header.stretchLastSection()
    assert [header.sectionResizeMode(c) for c in range(3)] == [
        QHeaderView.ResizeMode.Interactive,
        QHeaderView.ResizeMode.Interactive,
        QHeaderView.ResizeMode.Stretch,
    ]
    assert (tree.columnWidth(0), tree.columnWidth(1)) == (140, 120)


def test_a_groups_model_passes_the_model_tester_and_nests_one_level(qtmodeltester):
    model = BasketModel()
    qtmodeltester.check(model)
    refill(
        model,
        groups=[
            ("left", [("apple", "150 g"), ("plum", "40 g")]),
            ("empty", []),
            ("right", [("fig", "50 g")]),
        ],
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    left, empty, right = (model.index(r, 0) for r in range(3))
    assert (model.rowCount(left), model.rowCount(empty), model.rowCount(right)) == (2, 0, 1)
    assert model.rowCount(model.index(0, 1)) == 0  # only the first column has children
    plum = model.index(1, 1, left)
    assert plum.data() == "40 g"
    assert model.parent(plum) == left
    assert model.parent(left) == QModelIndex()
    assert model.rowCount(plum) == 0
    assert model.columnCount(plum) == 2
    assert [model.headerData(s, Qt.Orientation.Horizontal) for s in range(3)] == ["Basket", "Weight", None]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.flags(plum) == Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
