"""Read services: stored meetings as the frozen records of models/records.py.

Exporters and views get their data from here, inside ``db.reading()``; the
records they receive hold no session and load nothing lazily.

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

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from models.entities import Attendance, Meeting, Person
from models.entities import Block as BlockRow
from models.entities import Decision as DecisionRow
from models.entities import ProgrammeItem as ItemRow
from models.entities import ProgrammePerson as PersonRow
from models.entities import Section as SectionRow
from models.records import (
    AttendanceList,
    Attendee,
    Block,
    Decision,
    MeetingData,
    Participant,
    PersonCard,
    PrintedLists,
    ProgrammeItem,
    ProgrammePerson,
    Quorum,
    RosterLine,
    Section,
)
from models.services import committee
from models.services.meetings import get_meeting
from models.services.quorum import quorum_of
from models.text_keys import fold

Programme = tuple[ProgrammeItem, ...]
Sections = tuple[Section, ...]
Participants = tuple[Participant, ...]
Decisions = tuple[Decision, ...]


def meeting_record(session: Session, meeting_id: int) -> MeetingData:
    """Everything the compte-rendu prints of the stored meeting ``meeting_id``."""
    return record_of(get_meeting(session, meeting_id))


def attendance_list(session: Session, meeting_id: int) -> AttendanceList:
    """The heading and attendance rows, in list order, of the stored meeting ``meeting_id``."""
    return attendance_of(get_meeting(session, meeting_id))


def attendance_of(meeting: Meeting) -> AttendanceList:
    """``meeting``'s heading and its attendance rows, in its order."""
    return AttendanceList(
        language=meeting.language,
        title=meeting.title,
        date=meeting.date,
        organisation=meeting.organisation,
        body=meeting.body,
        venue=meeting.venue,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        timezone=meeting.timezone,
        rows=tuple(
            Attendee(
                a.person.civility,
                a.person.first_name,
                a.person.last_name,
                a.person.function,
                a.person.organisation,
                a.person.email,
                a.status,
                a.mode,
                a.role,
                _proxy_name(a),
                a.arrival,
                a.departure,
            )
            for a in meeting.attendance
        ),
    )


def _proxy_name(row: Attendance) -> str:
    proxy = row.represented_by
    return (proxy.person.display_name or proxy.person.organisation) if proxy is not None else ""


def read_roster(session: Session) -> list[RosterLine]:
    """Everyone on the roster, by last name, first name and organisation."""
    query = select(
        Person.id, Person.civility, Person.first_name, Person.last_name, Person.organisation, Person.email
    ).order_by(Person.last_name, Person.first_name, Person.organisation, Person.id)
    lines = []
    for pid, civility, first, last, org, email in session.execute(query):
        name = _display_name(civility, first, last)
        lines.append(RosterLine(pid, name, org, fold(f"{first} {last} {org} {email}")))
    return lines


def person_exists(session: Session, person_id: int) -> bool:
    return session.get(Person, person_id) is not None


def person_card(session: Session, person_id: int) -> PersonCard | None:
    """``person_id``'s details, how many meetings list them, how often the programme and notes name them."""
    person = session.get(Person, person_id)
    if person is None:
        return None

    def count(cls) -> int:
        return session.scalar(select(func.count()).select_from(cls).where(cls.person_id == person_id)) or 0

    listed = count(Attendance)
    mentions = count(PersonRow) + count(BlockRow)
    name = person.display_name or person.organisation
    return PersonCard(person.id, name, person.function, person.organisation, person.email, listed, mentions)


def programme_item_of(session: Session, programme_person_id: int) -> int | None:
    """The programme item a person of the programme is listed on, None when it is gone."""
    return session.scalar(select(PersonRow.item_id).where(PersonRow.id == programme_person_id))


def _display_name(civility: str | None, first: str | None, last: str | None) -> str:
    # Same rule as models.entities.Person.display_name, applied to columns.
    return " ".join(p for p in (civility, first, last) if p)


# ---------------------------------------------------------------- from rows


