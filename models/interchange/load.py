"""Adding the meeting a checked document describes; flushes, the caller's transaction commits."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from models.entities import (
    Attendance,
    Block,
    Decision,
    Meeting,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Section,
)
from models.errors import FormatError
from models.interchange.matching import _match_people
from models.interchange.parsing import loads_data
from models.services import committee


def _parse_time(value: str | None, where: str) -> dt.time | None:
    if value is None:
        return None
    return dt.time(int(value[:2]), int(value[3:5]))


def _parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FormatError(where, f'"{value}" is not a date (YYYY-MM-DD)') from None


def _person(person: Person | int | None) -> dict[str, Any]:
    """The keyword setting a row's person, from an object or from the id of one not loaded."""
    return {"person_id": person} if isinstance(person, int) else {"person": person}


def import_data(session: Session, data: dict[str, Any], roster: dict[str, Person] | None = None) -> Meeting:
    """Add the meeting described by already-validated ``data``; flushes, does not commit.

    ``roster``, if given, names the roster person of each people ref (a
    copy between databases keeps people apart that matching would merge).
    """
    rows = data.get("people", [])
    refs: set[str] = set()
    for i, row in enumerate(rows):
        if row["ref"] in refs:
            raise FormatError(f"people[{i}].ref", f'"{row["ref"]}" is used twice')
        refs.add(row["ref"])
    matched = [roster[row["ref"]] for row in rows] if roster is not None else _match_people(session, rows)
    people: dict[str, Person | int] = {row["ref"]: person for row, person in zip(rows, matched, strict=True)}

    def person_ref(ref: str | None, where: str) -> Person | int | None:
        if ref is None:
            return None
        if ref not in people:
            raise FormatError(where, f'"{ref}" is not a ref of "people"')
        return people[ref]

    head = data["meeting"]
    logo = head.get("logo")
    logo_bytes = None
    if logo:
        try:
            logo_bytes = base64.b64decode(logo["data"], validate=True)
        except (binascii.Error, ValueError):
            raise FormatError("meeting.logo.data", "is not valid base64") from None
    meeting = Meeting(
        organisation=head.get("organisation", ""),
        body=head.get("body", ""),
        document_title=head.get("document_title", ""),
        title=head["title"],
        venue=head.get("venue", ""),
        date=_parse_date(head["date"], "meeting.date"),
        start_time=_parse_time(head.get("start_time"), "meeting.start_time"),
        end_time=_parse_time(head.get("end_time"), "meeting.end_time"),
        timezone=head.get("timezone", ""),
        language=head.get("language", "fr"),
        status=head.get("status", "draft"),
        introduction=head.get("introduction", ""),
        co_organisers=head.get("co_organisers", ""),
        objectives=head.get("objectives", ""),
        photo_album_url=head.get("photo_album_url", ""),
        logo=logo_bytes,
        logo_media_type=logo["media_type"] if logo else "",
        document_kind=head.get("document_kind", "compte_rendu"),
        agenda_numbering=head.get("agenda_numbering", False),
        printed_lists=committee.stored_lists(
            committee.lists_from_data(head.get("printed_lists", {}), "meeting.printed_lists")
        ),
        label_overrides=committee.stored_overrides(
            committee.overrides_from_data(head.get("labels", {}), "meeting.labels")
        ),
    )
    meeting.quorum_rule, meeting.quorum_number = committee.quorum_from_data(
        head.get("quorum", "none"), "meeting.quorum"
    )
    session.add(meeting)

    listed: list[tuple[Person | int, str, str, str, str, str]] = []
    row_of: dict[str, int] = {}  # people ref → its position on the list
    for i, row in enumerate(data.get("attendance", [])):
        where = f"attendance[{i}].person"
        person = person_ref(row["person"], where)
        if row["person"] in row_of:
            raise FormatError(where, f'"{row["person"]}" is listed twice')
        row_of[row["person"]] = i
        listed.append(
            (
                person,
                row.get("status", "invited"),
                row.get("mode", "in_person"),
                row.get("role", ""),
                row.get("arrival", ""),
                row.get("departure", ""),
            )
        )
    proxies: list[tuple[int, int]] = []  # (position, position of the proxy)
    for i, row in enumerate(data.get("attendance", [])):
        ref = row.get("represented_by")
        if ref is not None:
            where = f"attendance[{i}].represented_by"
            if ref not in row_of:
                raise FormatError(where, f'"{ref}" is not the person of another row of "attendance"')
            if ref == row["person"]:
                raise FormatError(where, "a participant cannot represent themselves")
            proxies.append((i, row_of[ref]))

    items: dict[str, ProgrammeItem] = {}

    def build_item(row: dict[str, Any], where: str, parent: ProgrammeItem | None) -> ProgrammeItem:
        it = ProgrammeItem(
            start_time=_parse_time(row.get("start"), f"{where}.start"),
            end_time=_parse_time(row.get("end"), f"{where}.end"),
            title=row["title"],
            kind=row.get("kind", "session"),
            format=row.get("format", ""),
            debate=row.get("debate", False),
        )
        ref = row.get("ref")
        if ref is not None:
            if ref in items:
                raise FormatError(f"{where}.ref", f'"{ref}" is used twice')
            items[ref] = it
        for j, p in enumerate(row.get("people", [])):
            it.people.append(
                ProgrammePerson(
                    role=p.get("role", "speaker"),
                    role_label=p.get("role_label", ""),
                    **_person(person_ref(p.get("person"), f"{where}.people[{j}].person")),
                    name=p.get("name", ""),
                    function=p.get("function", ""),
                    remote=p.get("remote", False),
                )
            )
        if parent is not None and row.get("subtopics"):
            raise FormatError(f"{where}.subtopics", "sub-topics cannot have sub-topics")
        for k, sub in enumerate(row.get("subtopics", [])):
            child = build_item(sub, f"{where}.subtopics[{k}]", it)
            child.meeting = meeting
            it.subtopics.append(child)
        return it

    for i, row in enumerate(data.get("programme", [])):
        top = build_item(row, f"programme[{i}]", None)
        top.meeting = meeting
        meeting.programme.append(top)

    def build_section(row: dict[str, Any], where: str) -> Section:
        sec = Section(meeting=meeting, title=row["title"])
        ref = row.get("programme_item")
        if ref is not None:
            if ref not in items:
                raise FormatError(f"{where}.programme_item", f'"{ref}" is not a ref of the programme')
            sec.programme_item = items[ref]
        for j, b in enumerate(row.get("blocks", [])):
            sec.blocks.append(
                Block(
                    kind=b["kind"],
                    speaker=b.get("speaker", ""),
                    **_person(person_ref(b.get("person"), f"{where}.blocks[{j}].person")),
                    subtitle=b.get("subtitle", ""),
                    online=b.get("online", False),
                    question=b.get("question", ""),
                    text=b.get("text", ""),
                )
            )
        for k, child in enumerate(row.get("sections", [])):
            sub = build_section(child, f"{where}.sections[{k}]")
            sec.sections.append(sub)
        return sec

    for i, row in enumerate(data.get("report", [])):
        meeting.sections.append(build_section(row, f"report[{i}]"))

    # Checked before anything is written; owners are resolved once the list has its ids.
    decision_rows: list[tuple[dict[str, Any], int | None]] = []
    numbers: set[str] = set()
    for i, row in enumerate(data.get("decisions", [])):
        where = f"decisions[{i}]"
        if row["number"] in numbers:
            raise FormatError(f"{where}.number", f'"{row["number"]}" is used twice')
        numbers.add(row["number"])
        ref = row.get("item")
        if ref is not None and ref not in items:
            raise FormatError(f"{where}.item", f'"{ref}" is not a ref of the programme')
        owner = row.get("owner") or {}
        owner_row = None
        if "person" in owner:
            if owner["person"] not in row_of:
                raise FormatError(
                    f"{where}.owner.person", f'"{owner["person"]}" is not the person of a row of "attendance"'
                )
            owner_row = row_of[owner["person"]]
        due = row.get("due")
        decision_rows.append(
            (
                {
                    "number": row["number"],
                    "text": row.get("text", ""),
                    "programme_item": items[ref] if ref is not None else None,
                    "owner_text": owner.get("organisation", ""),
                    "due": _parse_date(due, f"{where}.due") if due is not None else None,
                    "status": row.get("status", "open"),
                    "follow_up": row.get("follow_up", ""),
                },
                owner_row,
            )
        )
    session.flush()
    if listed:
        # One multi-row INSERT: the ORM spends a second on 5,000 rows of a list, past text_rules'
        # flush-time check: status, mode and role are checked by the schema, arrival and departure
        # by loads_data (text_rules.check_tree and check_lengths).
        session.connection().execute(
            insert(Attendance.__table__),
            [
                {
                    "meeting_id": meeting.id,
                    "person_id": person if isinstance(person, int) else person.id,
                    "position": position,
                    "status": status,
                    "mode": mode,
                    "role": role,
                    "arrival": arrival,
                    "departure": departure,
                    "version": 1,
                }
                for position, (person, status, mode, role, arrival, departure) in enumerate(listed)
            ],
        )
        session.expire(meeting, ["attendance"])
    row_ids: list[int] = []
    if proxies or any(owner_row is not None for _fields, owner_row in decision_rows):
        query = select(Attendance.id).where(Attendance.meeting_id == meeting.id).order_by(Attendance.position)
        row_ids = list(session.scalars(query))
    if proxies:
        session.connection().execute(
            update(Attendance.__table__)
            .where(Attendance.__table__.c.id == bindparam("row_id"))
            .values(represented_by_id=bindparam("proxy_id")),
            [{"row_id": row_ids[at], "proxy_id": row_ids[proxy]} for at, proxy in proxies],
        )
    for fields, owner_row in decision_rows:
        owner_id = row_ids[owner_row] if owner_row is not None else None
        meeting.decisions.append(Decision(**fields, owner_attendance_id=owner_id))
    if decision_rows:
        session.flush()
    return meeting


def loads(session: Session, text: str | bytes) -> Meeting:
    return import_data(session, loads_data(text))
