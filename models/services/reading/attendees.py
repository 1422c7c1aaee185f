"""A meeting's attendance list: its heading and rows, for the attendance table and the sign-in sheet."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.entities import Meeting
from models.records import AttendanceList, Attendee
from models.services.meetings import get_meeting
from models.services.reading.parts import _proxy_name, person_values


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
                **person_values(a.person),
                status=a.status,
                mode=a.mode,
                role=a.role,
                represented_by=_proxy_name(a),
                arrival=a.arrival,
                departure=a.departure,
                id=a.id,
                person_id=a.person_id,
                position=a.position,
            )
            for a in meeting.attendance
        ),
    )
