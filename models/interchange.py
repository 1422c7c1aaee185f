"""The JSON interchange format for one meeting (docs/meeting-format.md).

``dump`` is canonical (every key, fixed order, refs numbered by order of
appearance), so dump → load → dump gives the same bytes. ``load`` checks
everything before it adds anything, and the caller's transaction makes
the import all-or-nothing.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import text_rules
from models.entities import (
    Attendance,
    Block,
    Meeting,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Section,
)
from models.errors import FormatError

FORMAT = "minutier.meeting"
VERSION = 1
PERSON_FIELDS = ("civility", "first_name", "last_name", "function", "organisation", "email")


# ---------------------------------------------------------------- dump


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
    attendance = [
        {"person": people.ref(a.person), "status": a.status, "mode": a.mode} for a in meeting.attendance
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
    }
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
    }


def dumps(meeting: Meeting) -> str:
    return json.dumps(meeting_to_data(meeting), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- load


@cache
def _schema() -> dict[str, Any]:
    return json.loads(resources.files("models").joinpath("meeting_schema.json").read_text("utf-8"))


def _path(parts) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not str(part).isidentifier():  # an unknown key may hold anything, even a line break
            out += f"[{json.dumps(str(part), ensure_ascii=False)}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _describe(error) -> str:
    instance = json.dumps(error.instance, ensure_ascii=False)
    if len(instance) > 60:
        instance = instance[:57] + "…"
    validator = error.validator
    if validator == "pattern":
        if "[0-5][0-9]$" in error.validator_value:
            return f"{instance} is not a time (HH:MM)"
        return f"{instance} is not a date (YYYY-MM-DD)"
    if validator in ("enum", "const"):
        allowed = error.validator_value if validator == "enum" else [error.validator_value]
        return f"{instance} is not one of {', '.join(json.dumps(a, ensure_ascii=False) for a in allowed)}"
    if validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"{instance} is not of type {expected}"
    return error.message


def validate(data: Any) -> None:
    """Raise FormatError naming the field path of the first problem found."""
    import jsonschema  # only imports need it; keeps start-up light

    validator = jsonschema.Draft202012Validator(_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        # oneOf hides the useful message in its context; take the deepest.
        while error.context:
            error = jsonschema.exceptions.best_match(error.context)
        parts = list(error.absolute_path)
        if error.validator == "required":
            missing = [k for k in error.validator_value if k not in error.instance]
            return_path = _path([*parts, missing[0]])
            raise FormatError(return_path, "is missing")
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            raise FormatError(_path([*parts, extra[0]]), "is not a field of this format")
        raise FormatError(_path(parts) or "(document)", _describe(error))


def _parse_time(value: str | None, where: str) -> dt.time | None:
    if value is None:
        return None
    return dt.time(int(value[:2]), int(value[3:5]))


def _parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FormatError(where, f'"{value}" is not a date (YYYY-MM-DD)') from None


def loads_data(text: str | bytes) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except UnicodeDecodeError:
        raise FormatError("", "the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise FormatError("", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise FormatError("", "the JSON is nested too deeply") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError("format", f'not a Minutier meeting file (expected "format": "{FORMAT}")')
    if isinstance(data.get("version"), int) and data["version"] > VERSION:
        raise FormatError("version", f"written by a newer Minutier (format version {data['version']})")
    try:
        validate(data)
    except RecursionError:
        raise FormatError("", "the JSON is nested too deeply") from None
    # Text a .docx cannot hold (NUL, control characters, lone surrogates): see text_rules.
    text_rules.check_tree(data)
    return data


def find_person(session: Session, fields: dict[str, str]) -> Person | None:
    """The roster record for these fields: same email, else same name and organisation."""
    email = fields.get("email", "").strip().casefold()
    if email:
        for person in session.scalars(select(Person).where(Person.email != "")):
            if person.email.strip().casefold() == email:
                return person
    key = tuple(fields.get(f, "").strip().casefold() for f in ("first_name", "last_name", "organisation"))
    candidates = session.scalars(select(Person).where(Person.last_name == fields.get("last_name", ""))).all()
    for person in candidates:
        if (
            person.first_name.strip().casefold(),
            person.last_name.strip().casefold(),
            person.organisation.strip().casefold(),
        ) == key:
            return person
    return None


def import_data(session: Session, data: dict[str, Any], roster: dict[str, Person] | None = None) -> Meeting:
    """Add the meeting described by already-validated ``data``; flushes, does not commit.

    ``roster``, if given, names the roster person of each people ref (a
    copy between databases keeps people apart that matching would merge).
    """
    people: dict[str, Person] = {}
    for i, row in enumerate(data.get("people", [])):
        ref = row["ref"]
        if ref in people:
            raise FormatError(f"people[{i}].ref", f'"{ref}" is used twice')
        if roster is not None:
            people[ref] = roster[ref]
            continue
        fields = {f: row.get(f, "") for f in PERSON_FIELDS}
        person = find_person(session, fields)
        if person is None:
            person = Person(**fields)
            session.add(person)
        else:
            for f, value in fields.items():
                if value and not getattr(person, f):
                    setattr(person, f, value)
        people[ref] = person

    def person_ref(ref: str | None, where: str) -> Person | None:
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
    )
    session.add(meeting)

    seen_people: set[int] = set()
    for i, row in enumerate(data.get("attendance", [])):
        where = f"attendance[{i}].person"
        person = person_ref(row["person"], where)
        if id(person) in seen_people:
            raise FormatError(where, f'"{row["person"]}" is listed twice')
        seen_people.add(id(person))
        meeting.attendance.append(
            Attendance(person=person, status=row.get("status", "invited"), mode=row.get("mode", "in_person"))
        )

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
                    person=person_ref(p.get("person"), f"{where}.people[{j}].person"),
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
                    person=person_ref(b.get("person"), f"{where}.blocks[{j}].person"),
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
    session.flush()
    return meeting


def loads(session: Session, text: str | bytes) -> Meeting:
    return import_data(session, loads_data(text))
