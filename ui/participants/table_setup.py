"""How the attendance table is set up: selection, editing, sorting, row height, delegates, widths.

The texts keep the translation context of the tab (``ParticipantsTab``),
where their French is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.labels import CIVILITIES
from ui.participants.columns import (
    CIVILITY_COLUMN,
    COLUMNS,
    ID_ROLE,
    MODE_COLUMN,
    PROXY_COLUMN,
    ROLE_COLUMN,
    STATUS_COLUMN,
)
from ui.participants.delegates import ChoiceDelegate
from ui.participants.table_model import ParticipantsModel

_MAX_COLUMN_PX = 260
# The columns share the width: the long texts give way (a tooltip or a wider column shows them).
_NARROWER = {"function": 160, "organisation": 170, "represented_by": 140, "arrival": 100, "departure": 100}


def setup_table(table: QTableView, model: ParticipantsModel) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    # Letters are marking keys here, so typing never opens an editor by accident.
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(True)
    header = table.horizontalHeader()
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    # So many columns rarely fit: none is stretched (a stretched one is squeezed to nothing when
    # they overflow); the last takes whatever room is left.
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Sizing from a sample keeps opening 5,000 rows fast.
    header.setResizeContentsPrecision(200)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    civilities = {
        code: code or QCoreApplication.translate("ParticipantsTab", "(none)") for code in CIVILITIES
    }
    table.setItemDelegateForColumn(CIVILITY_COLUMN, ChoiceDelegate(civilities, editable=True, parent=table))
    table.setItemDelegateForColumn(MODE_COLUMN, ChoiceDelegate(model.modes, parent=table))
    table.setItemDelegateForColumn(STATUS_COLUMN, ChoiceDelegate(model.statuses, parent=table))
    roles = {
        code: label or QCoreApplication.translate("ParticipantsTab", "(no role)")
        for code, label in model.roles.items()
    }
    table.setItemDelegateForColumn(ROLE_COLUMN, ChoiceDelegate(roles, parent=table))
    table.setItemDelegateForColumn(
        PROXY_COLUMN,
        ChoiceDelegate(
            lambda index: model.proxy_choices(index.data(ID_ROLE)),
            parent=table,
        ),
    )


def size_columns(table: QTableView, model: ParticipantsModel) -> None:
    table.resizeColumnsToContents()
    # Long organisation names would push the status and committee columns out of sight.
    for column in range(model.columnCount()):
        most = _NARROWER.get(COLUMNS[column], _MAX_COLUMN_PX)
        if table.columnWidth(column) > most:
            table.setColumnWidth(column, most)
