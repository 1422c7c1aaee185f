"""The undoable changes of the Participants tab, each one service call per direction.

Rows are put back with their ids (``restore_attendances``), so commands
further up the stack that name them still apply after an undo and redo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from models.database import Database
from models.services import attendance
from ui.undo import ServiceCommand

Done = Callable[[list[int]], None]


def mark(db: Database, text: str, ids: Iterable[int], done: Done, **marks: str | None) -> ServiceCommand:
    """Status and/or mode on many rows: one command, however many rows."""
    ids = list(ids)
    return ServiceCommand(
        db,
        text,
        lambda s: attendance.set_marks(s, ids, **marks),
        attendance.restore_marks,
        lambda: done(ids),
    )


def edit_person(db: Database, text: str, attendance_id: int, person_id: int, done: Done, **fields):
    return ServiceCommand(
        db,
        text,
        lambda s: attendance.edit_person(s, person_id, **fields),
        lambda s, previous: attendance.edit_person(s, person_id, **previous),
        lambda: done([attendance_id]),
    )


def add(db: Database, text: str, meeting_id: int, done: Done, **fields: Any) -> ServiceCommand:
    """Add a roster person (``person_id``) or a new one; undo also drops a person it created."""
    state: dict[str, Any] = {}

    def do(session):
        if "removed" in state:
            return attendance.restore_attendances(session, state.pop("removed"))[0]
        creates = fields.get("person_id") is None
        row = attendance.add_attendance(session, meeting_id, **fields)
        state["ids"] = [row.id]
        state["created"] = [row.person_id] if creates else []
        return row.id

    def undo(session, attendance_id):
        state["removed"] = attendance.remove_attendances(
            session, [attendance_id], drop_people=state["created"]
        )

    return ServiceCommand(db, text, do, undo, lambda: done(state["ids"]))


def remove(db: Database, text: str, ids: Iterable[int], done: Done) -> ServiceCommand:
    ids = list(ids)
    return ServiceCommand(
        db,
        text,
        lambda s: attendance.remove_attendances(s, ids),
        attendance.restore_attendances,
        lambda: done(ids),
    )
