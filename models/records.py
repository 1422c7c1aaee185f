"""Frozen plain records of what a document or a view shows, built by the read services.

The exporters take these and nothing else, so they stay pure functions that
tests can feed directly and never touch a session, a lazy load or a stale
object. This module imports no SQLAlchemy (lint-imports keeps exporters off
the ORM; the records are how they get the data).

The records are NamedTuples rather than dataclasses: a frozen dataclass costs
about a millisecond to define, and the command line pays import time on every run.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

# The values an attendance row may hold. models/entities.py checks the same
# tuples in the database; tests/test_export_plain.py and tests/test_committee_export.py keep them equal.
ATTENDANCE_STATUSES = ("invited", "present", "excused", "absent")
ATTENDANCE_MODES = ("in_person", "remote")
ATTENDANCE_ROLES = ("", "chair", "vice_chair", "secretary", "member", "guest", "staff")
DOCUMENT_KINDS = ("compte_rendu", "proces_verbal", "releve_de_decisions")
DECISION_STATUSES = ("open", "in_progress", "done", "dropped")


class ProgrammePerson(NamedTuple):
    role_label: str
    name: str
    function: str
    remote: bool


class ProgrammeItem(NamedTuple):
    start: dt.time | None
    end: dt.time | None
    title: str
    kind: str
    format: str
    debate: bool
    moderators: tuple[ProgrammePerson, ...] = ()
    speakers: tuple[ProgrammePerson, ...] = ()
    subtopics: tuple[ProgrammeItem, ...] = ()


class Block(NamedTuple):
    kind: str
    speaker: str = ""
    subtitle: str = ""
    online: bool = False
    question: str = ""
    text: str = ""
    # The stored row's id, for the preview's links back to the editor; the document ignores it.
    id: int | None = None


class Section(NamedTuple):
    title: str
    depth: int
    # Kind of the programme item the section reports on, "" when it has none.
    item_kind: str = ""
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    id: int | None = None
    # Place of that programme item: (3,) the fourth item, (3, 0) its first sub-topic; () none.
    item: tuple[int, ...] = ()


class Participant(NamedTuple):
    """A name in the compte-rendu's list of participants.

    It holds the person's fields the document can print (no email), in the order
    records were first built by position, not NAMES's; the readers fill them by name.
    """

    first_name: str
    last_name: str
    organisation: str
    status: str
    mode: str
    role: str = ""
    civility: str = ""
    function: str = ""
    # The name of whoever holds this participant's proxy, "" for none.
    represented_by: str = ""
    arrival: str = ""
    departure: str = ""


class PrintedLists(NamedTuple):
    """Which participant lists the document prints, and the columns beside the name (committee.py)."""

    lists: tuple[str, ...] = ("present",)
    columns: tuple[str, ...] = ("organisation",)
    decisions: str = "after_report"  # or after_programme, end: where the decisions print


class Quorum(NamedTuple):
    """Members present or represented against the meeting's rule (models/services/quorum.py)."""

    rule: str  # majority, two_thirds, number
    members: int
    present: int
    represented: int
    required: int

    @property
    def counted(self) -> int:
        return self.present + self.represented

    @property
    def reached(self) -> bool:
        return self.counted >= self.required


class Decision(NamedTuple):
    number: str
    text: str = ""
    item_title: str = ""
    item: tuple[int, ...] = ()  # as Section.item
    owner: str = ""
    due: dt.date | None = None
    status: str = "open"
    follow_up: str = ""
    # Carried from an earlier meeting (new-from): printed under « Suivi des décisions ».
    carried: bool = False


class MeetingData(NamedTuple):
    language: str
    title: str
    date: dt.date
    organisation: str = ""
    body: str = ""
    document_title: str = ""
    venue: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    timezone: str = ""
    introduction: str = ""
    co_organisers: str = ""
    objectives: str = ""
    photo_album_url: str = ""
    logo: bytes | None = None
    programme: tuple[ProgrammeItem, ...] = ()
    sections: tuple[Section, ...] = ()
    participants: tuple[Participant, ...] = ()
    # The meeting's own Word file whose look the document takes, if any.
    style_template: bytes | None = None
    document_kind: str = "compte_rendu"
    agenda_numbering: bool = False
    printed_lists: PrintedLists = PrintedLists()
    quorum: Quorum | None = None  # None: no quorum rule
    # Label key → text over the label table, sorted by key.
    label_overrides: tuple[tuple[str, str], ...] = ()
    decisions: tuple[Decision, ...] = ()


# What an attendance row records beside its person (models.person_fields.NAMES), in the order
# the participant list (exporters/attendance_table.py) writes them after the person's fields.
ATTENDANCE_FIELDS = ("status", "mode", "role", "represented_by", "arrival", "departure")


class Attendee(NamedTuple):
    """An attendance row with its roster person: attendance table, sign-in sheet, Participants tab.

    The person's fields come first, as models.person_fields.NAMES lists them
    (tests/test_person_rows.py fails until a field added there is added here),
    then ATTENDANCE_FIELDS, then the stored row's ids and place, None in a
    record built by hand (an exporter ignores them).
    models.services.attendance.AttendanceRow is this record.
    """

    civility: str
    first_name: str
    last_name: str
    function: str
    organisation: str
    email: str
    status: str
    mode: str
    role: str = ""
    # The name of whoever holds this row's proxy, "" for none.
    represented_by: str = ""
    arrival: str = ""
    departure: str = ""
    id: int | None = None
    person_id: int | None = None
    position: int | None = None


class AttendanceList(NamedTuple):
    """A meeting's heading and its attendance, in the meeting's order."""

    language: str
    title: str
    date: dt.date
    organisation: str = ""
    body: str = ""
    venue: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    timezone: str = ""
    rows: tuple[Attendee, ...] = ()


class RosterLine(NamedTuple):
    """A roster person as a list of people shows them; ``haystack`` is what a search matches."""

    id: int
    name: str
    organisation: str
    haystack: str

    @property
    def text(self) -> str:
        if self.name and self.organisation:
            return f"{self.name} — {self.organisation}"
        return self.name or self.organisation


class PersonCard(NamedTuple):
    """What helps decide whether two roster records are one person: their fields, how often they are used.

    ``name`` is the name as shown (civility, first and last name; the organisation when there is none).
    """

    id: int
    name: str
    civility: str
    first_name: str
    last_name: str
    function: str
    organisation: str
    email: str
    meetings: int
    mentions: int


def with_unsaved(data: MeetingData, sections: dict[int, dict], blocks: dict[int, dict]) -> MeetingData:
    """``data`` with some sections' and blocks' fields replaced by ``{id: {field: value}}``.

    The preview shows what is being typed before the editor stores it (a text is
    stored after a second without typing; the preview follows within 200 ms).
    """
    if not sections and not blocks:
        return data

    def section(s: Section) -> Section:
        fields = sections.get(s.id) if s.id is not None else None
        return s._replace(
            **(fields or {}),
            blocks=tuple(b._replace(**blocks[b.id]) if b.id in blocks else b for b in s.blocks),
            sections=tuple(section(c) for c in s.sections),
        )

    return data._replace(sections=tuple(section(s) for s in data.sections))
