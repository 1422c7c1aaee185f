"""Copying every meeting and the whole roster from one database to another (``minutier copy``).

From a file to a server when the secretariat starts sharing, and back
(docs/shared-database.md). The data goes through the interchange format
(models/interchange/), so what is copied is exactly what ``dump``
shows; roster people keep their identity (two people with the same name
stay two) and people on no meeting's list come along too.

All in one transaction on the target, checked before it commits: the
target's rows are read back from the database and each meeting's dump
must be byte-identical to the source's, and the roster the same. The
target must hold no meeting and no person: a copy never mixes two
databases. The source is only read.

A decision's link to the same decision in an earlier meeting (its history,
made by ``new-from``) is not in the one-meeting format: it is copied
beside it, by place (which meeting, which row of its register), and
checked like the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import interchange
from models.database import Database
from models.entities import Decision, Meeting, Person
from models.errors import MinutierError


class CopyRefused(MinutierError):
    """The copy cannot be made (target not empty) or did not check out; nothing was written."""


@dataclass(frozen=True)
class CopyReport:
    meetings: int
    people: int


def _roster(session: Session) -> list[tuple[str, ...]]:
    people = session.scalars(select(Person)).all()
    return sorted(tuple(getattr(p, f) for f in interchange.PERSON_FIELDS) for p in people)


def _dumps(session: Session) -> list[tuple[str, str]]:
    """(title, dump) of every meeting, in id order."""
    meetings = session.scalars(select(Meeting).order_by(Meeting.id)).all()
    return [(f"{m.title} ({m.date.isoformat()})", interchange.dumps(m)) for m in meetings]


def _looks(session: Session) -> list[tuple[bytes | None, str]]:
    """(Word file, its name) giving each meeting its look, in id order."""
    rows = session.execute(select(Meeting.style_template, Meeting.style_template_name).order_by(Meeting.id))
    return [(data, name) for data, name in rows]


Place = tuple[int, int]  # (meeting, in id order; decision, by position in its register)


def _links(session: Session) -> list[tuple[Place, Place]]:
    """Each decision following up an earlier one, as (its place, the earlier one's place)."""
    order = {mid: i for i, mid in enumerate(session.scalars(select(Meeting.id).order_by(Meeting.id)))}
    rows = session.execute(select(Decision.id, Decision.meeting_id, Decision.position, Decision.previous_id))
    places, previous = {}, {}
    for decision_id, meeting_id, position, previous_id in rows:
        places[decision_id] = (order[meeting_id], position)
        if previous_id is not None:
            previous[decision_id] = previous_id
    return sorted((places[d], places[p]) for d, p in previous.items())


def copy_all(source: Database, target: Database) -> CopyReport:
    """Copy every meeting and roster person of ``source`` into the empty ``target``; CopyRefused if not."""
    with source.reading() as session:
        people = [
            (p.id, {f: getattr(p, f) for f in interchange.PERSON_FIELDS})
            for p in session.scalars(select(Person).order_by(Person.id))
        ]
        meetings = []
        for meeting in session.scalars(select(Meeting).order_by(Meeting.id)):
            refs: dict[str, int] = {}
            meetings.append((interchange.meeting_to_data(meeting, refs), refs))
        expected = _dumps(session)
        # The Word file giving each meeting its look is not in the JSON format: copied beside it.
        expected_looks = _looks(session)
        expected_roster = _roster(session)
        expected_links = _links(session)

    with target.transaction() as session:
        held = session.scalar(select(func.count()).select_from(Meeting)) + session.scalar(
            select(func.count()).select_from(Person)
        )
        if held:
            raise CopyRefused(
                f"{target.label} already holds meetings or people; copy only into an empty database "
                "(a new file, or a new database on the server). Nothing was written."
            )
        copies = {}
        for person_id, fields in people:
            copies[person_id] = Person(**fields)
            session.add(copies[person_id])
        session.flush()
        copied_meetings = []
        for (data, refs), look in zip(meetings, expected_looks, strict=True):
            roster = {ref: copies[person_id] for ref, person_id in refs.items()}
            copy = interchange.import_data(session, data, roster=roster)
            copy.style_template, copy.style_template_name = look
            copied_meetings.append(copy)
        session.flush()
        for (at, position), (was_at, was_position) in expected_links:
            decision = copied_meetings[at].decisions[position]
            decision.previous = copied_meetings[was_at].decisions[was_position]
        session.flush()
        # Read back what the target now holds, not the objects just built.
        session.expire_all()
        copied = _dumps(session)
        for (title, want), (_title, got) in zip(expected, copied, strict=False):
            if want != got:
                raise CopyRefused(f"The copy of {title} differs from the original; nothing was written.")
        if (
            len(copied) != len(expected)
            or _roster(session) != expected_roster
            or _looks(session) != expected_looks
            or _links(session) != expected_links
        ):
            raise CopyRefused("The copied roster or meetings differ from the original; nothing was written.")
    return CopyReport(meetings=len(expected), people=len(people))
