"""A meeting reduced to frozen plain records, the only input the renderers see.

Reducing first keeps the renderers free of ORM concerns (lazy loads, sessions,
stale objects) and makes them pure functions that tests can feed directly.
The records are NamedTuples rather than dataclasses: a frozen dataclass costs
about a millisecond to define, and the command line pays import time on every run.

A meeting stored in a session is read with five plain SELECTs (programme,
its people, sections, blocks, attendance) rather than by walking the
relationships, which issues two queries per programme item and per section
and builds an ORM object per row: for 5,000 participants that is the
difference between a tenth of a second and half a second. The session's
autoflush makes pending edits visible to those SELECTs. A meeting in no
session (or not yet flushed) is walked through its relationships instead;
both paths give equal results (tests/test_export_plain.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from models.entities import Attendance, Meeting, Person
from models.entities import Block as BlockRow
from models.entities import ProgrammeItem as ItemRow
from models.entities import ProgrammePerson as PersonRow
from models.entities import Section as SectionRow


class ProgrammePerson(NamedTuple):
    role_label: str
    name: str
    function: str
    remote: bool


class ProgrammeItem(NamedTuple):
    start: dt.time | None
    end: dt.time | None
    title: str
    kind: str
    format: str
    debate: bool
    moderators: tuple[ProgrammePerson, ...] = ()
    speakers: tuple[ProgrammePerson, ...] = ()
    subtopics: tuple[ProgrammeItem, ...] = ()


class Block(NamedTuple):
    kind: str
    speaker: str = ""
    subtitle: str = ""
    online: bool = False
    question: str = ""
    text: str = ""
    # The stored row's id, for the preview's links back to the editor; the document ignores it.
    id: int | None = None


class Section(NamedTuple):
    title: str
    depth: int
    # Kind of the programme item the section reports on, "" when it has none.
    item_kind: str = ""
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    id: int | None = None


class Participant(NamedTuple):
    first_name: str
    last_name: str
    organisation: str
    status: str
    mode: str


class MeetingData(NamedTuple):
    language: str
    title: str
    date: dt.date
    organisation: str = ""
    body: str = ""
    document_title: str = ""
    venue: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    timezone: str = ""
    introduction: str = ""
    co_organisers: str = ""
    objectives: str = ""
    photo_album_url: str = ""
    logo: bytes | None = None
    programme: tuple[ProgrammeItem, ...] = ()
    sections: tuple[Section, ...] = ()
    participants: tuple[Participant, ...] = ()


Programme = tuple[ProgrammeItem, ...]
Sections = tuple[Section, ...]
Participants = tuple[Participant, ...]


def _display_name(civility: str | None, first: str | None, last: str | None) -> str:
    # Same rule as models.entities.Person.display_name, applied to columns.
    return " ".join(p for p in (civility, first, last) if p)


# ---------------------------------------------------------------- from rows


def _read_rows(session: Session, meeting_id: int) -> tuple[Programme, Sections, Participants]:
    items_t, people_t, persons_t = ItemRow.__table__, PersonRow.__table__, Person.__table__
    sections_t, blocks_t, attendance_t = SectionRow.__table__, BlockRow.__table__, Attendance.__table__

    items = session.execute(
        select(
            items_t.c.id,
            items_t.c.parent_id,
            items_t.c.start_time,
            items_t.c.end_time,
            items_t.c.title,
            items_t.c.kind,
            items_t.c.format,
            items_t.c.debate,
        )
        .where(items_t.c.meeting_id == meeting_id)
        .order_by(items_t.c.position, items_t.c.id)
    ).all()
    people = session.execute(
        select(
            people_t.c.item_id,
            people_t.c.role,
            people_t.c.role_label,
            people_t.c.name,
            people_t.c.function,
            people_t.c.remote,
            persons_t.c.civility,
            persons_t.c.first_name,
            persons_t.c.last_name,
        )
        .select_from(
            people_t.join(items_t, people_t.c.item_id == items_t.c.id).outerjoin(
                persons_t, people_t.c.person_id == persons_t.c.id
            )
        )
        .where(items_t.c.meeting_id == meeting_id)
        .order_by(people_t.c.position, people_t.c.id)
    ).all()
    sections = session.execute(
        select(sections_t.c.id, sections_t.c.parent_id, sections_t.c.title, sections_t.c.programme_item_id)
        .where(sections_t.c.meeting_id == meeting_id)
        .order_by(sections_t.c.position, sections_t.c.id)
    ).all()
    blocks = session.execute(
        select(
            blocks_t.c.id,
            blocks_t.c.section_id,
            blocks_t.c.kind,
            blocks_t.c.speaker,
            blocks_t.c.subtitle,
            blocks_t.c.online,
            blocks_t.c.question,
            blocks_t.c.text,
        )
        .select_from(blocks_t.join(sections_t, blocks_t.c.section_id == sections_t.c.id))
        .where(sections_t.c.meeting_id == meeting_id)
        .order_by(blocks_t.c.position, blocks_t.c.id)
    ).all()
    attendance = session.execute(
        select(
            attendance_t.c.status,
            attendance_t.c.mode,
            persons_t.c.first_name,
            persons_t.c.last_name,
            persons_t.c.organisation,
        )
        .select_from(attendance_t.join(persons_t, attendance_t.c.person_id == persons_t.c.id))
        .where(attendance_t.c.meeting_id == meeting_id)
        .order_by(attendance_t.c.position, attendance_t.c.id)
    ).all()

    people_of: defaultdict[int, list] = defaultdict(list)
    for r in people:
        name = r.name or _display_name(r.civility, r.first_name, r.last_name)
        people_of[r.item_id].append((r.role, ProgrammePerson(r.role_label, name, r.function, r.remote)))
    subitems: defaultdict[int | None, list] = defaultdict(list)
    for r in items:
        subitems[r.parent_id].append(r)
    kinds = {r.id: r.kind for r in items}

    def item(r) -> ProgrammeItem:
        roles = people_of.get(r.id, ())
        return ProgrammeItem(
            start=r.start_time,
            end=r.end_time,
            title=r.title,
            kind=r.kind,
            format=r.format,
            debate=r.debate,
            moderators=tuple(p for role, p in roles if role == "moderator"),
            speakers=tuple(p for role, p in roles if role == "speaker"),
            subtopics=tuple(item(c) for c in subitems.get(r.id, ())),
        )

    blocks_of: defaultdict[int, list] = defaultdict(list)
    for r in blocks:
        blocks_of[r.section_id].append(
            Block(r.kind, r.speaker, r.subtitle, r.online, r.question, r.text, r.id)
        )
    subsections: defaultdict[int | None, list] = defaultdict(list)
    for r in sections:
        subsections[r.parent_id].append(r)

    def section(r, depth: int) -> Section:
        return Section(
            title=r.title,
            depth=depth,
            item_kind=kinds.get(r.programme_item_id, "") if r.programme_item_id else "",
            blocks=tuple(blocks_of.get(r.id, ())),
            sections=tuple(section(c, depth + 1) for c in subsections.get(r.id, ())),
            id=r.id,
        )

    return (
        tuple(item(r) for r in subitems.get(None, ())),
        tuple(section(r, 0) for r in subsections.get(None, ())),
        tuple(Participant(r.first_name, r.last_name, r.organisation, r.status, r.mode) for r in attendance),
    )


# ---------------------------------------------------------------- from objects


def _object_person(p: PersonRow) -> ProgrammePerson:
    return ProgrammePerson(role_label=p.role_label, name=p.printed_name, function=p.function, remote=p.remote)


def _object_item(row: ItemRow) -> ProgrammeItem:
    people = row.people
    return ProgrammeItem(
        start=row.start_time,
        end=row.end_time,
        title=row.title,
        kind=row.kind,
        format=row.format,
        debate=row.debate,
        moderators=tuple(_object_person(p) for p in people if p.role == "moderator"),
        speakers=tuple(_object_person(p) for p in people if p.role == "speaker"),
        subtopics=tuple(_object_item(sub) for sub in row.subtopics),
    )


def _object_section(row: SectionRow, depth: int) -> Section:
    item = row.programme_item
    return Section(
        title=row.title,
        depth=depth,
        item_kind=item.kind if item is not None else "",
        blocks=tuple(
            Block(b.kind, b.speaker, b.subtitle, b.online, b.question, b.text, b.id) for b in row.blocks
        ),
        sections=tuple(_object_section(s, depth + 1) for s in row.sections),
        id=row.id,
    )


def _read_objects(meeting: Meeting) -> tuple[Programme, Sections, Participants]:
    programme = tuple(_object_item(row) for row in meeting.programme)
    participants = tuple(
        Participant(a.person.first_name, a.person.last_name, a.person.organisation, a.status, a.mode)
        for a in meeting.attendance
    )
    return programme, tuple(_object_section(s, 0) for s in meeting.sections), participants


# ---------------------------------------------------------------- both


def reduce_meeting(meeting: Meeting, *, from_objects: bool = False) -> MeetingData:
    """Everything the compte-rendu prints, read once."""
    session = object_session(meeting)
    if from_objects or session is None or meeting.id is None:
        programme, sections, participants = _read_objects(meeting)
    else:
        programme, sections, participants = _read_rows(session, meeting.id)
    return MeetingData(
        language=meeting.language,
        title=meeting.title,
        date=meeting.date,
        organisation=meeting.organisation,
        body=meeting.body,
        document_title=meeting.document_title,
        venue=meeting.venue,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        timezone=meeting.timezone,
        introduction=meeting.introduction,
        co_organisers=meeting.co_organisers,
        objectives=meeting.objectives,
        photo_album_url=meeting.photo_album_url,
        logo=meeting.logo or None,
        programme=programme,
        sections=sections,
        participants=participants,
    )


def with_unsaved(data: MeetingData, sections: dict[int, dict], blocks: dict[int, dict]) -> MeetingData:
    """``data`` with some sections' and blocks' fields replaced by ``{id: {field: value}}``.

    The preview shows what is being typed before the editor stores it (a text is
    stored after a second without typing; the preview follows within 200 ms).
    """
    if not sections and not blocks:
        return data

    def section(s: Section) -> Section:
        fields = sections.get(s.id) if s.id is not None else None
        return s._replace(
            **(fields or {}),
            blocks=tuple(b._replace(**blocks[b.id]) if b.id in blocks else b for b in s.blocks),
            sections=tuple(section(c) for c in s.sections),
        )

    return data._replace(sections=tuple(section(s) for s in data.sections))
