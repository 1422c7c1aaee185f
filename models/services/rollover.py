"""Next year's meeting from this one: the skeleton is copied, the year's content is not.

Copied: organisation, body, document title, title, venue, times, time zone,
language, logo, the introduction and co-organisers sentence (with the old
date rewritten to the new one), the objectives only when asked, the whole
programme skeleton (items, sub-topics, times, kinds, formats, debate
markers, moderators and speakers), and everyone who attended (status
« present ») as invited.

Left empty: the report (sections, interventions, debates, conclusions),
the photo-album link, the attendance marks (everyone is « invited »,
« in person »); the status is « draft ».

Moderators and speakers are copied with last year's names. They are
placeholders to confirm, but there is no column saying so: the schema
stays as it is, and ``compare.compare`` lists every moderator or speaker,
and every text, still identical to last year's, which is exactly what is
left to confirm.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import resources

from sqlalchemy.orm import Session

from models.entities import Attendance, Meeting, ProgrammeItem, ProgrammePerson
from models.errors import FormatError
from models.services._common import coerce
from models.services.meetings import get_meeting

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
)
# Free texts copied with the old date rewritten to the new one.
DATED_TEXT_FIELDS = ("introduction", "co_organisers")


def new_meeting_from(
    session: Session,
    meeting_id: int,
    date: dt.date | str,
    title: str | None = None,
    copy_objectives: bool = False,
) -> Meeting:
    """Add next year's meeting built from ``meeting_id``; flushes, does not commit."""
    source = get_meeting(session, meeting_id)
    new_date = coerce("date", date, None)
    if not isinstance(new_date, dt.date):
        raise FormatError("date", "a new meeting needs a date (YYYY-MM-DD)")
    if title is not None and not title.strip():
        raise FormatError("title", "a meeting needs a title")
    meeting = Meeting(
        title=title.strip() if title is not None else follow_year(source.title, source.date, new_date),
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

    for row in source.attendance:
        if row.status == "present":
            meeting.attendance.append(Attendance(person_id=row.person_id, status="invited", mode="in_person"))
    session.flush()
    return meeting


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


def follow_year(text: str, old: dt.date, new: dt.date) -> str:
    """``text`` with the old year, written as a number on its own, replaced by the new one."""
    if old.year == new.year:
        return text
    return re.sub(rf"(?<!\d){old.year}(?!\d)", str(new.year), text)


@cache
def _date_words(language: str) -> tuple[tuple[str, ...], str, str] | None:
    """Month names, date pattern and « 1er » of the document's label table, if it has them."""
    try:
        raw = json.loads(resources.files("resources.labels").joinpath(f"{language}.json").read_text("utf-8"))
        return tuple(raw["months"]), raw["date"], raw.get("first_day", "{day}")
    except (OSError, ValueError, KeyError, TypeError):
        return None


def written_dates(day: dt.date, language: str) -> dict[str, str]:
    """The ways a text may write ``day``, by shape: « 12 décembre 2023 », « 12/12/2023 », « 2023-12-12 »."""
    forms = {
        "iso": day.isoformat(),
        "dmy0": f"{day.day:02d}/{day.month:02d}/{day.year}",
        "dmy": f"{day.day}/{day.month}/{day.year}",
    }
    words = _date_words(language)
    if words is not None:
        months, pattern, first_day = words
        try:
            month = months[day.month - 1]
            forms["words"] = pattern.format(
                day=first_day if day.day == 1 else day.day, month=month, year=day.year
            )
            # « 1 mars » typed for « 1er mars »: recognised, rewritten in the table's shape.
            forms["words_plain"] = pattern.format(day=day.day, month=month, year=day.year)
        except (KeyError, IndexError, ValueError):
            pass
    return forms


def follow_date(text: str, old: dt.date, new: dt.date, language: str) -> str:
    """``text`` with ``old`` (written out, or as digits) rewritten as ``new`` in the same shape."""
    if not text or old == new:
        return text
    old_forms, new_forms = written_dates(old, language), written_dates(new, language)
    new_forms["words_plain"] = new_forms.get("words", "")
    for shape, before in old_forms.items():
        after = new_forms[shape]
        text = re.sub(rf"(?<!\w){re.escape(before)}(?!\w)", lambda _m, after=after: after, text)
    return text
