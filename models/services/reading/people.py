"""The roster as a view lists it, and one person's card."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import Attendance, Person
from models.entities import Block as BlockRow
from models.entities import ProgrammePerson as PersonRow
from models.person_fields import NAMES, SEARCHED
from models.records import PersonCard, RosterLine
from models.services.reading.parts import _display_name, person_values
from models.text_keys import fold


def read_roster(session: Session) -> list[RosterLine]:
    """Everyone on the roster, by last name, first name and organisation."""
    query = select(Person.id, *(getattr(Person, n) for n in NAMES)).order_by(
        Person.last_name, Person.first_name, Person.organisation, Person.id
    )
    lines = []
    for r in session.execute(query):
        name = _display_name(r.civility, r.first_name, r.last_name)
        hay = fold(" ".join(getattr(r, n) for n in SEARCHED))
        lines.append(RosterLine(r.id, name, r.organisation, hay))
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
    return PersonCard(id=person.id, name=name, **person_values(person), meetings=listed, mentions=mentions)


def programme_item_of(session: Session, programme_person_id: int) -> int | None:
    """The programme item a person of the programme is listed on, None when it is gone."""
    return session.scalar(select(PersonRow.item_id).where(PersonRow.id == programme_person_id))
