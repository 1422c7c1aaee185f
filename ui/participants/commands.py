"""The undoable changes of the Participants tab, one class per kind, one service call per direction.

Rows are put back with their ids (``restore_attendances``), so commands
further up the stack that name them still apply after an undo and redo.
``done(ids)`` tells the table which rows to reload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from models.database import Database
from models.services import attendance
from ui.undo import DataCommand

Done = Callable[[list[int]], None]


class Mark(DataCommand):
    """Status and/or mode on many rows: one command, however many rows."""

    def __init__(self, db: Database, text: str, ids: Iterable[int], done: Done, **marks: str | None):
        self.ids = list(ids)
        super().__init__(db, text, lambda: done(self.ids))
        self.marks = marks
        self.previous: Any = None

    def apply(self, session) -> None:
        self.previous = attendance.set_marks(session, self.ids, **self.marks)

    def revert(self, session) -> None:
        attendance.restore_marks(session, self.previous)


class EditPerson(DataCommand):
    """A field of the person behind an attendance row (their card, shared across years)."""

    def __init__(
        self, db: Database, text: str, attendance_id: int, person_id: int, done: Done, **fields: Any
    ):
        super().__init__(db, text, lambda: done([attendance_id]))
        self.person_id, self.fields = person_id, fields
        self.previous: dict[str, Any] = {}

    def apply(self, session) -> None:
        self.previous = attendance.edit_person(session, self.person_id, **self.fields)

    def revert(self, session) -> None:
        attendance.edit_person(session, self.person_id, **self.previous)


class AddParticipant(DataCommand):
    """A roster person (``person_id``) or a new one; undo also drops a person it created.

    After the push, ``attendance_id`` is the new row's."""

    def __init__(self, db: Database, text: str, meeting_id: int, done: Done, **fields: Any):
        super().__init__(db, text, lambda: done([self.attendance_id]))
        self.meeting_id, self.fields = meeting_id, fields
        self.attendance_id: int | None = None
        self.created: list[int] = []  # the person this command added to the roster, if any
        self.removed: Any = None

    def apply(self, session) -> None:
        if self.removed is not None:
            self.attendance_id = attendance.restore_attendances(session, self.removed)[0]
            self.removed = None
            return
        creates = self.fields.get("person_id") is None
        row = attendance.add_attendance(session, self.meeting_id, **self.fields)
        self.attendance_id = row.id
        self.created = [row.person_id] if creates else []

    def revert(self, session) -> None:
        self.removed = attendance.remove_attendances(session, [self.attendance_id], drop_people=self.created)


class RemoveParticipants(DataCommand):
    def __init__(self, db: Database, text: str, ids: Iterable[int], done: Done):
        self.ids = list(ids)
        super().__init__(db, text, lambda: done(self.ids))
        self.removed: Any = None

    def apply(self, session) -> None:
        self.removed = attendance.remove_attendances(session, self.ids)

    def revert(self, session) -> None:
        attendance.restore_attendances(session, self.removed)


class EditAttendance(DataCommand):
    """Role, proxy, arrival or departure of one row (this meeting's, not the person's card)."""

    def __init__(self, db: Database, text: str, attendance_id: int, done: Done, **fields: Any):
        super().__init__(db, text, lambda: done([attendance_id]))
        self.attendance_id, self.fields = attendance_id, fields
        self.previous: dict[str, Any] = {}
        self.unsaved = dict(fields)

    def apply(self, session) -> None:
        self.previous = attendance.update_attendance(session, self.attendance_id, **self.fields)

    def revert(self, session) -> None:
        attendance.update_attendance(session, self.attendance_id, **self.previous)


class Arrive(DataCommand):
    """An arrival or a departure marked on the day, on many rows; an arrival also marks present
    (whoever arrives is there), keeping the mode."""

    def __init__(self, db: Database, text: str, ids: Iterable[int], done: Done, field: str, value: str):
        self.ids = list(ids)
        super().__init__(db, text, lambda: done(self.ids))
        self.field, self.value = field, value
        self.previous: dict[int, dict[str, Any]] = {}
        self.marks: dict[int, tuple[str, str]] = {}

    def apply(self, session) -> None:
        if self.field == "arrival":
            self.marks = attendance.set_marks(session, self.ids, status="present")
        self.previous = {
            row_id: attendance.update_attendance(session, row_id, **{self.field: self.value})
            for row_id in self.ids
        }

    def revert(self, session) -> None:
        for row_id, previous in self.previous.items():
            attendance.update_attendance(session, row_id, **previous)
        attendance.restore_marks(session, self.marks)
