"""Everything the compte-rendu prints of a meeting, read once: from rows when stored, else from objects."""

from __future__ import annotations

from sqlalchemy.orm import Session, object_session

from models.entities import Meeting
from models.records import MeetingData, PrintedLists, Quorum
from models.services import committee
from models.services.meetings import get_meeting
from models.services.quorum import quorum_of
from models.services.reading.objects import _read_objects
from models.services.reading.rows import _read_rows


def meeting_record(session: Session, meeting_id: int) -> MeetingData:
    """Everything the compte-rendu prints of the stored meeting ``meeting_id``."""
    return record_of(get_meeting(session, meeting_id))


def record_of(meeting: Meeting, *, from_objects: bool = False) -> MeetingData:
    """Everything the compte-rendu prints of ``meeting``, read once."""
    session = object_session(meeting)
    if from_objects or session is None or meeting.id is None:
        programme, sections, participants, decisions = _read_objects(meeting)
    else:
        programme, sections, participants, decisions = _read_rows(session, meeting.id)
    return MeetingData(
        language=meeting.language,
        title=meeting.title,
        date=meeting.date,
        organisation=meeting.organisation,
        body=meeting.body,
        document_title=meeting.document_title,
        venue=meeting.venue,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        timezone=meeting.timezone,
        introduction=meeting.introduction,
        co_organisers=meeting.co_organisers,
        objectives=meeting.objectives,
        photo_album_url=meeting.photo_album_url,
        logo=meeting.logo or None,
        programme=programme,
        sections=sections,
        participants=participants,
        style_template=meeting.style_template or None,
        document_kind=meeting.document_kind or "compte_rendu",
        agenda_numbering=bool(meeting.agenda_numbering),
        printed_lists=_printed_lists(meeting),
        quorum=_quorum(meeting),
        label_overrides=tuple(committee.label_overrides(meeting).items()) if meeting.label_overrides else (),
        decisions=decisions,
    )


def _printed_lists(meeting: Meeting) -> PrintedLists:
    if not meeting.printed_lists:
        return PrintedLists()
    lists = committee.printed_lists(meeting)
    return PrintedLists(lists.lists, lists.columns, lists.decisions)


def _quorum(meeting: Meeting) -> Quorum | None:
    # Only a meeting with a rule pays for counting (quorum_of walks the attendance).
    if (meeting.quorum_rule or "none") == "none":
        return None
    q = quorum_of(meeting)
    if q.required is None:
        return None
    return Quorum(q.rule, q.members, q.present, q.represented, q.required)
