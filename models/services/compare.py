"""Comparing two meetings (usually last year's and this year's): what the comparison view shows.

Plain frozen dataclasses, no ORM rows, so a view can hold them freely.
Titles are compared folded (case, accents, punctuation and spacing
ignored), so « Pause-café » and « pause cafe » are the same item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Attendance, Meeting, Person, ProgrammeItem
from models.services.meetings import get_meeting
from models.services.rollover import follow_date
from models.text_keys import key

# Meeting texts that a rolled-forward meeting copies and the user should rewrite or confirm.
REVIEW_TEXTS = ("introduction", "co_organisers", "objectives")


@dataclass(frozen=True, slots=True)
class PersonLine:
    person_id: int
    name: str  # « M. Sami Kanaan », or the organisation alone
    organisation: str
    status: str  # in the meeting the line comes from
    mode: str


@dataclass(frozen=True, slots=True)
class ItemLine:
    item_id: int
    title: str
    parent_title: str  # "" for a programme row, the row's title for a sub-topic
    start: dt.time | None
    end: dt.time | None


@dataclass(frozen=True, slots=True)
class SpeakerLine:
    """A moderator or speaker of the new meeting printed exactly as last year: to confirm."""

    programme_person_id: int
    item_id: int
    item_title: str
    role: str
    name: str


@dataclass(frozen=True, slots=True)
class Comparison:
    old_id: int
    new_id: int
    not_invited: tuple[PersonLine, ...]  # attended the old meeting, not on the new list
    new_names: tuple[PersonLine, ...]  # on the new list, not on the old one
    items_added: tuple[ItemLine, ...]
    items_dropped: tuple[ItemLine, ...]
    speakers_to_confirm: tuple[SpeakerLine, ...]
    texts_unchanged: tuple[str, ...]  # names of REVIEW_TEXTS fields identical and not empty

    @property
    def is_empty(self) -> bool:
        return not (self.not_invited or self.new_names or self.items_added or self.items_dropped)


def _people(session: Session, meeting_id: int) -> dict[int, PersonLine]:
    query = (
        select(Attendance.person_id, Attendance.status, Attendance.mode, Person)
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.position)
    )
    lines = {}
    for person_id, status, mode, person in session.execute(query):
        name = person.display_name or person.organisation
        lines[person_id] = PersonLine(person_id, name, person.organisation, status, mode)
    return lines


def _items(meeting: Meeting) -> list[ItemLine]:
    lines = []
    for item in meeting.programme:
        lines.append(ItemLine(item.id, item.title, "", item.start_time, item.end_time))
        lines.extend(ItemLine(s.id, s.title, item.title, s.start_time, s.end_time) for s in item.subtopics)
    return lines


def _item_key(line: ItemLine) -> tuple[str, str]:
    return key(line.parent_title), key(line.title)


def compare(session: Session, old_id: int, new_id: int) -> Comparison:
    old, new = get_meeting(session, old_id), get_meeting(session, new_id)
    old_people, new_people = _people(session, old.id), _people(session, new.id)
    not_invited = tuple(
        line for pid, line in old_people.items() if line.status == "present" and pid not in new_people
    )
    new_names = tuple(line for pid, line in new_people.items() if pid not in old_people)

    old_items, new_items = _items(old), _items(new)
    old_keys = {_item_key(i) for i in old_items}
    new_keys = {_item_key(i) for i in new_items}
    # A sub-topic whose row was renamed counts as added/dropped with it: by title, not by position.
    added = tuple(i for i in new_items if _item_key(i) not in old_keys)
    dropped = tuple(i for i in old_items if _item_key(i) not in new_keys)

    old_speakers = set()
    for item in _all_items(old):
        for p in item.people:
            old_speakers.add((key(item.title), p.role, key(p.printed_name), p.person_id))
    to_confirm = []
    for item in _all_items(new):
        for p in item.people:
            if (key(item.title), p.role, key(p.printed_name), p.person_id) in old_speakers:
                to_confirm.append(SpeakerLine(p.id, item.id, item.title, p.role, p.printed_name))

    texts = tuple(
        name for name in REVIEW_TEXTS if _unchanged(getattr(old, name), getattr(new, name), old, new)
    )
    return Comparison(old.id, new.id, not_invited, new_names, added, dropped, tuple(to_confirm), texts)


def _unchanged(old_text: str, new_text: str, old: Meeting, new: Meeting) -> bool:
    """Same text, or the same apart from the date that rolling forward rewrote."""
    if not new_text.strip():
        return False
    return new_text in (old_text, follow_date(old_text, old.date, new.date, old.language))


def _all_items(meeting: Meeting) -> list[ProgrammeItem]:
    return [x for item in meeting.programme for x in (item, *item.subtopics)]


def previous_meeting(session: Session, meeting_id: int) -> Meeting | None:
    """The meeting just before this one by date: what the comparison view compares with by default."""
    meeting = get_meeting(session, meeting_id)
    query = (
        select(Meeting)
        .where(Meeting.id != meeting.id)
        .where((Meeting.date < meeting.date) | ((Meeting.date == meeting.date) & (Meeting.id < meeting.id)))
        .order_by(Meeting.date.desc(), Meeting.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()
