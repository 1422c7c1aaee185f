"""A whole meeting taken out and put back, with its ids: what undoes creating or deleting one.

The snapshot holds the meeting and everything it owns (programme, attendance
rows, report, decisions); roster people are shared across years and stay.
Decisions of other meetings that follow one of its decisions lose that link
when it goes (the foreign key sets it to NULL): it is kept aside and put back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Decision, Meeting
from models.services import snapshots
from models.services.meetings import get_meeting

FIRST = "programme"


@dataclass
class TakenOut:
    snapshot: snapshots.Snapshot
    # (decision of another meeting, the decision of this one it follows)
    followers: list[tuple[int, int]] = field(default_factory=list)


def take_out_meeting(session: Session, meeting_id: int) -> TakenOut:
    """Delete a meeting; returns what ``put_back_meeting`` restores."""
    meeting = get_meeting(session, meeting_id)
    own = [decision.id for decision in meeting.decisions]
    followers = session.execute(
        select(Decision.id, Decision.previous_id).where(
            Decision.previous_id.in_(own), Decision.meeting_id != meeting_id
        )
    ).all()
    gone = TakenOut(snapshots.take(meeting), [(row.id, row.previous_id) for row in followers])
    session.delete(meeting)
    session.flush()
    return gone


def put_back_meeting(session: Session, gone: TakenOut) -> Meeting:
    """Insert the meeting again with the ids it had, and everything it owned."""
    snapshot = gone.snapshot
    # Sections point at programme items by a bare foreign key, which the unit of work does not
    # order inserts by: the programme goes in first, then each other child in its own flush.
    first = {key: kids for key, kids in snapshot.children.items() if key == FIRST}
    meeting = snapshots.restore(session, snapshots.Snapshot(snapshot.cls, snapshot.columns, first))
    for key, kids in snapshot.children.items():
        if key != FIRST:
            for kid in kids:
                snapshots.restore(session, kid)
    for decision_id, previous_id in gone.followers:
        follower = session.get(Decision, decision_id)
        if follower is not None and follower.previous_id is None:  # unless relinked meanwhile
            follower.previous_id = previous_id
    session.flush()
    # The meeting's collections were loaded before those rows came back.
    session.expire(meeting)
    return meeting
