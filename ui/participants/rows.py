"""The plain rows the attendance model caches, and what it derives from them.

A participant row is an attendance row with what a committee records
beside it; from it come what the filter looks in (``haystack``), what
shows (``shown``, compared to skip unchanged rows) and the key a column
sorts by (``sort_key``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from models.entities import ATTENDANCE_MODES, ATTENDANCE_ROLES, ATTENDANCE_STATUSES
from models.person_fields import NAMES
from models.services.attendance import AttendanceRow
from ui.participants.columns import COLUMNS
from ui.participants.folding import fold

# What shows of a row: the person's fields (``person_fields.NAMES``), then the attendance's.
_DISPLAYED = (*NAMES, "status", "mode", "role", "represented_by_id", "arrival", "departure")
PERSON_FIELDS = len(NAMES)
NO_COMMITTEE = ("", None, "", "")


# An attendance row (``models.services.attendance.AttendanceRow``: ids, the person's fields in
# the order of ``person_fields.NAMES``, status, mode, position) with what a committee records
# beside it (role, proxy, arrival, departure). Built from NAMES, hence not written as a class.
ParticipantRow = NamedTuple(
    "ParticipantRow",
    [
        ("id", int),
        ("person_id", int),
        *((name, str) for name in NAMES),
        ("status", str),
        ("mode", str),
        ("position", int),
        ("role", str),
        ("represented_by_id", int | None),
        ("arrival", str),
        ("departure", str),
    ],
)
_BASE_FIELDS = ParticipantRow._fields[: ParticipantRow._fields.index("role")]


def haystack(row: ParticipantRow) -> str:
    """What the filter looks in: names and organisation, folded once per row."""
    return fold(f"{row.first_name} {row.last_name} {row.organisation}")


def shown(row: ParticipantRow) -> tuple:
    # ``position`` left out: it shifts for every row after an insert and shows nowhere.
    return tuple(getattr(row, name) for name in _DISPLAYED)


def consecutive_runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def sort_key(
    column: int, names: Callable[[int | None], str] = lambda _i: ""
) -> Callable[[ParticipantRow], Any]:
    name = COLUMNS[column]
    if name in ("mode", "status", "role"):
        order = {"mode": ATTENDANCE_MODES, "status": ATTENDANCE_STATUSES, "role": ATTENDANCE_ROLES}[name]
        return lambda r: (order.index(getattr(r, name)), fold(r.last_name), fold(r.first_name))
    if name == "represented_by":
        return lambda r: (fold(names(r.represented_by_id)), fold(r.last_name), fold(r.first_name))
    return lambda r: (fold(getattr(r, name)), fold(r.last_name), fold(r.first_name))


def combined(row: AttendanceRow, committee: tuple) -> ParticipantRow:
    return ParticipantRow(*(getattr(row, name) for name in _BASE_FIELDS), *committee)
