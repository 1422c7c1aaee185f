"""Next year's meeting from this one: the skeleton is copied, the year's content is not.

Copied: organisation, body, document title, title, venue, times, time zone,
language, logo, the Word file giving the export its styles, the
introduction and co-organisers sentence (with the old date rewritten to
the new one), the objectives only when asked, the whole programme skeleton
(items, sub-topics, times, kinds, formats, debate markers, moderators and
speakers), and everyone who attended (status
« present ») as invited, with their role (chair, member…), the committee
settings (kind of document, agenda numbering, printed lists, quorum rule,
label overrides), and every decision still open or in progress: same
number, text, owner (see ``_carry_decisions``), due date, status and
follow-up note, pointing at the old decision through ``previous`` so its
history runs across the years.

The title is given, or the old one with its date moved on: a date
written in it (« du 18 mars 2025 », « March 18, 2025 », « 18 de marzo
de 2025 », 18/03/2025, in any of the three languages) that is the old
meeting's becomes the new one in the same shape, then the old year
becomes the new one. ``title_dates_left`` names the dates still there
(« les 18 et 19 mars »), for the caller to say so.

A second meeting on a date that already has one is refused
(``meetings.DateTaken``, as import-docx does) unless asked for
(``again=True``): running new-from twice by mistake made two identical
meetings, and every command given the year then refused to choose.

Left empty: the report (sections, interventions, debates, conclusions),
the photo-album link, the attendance marks (everyone is « invited », in
last year's mode: remote people are likely to join remotely again); the
status is « draft ».

Moderators and speakers are copied with last year's names. They are
placeholders to confirm, but there is no column saying so: the schema
stays as it is, and ``compare.compare`` lists every moderator or speaker,
and every text, still identical to last year's, which is exactly what is
left to confirm.

How dates written in a text or a title are moved on: models/services/written_dates.py.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from models.entities import Attendance, Decision, Meeting, ProgrammeItem, ProgrammePerson
from models.errors import FormatError
from models.services._common import coerce
from models.services.meetings import DateTaken, check_date_free, get_meeting, meetings_on
from models.services.written_dates import (
    follow_date,
    follow_title,
    follow_year,
    title_dates_left,
    written_dates,
)

__all__ = [
    "DATED_TEXT_FIELDS",
    "HEAD_FIELDS",
    "DateTaken",
    "follow_date",
    "follow_title",
    "follow_year",
    "meetings_on",
    "new_meeting_from",
    "title_dates_left",
    "written_dates",
]


# The programme and head fields copied as they are.
HEAD_FIELDS = (
    "organisation",
    "body",
    "document_title",
    "venue",
    "start_time",
    "end_time",
    "timezone",
    "language",
    "logo",
    "logo_media_type",
    "style_template",
    "style_template_name",
    # Committee settings (issue 16).
    "document_kind",
    "agenda_numbering",
    "printed_lists",
    "quorum_rule",
    "quorum_number",
    "label_overrides",
)
# Free texts copied with the old date rewritten to the new one.
DATED_TEXT_FIELDS = ("introduction", "co_organisers")


def new_meeting_from(
    session: Session,
    meeting_id: int,
    date: dt.date | str,
    title: str | None = None,
    copy_objectives: bool = False,
    again: bool = False,
) -> Meeting:
    """Add next year's meeting built from ``meeting_id``; flushes, does not commit.

    Raises ``DateTaken`` when a meeting is on that date already, unless ``again``.
    """
    source = get_meeting(session, meeting_id)
    new_date = coerce("date", date, None)
    if not isinstance(new_date, dt.date):
        raise FormatError("date", "a new meeting needs a date (YYYY-MM-DD)")
    if title is not None and not title.strip():
        raise FormatError("title", "a meeting needs a title")
    if not again:
        check_date_free(session, new_date)
    meeting = Meeting(
        title=title.strip()
        if title is not None
        else follow_title(source.title, source.date, new_date, source.language),
        date=new_date,
        status="draft",
        objectives=source.objectives if copy_objectives else "",
        photo_album_url="",
    )
    for name in HEAD_FIELDS:
        setattr(meeting, name, getattr(source, name))
    for name in DATED_TEXT_FIELDS:
        setattr(meeting, name, follow_date(getattr(source, name), source.date, new_date, source.language))
    session.add(meeting)

    for item in source.programme:
        copy = _copy_item(item, meeting)
        for sub in item.subtopics:
            child = _copy_item(sub, meeting)
            copy.subtopics.append(child)
        meeting.programme.append(copy)

    copies: dict[int, Attendance] = {}  # old row id → its copy
    for row in source.attendance:
        if row.status == "present":
            copies[row.id] = Attendance(
                person_id=row.person_id, status="invited", mode=row.mode, role=row.role
            )
            meeting.attendance.append(copies[row.id])
    _carry_decisions(source, meeting, copies)
    session.flush()
    return meeting


def _carry_decisions(source: Meeting, meeting: Meeting, copies: dict[int, Attendance]) -> None:
    """Every decision still open or in progress, into the new meeting, linked to the old one.

    No programme item: last year's item is not this year's agenda, and a carried decision is
    followed up as such until the secretary files it under an item. An owner not on the new
    list (not present last year, so not invited) is written out by name rather than lost.
    """
    for old in source.decisions:
        if old.status not in ("open", "in_progress"):
            continue
        owner = copies.get(old.owner_attendance_id) if old.owner_attendance_id is not None else None
        owner_text = old.owner_text
        if old.owner_attendance is not None and owner is None:
            owner_text = old.owner_name
        meeting.decisions.append(
            Decision(
                number=old.number,
                text=old.text,
                owner_attendance=owner,
                owner_text=owner_text,
                due=old.due,
                status=old.status,
                follow_up=old.follow_up,
                previous=old,
            )
        )


def _copy_item(item: ProgrammeItem, meeting: Meeting) -> ProgrammeItem:
    copy = ProgrammeItem(
        meeting=meeting,
        start_time=item.start_time,
        end_time=item.end_time,
        title=item.title,
        kind=item.kind,
        format=item.format,
        debate=item.debate,
    )
    for person in item.people:
        copy.people.append(
            ProgrammePerson(
                role=person.role,
                role_label=person.role_label,
                person_id=person.person_id,
                name=person.name,
                function=person.function,
                remote=person.remote,
            )
        )
    return copy
