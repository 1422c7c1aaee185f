"""The roster person of each person of a file: the same record, else one alike, else a new one."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Person
from models.interchange.format import PERSON_FIELDS


def _email_key(email: str) -> str:
    return email.strip().casefold()


_NAME = ("first_name", "last_name", "organisation")


def _name_key(fields) -> tuple[str, str, str]:
    return tuple(fields[f].strip().casefold() for f in _NAME)


class RosterIndex:
    """The roster read once, so matching thousands of people costs no query per person.

    A person of a file is the roster record with exactly the same fields,
    else the one with the same e-mail, else the one with the same name and
    organisation (case and surrounding spaces ignored) unless both have an
    e-mail and they differ: then they are two people. A record matched by
    one person of a file is not matched by another: a file's people are
    distinct people, even when they are written alike (homonyms, rows with
    only an organisation).
    """

    def __init__(self, session: Session):
        columns = [getattr(Person, f) for f in PERSON_FIELDS]
        self.exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.by_email: dict[str, list[int]] = defaultdict(list)
        self.by_name: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.emails: dict[int, str] = {}
        first, last, organisation, email_at = (PERSON_FIELDS.index(f) for f in (*_NAME, "email"))
        # By id: among records alike, the oldest is found first, whatever the backend's order.
        for person_id, *values in session.execute(select(Person.id, *columns).order_by(Person.id)):
            self.exact[tuple(values)].append(person_id)
            email = values[email_at].strip().casefold()
            self.emails[person_id] = email
            if email:
                self.by_email[email].append(person_id)
            name = tuple(values[i].strip().casefold() for i in (first, last, organisation))
            self.by_name[name].append(person_id)

    def exactly(self, fields: dict[str, str], taken: set[int]) -> int | None:
        for person_id in self.exact.get(tuple(fields[f] for f in PERSON_FIELDS), ()):
            if person_id not in taken:
                return person_id
        return None

    def alike(self, fields: dict[str, str], taken: set[int]) -> int | None:
        email = _email_key(fields["email"])
        if email:
            for person_id in self.by_email.get(email, ()):
                if person_id not in taken:
                    return person_id
        for person_id in self.by_name.get(_name_key(fields), ()):
            if person_id not in taken and not (
                email and self.emails[person_id] and email != self.emails[person_id]
            ):
                return person_id
        return None


def find_person(session: Session, fields: dict[str, str]) -> Person | None:
    """The roster record for these fields (see RosterIndex), for one person; reads the whole roster."""
    fields = {f: fields.get(f, "") for f in PERSON_FIELDS}
    index = RosterIndex(session)
    person_id = index.exactly(fields, set())
    if person_id is None:
        person_id = index.alike(fields, set())
    return session.get(Person, person_id) if person_id is not None else None


def _match_people(session: Session, rows: list[dict[str, Any]]) -> list[Person | int]:
    """The roster person of each people row of a file: new ones added to the session.

    A person found exactly is given by id: loading 50,000 unchanged records
    as objects took longer than the rest of the import.
    """
    index = RosterIndex(session)
    wanted = [{f: row.get(f, "") for f in PERSON_FIELDS} for row in rows]
    found: list[int | None] = [None] * len(rows)
    taken: set[int] = set()
    # Exact matches first: a looser match of an earlier row must not take the record
    # that a later row names exactly (a dump imported back finds every record again).
    for i, fields in enumerate(wanted):
        found[i] = index.exactly(fields, taken)
        if found[i] is not None:
            taken.add(found[i])
    loose: set[int] = set()
    for i, fields in enumerate(wanted):
        if found[i] is None:
            found[i] = index.alike(fields, taken)
            if found[i] is not None:
                taken.add(found[i])
                loose.add(found[i])
    ids = sorted(loose)
    loaded: dict[int, Person] = {}
    for start in range(0, len(ids), 500):  # below every backend's limit of bound parameters
        chunk = ids[start : start + 500]
        loaded.update((p.id, p) for p in session.scalars(select(Person).where(Person.id.in_(chunk))))
    people: list[Person | int] = []
    for fields, person_id in zip(wanted, found, strict=True):
        if person_id is None:
            person = Person(**fields)
            session.add(person)
            people.append(person)
        elif person_id in loose:
            person = loaded[person_id]
            for f, value in fields.items():
                if value and not getattr(person, f):
                    setattr(person, f, value)
            people.append(person)
        else:
            people.append(person_id)
    return people
