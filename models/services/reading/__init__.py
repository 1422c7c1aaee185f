"""Read services: stored meetings as the frozen records of models/records.py.

Exporters and views get their data from here, inside ``db.reading()``; the
records they receive hold no session and load nothing lazily.

A meeting stored in a session is read with five plain SELECTs (programme,
its people, sections, blocks, attendance) rather than by walking the
relationships, which issues two queries per programme item and per section
and builds an ORM object per row: for 5,000 participants that is the
difference between a tenth of a second and half a second. The session's
autoflush makes pending edits visible to those SELECTs. A meeting in no
session (or not yet flushed) is walked through its relationships instead;
both paths give equal results (tests/test_export_plain.py).

The parts: ``record`` (``record_of``, ``meeting_record``), ``rows`` (the
plain SELECTs), ``objects`` (the walk through the relationships), ``parts``
(what both build), ``attendees`` (the attendance list), ``people`` (the
roster and a person's card). This package keeps the names callers import.
"""

from __future__ import annotations

from models.services.reading.attendees import attendance_list, attendance_of
from models.services.reading.parts import Decisions, Participants, Programme, Sections
from models.services.reading.people import person_card, person_exists, programme_item_of, read_roster
from models.services.reading.record import meeting_record, record_of

__all__ = [
    "Decisions",
    "Participants",
    "Programme",
    "Sections",
    "attendance_list",
    "attendance_of",
    "meeting_record",
    "person_card",
    "person_exists",
    "programme_item_of",
    "read_roster",
    "record_of",
]
