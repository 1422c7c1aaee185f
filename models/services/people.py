"""The roster: one record per person across all meetings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models.entities import Attendance, Block, Person, ProgrammePerson
from models.errors import MinutierError
from models.person_fields import NAMES
from models.services._common import get, update_fields

EDITABLE = NAMES  # every field of a person (models/person_fields.py)


def add_person(session: Session, **fields: Any) -> Person:
    person = Person()
    update_fields(person, EDITABLE, {f: (fields.get(f) or "").strip() for f in EDITABLE})
    if not (person.first_name or person.last_name or person.organisation):
        raise MinutierError("A person needs at least a name or an organisation.")
    session.add(person)
    session.flush()
    return person


def update_person(session: Session, person_id: int, expected_version: int | None = None, **fields) -> dict:
    return update_fields(get(session, Person, person_id), EDITABLE, fields, expected_version)


def search_roster(session: Session, text: str = "", limit: int = 50) -> list[Person]:
    """People whose name or organisation contains ``text`` (case-insensitive)."""
    query = select(Person).order_by(Person.last_name, Person.first_name).limit(limit)
    if text.strip():
        pattern = f"%{text.strip().lower()}%"
        query = query.where(
            or_(
                func.lower(Person.first_name).like(pattern),
                func.lower(Person.last_name).like(pattern),
                func.lower(Person.organisation).like(pattern),
            )
        )
    return list(session.scalars(query))


def delete_person(session: Session, person_id: int) -> None:
    """Remove a person no meeting lists any more; refuse otherwise."""
    person = get(session, Person, person_id)
    used = session.scalar(
        select(func.count()).select_from(Attendance).where(Attendance.person_id == person_id)
    )
    if used:
        raise MinutierError(f"{person.full_name or person.organisation} is on {used} attendance list(s).")
    for cls in (ProgrammePerson, Block):
        for row in session.scalars(select(cls).where(cls.person_id == person_id)):
            row.person = None
    session.delete(person)
    session.flush()
