"""A person's history across years: every meeting that lists them, gives them a role, or quotes them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import Attendance, Block, Meeting, Person, ProgrammeItem, ProgrammePerson, Section
from models.services._common import get


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One meeting in a person's history: how they took part."""

    meeting_id: int
    date: dt.date
    title: str
    status: str | None  # None: not on the list, but in the programme or the notes
    mode: str | None
    roles: tuple[str, ...] = ()  # « moderator: Session title », « speaker: … »
    interventions: int = 0


def person_history(session: Session, person_id: int) -> list[HistoryEntry]:
    """Every meeting this person is on the list of, in the programme of, or quoted in; newest first."""
    get(session, Person, person_id)
    marks: dict[int, tuple[str, str]] = {}
    for meeting_id, status, mode in session.execute(
        select(Attendance.meeting_id, Attendance.status, Attendance.mode).where(
            Attendance.person_id == person_id
        )
    ):
        marks[meeting_id] = (status, mode)
    roles: dict[int, list[str]] = defaultdict(list)
    for meeting_id, role, title in session.execute(
        select(ProgrammeItem.meeting_id, ProgrammePerson.role, ProgrammeItem.title)
        .join(ProgrammeItem, ProgrammeItem.id == ProgrammePerson.item_id)
        .where(ProgrammePerson.person_id == person_id)
        .order_by(ProgrammeItem.meeting_id, ProgrammeItem.position, ProgrammePerson.position)
    ):
        roles[meeting_id].append(f"{role}: {title}")
    interventions: dict[int, int] = dict(
        session.execute(
            select(Section.meeting_id, func.count())
            .join(Block, Block.section_id == Section.id)
            .where(Block.person_id == person_id)
            .group_by(Section.meeting_id)
        ).all()
    )
    ids = set(marks) | set(roles) | set(interventions)
    if not ids:
        return []
    meetings = session.execute(
        select(Meeting.id, Meeting.date, Meeting.title)
        .where(Meeting.id.in_(ids))
        .order_by(Meeting.date.desc(), Meeting.id.desc())
    ).all()
    return [
        HistoryEntry(
            mid,
            date,
            title,
            *(marks.get(mid) or (None, None)),
            tuple(roles.get(mid, ())),
            interventions.get(mid, 0),
        )
        for mid, date, title in meetings
    ]
