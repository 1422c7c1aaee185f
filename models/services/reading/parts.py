"""What both readings of a meeting build: the record's tuples, programme items' places, names as printed."""

from __future__ import annotations

from models.entities import Attendance
from models.records import Decision, Participant, ProgrammeItem, Section

Programme = tuple[ProgrammeItem, ...]
Sections = tuple[Section, ...]
Participants = tuple[Participant, ...]
Decisions = tuple[Decision, ...]


def _proxy_name(row: Attendance) -> str:
    proxy = row.represented_by
    return (proxy.person.display_name or proxy.person.organisation) if proxy is not None else ""


def _display_name(civility: str | None, first: str | None, last: str | None) -> str:
    # Same rule as models.entities.Person.display_name, applied to columns.
    return " ".join(p for p in (civility, first, last) if p)


def _places(top, children, key) -> dict:
    """Each programme item's place, (i,) or (i, j), keyed by ``key(item)``."""
    places = {}
    for i, row in enumerate(top):
        places[key(row)] = (i,)
        for j, child in enumerate(children(row)):
            places[key(child)] = (i, j)
    return places
