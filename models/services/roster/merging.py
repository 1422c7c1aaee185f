"""Merging two roster people into one when the user confirms it, and undoing it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from models.entities import Attendance, Block, Meeting, Person, ProgrammePerson
from models.errors import MinutierError
from models.person_fields import NAMES
from models.services._common import check_version, get

# When two rows of one meeting must become one, the stronger mark wins.
STATUS_STRENGTH = {"present": 3, "excused": 2, "absent": 1, "invited": 0}
# The kept person's empty fields are filled from the merged one's: every field (models/person_fields.py).
MERGE_FIELDS = NAMES


@dataclass
class Merged:
    """What ``merge_people`` changed, so ``unmerge_people`` can put it back (undo)."""

    keep_id: int
    merged_person: dict  # every column of the removed record
    keep_fields: dict  # keep's fields before empty ones were filled in
    moved_attendance: list[int] = field(default_factory=list)  # rows re-pointed to keep
    dropped_attendance: list[dict] = field(default_factory=list)  # merge's rows where keep was listed too
    keep_marks: dict[int, tuple[str, str]] = field(default_factory=dict)  # keep's row id -> (status, mode)
    programme_people: list[int] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)


def _columns(obj) -> dict:
    return {attr.key: getattr(obj, attr.key) for attr in inspect(type(obj)).column_attrs}


def merge_people(
    session: Session, keep_id: int, merge_id: int, *, expected_versions: tuple[int, int] | None = None
) -> Merged:
    """Make ``merge_id`` one with ``keep_id``: its attendance, programme roles and notes move over.

    Where both are on one meeting's list, one row stays with the stronger
    status (present > excused > absent > invited) and that row's mode.
    Empty fields of ``keep`` are filled from ``merge``; then ``merge`` is
    removed from the roster.
    """
    if keep_id == merge_id:
        raise MinutierError("A person cannot be merged with themselves.")
    keep, merge = get(session, Person, keep_id), get(session, Person, merge_id)
    if expected_versions is not None:
        check_version(keep, expected_versions[0])
        check_version(merge, expected_versions[1])
    done = Merged(keep.id, _columns(merge), {f: getattr(keep, f) for f in MERGE_FIELDS})
    for name in MERGE_FIELDS:
        if not getattr(keep, name).strip() and getattr(merge, name).strip():
            setattr(keep, name, getattr(merge, name))

    keep_rows = {
        row.meeting_id: row
        for row in session.scalars(select(Attendance).where(Attendance.person_id == keep.id))
    }
    for row in list(session.scalars(select(Attendance).where(Attendance.person_id == merge.id))):
        mine = keep_rows.get(row.meeting_id)
        if mine is None:
            row.person = keep
            done.moved_attendance.append(row.id)
            continue
        done.keep_marks[mine.id] = (mine.status, mine.mode)
        if STATUS_STRENGTH[row.status] > STATUS_STRENGTH[mine.status]:
            mine.status, mine.mode = row.status, row.mode
        done.dropped_attendance.append(_columns(row))
        meeting = row.meeting
        meeting.attendance.remove(row)
        meeting.attendance.reorder()
    for cls, moved in ((ProgrammePerson, done.programme_people), (Block, done.blocks)):
        for row in session.scalars(select(cls).where(cls.person_id == merge.id)):
            row.person = keep
            moved.append(row.id)
    session.flush()
    session.delete(merge)
    session.flush()
    return done


def unmerge_people(session: Session, done: Merged) -> None:
    """Undo ``merge_people``: the removed record comes back with its id and everything it had."""
    merged = Person(**done.merged_person)
    session.add(merged)
    session.flush()
    keep = get(session, Person, done.keep_id)
    for name, value in done.keep_fields.items():
        setattr(keep, name, value)
    for cls, ids in (
        (Attendance, done.moved_attendance),
        (ProgrammePerson, done.programme_people),
        (Block, done.blocks),
    ):
        for row in session.scalars(select(cls).where(cls.id.in_(ids))) if ids else ():
            row.person = merged
    for row_id, (status, mode) in done.keep_marks.items():
        row = get(session, Attendance, row_id)
        row.status, row.mode = status, mode
    for columns in sorted(done.dropped_attendance, key=lambda c: c["position"]):
        meeting = get(session, Meeting, columns["meeting_id"])
        meeting.attendance.insert(columns["position"], Attendance(**columns, person=merged))
        meeting.attendance.reorder()
    session.flush()
