"""Attendance: who is invited to a meeting, and how they came."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session, aliased

from models.entities import (
    ATTENDANCE_MODES,
    ATTENDANCE_ROLES,
    ATTENDANCE_STATUSES,
    Attendance,
    Block,
    Decision,
    Person,
    ProgrammePerson,
)
from models.errors import FormatError, MinutierError, NotFound
from models.person_fields import NAMES
from models.records import Attendee
from models.services._common import get, insert_at, update_fields
from models.services.meetings import get_meeting
from models.services.people import EDITABLE as PERSON_FIELDS
from models.services.people import add_person, update_person
from models.services.quorum import check_proxy
from models.services.reading.parts import attendance_columns, attendance_record, person_values


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


def _new_person(fields: dict) -> Person:
    person = Person(**{f: (fields.get(f) or "").strip() for f in PERSON_FIELDS})
    if not (person.first_name or person.last_name or person.organisation):
        raise MinutierError("A person needs at least a name or an organisation.")
    return person


def add_many(session: Session, meeting_id: int, rows: Iterable[dict]) -> list[Attendance]:
    """Add many newcomers at once (an imported list), each a dict of person fields plus status and mode.

    One flush for all: adding 5,000 people one by one would flush the whole list 5,000 times.
    """
    meeting = get_meeting(session, meeting_id)
    people, marks = [], []
    for row in rows:
        fields = dict(row)
        marks.append((fields.pop("status", "invited"), fields.pop("mode", "in_person")))
        _check(*marks[-1])
        people.append(_new_person(fields))
    session.add_all(people)
    session.flush()
    added = [
        Attendance(person_id=p.id, status=st, mode=mo) for p, (st, mo) in zip(people, marks, strict=True)
    ]
    meeting.attendance.extend(added)
    meeting.attendance.reorder()
    session.flush()
    return added


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


# What a committee records per row, beside status and mode (issue 16).
COMMITTEE_FIELDS = ("role", "represented_by_id", "arrival", "departure")


def update_attendance(session: Session, attendance_id: int, expected_version=None, **fields) -> dict:
    """Set role, proxy, arrival or departure of one row; returns the previous values (for undo)."""
    row = get(session, Attendance, attendance_id)
    if "role" in fields and fields["role"] not in ATTENDANCE_ROLES:
        roles = ", ".join(r for r in ATTENDANCE_ROLES if r)
        raise FormatError("role", f'"{fields["role"]}" is not one of {roles} (or empty)')
    if "represented_by_id" in fields:
        check_proxy(session, row, fields["represented_by_id"])
    for key in ("arrival", "departure"):
        if key in fields:
            fields[key] = (fields[key] or "").strip()
    previous = update_fields(row, COMMITTEE_FIELDS, fields, expected_version)
    session.flush()
    return previous


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


# One line of the attendance table as plain values, for views that must not hold ORM rows: the
# attendance list's record (its person's fields, what the row records, its ids and position).
AttendanceRow = Attendee

_proxy, _proxy_person = aliased(Attendance), aliased(Person)
# Attendee's fields in its order: the person's (NAMES), the row's, the proxy's name from its person.
_ROW_COLUMNS = attendance_columns(Attendee._fields, Person, Attendance, _proxy_person)
_attendee = attendance_record(Attendee)


def attendance_rows(
    session: Session, meeting_id: int, attendance_ids: Iterable[int] | None = None
) -> list[AttendanceRow]:
    """The meeting's rows in list order (only ``attendance_ids`` when given), in one query.

    Column values rather than entities: 5,000 rows load in milliseconds.
    """
    query = (
        select(*_ROW_COLUMNS)
        .select_from(Attendance)
        .join(Person, Person.id == Attendance.person_id)
        .outerjoin(_proxy, _proxy.id == Attendance.represented_by_id)
        .outerjoin(_proxy_person, _proxy_person.id == _proxy.person_id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.position)
    )
    if attendance_ids is not None:
        query = query.where(Attendance.id.in_(list(attendance_ids)))
    return [_attendee(r) for r in session.execute(query)]


def committee_fields(
    session: Session, meeting_id: int, attendance_ids: Iterable[int] | None = None
) -> dict[int, tuple[str, int | None, str, str]]:
    """(role, represented_by_id, arrival, departure) per row id, in one query: the editor's columns."""
    query = select(
        Attendance.id, Attendance.role, Attendance.represented_by_id, Attendance.arrival, Attendance.departure
    ).where(Attendance.meeting_id == meeting_id)
    if attendance_ids is not None:
        query = query.where(Attendance.id.in_(list(attendance_ids)))
    return {row_id: tuple(rest) for row_id, *rest in session.execute(query)}


@dataclass(frozen=True)
class RosterEntry:
    """A roster person as « add participant » offers them: the id, then the fields of NAMES in order."""

    id: int
    civility: str
    first_name: str
    last_name: str
    function: str
    organisation: str
    email: str