def _read_rows(session: Session, meeting_id: int) -> tuple[Programme, Sections, Participants, Decisions]:
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
    proxy_t, proxy_person_t = attendance_t.alias("proxy"), persons_t.alias("proxy_person")
    attendance = session.execute(
        select(
            attendance_t.c.status,
            attendance_t.c.mode,
            persons_t.c.first_name,
            persons_t.c.last_name,
            persons_t.c.organisation,
            attendance_t.c.role,
            persons_t.c.civility,
            persons_t.c.function,
            attendance_t.c.arrival,
            attendance_t.c.departure,
            proxy_person_t.c.civility.label("proxy_civility"),
            proxy_person_t.c.first_name.label("proxy_first"),
            proxy_person_t.c.last_name.label("proxy_last"),
            proxy_person_t.c.organisation.label("proxy_organisation"),
        )
        .select_from(
            attendance_t.join(persons_t, attendance_t.c.person_id == persons_t.c.id)
            .outerjoin(proxy_t, attendance_t.c.represented_by_id == proxy_t.c.id)
            .outerjoin(proxy_person_t, proxy_t.c.person_id == proxy_person_t.c.id)
        )
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
    places = _places(subitems.get(None, ()), lambda r: subitems.get(r.id, ()), lambda r: r.id)
    titles = {r.id: r.title for r in items}

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
            item=places.get(r.programme_item_id, ()),
        )

    def participant(r) -> Participant:
        proxy = _display_name(r.proxy_civility, r.proxy_first, r.proxy_last) or r.proxy_organisation or ""
        return Participant(
            r.first_name,
            r.last_name,
            r.organisation,
            r.status,
            r.mode,
            r.role,
            r.civility,
            r.function,
            proxy,
            r.arrival,
            r.departure,
        )

    return (
        tuple(item(r) for r in subitems.get(None, ())),
        tuple(section(r, 0) for r in subsections.get(None, ())),
        tuple(participant(r) for r in attendance),
        _read_decisions(session, meeting_id, places, titles),
    )


def _read_decisions(
    session: Session, meeting_id: int, places: dict[int, tuple[int, ...]], titles: dict[int, str]
) -> Decisions:
    decisions_t, attendance_t, persons_t = DecisionRow.__table__, Attendance.__table__, Person.__table__
    rows = session.execute(
        select(
            decisions_t.c.number,
            decisions_t.c.text,
            decisions_t.c.programme_item_id,
            decisions_t.c.owner_text,
            decisions_t.c.due,
            decisions_t.c.status,
            decisions_t.c.follow_up,
            decisions_t.c.previous_id,
            attendance_t.c.id.label("owner_row"),
            persons_t.c.civility,
            persons_t.c.first_name,
            persons_t.c.last_name,
            persons_t.c.organisation,
        )
        .select_from(
            decisions_t.outerjoin(
                attendance_t, decisions_t.c.owner_attendance_id == attendance_t.c.id
            ).outerjoin(persons_t, attendance_t.c.person_id == persons_t.c.id)
        )
        .where(decisions_t.c.meeting_id == meeting_id)
        .order_by(decisions_t.c.position, decisions_t.c.id)
    ).all()
    out = []
    for r in rows:
        # As Decision.owner_name: the participant when there is one, else the organisation written out.
        owner = r.owner_text
        if r.owner_row is not None:
            owner = _display_name(r.civility, r.first_name, r.last_name) or r.organisation or ""
        item = r.programme_item_id
        out.append(
            Decision(
                number=r.number,
                text=r.text,
                item_title=titles.get(item, "") if item is not None else "",
                item=places.get(item, ()) if item is not None else (),
                owner=owner,
                due=r.due,
                status=r.status,
                follow_up=r.follow_up,
                carried=r.previous_id is not None,
            )
        )
    return tuple(out)


def _places(top, children, key) -> dict:
    """Each programme item's place, (i,) or (i, j), keyed by ``key(item)``."""
    places = {}
    for i, row in enumerate(top):
        places[key(row)] = (i,)
        for j, child in enumerate(children(row)):
            places[key(child)] = (i, j)
    return places


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
    p = a.person
    return Participant(
        p.first_name,
        p.last_name,
        p.organisation,
        a.status,
        a.mode,
        a.role or "",
        p.civility,
        p.function,
        _proxy_name(a),
        a.arrival or "",
        a.departure or "",
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


# ---------------------------------------------------------------- both


def record_of(meeting: Meeting, *, from_objects: bool = False) -> MeetingData:
    """Everything the compte-rendu prints of ``meeting``, read once."""
    session = object_session(meeting)
    if from_objects or session is None or meeting.id is None:
        programme, sections, participants, decisions = _read_objects(meeting)
    else:
        programme, sections, participants, decisions = _read_rows(session, meeting.id)
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
        style_template=meeting.style_template or None,
        document_kind=meeting.document_kind or "compte_rendu",
        agenda_numbering=bool(meeting.agenda_numbering),
        printed_lists=_printed_lists(meeting),
        quorum=_quorum(meeting),
        label_overrides=tuple(committee.label_overrides(meeting).items()) if meeting.label_overrides else (),
        decisions=decisions,
    )


def _printed_lists(meeting: Meeting) -> PrintedLists:
    if not meeting.printed_lists:
        return PrintedLists()
    lists = committee.printed_lists(meeting)
    return PrintedLists(lists.lists, lists.columns, lists.decisions)


def _quorum(meeting: Meeting) -> Quorum | None:
    # Only a meeting with a rule pays for counting (quorum_of walks the attendance).
    if (meeting.quorum_rule or "none") == "none":
        return None
    q = quorum_of(meeting)
    if q.required is None:
        return None
    return Quorum(q.rule, q.members, q.present, q.represented, q.required)
