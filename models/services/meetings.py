"""Meetings: list, find, create, edit, duplicate, delete; which are on a date (``meetings_on``).

One meeting per date unless the user asks again: ``new-from`` and ``import-docx`` refuse a date
that has a meeting already with ``DateTaken`` (``check_date_free``), and take ``again=True`` to
add another one all the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from models.entities import LANGUAGES, STATUSES, Meeting
from models.errors import FormatError, MinutierError, NotFound
from models.services._common import get, update_fields

EDITABLE = (
    "organisation",
    "body",
    "document_title",
    "title",
    "venue",
    "date",
    "start_time",
    "end_time",
    "timezone",
    "language",
    "status",
    "introduction",
    "co_organisers",
    "objectives",
    "photo_album_url",
    "logo",
    "logo_media_type",
)


# The largest id each backend stores: SQLite's INTEGER is 64 bits, PostgreSQL's 32.
MAX_ID = {"sqlite": 2**63 - 1, "postgresql": 2**31 - 1}


class DateTaken(MinutierError):
    """A meeting exists on the date asked for; ``taken`` holds the ids of those there, ``meetings``
    their ids and titles."""

    def __init__(self, day: dt.date, taken: list[tuple[int, str]]):
        self.day = day
        self.meetings = list(taken)
        self.taken = [meeting_id for meeting_id, _title in taken]
        listed = "; ".join(f"id {meeting_id}, « {title} »" for meeting_id, title in taken)
        super().__init__(
            f"There is already a meeting on {day.isoformat()} ({listed}); "
            "to add another one on that date, ask again with --again."
        )


def meetings_on(session: Session, day: dt.date) -> list[tuple[int, str]]:
    """Id and title of the meetings on ``day``."""
    query = select(Meeting.id, Meeting.title).where(Meeting.date == day).order_by(Meeting.id)
    return [(meeting_id, title) for meeting_id, title in session.execute(query)]


def check_date_free(session: Session, day: dt.date) -> None:
    """Raise ``DateTaken`` when a meeting is on ``day`` already."""
    taken = meetings_on(session, day)
    if taken:
        raise DateTaken(day, taken)


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def list_meetings(session: Session) -> list[Meeting]:
    """Newest first."""
    return list(session.scalars(select(Meeting).order_by(Meeting.date.desc(), Meeting.id.desc())))


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    return get(session, Meeting, meeting_id)


def resolve(session: Session, spec: str | int) -> Meeting:
    """A meeting from what a user types: its id, or its year when that is unambiguous."""
    text = str(spec).strip()
    # isdigit alone takes « ² » (int() cannot read it) and 5,000 digits (int() refuses them).
    if not (text.isascii() and text.isdigit()):
        raise NotFound(f'"{_shorten(text)}" is not a meeting id or a year.')
    limit = MAX_ID.get(session.get_bind().dialect.name, MAX_ID["sqlite"])
    if len(text) > len(str(limit)) or int(text) > limit:
        # The driver would overflow (a traceback), or PostgreSQL refuse the query.
        raise NotFound(f"No meeting with id {_shorten(text)}; `list` shows them.")
    number = int(text)
    if len(text) == 4:
        in_year = list(session.scalars(select(Meeting).where(extract("year", Meeting.date) == number)))
        if len(in_year) == 1:
            return in_year[0]
        if len(in_year) > 1:
            ids = ", ".join(str(m.id) for m in in_year)
            raise NotFound(f"Several meetings in {number} (ids {ids}); give the id.")
    meeting = session.get(Meeting, number)
    if meeting is None:
        raise NotFound(f"No meeting with id or year {text}; `list` shows them.")
    return meeting


def _check(fields: dict[str, Any]) -> None:
    if "language" in fields and fields["language"] not in LANGUAGES:
        raise FormatError("language", f'"{fields["language"]}" is not one of {", ".join(LANGUAGES)}')
    if "status" in fields and fields["status"] not in STATUSES:
        raise FormatError("status", f'"{fields["status"]}" is not one of {", ".join(STATUSES)}')
    if "title" in fields and not str(fields["title"]).strip():
        raise FormatError("title", "a meeting needs a title")


def create_meeting(session: Session, title: str, date: dt.date | str, **fields: Any) -> Meeting:
    _check({"title": title, **fields})
    meeting = Meeting(title=title, date=dt.date.today())
    update_fields(meeting, EDITABLE, {"date": date, **fields})
    session.add(meeting)
    session.flush()
    return meeting


def update_meeting(session: Session, meeting_id: int, expected_version: int | None = None, **fields) -> dict:
    """Change meeting fields; returns their previous values (for undo)."""
    _check(fields)
    return update_fields(get_meeting(session, meeting_id), EDITABLE, fields, expected_version)


def delete_meeting(session: Session, meeting_id: int) -> None:
    session.delete(get_meeting(session, meeting_id))
    session.flush()


def duplicate_meeting(session: Session, meeting_id: int, *, title: str | None = None) -> Meeting:
    """A full copy (programme, attendance, report) sharing the same roster people."""
    # Here rather than at the top: the JSON format costs every command that only reads (~15 ms).
    from models import interchange

    source = get_meeting(session, meeting_id)
    data = interchange.meeting_to_data(source)
    if title is not None:
        data["meeting"]["title"] = title
    data["meeting"]["status"] = "draft"
    copy = interchange.import_data(session, data)
    # The Word file whose styles the export uses is not part of the JSON format: copied here.
    copy.style_template = source.style_template
    copy.style_template_name = source.style_template_name
    return copy
