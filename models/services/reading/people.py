"""The roster as a view lists it, and one person's card."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import Attendance, Person
from models.entities import Block as BlockRow
from models.entities import ProgrammePerson as PersonRow
from models.records import PersonCard, RosterLine
from models.services.reading.parts import _display_name
from models.text_keys import fold


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
