"""The decisions register of a meeting, and each decision's history across meetings.

A decision is numbered by year (« 2025-03 »), unique within its meeting.
When ``new-from`` carries an open decision into next year's meeting, the
copy keeps its number and points at the old row through ``previous``, so
``history`` finds the whole chain from any meeting of it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import DECISION_STATUSES, Attendance, Decision, Meeting, ProgrammeItem
from models.errors import FormatError, MinutierError
from models.services import snapshots
from models.services._common import check_version, get, insert_at, move_in
from models.services.meetings import get_meeting

FIELDS = (
    "number",
    "text",
    "programme_item_id",
    "owner_attendance_id",
    "owner_text",
    "due",
    "status",
    "follow_up",
    "previous_id",
)
STILL_OPEN = ("open", "in_progress")


def list_decisions(session: Session, meeting_id: int, *, open_only: bool = False) -> list[Decision]:
    decisions = list(get_meeting(session, meeting_id).decisions)
    return [d for d in decisions if d.status in STILL_OPEN] if open_only else decisions


def next_number(session: Session, year: int) -> str:
    """The number after the highest « YEAR-NN » of any meeting: numbers run by year, not by meeting."""
    pattern = re.compile(rf"{year}-(\d+)")
    numbers = session.scalars(select(Decision.number).where(Decision.number.like(f"{year}-%")))
    highest = max((int(m.group(1)) for n in numbers if (m := pattern.fullmatch(n))), default=0)
    return f"{year}-{highest + 1:02d}"


def _due(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise FormatError("due", f'"{value}" is not a date (YYYY-MM-DD)') from None


def _check(session: Session, meeting_id: int, fields: dict[str, Any], decision_id: int | None = None) -> None:
    """Normalise ``fields`` in place and refuse what does not belong to this meeting."""
    if "number" in fields:
        fields["number"] = (fields["number"] or "").strip()
        if not fields["number"]:
            raise FormatError("number", "a decision needs a number")
        same = select(Decision.id).where(
            Decision.meeting_id == meeting_id, Decision.number == fields["number"]
        )
        if any(other != decision_id for other in session.scalars(same)):
            raise MinutierError(f"This meeting already has a decision numbered {fields['number']}.")
    if "status" in fields and fields["status"] not in DECISION_STATUSES:
        raise FormatError("status", f'"{fields["status"]}" is not one of {", ".join(DECISION_STATUSES)}')
    if "due" in fields:
        fields["due"] = _due(fields["due"])
    item_id = fields.get("programme_item_id")
    if item_id is not None and get(session, ProgrammeItem, item_id).meeting_id != meeting_id:
        raise MinutierError("A decision can only belong to an item of its own meeting's programme.")
    if fields.get("owner_attendance_id") is not None:
        if get(session, Attendance, fields["owner_attendance_id"]).meeting_id != meeting_id:
            raise MinutierError("A decision's owner must be a participant of its meeting.")
        fields.setdefault("owner_text", "")  # one owner: a participant or an organisation
    elif fields.get("owner_text"):
        fields["owner_text"] = fields["owner_text"].strip()
        fields.setdefault("owner_attendance_id", None)
    if fields.get("previous_id") is not None:
        previous = get(session, Decision, fields["previous_id"])
        if previous.meeting_id == meeting_id or previous.id == decision_id:
            raise MinutierError("A decision can only follow up a decision of another meeting.")


def add_decision(
    session: Session, meeting_id: int, *, position: int | None = None, **fields: Any
) -> Decision:
    """Add a decision; without a number it takes the next one of the meeting's year."""
    meeting = get_meeting(session, meeting_id)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"cannot set {', '.join(sorted(unknown))} on a decision")
    if not fields.get("number"):
        fields["number"] = next_number(session, meeting.year)
    _check(session, meeting.id, fields)
    decision = Decision(**{"text": "", "owner_text": "", "status": "open", "follow_up": "", **fields})
    insert_at(meeting.decisions, decision, position)
    meeting.decisions.reorder()
    session.flush()
    return decision


def update_decision(
    session: Session, decision_id: int, expected_version: int | None = None, **fields
) -> dict:
    """Change some fields; returns their previous values (undo passes them back)."""
    decision = get(session, Decision, decision_id)
    check_version(decision, expected_version)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"cannot set {', '.join(sorted(unknown))} on a decision")
    _check(session, decision.meeting_id, fields, decision.id)
    previous = {name: getattr(decision, name) for name in fields}
    for name, value in fields.items():
        setattr(decision, name, value)
    session.flush()
    return previous


def move_decision(session: Session, decision_id: int, position: int) -> int:
    """Move within the register; returns the old position."""
    decision = get(session, Decision, decision_id)
    old = decision.position
    move_in(decision.meeting.decisions, decision, position)
    session.flush()
    return old


