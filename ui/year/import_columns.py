"""Import participants, columns page: the field each column feeds, remembered per set of headers.

``field_names`` names the fields (a person's from ``ui.person_labels``,
the others in the import dialog's translation context); the mapping the
user confirmed is remembered for the next file with the same headers;
``PreviewModel`` shows the file's first rows with the field each column
feeds.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from models import people_import
from models.tabular import Table
from ui import person_labels
from ui.settings import Settings

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
PREVIEW_ROWS = 8


def field_names() -> dict[str, str]:
    return {
        **person_labels.labels(),
        "mode": QCoreApplication.translate("ImportDialog", "In person / remote"),
        "status": QCoreApplication.translate("ImportDialog", "Status"),
        "role": QCoreApplication.translate("ImportDialog", "Role"),
        "represented_by": QCoreApplication.translate("ImportDialog", "Represented by"),
        "arrival": QCoreApplication.translate("ImportDialog", "Arrival"),
        "departure": QCoreApplication.translate("ImportDialog", "Departure"),
    }


# ---------------------------------------------------------------- the mapping remembered


def _store(settings: Settings):
    # ui.settings has named accessors only; a mapping per header set is keyed by a hash, so it
    # goes to the same QSettings store directly.
    return settings._q


def _headers_key(headers: tuple[str, ...]) -> str:
    digest = hashlib.sha1("\x1f".join(sorted(headers)).encode("utf-8")).hexdigest()[:16]
    return f"import/mappings/{digest}"


def remembered_mapping(settings: Settings, headers: tuple[str, ...]) -> dict[str, str] | None:
    """The mapping the user last confirmed for this set of headers (only headers still there)."""
    raw = _store(settings).value(_headers_key(headers), "")
    try:
        mapping = json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None
    if not isinstance(mapping, dict):
        return None
    return {
        f: h for f, h in mapping.items() if f in people_import.FIELDS and isinstance(h, str) and h in headers
    }


def remember_mapping(settings: Settings, headers: tuple[str, ...], mapping: dict[str, str]) -> None:
    _store(settings).setValue(_headers_key(headers), json.dumps(mapping, ensure_ascii=False))


# ---------------------------------------------------------------- the preview


class PreviewModel(QAbstractTableModel):
    """The first rows of the file; each column's header names the field it feeds."""

    def __init__(self, table: Table, field_names: dict[str, str], parent=None):
        super().__init__(parent)
        self.headers = table.headers
        self.rows = [r.values for r in table.rows[:PREVIEW_ROWS]]
        self.lines = [r.line for r in table.rows[:PREVIEW_ROWS]]
        self._field_names = field_names
        self.fed: dict[str, str] = {}  # header -> field

    def set_mapping(self, mapping: dict[str, str]) -> None:
        self.fed = {h: f for f, h in mapping.items() if h}
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
            if self.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.lines[section]) if 0 <= section < len(self.lines) else None
        if not 0 <= section < len(self.headers):
            return None
        header = self.headers[section]
        field = self.fed.get(header)
        return (
            f"{header}\n→ {self._field_names[field]}" if field else f"{header}\n({self.tr('not imported')})"
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        values = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return values[index.column()] if index.column() < len(values) else ""
        if role == Qt.ItemDataRole.ForegroundRole and self.headers[index.column()] not in self.fed:
            return QBrush(QColor("#888888"))
        return None
