"""Attendance: who is invited to a meeting, and how they came."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import ATTENDANCE_MODES, ATTENDANCE_STATUSES, Attendance
from models.errors import FormatError, MinutierError
from models.services._common import get, insert_at
from models.services.meetings import get_meeting
from models.services.people import add_person


def _check(status: str | None = None, mode: str | None = None) -> None:
    if status is not None and status not in ATTENDANCE_STATUSES:
        raise FormatError("status", f'"{status}" is not one of {", ".join(ATTENDANCE_STATUSES)}')
    if mode is not None and mode not in ATTENDANCE_MODES:
        raise FormatError("mode", f'"{mode}" is not one of {", ".join(ATTENDANCE_MODES)}')


def list_attendance(session: Session, meeting_id: int) -> list[Attendance]:
    return list(get_meeting(session, meeting_id).attendance)


def add_attendance(
    session: Session,
    meeting_id: int,
    person_id: int | None = None,
    *,
    status: str = "invited",
    mode: str = "in_person",
    position: int | None = None,
    **person_fields,
) -> Attendance:
    """Add a roster person (or a new one from ``person_fields``) to the meeting."""
    _check(status, mode)
    meeting = get_meeting(session, meeting_id)
    if person_id is None:
        person_id = add_person(session, **person_fields).id
    if any(a.person_id == person_id for a in meeting.attendance):
        raise MinutierError("This person is already on the list of this meeting.")
    row = Attendance(person_id=person_id, status=status, mode=mode)
    insert_at(meeting.attendance, row, position)
    meeting.attendance.reorder()
    session.flush()
    return row


def set_marks(
    session: Session, attendance_ids: Iterable[int], *, status: str | None = None, mode: str | None = None
) -> dict[int, tuple[str, str]]:
    """Set status and/or mode on several rows; returns the previous (status, mode) per id."""
    _check(status, mode)
    previous = {}
    ids = list(attendance_ids)
    rows = session.scalars(select(Attendance).where(Attendance.id.in_(ids))).all() if ids else []
    for row in rows:
        previous[row.id] = (row.status, row.mode)
        if status is not None:
            row.status = status
        if mode is not None:
            row.mode = mode
    session.flush()
    return previous


def restore_marks(session: Session, previous: dict[int, tuple[str, str]]) -> None:
    for row_id, (status, mode) in previous.items():
        row = get(session, Attendance, row_id)
        row.status, row.mode = status, mode
    session.flush()


def remove_attendance(session: Session, attendance_id: int) -> None:
    row = get(session, Attendance, attendance_id)
    meeting = row.meeting
    meeting.attendance.remove(row)
    meeting.attendance.reorder()
    session.flush()


def counts(session: Session, meeting_id: int) -> dict[str, int]:
    """Rows per status and per mode, plus ``total``: the figures the editor keeps visible."""
    rows = list_attendance(session, meeting_id)
    tally = Counter(a.status for a in rows) + Counter(a.mode for a in rows)
    result = {key: tally.get(key, 0) for key in (*ATTENDANCE_STATUSES, *ATTENDANCE_MODES)}
    result["total"] = len(rows)
    return result
