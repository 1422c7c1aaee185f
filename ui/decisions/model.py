"""The decisions register as a table, its filter, and one decision's history across meetings.

The register is short (tens of rows), so after each command the whole of
it is read again; rows whose id and place are unchanged are updated in
place (``dataChanged``), so the selection and the cell being edited stay.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack

from models.database import Database
from models.services import decisions, meetings
from ui import labels
from ui.decisions import commands
from ui.table_models import RowsModel
from ui.undo import DataCommand, run

COLUMNS = ("number", "text", "item", "owner", "due", "status", "follow_up")
ITEM_COLUMN = COLUMNS.index("item")
OWNER_COLUMN = COLUMNS.index("owner")
DUE_COLUMN = COLUMNS.index("due")
STATUS_COLUMN = COLUMNS.index("status")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STILL_OPEN = "still_open"  # the status filter's « open or in progress », as `decisions --open`
_STATUS_COLOURS = {"open": "#a35c00", "in_progress": "#1f5fa8", "done": "#1b7a2f", "dropped": "#6b6b6b"}

Index = QModelIndex | QPersistentModelIndex


class DecisionRow(NamedTuple):
    id: int
    version: int
    number: str
    text: str
    item_id: int | None
    item: str
    owner_id: int | None  # a participant of the list
    owner_text: str  # or an organisation written out
    owner: str  # whichever of the two, as shown
    due: dt.date | None
    status: str
    follow_up: str
    previous_id: int | None


def _read(db: Database, meeting_id: int) -> tuple[list[DecisionRow], dict[int, str], dict[int, str], int]:
    """The register, the items a decision may belong to, the participants who may own one, the year."""
    with db.reading() as session:
        meeting = meetings.get_meeting(session, meeting_id)
        items: dict[int, str] = {}
        for item in meeting.programme:
            if item.kind in ("break", "meal"):
                continue  # no item of the agenda: nothing is decided over coffee
            items[item.id] = item.title
            for sub in item.subtopics:
                items[sub.id] = "    " + sub.title
        people = {a.id: a.person.display_name or a.person.organisation for a in meeting.attendance}
        rows = [
            DecisionRow(
                d.id,
                d.version,
                d.number,
                d.text,
                d.programme_item_id,
                d.programme_item.title if d.programme_item is not None else "",
                d.owner_attendance_id,
                d.owner_text,
                d.owner_name,
                d.due,
                d.status,
                d.follow_up,
                d.previous_id,
            )
            for d in decisions.list_decisions(session, meeting_id)
        ]
        return rows, items, people, meeting.date.year


class DecisionsModel(RowsModel):
    COLUMN_COUNT = len(COLUMNS)
    NUMBERED = True
    EDITABLE = True
    stored = Signal()
    failed = Signal(str)

    def __init__(self, db: Database, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self.statuses = labels.decision_statuses()
        self._headers = (
            self.tr("No."),
            self.tr("Decision"),
            self.tr("Item"),
            self.tr("Owner"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Follow-up"),
        )
        self._brushes = {code: QBrush(QColor(colour)) for code, colour in _STATUS_COLOURS.items()}
        self.meeting_id: int | None = None
        self.rows: list[DecisionRow] = []
        self.items: dict[int, str] = {}
        self.people: dict[int, str] = {}
        self.year = 0

    # Reading ---------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            fresh, items, people, year = [], {}, {}, 0
        else:
            fresh, items, people, year = _read(self._db, meeting_id)
        self.items, self.people, self.year = items, people, year
        if meeting_id == self.meeting_id and [r.id for r in fresh] == [r.id for r in self.rows]:
            changed = [i for i, (old, new) in enumerate(zip(self.rows, fresh, strict=True)) if old != new]
            self.rows = fresh
            for i in changed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.meeting_id = meeting_id
        self.rows = fresh
        self.endResetModel()

    def reload(self) -> None:
        self.set_meeting(self.meeting_id)

    def row_of(self, decision_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == decision_id), None)

    def owners(self) -> list[str]:
        """The owners named in the register, for the owner filter."""
        return sorted({r.owner for r in self.rows if r.owner}, key=str.casefold)

    # Qt model interface -----------------------------------------------------

    def header_names(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        name = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "status":
                return self.statuses[row.status]
            if name == "due":
                return row.due.isoformat() if row.due else ""
            if name in ("text", "follow_up"):
                return " ".join(getattr(row, name).split())  # one line in the table
            return getattr(row, name)
        if role == Qt.ItemDataRole.EditRole:
            if name == "item":
                return row.item_id or 0  # 0: no item (a combo finds no None)
            if name == "owner":
                return row.owner_id if row.owner_id is not None else row.owner_text
            if name == "due":
                return row.due.isoformat() if row.due else ""
            return getattr(row, name)
        if role == Qt.ItemDataRole.ToolTipRole and name in ("text", "follow_up"):
            return getattr(row, name) or None
        if role == Qt.ItemDataRole.ForegroundRole and name == "status":
            return self._brushes[row.status]
        if role == ID_ROLE:
            return row.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        name = COLUMNS[index.column()]
        if name == "item":
            fields: dict[str, Any] = {"programme_item_id": int(value) if value else None}
        elif name == "owner":
            fields = self._owner_fields(value)
        elif name == "due":
            fields = {"due": str(value or "").strip()}
        elif name == "status":
            fields = {"status": value}
        else:
            fields = {name: str(value or "")}
        if self._unchanged(row, fields):
            return False
        return self.edit(row.id, fields)

    def _owner_fields(self, value: Any) -> dict[str, Any]:
        if isinstance(value, int) and value in self.people:
            return {"owner_attendance_id": value, "owner_text": ""}
        text = str(value or "").strip()
        # A participant's name typed out is that participant, not an organisation of that name.
        by_name = next((i for i, name in self.people.items() if name.casefold() == text.casefold()), None)
        if by_name is not None:
            return {"owner_attendance_id": by_name, "owner_text": ""}
        return {"owner_attendance_id": None, "owner_text": text}

    @staticmethod
    def _unchanged(row: DecisionRow, fields: dict[str, Any]) -> bool:
        current = {
            "number": row.number,
            "text": row.text,
            "programme_item_id": row.item_id,
            "owner_attendance_id": row.owner_id,
            "owner_text": row.owner_text,
            "due": row.due.isoformat() if row.due else "",
            "status": row.status,
            "follow_up": row.follow_up,
        }
        return all(current[name] == value for name, value in fields.items())

    # Changes: each one undo command -------------------------------------------

    def _push(self, command: DataCommand) -> bool:
        return run(self._stack, command, self.failed.emit)

    def _done(self) -> None:
        self.reload()
        self.stored.emit()

    def edit(self, decision_id: int, fields: dict[str, Any]) -> bool:
        row = self.rows[self.row_of(decision_id)]
        text = self.tr("Edit decision {0}").format(row.number)
        return self._push(
            commands.EditDecision(
                self._db, text, decision_id, fields, self._done, expected_version=row.version
            )
        )

    def add(self) -> int | None:
        """A new decision at the end, numbered after the year's highest; its id."""
        if self.meeting_id is None:
            return None
        command = commands.AddDecision(self._db, self.tr("Add a decision"), self.meeting_id, self._done)
        return command.obj_id if self._push(command) else None

    def delete(self, decision_id: int) -> bool:
        at = self.row_of(decision_id)
        if at is None:
            return False
        text = self.tr("Delete decision {0}").format(self.rows[at].number)
        return self._push(commands.DeleteDecision(self._db, text, decision_id, self._done))


