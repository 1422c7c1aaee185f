"""The meetings of the database, newest first, as a list model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from models.database import Database
from models.services import meetings
from ui import labels
from ui.sync import reconcile

ID_ROLE = Qt.ItemDataRole.UserRole + 1

# The invisible root, as a default argument (Qt passes one in; Python callers may not).
ROOT = QModelIndex()


@dataclass(eq=False)
class MeetingRow:
    id: int
    date: dt.date
    title: str
    status: str

    def values(self) -> tuple:
        return (self.date, self.title, self.status)


def _adopt(old: MeetingRow, new: MeetingRow) -> None:
    old.date, old.title, old.status = new.date, new.title, new.status


class MeetingsModel(QAbstractListModel):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self._db = db
        self.rows: list[MeetingRow] = []

    def refresh(self) -> None:
        with self._db.reading() as session:
            fresh = [MeetingRow(m.id, m.date, m.title, m.status) for m in meetings.list_meetings(session)]
        reconcile(self, QModelIndex(), self.rows, fresh, _adopt)

    def rowCount(self, parent: QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            draft = f" · {labels.meeting_statuses()['draft']}" if row.status == "draft" else ""
            return f"{row.date.year} — {row.title}\n{row.date:%d/%m/%Y}{draft}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title
        if role == ID_ROLE:
            return row.id
        return None

    def row_of(self, meeting_id: int | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == meeting_id), -1)
