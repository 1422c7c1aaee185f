"""Plain copies of the programme, read through the services, for the models to show."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from models.database import Database
from models.errors import NotFound
from models.services import meetings, programme


@dataclass(eq=False)
class PersonRow:
    id: int
    role: str
    role_label: str
    person_id: int | None
    name: str
    function: str
    remote: bool

    def values(self) -> tuple:
        return (self.role, self.role_label, self.person_id, self.name, self.function, self.remote)


@dataclass(eq=False)
class ItemRow:
    id: int
    start: dt.time | None
    end: dt.time | None
    title: str
    kind: str
    format: str
    debate: bool
    problems: list[str] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    children: list[ItemRow] = field(default_factory=list)

    def values(self) -> tuple:
        return (self.start, self.end, self.title, self.kind, self.format, self.debate, tuple(self.problems))


def adopt_item(old: ItemRow, new: ItemRow) -> None:
    """Copy the shown values; sub-topics are reconciled on their own, so they keep their rows."""
    old.start, old.end, old.title, old.kind = new.start, new.end, new.title, new.kind
    old.format, old.debate, old.problems, old.people = new.format, new.debate, new.problems, new.people


def adopt_person(old: PersonRow, new: PersonRow) -> None:
    old.role, old.role_label, old.person_id = new.role, new.role_label, new.person_id
    old.name, old.function, old.remote = new.name, new.function, new.remote


_OVERLAP = re.compile(r"^overlaps « (.*) » \(ends (\d\d:\d\d)\)$")


def _translate_problem(message: str) -> str:
    # The services word these in English; the two known shapes are translated here.
    if message == "ends before it starts":
        return QCoreApplication.translate("Programme", "Ends before it starts.")
    match = _OVERLAP.match(message)
    if match:
        return QCoreApplication.translate("Programme", "Overlaps “{0}”, which ends at {1}.").format(
            *match.groups()
        )
    return message


def _item_row(item, problems: dict[int, list[str]]) -> ItemRow:
    return ItemRow(
        id=item.id,
        start=item.start_time,
        end=item.end_time,
        title=item.title,
        kind=item.kind,
        format=item.format,
        debate=item.debate,
        problems=problems.get(item.id, []),
        people=[
            PersonRow(p.id, p.role, p.role_label, p.person_id, p.name, p.function, p.remote)
            for p in item.people
        ],
        children=[_item_row(child, problems) for child in item.subtopics],
    )


def read_programme(db: Database, meeting_id: int | None) -> list[ItemRow]:
    if meeting_id is None:
        return []
    with db.reading() as session:
        try:
            meeting = meetings.get_meeting(session, meeting_id)
        except NotFound:
            return []
        problems: dict[int, list[str]] = {}
        for problem in programme.time_problems(meeting):
            problems.setdefault(problem.item_id, []).append(_translate_problem(problem.message))
        return [_item_row(item, problems) for item in meeting.programme]
