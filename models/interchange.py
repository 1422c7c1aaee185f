"""The JSON interchange format for one meeting (docs/meeting-format.md).

``dump`` is canonical (every key, fixed order, refs numbered by order of
appearance), so dump → load → dump gives the same bytes. ``load`` checks
everything before it adds anything, and the caller's transaction makes
the import all-or-nothing.

Version 2 added the committee fields (roles, proxies, arrivals, settings,
label overrides, decisions). A version-1 file is checked against its own
schema (meeting_schema_v1.json) and imported with those fields empty;
``dump`` always writes version 2.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from models import text_rules
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
from models.services import committee

FORMAT = "minutier.meeting"
VERSION = 2
# Version 1 (before committee minutes) still imports: its meaning is version 2 with every new key empty.
VERSIONS = (1, 2)
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


# ---------------------------------------------------------------- load


@cache
def _schema(version: int = VERSION) -> dict[str, Any]:
    name = "meeting_schema.json" if version == VERSION else f"meeting_schema_v{version}.json"
    return json.loads(resources.files("models").joinpath(name).read_text("utf-8"))


def _version_of(data: Any) -> int:
    """The schema a document is checked against: its own version when we know it, else the current one."""
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int | float) and not isinstance(version, bool) and version in VERSIONS:
        return int(version)
    return VERSION


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


class _Unsupported(Exception):
    """The schema uses a keyword the quick check does not know: jsonschema alone decides."""


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    # JSON Schema: 1.0 is an integer, true is not.
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
}
_ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description", "contentEncoding"}


def _same(value: Any) -> Callable[[Any], bool]:
    """Equality as JSON Schema's const and enum mean it (true is not 1) for the values the schema uses."""
    if isinstance(value, str):
        return lambda v: isinstance(v, str) and v == value
    if isinstance(value, int) and not isinstance(value, bool):
        return lambda v: _TYPES["number"](v) and v == value
    raise _Unsupported(repr(value))


