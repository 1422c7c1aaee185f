"""What both readings of a meeting build: the record's tuples, programme items' places, names as printed."""

from __future__ import annotations

from models.entities import Attendance
from models.person_fields import NAMES
from models.records import Decision, Participant, ProgrammeItem, Section

Programme = tuple[ProgrammeItem, ...]
Sections = tuple[Section, ...]
Participants = tuple[Participant, ...]
Decisions = tuple[Decision, ...]

# The person's fields a compte-rendu participant holds (it prints no email), in NAMES's order.
PARTICIPANT_NAMES = tuple(n for n in NAMES if n in Participant._fields)


def person_values(source, names: tuple[str, ...] = NAMES) -> dict[str, str]:
    """``names`` read off ``source`` (a Person, or a selected row with those columns), by name."""
    return {n: getattr(source, n) for n in names}


# The proxy person's columns whose values make the name a record's ``represented_by`` shows.
PROXY_PARTS = ("civility", "first_name", "last_name", "organisation")


def attendance_columns(fields: tuple[str, ...], person, attendance, proxy_person) -> list:
    """What to select for a record of attendance rows with ``fields`` (Attendee, Participant), in their order.

    A field of NAMES is ``person``'s column, ``represented_by`` the four PROXY_PARTS of
    ``proxy_person``, any other ``attendance``'s column of that name: an entity (or its alias)
    or a table's ``.c``. ``attendance_record`` makes the record of each row.
    """
    columns = []
    for name in fields:
        if name in NAMES:
            columns.append(getattr(person, name))
        elif name == "represented_by":
            columns.extend(getattr(proxy_person, part).label(f"proxy_{part}") for part in PROXY_PARTS)
        else:
            columns.append(getattr(attendance, name))
    return columns


def attendance_record(record):
    """A function making a ``record`` from a row selected with attendance_columns(record._fields, …)."""
    at = record._fields.index("represented_by")
    after = at + len(PROXY_PARTS)
    make = record._make

    # By position, which attendance_columns keeps: 5,000 rows build in milliseconds.
    def build(row):
        return make((*row[:at], proxy_display(*row[at:after]), *row[after:]))

    return build


def _proxy_name(row: Attendance) -> str:
    proxy = row.represented_by
    return (proxy.person.display_name or proxy.person.organisation) if proxy is not None else ""


def _display_name(civility: str | None, first: str | None, last: str | None) -> str:
    # Same rule as models.entities.Person.display_name, applied to columns.
    return " ".join(p for p in (civility, first, last) if p)


def proxy_display(civility: str | None, first: str | None, last: str | None, organisation: str | None) -> str:
    # Same rule as _proxy_name, applied to the proxy person's columns (None when there is no proxy).
    return _display_name(civility, first, last) or organisation or ""


def _places(top, children, key) -> dict:
    """Each programme item's place, (i,) or (i, j), keyed by ``key(item)``."""
    places = {}
    for i, row in enumerate(top):
        places[key(row)] = (i,)
        for j, child in enumerate(children(row)):
            places[key(child)] = (i, j)
    return places
