"""The programme: items, their sub-topics, moderators and speakers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import ITEM_KINDS, ROLES, Decision, Meeting, ProgrammeItem, ProgrammePerson, Section
from models.errors import FormatError
from models.services import snapshots
from models.services._common import get, insert_at, move_in, update_fields
from models.services.meetings import get_meeting
from models.services.people import add_person

ITEM_FIELDS = ("start_time", "end_time", "title", "kind", "format", "debate")
PERSON_FIELDS = ("role", "role_label", "person_id", "name", "function", "remote")


def _check_item(fields: dict[str, Any]) -> None:
    if "kind" in fields and fields["kind"] not in ITEM_KINDS:
        raise FormatError("kind", f'"{fields["kind"]}" is not one of {", ".join(ITEM_KINDS)}')


def siblings(item: ProgrammeItem) -> list[ProgrammeItem]:
    return item.parent.subtopics if item.parent is not None else item.meeting.programme


def add_item(
    session: Session,
    meeting_id: int,
    *,
    parent_id: int | None = None,
    position: int | None = None,
    **fields: Any,
) -> ProgrammeItem:
    _check_item(fields)
    meeting = get_meeting(session, meeting_id)
    item = ProgrammeItem(meeting=meeting, title="")
    update_fields(item, ITEM_FIELDS, fields)
    if parent_id is not None:
        parent = get(session, ProgrammeItem, parent_id)
        if parent.parent_id is not None:
            raise FormatError("parent", "a sub-topic cannot have sub-topics")
        insert_at(parent.subtopics, item, position)
        parent.subtopics.reorder()
    else:
        insert_at(meeting.programme, item, position)
        meeting.programme.reorder()
    session.flush()
    return item


def update_item(session: Session, item_id: int, expected_version: int | None = None, **fields) -> dict:
    _check_item(fields)
    return update_fields(get(session, ProgrammeItem, item_id), ITEM_FIELDS, fields, expected_version)


def move_item(session: Session, item_id: int, position: int) -> int:
    """Move within its list (programme or sub-topics); returns the old position."""
    item = get(session, ProgrammeItem, item_id)
    old = item.position
    move_in(siblings(item), item, position)
    session.flush()
    return old


@dataclass
class DeletedItem:
    snapshot: snapshots.Snapshot
    meeting_id: int
    parent_id: int | None
    position: int
    linked_sections: dict[int, int]  # section id -> the item or sub-topic it pointed at
    linked_decisions: dict[int, int] = field(default_factory=dict)  # decision id -> the same


def delete_item(session: Session, item_id: int) -> DeletedItem:
    item = get(session, ProgrammeItem, item_id)
    ids = {item.id, *(s.id for s in item.subtopics)}
    query = select(Section).where(Section.programme_item_id.in_(ids))
    linked = {s.id: s.programme_item_id for s in session.scalars(query)}
    gone = DeletedItem(snapshots.take(item), item.meeting_id, item.parent_id, item.position, linked)
    # Cleared here rather than by ON DELETE SET NULL, so the session agrees and the restore relinks.
    for decision in session.scalars(select(Decision).where(Decision.programme_item_id.in_(ids))):
        gone.linked_decisions[decision.id] = decision.programme_item_id
        decision.programme_item_id = None
    collection = siblings(item)
    collection.remove(item)
    collection.reorder()
    session.flush()
    return gone


def restore_item(session: Session, gone: DeletedItem) -> ProgrammeItem:
    item = snapshots.restore(session, gone.snapshot)
    for child in item.subtopics:
        child.meeting_id = gone.meeting_id
    # Keep the owner referenced: the session holds it weakly, and a collection
    # whose parent is garbage-collected cannot record changes.
    if gone.parent_id is not None:
        owner = get(session, ProgrammeItem, gone.parent_id)
        collection = owner.subtopics
    else:
        owner = get(session, Meeting, gone.meeting_id)
        collection = owner.programme
    if item in collection:
        collection.remove(item)
    insert_at(collection, item, gone.position)
    collection.reorder()
    session.flush()
    for section_id, item_id in gone.linked_sections.items():
        section = session.get(Section, section_id)
        if section is not None:
            section.programme_item_id = item_id
    for decision_id, item_id in gone.linked_decisions.items():
        decision = session.get(Decision, decision_id)
        if decision is not None:
            decision.programme_item_id = item_id
    session.flush()
    return item


def add_programme_person(
    session: Session, item_id: int, *, position: int | None = None, new_person: dict | None = None, **fields
) -> ProgrammePerson:
    """Add a moderator or speaker; ``new_person`` first adds a typed name to the roster."""
    if fields.get("role", "speaker") not in ROLES:
        raise FormatError("role", f'"{fields["role"]}" is not one of {", ".join(ROLES)}')
    item = get(session, ProgrammeItem, item_id)
    if new_person:
        fields["person_id"] = add_person(session, **new_person).id
    row = ProgrammePerson(role="speaker")
    update_fields(row, PERSON_FIELDS, fields)
    insert_at(item.people, row, position)
    item.people.reorder()
    session.flush()
    return row


def update_programme_person(session: Session, row_id: int, expected_version=None, **fields) -> dict:
    return update_fields(get(session, ProgrammePerson, row_id), PERSON_FIELDS, fields, expected_version)


def move_programme_person(session: Session, row_id: int, position: int) -> int:
    row = get(session, ProgrammePerson, row_id)
    old = row.position
    move_in(row.item.people, row, position)
    session.flush()
    return old


def delete_programme_person(session: Session, row_id: int) -> tuple[snapshots.Snapshot, int, int]:
    row = get(session, ProgrammePerson, row_id)
    gone = (snapshots.take(row), row.item_id, row.position)
    item = row.item
    item.people.remove(row)
    item.people.reorder()
    session.flush()
    return gone


def restore_programme_person(session: Session, gone: tuple[snapshots.Snapshot, int, int]) -> ProgrammePerson:
    snap, item_id, position = gone
    item = get(session, ProgrammeItem, item_id)
    row = snapshots.restore(session, snap)
    if row in item.people:
        item.people.remove(row)
    insert_at(item.people, row, position)
    item.people.reorder()
    session.flush()
    return row


@dataclass(frozen=True)
class TimeProblem:
    item_id: int
    message: str


def time_problems(meeting: Meeting) -> list[TimeProblem]:
    """Items ending before they start, or overlapping the next one: flagged, never refused."""
    problems = []
    timed = [i for i in meeting.programme if i.start_time is not None]
    for item in timed:
        if item.end_time is not None and item.end_time < item.start_time:
            problems.append(TimeProblem(item.id, "ends before it starts"))
    # Compare each start with the latest end so far, so an item inside a long one is caught too.
    latest: ProgrammeItem | None = None
    for item in sorted(timed, key=lambda i: i.start_time):
        if latest is not None and item.start_time < latest.end_time:
            problems.append(
                TimeProblem(item.id, f"overlaps « {latest.title} » (ends {latest.end_time:%H:%M})")
            )
        if item.end_time is not None and (latest is None or item.end_time > latest.end_time):
            latest = item
    return problems


def duration(item: ProgrammeItem) -> dt.timedelta | None:
    if item.start_time is None or item.end_time is None:
        return None
    day = dt.date(2000, 1, 1)
    return dt.datetime.combine(day, item.end_time) - dt.datetime.combine(day, item.start_time)