def _compile(
    schema: dict[str, Any], defs: dict[str, Any], done: dict[str, Callable]
) -> Callable[[Any], bool]:
    """A function telling whether a value is valid against ``schema``, for the keywords this schema uses."""
    checks: list[Callable[[Any], bool]] = []
    for keyword in set(schema) - _ANNOTATIONS - {
        "type", "const", "enum", "minLength", "maxLength", "pattern", "$ref",
        "properties", "additionalProperties", "required", "items", "oneOf",
    }:  # fmt: skip
        raise _Unsupported(keyword)
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        tests = [_TYPES[k] for k in kinds]
        checks.append(lambda v: any(t(v) for t in tests))
    if "const" in schema:
        checks.append(_same(schema["const"]))
    if "enum" in schema:
        options = [_same(option) for option in schema["enum"]]
        checks.append(lambda v: any(o(v) for o in options))
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if low or high is not None:
        checks.append(
            lambda v: not isinstance(v, str) or (low <= len(v) and (high is None or len(v) <= high))
        )
    if "pattern" in schema:
        pattern = re.compile(schema["pattern"])
        checks.append(lambda v: not isinstance(v, str) or pattern.search(v) is not None)
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        if name not in defs or schema["$ref"] != f"#/$defs/{name}":
            raise _Unsupported(schema["$ref"])
        if name not in done:
            done[name] = lambda v: False  # replaced below; a definition may refer to itself
            done[name] = _compile(defs[name], defs, done)
        checks.append(lambda v: done[name](v))
    if "properties" in schema or "required" in schema or "additionalProperties" in schema:
        props = {k: _compile(sub, defs, done) for k, sub in schema.get("properties", {}).items()}
        required = list(schema.get("required", ()))
        extra = schema.get("additionalProperties", True)
        if isinstance(extra, dict):  # every other key must match this schema (label overrides)
            extra = _compile(extra, defs, done)
        elif extra not in (True, False):
            raise _Unsupported("additionalProperties")

        def object_ok(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            if any(k not in v for k in required):
                return False
            for k, item in v.items():
                check = props.get(k)
                if check is None:
                    if extra is False or (extra is not True and not extra(item)):
                        return False
                elif not check(item):
                    return False
            return True

        checks.append(object_ok)
    if "items" in schema:
        each = _compile(schema["items"], defs, done)
        checks.append(lambda v: not isinstance(v, list) or all(each(item) for item in v))
    if "oneOf" in schema:
        options = [_compile(sub, defs, done) for sub in schema["oneOf"]]
        checks.append(lambda v: sum(1 for o in options if o(v)) == 1)
    return lambda v: all(check(v) for check in checks)


@cache
def _quick_check(version: int = VERSION) -> Callable[[Any], bool] | None:
    schema = _schema(version)
    try:
        return _compile(schema, schema.get("$defs", {}), {})
    except _Unsupported:
        return None


def validate(data: Any) -> None:
    """Raise FormatError naming the field path of the first problem found.

    A file of 5,000 participants takes jsonschema seconds; the schema compiled
    to plain functions says in a few milliseconds that a file is valid. Only
    a file it finds invalid goes through jsonschema, for the message.
    """
    version = _version_of(data)
    quick = _quick_check(version)
    if quick is not None and quick(data):
        return
    import jsonschema  # only imports need it; keeps start-up light

    validator = jsonschema.Draft202012Validator(_schema(version))
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


class _Object(dict):
    """A JSON object whose text gave some key more than once (``twice`` names the first)."""

    twice: str


class _TooLong(Exception):
    pass


# Python refuses to read longer integers (CVE-2020-10735); no value of the format comes near.
MAX_DIGITS = 4300


def _objects() -> tuple[Callable[[list[tuple[str, Any]]], dict[str, Any]], list[bool]]:
    """An ``object_pairs_hook`` marking objects that repeat a key, and a list that is not empty if any did."""
    found: list[bool] = []

    def make(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # json keeps the last of repeated keys: `"people": [A], "people": []` would drop A unseen.
        data = dict(pairs)
        if len(data) == len(pairs):
            return data
        seen: set[str] = set()
        marked = _Object(data)
        marked.twice = next(k for k, _v in pairs if k in seen or seen.add(k))
        found.append(True)
        return marked

    return make, found


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _TooLong
    return int(text)


def _first_repeated(data: Any, parts: list) -> str | None:
    """The path of the first key given twice in one object, depth first."""
    if isinstance(data, _Object):
        return _path([*parts, data.twice])
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in children:
        found = _first_repeated(value, [*parts, key])
        if found is not None:
            return found
    return None


def loads_data(text: str | bytes) -> dict[str, Any]:
    make_object, repeated_keys = _objects()
    try:
        data = json.loads(text, object_pairs_hook=make_object, parse_int=_integer)
    except UnicodeDecodeError:
        raise FormatError("", "the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise FormatError("", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except _TooLong:
        raise FormatError("", f"a number in the file has more than {MAX_DIGITS:,} digits") from None
    except RecursionError:
        raise FormatError("", "the JSON is nested too deeply") from None
    if repeated_keys:  # then only, walk the document to name where
        try:
            repeated = _first_repeated(data, [])
        except RecursionError:
            raise FormatError("", "the JSON is nested too deeply") from None
        raise FormatError(repeated or "", "the key is given twice in the same object; keep one")
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
    text_rules.check_lengths(data)  # same limits on SQLite and PostgreSQL (String(n) columns)
    return data


def _email_key(email: str) -> str:
    return email.strip().casefold()


_NAME = ("first_name", "last_name", "organisation")


def _name_key(fields) -> tuple[str, str, str]:
    return tuple(fields[f].strip().casefold() for f in _NAME)


class RosterIndex:
    """The roster read once, so matching thousands of people costs no query per person.

    A person of a file is the roster record with exactly the same fields,
    else the one with the same e-mail, else the one with the same name and
    organisation (case and surrounding spaces ignored) unless both have an
    e-mail and they differ: then they are two people. A record matched by
    one person of a file is not matched by another: a file's people are
    distinct people, even when they are written alike (homonyms, rows with
    only an organisation).
    """

    def __init__(self, session: Session):
        columns = [getattr(Person, f) for f in PERSON_FIELDS]
        self.exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.by_email: dict[str, list[int]] = defaultdict(list)
        self.by_name: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.emails: dict[int, str] = {}
        first, last, organisation, email_at = (PERSON_FIELDS.index(f) for f in (*_NAME, "email"))
        # By id: among records alike, the oldest is found first, whatever the backend's order.
        for person_id, *values in session.execute(select(Person.id, *columns).order_by(Person.id)):
            self.exact[tuple(values)].append(person_id)
            email = values[email_at].strip().casefold()
            self.emails[person_id] = email
            if email:
                self.by_email[email].append(person_id)
            name = tuple(values[i].strip().casefold() for i in (first, last, organisation))
            self.by_name[name].append(person_id)

    def exactly(self, fields: dict[str, str], taken: set[int]) -> int | None:
        for person_id in self.exact.get(tuple(fields[f] for f in PERSON_FIELDS), ()):
            if person_id not in taken:
                return person_id
        return None

    def alike(self, fields: dict[str, str], taken: set[int]) -> int | None:
        email = _email_key(fields["email"])
        if email:
            for person_id in self.by_email.get(email, ()):
                if person_id not in taken:
                    return person_id
        for person_id in self.by_name.get(_name_key(fields), ()):
            if person_id not in taken and not (
                email and self.emails[person_id] and email != self.emails[person_id]
            ):
                return person_id
        return None


def find_person(session: Session, fields: dict[str, str]) -> Person | None:
    """The roster record for these fields (see RosterIndex), for one person; reads the whole roster."""
    fields = {f: fields.get(f, "") for f in PERSON_FIELDS}
    index = RosterIndex(session)
    person_id = index.exactly(fields, set())
    if person_id is None:
        person_id = index.alike(fields, set())
    return session.get(Person, person_id) if person_id is not None else None


def _match_people(session: Session, rows: list[dict[str, Any]]) -> list[Person | int]:
    """The roster person of each people row of a file: new ones added to the session.

    A person found exactly is given by id: loading 50,000 unchanged records
    as objects took longer than the rest of the import.
    """
    index = RosterIndex(session)
    wanted = [{f: row.get(f, "") for f in PERSON_FIELDS} for row in rows]
    found: list[int | None] = [None] * len(rows)
    taken: set[int] = set()
    # Exact matches first: a looser match of an earlier row must not take the record
    # that a later row names exactly (a dump imported back finds every record again).
    for i, fields in enumerate(wanted):
        found[i] = index.exactly(fields, taken)
        if found[i] is not None:
            taken.add(found[i])
    loose: set[int] = set()
    for i, fields in enumerate(wanted):
        if found[i] is None:
            found[i] = index.alike(fields, taken)
            if found[i] is not None:
                taken.add(found[i])
                loose.add(found[i])
    ids = sorted(loose)
    loaded: dict[int, Person] = {}
    for start in range(0, len(ids), 500):  # below every backend's limit of bound parameters
        chunk = ids[start : start + 500]
        loaded.update((p.id, p) for p in session.scalars(select(Person).where(Person.id.in_(chunk))))
    people: list[Person | int] = []
    for fields, person_id in zip(wanted, found, strict=True):
        if person_id is None:
            person = Person(**fields)
            session.add(person)
            people.append(person)
        elif person_id in loose:
            person = loaded[person_id]
            for f, value in fields.items():
                if value and not getattr(person, f):
                    setattr(person, f, value)
            people.append(person)
        else:
            people.append(person_id)
    return people


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
