"""The attendance table model: a cache of plain rows, changed through undo commands.

The meeting is read once per ``set_meeting``; after each command only the
rows it touched are read again (``sync``), so marking one person among
5,000 costs one small query and one ``dataChanged``, never a reload.
Sorting happens here, in Python on precomputed keys, rather than in the
proxy, whose C++ sort would call ``data()`` thousands of times per change.
A sort is applied when asked and not kept up live: a row just marked stays
where the secretary's eyes are instead of jumping to its new place.

The columns are described in ``ui.participants.columns``, the rows in ``ui.participants.rows``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack

from models.database import Database
from models.services import attendance
from ui import labels
from ui.participants import commands
from ui.participants.columns import (
    COLUMNS,
    COMMITTEE_COLUMNS,
    ID_ROLE,
    MODE_COLUMN,
    PROXY_COLUMN,
    ROLE_COLUMN,
    STATUS_COLOURS,
    STATUS_COLUMN,
    headers,
)
from ui.participants.folding import fold
from ui.participants.rows import (
    NO_COMMITTEE,
    PERSON_FIELDS,
    ParticipantRow,
    combined,
    consecutive_runs,
    haystack,
    shown,
    sort_key,
)
from ui.table_models import RowsModel
from ui.undo import DataCommand, run

_DISPLAY, _EDIT, _FOREGROUND, _TOOLTIP, _ID = (
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        ID_ROLE,
    )
)

Index = QModelIndex | QPersistentModelIndex


class ParticipantsModel(RowsModel):
    COLUMN_COUNT = len(COLUMNS)
    NUMBERED = True
    EDITABLE = True
    stored = Signal()
    failed = Signal(str)

    def __init__(self, db: Database, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self.statuses = labels.attendance_statuses()
        self._statuses_feminine = labels.attendance_statuses_feminine()
        self.modes = labels.attendance_modes()
        self.roles = labels.attendance_roles()
        self._headers = headers()
        self._brushes = {code: QBrush(QColor(colour)) for code, colour in STATUS_COLOURS.items()}
        self.meeting_id: int | None = None
        self.rows: list[ParticipantRow] = []
        self.hay: list[str] = []  # parallel to rows; read by the filter proxy
        self._row_of: dict[int, int] = {}
        self._tally: Counter[str] = (
            Counter()
        )  # kept up to date row by row: recounting 5,000 rows per mark costs
        # Sort column (-1: the meeting's list order) and order; the keys are kept by row id
        # so that a change re-sorts without refolding 5,000 names.
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._keys: dict[int, Any] = {}

    # Reading ---------------------------------------------------------------

    def _read(self, ids: Iterable[int] | None = None) -> list[ParticipantRow]:
        if self.meeting_id is None:
            return []
        ids = None if ids is None else list(ids)
        with self._db.reading() as session:
            rows = attendance.attendance_rows(session, self.meeting_id, ids)
            committee = attendance.committee_fields(session, self.meeting_id, ids)
        return [combined(row, committee.get(row.id, NO_COMMITTEE)) for row in rows]

    def _reindex(self) -> None:
        self._row_of = {row.id: i for i, row in enumerate(self.rows)}

    def _load(self, rows: list[ParticipantRow]) -> None:
        self.rows = rows
        self.hay = [haystack(row) for row in rows]
        self._reindex()
        self._tally = Counter()
        for row in rows:
            self._count(row, 1)

    def _count(self, row: ParticipantRow, sign: int) -> None:
        self._tally[row.status] += sign
        self._tally[row.mode] += sign
        if row.status == "present":
            self._tally[f"present_{row.mode}"] += sign

    def set_meeting(self, meeting_id: int | None) -> None:
        """Load a meeting; reloading the same one changes only the rows that differ."""
        if meeting_id is not None and meeting_id == self.meeting_id:
            self._refresh()
            return
        self.beginResetModel()
        self.meeting_id = meeting_id
        self._sort_column = -1
        self._load(self._read())
        self.endResetModel()

    def _refresh(self) -> None:
        fresh = self._read()
        if {row.id for row in fresh} == set(self._row_of):
            self._update(fresh)
            return
        # Rows came or went behind our back (another window): start again, in list order.
        self.beginResetModel()
        self._sort_column = -1
        self._load(fresh)
        self.endResetModel()

    def sync(self, ids: Iterable[int]) -> None:
        """Bring the rows ``ids`` in line with the database: update, insert or remove them."""
        ids = list(ids)
        fresh = {row.id: row for row in self._read(ids)}
        gone = sorted((self._row_of[i] for i in ids if i in self._row_of and i not in fresh), reverse=True)
        for first, last in reversed(consecutive_runs(sorted(gone))):
            self.beginRemoveRows(QModelIndex(), first, last)
            for row in self.rows[first : last + 1]:
                self._count(row, -1)
                self._keys.pop(row.id, None)  # back by undo, it is placed afresh
            del self.rows[first : last + 1]
            del self.hay[first : last + 1]
            self.endRemoveRows()
        if gone:
            self._reindex()
        self._update([row for row in fresh.values() if row.id in self._row_of])
        new = sorted((row for row in fresh.values() if row.id not in self._row_of), key=lambda r: r.position)
        for row in new:
            # Sorted, a row goes last, then to its sorted place; in list order, back to its place.
            at = len(self.rows) if self._sort_column >= 0 else min(row.position, len(self.rows))
            self.beginInsertRows(QModelIndex(), at, at)
            self._count(row, 1)
            self.rows.insert(at, row)
            self.hay.insert(at, haystack(row))
            self.endInsertRows()
        if new:
            self._reindex()
            self._keep_sorted([self._row_of[row.id] for row in new])

    def _update(self, fresh: list[ParticipantRow]) -> None:
        changed = []
        marks_only = True
        for row in fresh:
            i = self._row_of[row.id]
            before, after = shown(self.rows[i]), shown(row)
            if before != after:
                marks_only = marks_only and before[:PERSON_FIELDS] == after[:PERSON_FIELDS]
                self._count(self.rows[i], -1)
                self._count(row, 1)
                self.rows[i] = row
                self.hay[i] = haystack(row)
                changed.append(i)
        # Naming only the mark columns lets the filter proxy skip re-filtering.
        left = MODE_COLUMN if marks_only else 0
        for first, last in consecutive_runs(sorted(changed)):
            self.dataChanged.emit(self.index(first, left), self.index(last, len(COLUMNS) - 1))
        if not marks_only and self.rows:
            # A renamed person may be someone's proxy: that column shows their name.
            last_row = len(self.rows) - 1
            self.dataChanged.emit(self.index(0, PROXY_COLUMN), self.index(last_row, PROXY_COLUMN))
        self._keep_sorted(changed)

    # Qt model interface -----------------------------------------------------

    def header_names(self) -> tuple[str, ...]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view's hot path (seven roles per visible cell per paint): plain int compares.
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            if column == STATUS_COLUMN:
                labels = self._statuses_feminine if row.civility == "Mme" else self.statuses
                return labels[row.status]
            if column == MODE_COLUMN:
                return self.modes[row.mode]
            if column == ROLE_COLUMN:
                return self.roles[row.role]
            if column == PROXY_COLUMN:
                return self.name_of(row.represented_by_id)
            return getattr(row, COLUMNS[column])
        if role == _FOREGROUND:
            return self._brushes[row.status] if column == STATUS_COLUMN else None
        if role == _EDIT:
            if column == PROXY_COLUMN:
                return row.represented_by_id or 0  # 0: nobody (a combo finds no None)
            return getattr(row, COLUMNS[column])
        if role == _TOOLTIP:
            return row.email if column < MODE_COLUMN and row.email else None
        if role == _ID:
            return row.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        name = COLUMNS[index.column()]
        if name in ("mode", "status"):
            return value != getattr(row, name) and self.mark([row.id], **{name: value})
        if name == "represented_by":
            value = int(value) if value else None
            return value != row.represented_by_id and self.edit_attendance(row.id, represented_by_id=value)
        if name in COMMITTEE_COLUMNS:
            value = str(value or "").strip()
            return value != getattr(row, name) and self.edit_attendance(row.id, **{name: value})
        value = str(value or "").strip()
        return value != getattr(row, name) and self.edit_person(row.id, **{name: value})

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the cache; column -1 goes back to the meeting's list order."""
        self._sort_column, self._sort_order = column, order
        if column < 0:
            positions = {row.id: row.position for row in self._read()}
            self._keys = {}
            self._arrange(lambda r: positions.get(r.id, 0), reverse=False)
            return
        key = sort_key(column, self.name_of)
        self._keys = {row.id: key(row) for row in self.rows}
        self._arrange(lambda r: self._keys[r.id], reverse=order == Qt.SortOrder.DescendingOrder)

    def _keep_sorted(self, changed: list[int]) -> None:
        """Re-sort if the rows at ``changed`` no longer sort where they were (marked, sorted by status).

        Selection and current row follow their rows (persistent indexes)."""
        if self._sort_column < 0 or not changed:
            return
        key = sort_key(self._sort_column, self.name_of)
        moved = False
        for i in changed:
            row = self.rows[i]
            fresh = key(row)
            if self._keys.get(row.id) != fresh:
                self._keys[row.id] = fresh
                moved = True
        if moved:
            reverse = self._sort_order == Qt.SortOrder.DescendingOrder
            self._arrange(lambda r: self._keys[r.id], reverse=reverse)

    def _arrange(self, key: Callable[[ParticipantRow], Any], reverse: bool) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self.rows[p.row()].id, p.column()) for p in persistent]
        pairs = sorted(zip(self.rows, self.hay, strict=True), key=lambda pair: key(pair[0]), reverse=reverse)
        self.rows = [row for row, _ in pairs]
        self.hay = [hay for _, hay in pairs]
        self._reindex()
        self.changePersistentIndexList(persistent, [self.index(self._row_of[i], c) for i, c in held])
        self.layoutChanged.emit()

    # Lookups ------------------------------------------------------------------

    def row_of(self, attendance_id: int) -> int | None:
        return self._row_of.get(attendance_id)

    def name_of(self, attendance_id: int | None) -> str:
        """How a participant is named in another's cell (their proxy): civility, first and last name."""
        at = self._row_of.get(attendance_id) if attendance_id is not None else None
        if at is None:
            return ""
        row = self.rows[at]
        return " ".join(p for p in (row.civility, row.first_name, row.last_name) if p) or row.organisation

    def proxy_choices(self, attendance_id: int) -> dict[int, str]:
        """Whom a participant may be represented by: nobody, or any other row of the list."""
        others = sorted(
            (r for r in self.rows if r.id != attendance_id),
            key=lambda r: (fold(r.last_name), fold(r.first_name)),
        )
        return {0: self.tr("(nobody)"), **{r.id: self.name_of(r.id) for r in others}}

    def counts(self) -> dict[str, int]:
        """Rows per status, per mode, and per mode among those present (``present_remote``)."""
        tally = Counter(self._tally)
        tally["total"] = len(self.rows)
        return tally

    # Changes: each one undo command -------------------------------------------

    def _done(self, ids: list[int]) -> None:
        self.sync(ids)
        self.stored.emit()

    def _push(self, command: DataCommand) -> bool:
        return run(self._stack, command, self.failed.emit)

    def _who(self, ids: list[int]) -> str:
        if len(ids) == 1 and ids[0] in self._row_of:
            row = self.rows[self._row_of[ids[0]]]
            return " ".join(p for p in (row.first_name, row.last_name) if p) or row.organisation
        return self.tr("%n participants", "", len(ids))

    def mark(self, ids: Iterable[int], *, status: str | None = None, mode: str | None = None) -> bool:
        """Set status and/or mode of the rows ``ids`` in one undoable step."""
        ids = list(ids)
        if not ids or self.meeting_id is None:
            return False
        label = " · ".join(
            text for text in (self.statuses.get(status or ""), self.modes.get(mode or "")) if text
        )
        text = self.tr("{0}: {1}").format(label, self._who(ids))
        return self._push(commands.Mark(self._db, text, ids, self._done, status=status, mode=mode))

    def edit_person(self, attendance_id: int, **fields: str) -> bool:
        row = self.rows[self._row_of[attendance_id]]
        text = self.tr("Edit {0}").format(self._who([attendance_id]))
        return self._push(commands.EditPerson(self._db, text, row.id, row.person_id, self._done, **fields))

    def edit_attendance(self, attendance_id: int, **fields: Any) -> bool:
        """Role, proxy, arrival or departure of one row."""
        text = self.tr("Edit {0}").format(self._who([attendance_id]))
        return self._push(commands.EditAttendance(self._db, text, attendance_id, self._done, **fields))

    def arrive(self, ids: Iterable[int], field: str, value: str) -> bool:
        """Arrival (which also marks present) or departure of the rows ``ids``, in one step."""
        ids = list(ids)
        if not ids or self.meeting_id is None:
            return False
        if field == "arrival":
            text = self.tr("Arrival at {0}: {1}").format(value, self._who(ids))
        else:
            text = self.tr("Departure at {0}: {1}").format(value, self._who(ids))
        return self._push(commands.Arrive(self._db, text, ids, self._done, field, value))

    def add(self, **fields: Any) -> int | None:
        """Add a participant (``person_id`` from the roster, or person fields); the new row id."""
        if self.meeting_id is None:
            return None
        name = " ".join(fields.get(f) or "" for f in ("first_name", "last_name")).strip()
        text = self.tr("Add {0}").format(name or fields.get("organisation") or "")
        command = commands.AddParticipant(self._db, text, self.meeting_id, self._done, **fields)
        return command.attendance_id if self._push(command) else None

    def remove(self, ids: Iterable[int]) -> bool:
        ids = [i for i in ids if i in self._row_of]
        if not ids:
            return False
        text = self.tr("Remove {0}").format(self._who(ids))
        return self._push(commands.RemoveParticipants(self._db, text, ids, self._done))