@dataclass
class DeletedDecision:
    snapshot: snapshots.Snapshot
    meeting_id: int
    position: int
    followed_by: list[int]  # decisions of later meetings that pointed at it


def delete_decision(session: Session, decision_id: int) -> DeletedDecision:
    decision = get(session, Decision, decision_id)
    followers = list(session.scalars(select(Decision).where(Decision.previous_id == decision.id)))
    gone = DeletedDecision(
        snapshots.take(decision), decision.meeting_id, decision.position, [d.id for d in followers]
    )
    # Cleared here, not by ON DELETE SET NULL, so that the session agrees and the restore relinks.
    for follower in followers:
        follower.previous_id = None
    meeting = decision.meeting
    meeting.decisions.remove(decision)
    meeting.decisions.reorder()
    session.flush()
    return gone


def restore_decision(session: Session, gone: DeletedDecision) -> Decision:
    meeting = get(session, Meeting, gone.meeting_id)
    decision = snapshots.restore(session, gone.snapshot)
    if decision in meeting.decisions:
        meeting.decisions.remove(decision)
    insert_at(meeting.decisions, decision, gone.position)
    meeting.decisions.reorder()
    session.flush()
    for follower_id in gone.followed_by:
        follower = session.get(Decision, follower_id)
        if follower is not None:
            follower.previous_id = decision.id
    session.flush()
    return decision


@dataclass(frozen=True)
class Step:
    """One meeting's entry of a decision's history."""

    decision_id: int
    meeting_id: int
    meeting_date: dt.date
    meeting_title: str
    number: str
    status: str
    follow_up: str


def _step(decision: Decision) -> Step:
    meeting = decision.meeting
    return Step(
        decision.id,
        meeting.id,
        meeting.date,
        meeting.title,
        decision.number,
        decision.status,
        decision.follow_up,
    )


def history(session: Session, decision_id: int) -> list[Step]:
    """The decision in every meeting it went through, oldest first, whichever of them is asked."""
    decision = get(session, Decision, decision_id)
    first, seen = decision, {decision.id}
    while first.previous is not None and first.previous.id not in seen:  # a cycle cannot loop forever
        first = first.previous
        seen.add(first.id)
    chain, seen = [first], {first.id}
    while True:
        # A decision may be carried into more than one meeting (two meetings made from one): the oldest first.
        query = select(Decision).join(Meeting).where(Decision.previous_id == chain[-1].id)
        following = [
            d for d in session.scalars(query.order_by(Meeting.date, Decision.id)) if d.id not in seen
        ]
        if not following:
            break
        chain.append(following[0])
        seen.add(following[0].id)
    return [_step(d) for d in chain]


# Captions of the register as a table, in the meeting's language.
_HEADERS = {
    "fr": ("Numéro", "Décision", "Point", "Responsable", "Échéance", "Statut", "Suivi"),
    "en": ("Number", "Decision", "Item", "Owner", "Due", "Status", "Follow-up"),
    "es": ("Número", "Decisión", "Punto", "Responsable", "Plazo", "Estado", "Seguimiento"),
}
_STATUS_NAMES = {
    "fr": {"open": "ouverte", "in_progress": "en cours", "done": "faite", "dropped": "abandonnée"},
    "en": {"open": "open", "in_progress": "in progress", "done": "done", "dropped": "dropped"},
    "es": {"open": "abierta", "in_progress": "en curso", "done": "hecha", "dropped": "abandonada"},
}
TABLE_WIDTHS = (10, 60, 30, 28, 12, 12, 40)


def sheet_name(meeting: Meeting) -> str:
    return {"en": "Decisions", "es": "Decisiones"}.get(meeting.language, "Décisions")


def table(meeting: Meeting, rows: list[Decision]) -> list[list[str]]:
    """Header and one line per decision, as a spreadsheet shows them (the text as typed, Markdown and all)."""
    language = meeting.language if meeting.language in _HEADERS else "fr"
    statuses = _STATUS_NAMES[language]
    lines = [list(_HEADERS[language])]
    for d in rows:
        item = d.programme_item.title if d.programme_item is not None else ""
        due = d.due.isoformat() if d.due else ""
        lines.append([d.number, d.text, item, d.owner_name, due, statuses[d.status], d.follow_up])
    return lines


def one_line(decision: Decision) -> str:
    """« 2025-03 ⇥ open ⇥ 2025-06-30 ⇥ owner ⇥ text »: the text's line breaks as spaces, for a terminal."""
    text = " ".join(decision.text.split())
    due = decision.due.isoformat() if decision.due else "-"
    return "\t".join((decision.number, decision.status, due, decision.owner_name or "-", text))