class DecisionsFilter(QSortFilterProxyModel):
    """Keeps the decisions of one status (or still open) and of one owner."""

    def __init__(self, source: DecisionsModel, parent=None):
        super().__init__(parent)
        self._source = source
        self.status: str | None = None
        self.owner: str | None = None
        self.setSourceModel(source)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_owner(self, owner: str | None) -> None:
        self.beginFilterChange()
        self.owner = owner
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self._source.rows[source_row]
        if self.status == STILL_OPEN:
            if row.status not in decisions.STILL_OPEN:
                return False
        elif self.status is not None and row.status != self.status:
            return False
        return self.owner is None or row.owner == self.owner


class DecisionHistoryModel(RowsModel):
    """One decision in every meeting it went through, oldest first (``decisions.history``)."""

    COLUMN_COUNT = 5
    NUMBERED = True
    rows: list[decisions.Step]

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self._db = db
        self.statuses = labels.decision_statuses()
        self.current_meeting: int | None = None
        self._headers = (
            self.tr("Meeting date"),
            self.tr("Meeting"),
            self.tr("No."),
            self.tr("Status"),
            self.tr("Follow-up"),
        )
        self._bold = QFont()
        self._bold.setBold(True)

    def show_decision(self, decision_id: int | None, meeting_id: int | None) -> None:
        self.beginResetModel()
        self.current_meeting = meeting_id
        if decision_id is None:
            self.rows = []
        else:
            with self._db.reading() as session:
                self.rows = decisions.history(session, decision_id)
        self.endResetModel()

    def header_names(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        step = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                step.meeting_date.strftime("%d/%m/%Y"),
                " ".join(step.meeting_title.split()),
                step.number,
                self.statuses[step.status],
                " ".join(step.follow_up.split()),
            )[index.column()]
        if role == Qt.ItemDataRole.FontRole and step.meeting_id == self.current_meeting:
            return self._bold  # the meeting open in the editor
        return None