def roster_outside(session: Session, meeting_id: int) -> list[RosterEntry]:
    """Roster people not on this meeting's list: whom « add participant » can pick."""
    listed = select(Attendance.person_id).where(Attendance.meeting_id == meeting_id)
    query = (
        select(Person.id, *(getattr(Person, n) for n in NAMES))
        .where(Person.id.not_in(listed))
        .order_by(Person.last_name, Person.first_name)
    )
    return [RosterEntry(id=r.id, **person_values(r)) for r in session.execute(query)]


@dataclass
class Removed:
    """What ``remove_attendances`` took away, for ``restore_attendances``."""

    meeting_id: int
    rows: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    # Rows of the list represented by a removed row, and decisions owned by one: (id, removed row id).
    represented: list[tuple[int, int]] = field(default_factory=list)
    owned: list[tuple[int, int]] = field(default_factory=list)


def _columns(obj) -> dict:
    return {attr.key: getattr(obj, attr.key) for attr in inspect(type(obj)).column_attrs}


def _unreferenced(session: Session, person_id: int) -> bool:
    for cls in (Attendance, ProgrammePerson, Block):
        if session.scalar(select(func.count()).select_from(cls).where(cls.person_id == person_id)):
            return False
    return True


def remove_attendances(
    session: Session, attendance_ids: Iterable[int], *, drop_people: Iterable[int] = ()
) -> Removed:
    """Take rows off one meeting's list; ``drop_people`` also leave the roster if nothing else uses them.

    The rows keep their ids when restored, so later undo commands naming
    them stay valid.
    """
    ids = list(attendance_ids)
    rows = session.scalars(select(Attendance).where(Attendance.id.in_(ids))).all() if ids else []
    if len(rows) != len(set(ids)):
        raise NotFound("Some of these participants are no longer on the list.")
    if not rows:
        raise MinutierError("No participant to remove.")
    meeting = get_meeting(session, rows[0].meeting_id)
    if any(row.meeting_id != meeting.id for row in rows):
        raise MinutierError("These participants belong to different meetings.")
    removed = Removed(meeting.id, rows=[_columns(row) for row in rows])
    # Cleared here rather than by the database's ON DELETE SET NULL, so the restore can put them back.
    for other in session.scalars(select(Attendance).where(Attendance.represented_by_id.in_(ids))):
        removed.represented.append((other.id, other.represented_by_id))
        other.represented_by_id = None
    for decision in session.scalars(select(Decision).where(Decision.owner_attendance_id.in_(ids))):
        removed.owned.append((decision.id, decision.owner_attendance_id))
        decision.owner_attendance_id = None
    for row in rows:
        meeting.attendance.remove(row)
    meeting.attendance.reorder()
    session.flush()
    for person_id in drop_people:
        person = session.get(Person, person_id)
        if person is not None and _unreferenced(session, person_id):
            removed.people.append(_columns(person))
            session.delete(person)
    session.flush()
    return removed


def restore_attendances(session: Session, removed: Removed) -> list[int]:
    """Put back what ``remove_attendances`` took, at the same places and with the same ids."""
    for columns in removed.people:
        session.add(Person(**columns))
    session.flush()
    meeting = get_meeting(session, removed.meeting_id)
    # Ascending positions: each insert lands where it was, before the later ones.
    for columns in sorted(removed.rows, key=lambda c: c["position"]):
        # The proxy after the flush: it may be another of the rows put back.
        row = Attendance(**{**columns, "represented_by_id": None})
        insert_at(meeting.attendance, row, columns["position"])
    meeting.attendance.reorder()
    session.flush()
    for columns in removed.rows:
        if columns["represented_by_id"] is not None:
            session.get(Attendance, columns["id"]).represented_by_id = columns["represented_by_id"]
    for other_id, proxy_id in removed.represented:
        other = session.get(Attendance, other_id)
        if other is not None:
            other.represented_by_id = proxy_id
    for decision_id, owner_id in removed.owned:
        decision = session.get(Decision, decision_id)
        if decision is not None:
            decision.owner_attendance_id = owner_id
    session.flush()
    return [columns["id"] for columns in removed.rows]


def edit_person(session: Session, person_id: int, **fields: str) -> dict:
    """Change a participant's roster fields (shared by every meeting); returns the previous values.

    Refuses to leave a person with neither name nor organisation, as ``add_person`` does.
    """
    person = get(session, Person, person_id)
    cleaned = {name: (value or "").strip() for name, value in fields.items()}
    after = {f: cleaned.get(f, getattr(person, f)) for f in ("first_name", "last_name", "organisation")}
    if not any(after.values()):
        raise MinutierError("A person needs at least a name or an organisation.")
    return update_person(session, person_id, **cleaned)
