"""Writing a reading into the database: the meeting through the interchange import, the participants
through import-people's plan (same matching rules), then the printed names linked to the roster.

Everything happens in the caller's transaction: the meeting, its people and
links are added together or not at all. A date that already has a meeting is
refused (``meetings.DateTaken``, as new-from does: importing the same minutes
twice made two identical meetings) unless asked for (``again=True``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models import interchange, people_import, text_rules
from models.entities import Attendance, Block, Meeting, Person, ProgrammeItem, ProgrammePerson, Section
from models.person_fields import NAMES
from models.services import meetings
from models.tabular import Row
from models.tabular import Table as PeopleTable
from models.text_keys import key_many
from models.word_import.people_text import name_keys
from models.word_import.reader import Reading

COLUMNS = (*NAMES, "mode", "status")


@dataclass(frozen=True)
class Imported:
    meeting_id: int
    roster: dict[str, int]  # the participant plan's counts: add, update, skip, bad


def _participants_table(reading: Reading) -> PeopleTable:
    rows = []
    for line, participant in enumerate(reading.participants, start=1):
        mode = "remote" if participant.mode == "remote" else "in person"
        values = (*(participant.values.get(c, "") for c in NAMES), mode, "present")
        rows.append(Row(line, values))
    return PeopleTable(COLUMNS, tuple(rows))


def meeting_date(reading: Reading) -> dt.date | None:
    """The date the document gives the meeting (the reader sets today's when it finds none);
    None when it is not a date, which the import then refuses."""
    try:
        return dt.date.fromisoformat(reading.data["meeting"]["date"])
    except (KeyError, TypeError, ValueError):
        return None


def add_meeting(session: Session, reading: Reading, *, again: bool = False) -> Imported:
    """Add the meeting read from a .docx; flushes, does not commit.

    Raises ``meetings.DateTaken``, before writing anything, when a meeting is on the document's
    date already, unless ``again``.
    """
    text_rules.check_tree(reading.data)
    day = meeting_date(reading)
    if not again and day is not None:
        meetings.check_date_free(session, day)
    meeting = interchange.import_data(session, reading.data)
    counts = {"add": 0, "update": 0, "skip": 0, "bad": 0}
    if reading.participants:
        plan = people_import.plan_import(
            session, _participants_table(reading), {c: c for c in COLUMNS}, meeting.id
        )
        counts = plan.counts
        # apply_plan expires the meeting's attendance, so the list is read back with its people;
        # the programme and report built above stay loaded.
        people_import.apply_plan(session, plan, accept_bad_rows=True)
    _link_names(session, meeting)
    session.flush()
    return Imported(meeting.id, counts)


def _roster_names(session: Session) -> dict[str, int | None]:
    rows = session.execute(select(Person.id, Person.first_name, Person.last_name)).all()
    folded = key_many([f"{first} {last}" for _, first, last in rows])
    out: dict[str, int | None] = {}
    for (pid, _, _), name in zip(rows, folded, strict=True):
        if name:
            out[name] = None if name in out else pid
    return out


def _printed(session: Session, meeting: Meeting):
    """Every programme line and intervention of the meeting that names someone not linked yet.

    Two queries: walking the relationships would load each empty list of sub-topics, sections
    and blocks one by one (a query each, seconds for a large meeting)."""
    lines = (
        select(ProgrammePerson)
        .join(ProgrammeItem, ProgrammePerson.item_id == ProgrammeItem.id)
        .where(ProgrammeItem.meeting_id == meeting.id, ProgrammePerson.person_id.is_(None))
    )
    for line in session.scalars(lines):
        if line.name:
            yield line, line.name
    blocks = (
        select(Block)
        .join(Section, Block.section_id == Section.id)
        .where(Section.meeting_id == meeting.id, Block.kind == "intervention", Block.person_id.is_(None))
    )
    for block in session.scalars(blocks):
        if block.speaker:
            yield block, block.speaker


def _add(index: dict[str, Person | None], name: str, person: Person) -> None:
    if name:
        index[name] = None if name in index and index[name] is not person else person


def _link_names(session: Session, meeting: Meeting) -> None:
    """Programme lines and speakers to the person of the same name (civility, case and accents
    ignored, first and last name in either order): first among the meeting's participants, else
    in the whole roster (people only named in the programme). A name two people share stays
    unlinked."""
    listed: dict[str, Person | None] = {}
    swapped: dict[str, Person | None] = {}
    # One query for the list's people: walking meeting.attendance would load them one by one.
    query = select(Person).join(Attendance, Attendance.person_id == Person.id)
    people = session.scalars(query.where(Attendance.meeting_id == meeting.id)).all()
    names = key_many([f"{p.first_name} {p.last_name}" for p in people])
    # The same words the other way round too (« M. Knox Ryan » for Ryan Knox).
    reversed_names = key_many([f"{p.last_name} {p.first_name}" for p in people])
    for person, name, other in zip(people, names, reversed_names, strict=True):
        _add(listed, name, person)
        _add(swapped, other, person)
    printed = [(target, (name_keys(name) or [""])[0]) for target, name in _printed(session, meeting)]
    missing = {name for _, name in printed if name and name not in listed and name not in swapped}
    roster: dict[str, int | None] = _roster_names(session) if missing else {}
    for target, name in printed:
        person = listed.get(name) or swapped.get(name)
        if person is None and roster.get(name) is not None:
            person = session.get(Person, roster[name])
        if person is not None:
            target.person = person


def preview(session: Session, reading: Reading) -> None:
    """Add the roster matching to ``reading.understanding`` by importing into ``session``, which the
    caller rolls back (``Database.reading()``): the dry run sees exactly what the import would do.
    A date that already has a meeting is noted (``understanding.taken``), not refused."""
    try:
        day = meeting_date(reading)
        taken = meetings.meetings_on(session, day) if day is not None else []
        reading.understanding.taken = meetings.DateTaken(day, taken) if day is not None and taken else None
        reading.understanding.roster = add_meeting(session, reading, again=True).roster
    except DBAPIError as exc:
        # A database open read-only cannot even take the trial writes: show the reading without
        # the matching rather than nothing.
        reading.understanding.missing.append(
            f"roster matching (the database refused a trial write: {exc.orig})"
        )
    finally:
        session.rollback()
