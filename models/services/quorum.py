"""Quorum: members present or represented against members in total, by the meeting's rule.

Members are the rows whose role votes (chair, vice-chair, secretary,
member); guests and staff do not count, nor rows without a role (the 2023
shape has no members, so no quorum). A member counts as represented when
absent or excused and their proxy is present.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.entities import Attendance, Meeting
from models.errors import MinutierError
from models.services._common import get
from models.services.meetings import get_meeting

VOTING_ROLES = ("chair", "vice_chair", "secretary", "member")


@dataclass(frozen=True)
class Quorum:
    rule: str  # none, majority, two_thirds, number
    members: int
    present: int
    represented: int
    required: int | None  # None: the meeting has no quorum rule

    @property
    def counted(self) -> int:
        return self.present + self.represented

    @property
    def reached(self) -> bool | None:
        return None if self.required is None else self.counted >= self.required


def required(rule: str, members: int, number: int | None) -> int | None:
    if rule == "majority":  # more than half
        return members // 2 + 1
    if rule == "two_thirds":  # at least two thirds, rounded up
        return -(-2 * members // 3)
    if rule == "number":
        return number
    return None


def quorum_of(meeting: Meeting) -> Quorum:
    rows = list(meeting.attendance)
    present_ids = {a.id for a in rows if a.status == "present"}
    members = [a for a in rows if a.role in VOTING_ROLES]
    present = sum(1 for a in members if a.id in present_ids)
    represented = sum(1 for a in members if a.id not in present_ids and a.represented_by_id in present_ids)
    return Quorum(
        meeting.quorum_rule,
        len(members),
        present,
        represented,
        required(meeting.quorum_rule, len(members), meeting.quorum_number),
    )


def quorum(session: Session, meeting_id: int) -> Quorum:
    return quorum_of(get_meeting(session, meeting_id))


def check_proxy(session: Session, row: Attendance, proxy_id: int | None) -> None:
    """Refuse a proxy that is not another participant of the same meeting."""
    if proxy_id is None:
        return
    proxy = get(session, Attendance, proxy_id)
    if proxy.meeting_id != row.meeting_id:
        raise MinutierError("A participant can only be represented by a participant of the same meeting.")
    if proxy.id == row.id:
        raise MinutierError("A participant cannot represent themselves.")
