"""A meeting's record parts read by walking its relationships (a meeting in no session, or not flushed)."""

from __future__ import annotations

from models.entities import Attendance, Meeting
from models.entities import Decision as DecisionRow
from models.entities import ProgrammeItem as ItemRow
from models.entities import ProgrammePerson as PersonRow
from models.entities import Section as SectionRow
from models.records import Block, Decision, Participant, ProgrammeItem, ProgrammePerson, Section
from models.services.reading.parts import (
    PARTICIPANT_NAMES,
    Decisions,
    Participants,
    Programme,
    Sections,
    _places,
    _proxy_name,
    person_values,
)


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


def _object_section(row: SectionRow, depth: int, places: dict) -> Section:
    item = row.programme_item
    return Section(
        title=row.title,
        depth=depth,
        item_kind=item.kind if item is not None else "",
        blocks=tuple(
            Block(b.kind, b.speaker, b.subtitle, b.online, b.question, b.text, b.id) for b in row.blocks
        ),
        sections=tuple(_object_section(s, depth + 1, places) for s in row.sections),
        id=row.id,
        item=places.get(id(item), ()) if item is not None else (),
    )


def _object_participant(a: Attendance) -> Participant:
    return Participant(
        **person_values(a.person, PARTICIPANT_NAMES),
        status=a.status,
        mode=a.mode,
        role=a.role or "",
        represented_by=_proxy_name(a),
        arrival=a.arrival or "",
        departure=a.departure or "",
    )


def _object_decision(d: DecisionRow, places: dict) -> Decision:
    item = d.programme_item
    return Decision(
        number=d.number,
        text=d.text or "",
        item_title=item.title if item is not None else "",
        item=places.get(id(item), ()) if item is not None else (),
        owner=d.owner_name,
        due=d.due,
        status=d.status or "open",
        follow_up=d.follow_up or "",
        carried=d.previous_id is not None or d.previous is not None,
    )


def _read_objects(meeting: Meeting) -> tuple[Programme, Sections, Participants, Decisions]:
    programme = tuple(_object_item(row) for row in meeting.programme)
    # Keyed by the object itself: a meeting in no session has no ids yet.
    places = _places(meeting.programme, lambda r: r.subtopics, id)
    participants = tuple(_object_participant(a) for a in meeting.attendance)
    sections = tuple(_object_section(s, 0, places) for s in meeting.sections)
    decisions = tuple(_object_decision(d, places) for d in meeting.decisions)
    return programme, sections, participants, decisions
