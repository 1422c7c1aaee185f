"""A meeting's attendance list: its heading and rows, for the attendance table and the sign-in sheet."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.entities import Meeting
from models.records import AttendanceList, Attendee
from models.services.meetings import get_meeting
from models.services.reading.parts import _proxy_name


def attendance_list(session: Session, meeting_id: int) -> AttendanceList:
    """The heading and attendance rows, in list order, of the stored meeting ``meeting_id``."""
    return attendance_of(get_meeting(session, meeting_id))


def attendance_of(meeting: Meeting) -> AttendanceList:
    """``meeting``'s heading and its attendance rows, in its order."""
    return AttendanceList(
        language=meeting.language,
        title=meeting.title,
        date=meeting.date,
        organisation=meeting.organisation,
        body=meeting.body,
        venue=meeting.venue,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        timezone=meeting.timezone,
        rows=tuple(
            Attendee(
                a.person.civility,
                a.person.first_name,
                a.person.last_name,
                a.person.function,
                a.person.organisation,
                a.person.email,
                a.status,
                a.mode,
                a.role,
                _proxy_name(a),
                a.arrival,
                a.departure,
            )
            for a in meeting.attendance
        ),
    )
