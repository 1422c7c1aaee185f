"""A stored meeting's record parts read with plain SELECTs (pending edits made visible by autoflush)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Attendance, Person
from models.entities import Block as BlockRow
from models.entities import Decision as DecisionRow
from models.entities import ProgrammeItem as ItemRow
from models.entities import ProgrammePerson as PersonRow
from models.entities import Section as SectionRow
from models.records import Block, Decision, Participant, ProgrammeItem, ProgrammePerson, Section
from models.services.reading.parts import (
    Decisions,
    Participants,
    Programme,
    Sections,
    _display_name,
    _places,
    attendance_columns,
    attendance_record,
)


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
        select(*attendance_columns(Participant._fields, persons_t.c, attendance_t.c, proxy_person_t.c))
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

    return (
        tuple(item(r) for r in subitems.get(None, ())),
        tuple(section(r, 0) for r in subsections.get(None, ())),
        tuple(map(attendance_record(Participant), attendance)),
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
