"""Dumping a meeting: canonical interchange data (every key, fixed order, refs numbered by first mention)."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

from models.entities import Block, Decision, Meeting, Person, ProgrammeItem, ProgrammePerson, Section
from models.interchange.format import FORMAT, PERSON_FIELDS, VERSION
from models.services import committee


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _item_ref(index: int, sub: int | None = None) -> str:
    if sub is None:
        return f"t{index + 1}"
    return f"t{index + 1}{chr(ord('a') + sub)}" if sub < 26 else f"t{index + 1}.{sub + 1}"


class _PeopleRefs:
    """Numbers roster people p1, p2… in the order the meeting first mentions them."""

    def __init__(self) -> None:
        self.refs: dict[int, str] = {}
        self.people: list[Person] = []

    def ref(self, person: Person | None) -> str | None:
        if person is None:
            return None
        if person.id not in self.refs:
            self.refs[person.id] = f"p{len(self.refs) + 1}"
            self.people.append(person)
        return self.refs[person.id]


def meeting_to_data(meeting: Meeting, person_ids: dict[str, int] | None = None) -> dict[str, Any]:
    """The meeting as interchange data; ``person_ids``, if given, receives each people ref's roster id."""
    people = _PeopleRefs()
    rows = list(meeting.attendance)
    for a in rows:  # the list's people first, so a proxy does not take an earlier ref
        people.ref(a.person)
    attendance = [
        {
            "person": people.ref(a.person),
            "status": a.status,
            "mode": a.mode,
            "role": a.role,
            "represented_by": people.ref(a.represented_by.person) if a.represented_by is not None else None,
            "arrival": a.arrival,
            "departure": a.departure,
        }
        for a in rows
    ]
    item_refs: dict[int, str] = {}

    def programme_person(p: ProgrammePerson) -> dict[str, Any]:
        return {
            "role": p.role,
            "role_label": p.role_label,
            "person": people.ref(p.person),
            "name": p.name,
            "function": p.function,
            "remote": p.remote,
        }

    def item(it: ProgrammeItem, ref: str, subtopics: list[dict]) -> dict[str, Any]:
        item_refs[it.id] = ref
        return {
            "ref": ref,
            "start": _time(it.start_time),
            "end": _time(it.end_time),
            "title": it.title,
            "kind": it.kind,
            "format": it.format,
            "debate": it.debate,
            "people": [programme_person(p) for p in it.people],
            "subtopics": subtopics,
        }

    programme = []
    for i, top in enumerate(meeting.programme):
        subs = [item(s, _item_ref(i, k), []) for k, s in enumerate(top.subtopics)]
        programme.append(item(top, _item_ref(i), subs))

    def block(b: Block) -> dict[str, Any]:
        return {
            "kind": b.kind,
            "speaker": b.speaker,
            "person": people.ref(b.person),
            "subtitle": b.subtitle,
            "online": b.online,
            "question": b.question,
            "text": b.text,
        }

    def section(s: Section) -> dict[str, Any]:
        return {
            "title": s.title,
            "programme_item": item_refs.get(s.programme_item_id) if s.programme_item_id else None,
            "blocks": [block(b) for b in s.blocks],
            "sections": [section(c) for c in s.sections],
        }

    report = [section(s) for s in meeting.sections]
    logo = None
    if meeting.logo:
        logo = {
            "media_type": meeting.logo_media_type or "image/png",
            "data": base64.b64encode(meeting.logo).decode("ascii"),
        }
    head = {
        "organisation": meeting.organisation,
        "body": meeting.body,
        "document_title": meeting.document_title,
        "title": meeting.title,
        "venue": meeting.venue,
        "date": meeting.date.isoformat(),
        "start_time": _time(meeting.start_time),
        "end_time": _time(meeting.end_time),
        "timezone": meeting.timezone,
        "language": meeting.language,
        "status": meeting.status,
        "introduction": meeting.introduction,
        "co_organisers": meeting.co_organisers,
        "objectives": meeting.objectives,
        "photo_album_url": meeting.photo_album_url,
        "logo": logo,
        "document_kind": meeting.document_kind,
        "agenda_numbering": meeting.agenda_numbering,
        "printed_lists": committee.printed_lists(meeting).as_data(),
        "quorum": committee.quorum_to_data(meeting),
        "labels": committee.label_overrides(meeting),
    }

    def owner(d: Decision) -> dict[str, str] | None:
        if d.owner_attendance is not None:
            return {"person": people.ref(d.owner_attendance.person)}
        return {"organisation": d.owner_text} if d.owner_text else None

    decisions = [
        {
            "number": d.number,
            "text": d.text,
            "item": item_refs.get(d.programme_item_id) if d.programme_item_id else None,
            "owner": owner(d),
            "due": d.due.isoformat() if d.due else None,
            "status": d.status,
            "follow_up": d.follow_up,
        }
        for d in meeting.decisions
    ]
    if person_ids is not None:
        person_ids.update({ref: person_id for person_id, ref in people.refs.items()})
    return {
        "format": FORMAT,
        "version": VERSION,
        "meeting": head,
        "people": [
            {"ref": people.refs[p.id], **{f: getattr(p, f) for f in PERSON_FIELDS}} for p in people.people
        ],
        "attendance": attendance,
        "programme": programme,
        "report": report,
        "decisions": decisions,
    }


def dumps(meeting: Meeting) -> str:
    return json.dumps(meeting_to_data(meeting), ensure_ascii=False, indent=2) + "\n"
