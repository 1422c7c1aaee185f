"""Importing a participant list into a meeting: map columns, match the roster, plan, then apply.

1. ``read_table`` (models.tabular) reads the CSV or XLSX file.
2. ``guess_mapping(headers)`` proposes which column holds which field; the
   user corrects it (the editor's dialog, or ``--map`` on the command line).
   The mapping is plain data (field → header): the caller stores it
   (the editor in its settings); models never do.
3. ``plan_import(session, table, mapping, meeting_id)`` reads the database
   and says, row by row, what would happen: add, update, skip, or bad (with
   the line number and the reason). It writes nothing.
4. ``apply_plan(session, plan)`` writes the plan inside the caller's
   transaction (one ``Database.transaction()``): all of it or nothing. A
   plan with bad rows is applied only with ``accept_bad_rows=True``: the
   user has seen them and confirmed the rest.

Matching a row to the roster: the email first (case ignored), then the
name and organisation folded (case, accents and punctuation ignored); a
name alone matches when exactly one roster person has it and one side has
no organisation. A non-empty cell replaces a different roster value (but a
name or organisation differing only in case or accents keeps the roster's
spelling); an empty cell never clears one. Two rows naming one person: the
first counts, the others are skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models import text_rules
from models.entities import Attendance, Person
from models.errors import ConflictError, MinutierError
from models.services.meetings import get_meeting
from models.tabular import Table
from models.text_keys import key, key_many

PERSON_FIELDS = ("civility", "first_name", "last_name", "function", "organisation", "email")
FIELDS = (*PERSON_FIELDS, "mode", "status")

# Headers recognised for each field, folded (see text_keys.key); French, English, Spanish.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "civility": (
        "civilite",
        "civ",
        "civility",
        "salutation",
        "honorific",
        "title",
        "titre",
        "tratamiento",
        "m mme",
        "genre",
    ),
    "first_name": (
        "prenom",
        "prenoms",
        "first name",
        "firstname",
        "first",
        "given name",
        "forename",
        "nombre",
    ),
    "last_name": (
        "nom",
        "nom de famille",
        "last name",
        "lastname",
        "last",
        "surname",
        "family name",
        "apellido",
        "apellidos",
        "name",
    ),
    "function": (
        "fonction",
        "poste",
        "function",
        "job title",
        "position",
        "role",
        "cargo",
        "funcion",
        "titre du poste",
        "job",
    ),
    "organisation": (
        "organisation",
        "organization",
        "organisme",
        "structure",
        "institution",
        "entite",
        "entity",
        "company",
        "employer",
        "organizacion",
        "entidad",
        "org",
        "collectivite",
    ),
    "email": (
        "email",
        "e mail",
        "courriel",
        "mail",
        "adresse email",
        "adresse e mail",
        "adresse mail",
        "email address",
        "e mail address",
        "correo",
        "correo electronico",
    ),
    "mode": (
        "mode",
        "a distance",
        "distance",
        "remote",
        "en ligne",
        "online",
        "participation",
        "modalite",
        "modalite de participation",
        "presentiel",
        "attendance mode",
        "modalidad",
        "a distancia",
        "en linea",
        "in person remote",
        "presentiel distance",
    ),
    "status": ("statut", "status", "presence", "attendance", "estado", "asistencia", "etat"),
}
# Short keys the command line accepts in --map (« first=Prénom »).
FIELD_ALIASES = {
    "first": "first_name",
    "firstname": "first_name",
    "prenom": "first_name",
    "last": "last_name",
    "lastname": "last_name",
    "nom": "last_name",
    "org": "organisation",
    "organization": "organisation",
    "civ": "civility",
    "title": "civility",
    "mail": "email",
    "remote": "mode",
}

REMOTE_WORDS = {
    "a distance",
    "distance",
    "remote",
    "en ligne",
    "online",
    "virtual",
    "virtuel",
    "visio",
    "visioconference",
    "zoom",
    "teams",
    "a distancia",
    "en linea",
    "remoto",
    "distanciel",
}
IN_PERSON_WORDS = {
    "presentiel",
    "en presentiel",
    "sur place",
    "in person",
    "in person attendance",
    "onsite",
    "on site",
    "physique",
    "presencial",
    "en persona",
    "presence physique",
}
YES_WORDS = {"oui", "yes", "si", "x", "1", "true", "vrai", "o", "y"}
NO_WORDS = {"non", "no", "0", "false", "faux", "n"}
STATUS_WORDS = {
    "invited": {
        "invite",
        "invitee",
        "invites",
        "invited",
        "invitado",
        "invitada",
        "inscrit",
        "inscrite",
        "registered",
    },
    "present": {"present", "presente", "presents", "attended", "here", "asistio"},
    "excused": {"excuse", "excusee", "excused", "excusado", "excusada", "apologies"},
    "absent": {"absent", "absente", "ausente", "no show"},
}
# How a bad row's reason names a field.
_FIELD_NAMES = {f: f.replace("_", " ") for f in PERSON_FIELDS}
# Fields whose roster spelling is kept when a list writes them with other case or accents only.
_SPELLING = ("first_name", "last_name", "organisation")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

Action = Literal["add", "update", "skip", "bad"]


# ---------------------------------------------------------------- mapping


def guess_mapping(headers: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Field → header for the headers recognised; each header and each field used once."""
    folded = [(h, key(h)) for h in headers]
    mapping: dict[str, str] = {}
    used: set[str] = set()
    # Exact names first, then a header containing a known name (« Adresse e-mail pro »).
    for exact in (True, False):
        for name, folded_header in folded:
            if name in used:
                continue
            for fld, names in HEADER_NAMES.items():
                if fld in mapping:
                    continue
                hit = (
                    folded_header in names
                    if exact
                    else any(len(n) > 3 and re.search(rf"\b{re.escape(n)}\b", folded_header) for n in names)
                )
                if hit:
                    mapping[fld] = name
                    used.add(name)
                    break
    return {f: mapping[f] for f in FIELDS if f in mapping}


def parse_mapping(text: str) -> dict[str, str]:
    """« first=Prénom,last=Nom,org=Organisation » → field → header. Raises MinutierError.

    « mode= » (no header) maps the field to "": the caller drops a guessed column with it.
    """
    mapping: dict[str, str] = {}
    for part in (p for p in text.split(",") if p.strip()):
        name, sep, header = part.partition("=")
        fld = name.strip().lower().replace("-", "_")
        fld = FIELD_ALIASES.get(fld, fld)
        if not sep:
            raise MinutierError(f'"{part.strip()}" in the mapping is not field=Header.')
        if fld not in FIELDS:
            raise MinutierError(f'"{name.strip()}" is not a field ({", ".join(FIELDS)}).')
        mapping[fld] = header.strip()
    return mapping


def format_mapping(mapping: dict[str, str]) -> str:
    """The inverse of ``parse_mapping``, for a command line to print and be given back."""
    return ",".join(f"{f}={h}" for f, h in mapping.items())


def _shown(text: str, limit: int = 40) -> str:
    """A cell or header quoted in a message: on one line, visible, and short."""
    text = text_rules.FORBIDDEN.sub("\ufffd", " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_mapping(mapping: dict[str, str], headers: tuple[str, ...]) -> None:
    missing = [h for h in mapping.values() if h not in headers]
    if missing:
        columns = ", ".join(_shown(h) for h in headers[:12]) + (", …" if len(headers) > 12 else "")
        raise MinutierError(f'The file has no column "{_shown(missing[0])}" (its columns: {columns}).')
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise MinutierError(f'"{unknown[0]}" is not a field ({", ".join(FIELDS)}).')
    if not ({"first_name", "last_name", "organisation"} & set(mapping)):
        raise MinutierError("Map at least one of the columns first name, last name or organisation.")


# ---------------------------------------------------------------- plan


@dataclass(frozen=True, slots=True)
class PlanRow:
    line: int
    action: Action
    values: dict[str, str]  # the person fields as read (cleaned)
    person_id: int | None = None  # the roster match (None: a new person)
    person_version: int | None = None  # the match's version when planned, checked when applied
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (before, after)
    joins_meeting: bool = False  # not on the meeting's list yet
    status: str | None = None  # the attendance marks to set (None: leave / default)
    mode: str | None = None
    reason: str = ""  # why bad or skipped, or how matched

    @property
    def name(self) -> str:
        v = self.values
        return " ".join(p for p in (v.get("first_name"), v.get("last_name")) if p) or v.get(
            "organisation", ""
        )


@dataclass(frozen=True, slots=True)
class ImportPlan:
    meeting_id: int
    mapping: dict[str, str]
    rows: tuple[PlanRow, ...]

    def of(self, action: Action) -> list[PlanRow]:
        return [r for r in self.rows if r.action == action]

    @property
    def counts(self) -> dict[str, int]:
        result = {"add": 0, "update": 0, "skip": 0, "bad": 0}
        for r in self.rows:
            result[r.action] += 1
        return result

    @property
    def bad(self) -> list[PlanRow]:
        return self.of("bad")


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int  # new roster people, put on the list
    updated: int  # roster people changed or put on the list
    skipped: int
    bad: int  # rows left out


def _word(value: str, fld: str, header: str) -> tuple[str | None, str]:
    """(value, "") or (None, reason) for the mode and status cells."""
    folded = key(value)
    if not folded:
        return None, ""
    if fld == "mode":
        if folded in REMOTE_WORDS:
            return "remote", ""
        if folded in IN_PERSON_WORDS:
            return "in_person", ""
        # A yes/no column is read as « remote? » when its header says remote, « in person? » otherwise.
        remote_header = key(header) in REMOTE_WORDS or any(w in key(header) for w in ("distance", "remote"))
        in_person_header = key(header) in IN_PERSON_WORDS or "presentiel" in key(header)
        if folded in YES_WORDS | NO_WORDS and (remote_header or in_person_header):
            remote = (folded in YES_WORDS) == remote_header
            return ("remote" if remote else "in_person"), ""
        return None, f'mode: "{_shown(value)}" is neither in person nor remote'
    for status, words in STATUS_WORDS.items():
        if folded in words:
            return status, ""
    return None, f'status: "{_shown(value)}" is not invited, present, excused or absent'


def _roster_index(session: Session):
    by_email: dict[str, int] = {}
    by_name_org: dict[tuple[str, str, str], int] = {}
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    people: dict[int, tuple] = {}
    columns = (Person.id, Person.version, *(getattr(Person, f) for f in PERSON_FIELDS))
    rows = session.execute(select(*columns).order_by(Person.id)).all()
    # Keys of whole columns at once: 20,000 people in a few C-speed passes.
    firsts = key_many([r[2 + PERSON_FIELDS.index("first_name")] for r in rows])
    lasts = key_many([r[2 + PERSON_FIELDS.index("last_name")] for r in rows])
    orgs = key_many([r[2 + PERSON_FIELDS.index("organisation")] for r in rows])
    for (pid, version, *values), first, last, org in zip(rows, firsts, lasts, orgs, strict=True):
        record = dict(zip(PERSON_FIELDS, values, strict=True))
        people[pid] = (version, record)
        email = record["email"].strip().casefold()
        if email:
            by_email.setdefault(email, pid)
        by_name_org.setdefault((first, last, org), pid)
        if first or last:
            by_name[first, last].append(pid)
    return by_email, by_name_org, by_name, people


def plan_import(session: Session, table: Table, mapping: dict[str, str], meeting_id: int) -> ImportPlan:
    """What importing ``table`` into the meeting would do, row by row. Writes nothing."""
    check_mapping(mapping, table.headers)
    meeting = get_meeting(session, meeting_id)
    listed = dict(
        session.execute(
            select(Attendance.person_id, Attendance.status).where(Attendance.meeting_id == meeting.id)
        ).all()
    )
    listed_modes = dict(
        session.execute(
            select(Attendance.person_id, Attendance.mode).where(Attendance.meeting_id == meeting.id)
        ).all()
    )
    by_email, by_name_org, by_name, people = _roster_index(session)
    column = {f: table.headers.index(h) for f, h in mapping.items()}
    seen: dict[tuple, int] = {}  # a person (roster id, email, name) -> the line that first named them
    rows: list[PlanRow] = []
    for row in table.rows:

        def cell(fld: str, row=row) -> str:
            i = column.get(fld)
            return " ".join(row.values[i].split()) if i is not None and i < len(row.values) else ""

        values = {f: cell(f) for f in PERSON_FIELDS}
        if not any(values[f] for f in PERSON_FIELDS) and not cell("mode") and not cell("status"):
            continue  # an empty row (only unmapped columns filled)
        problems = [
            f"{_FIELD_NAMES[f]}: {reason}"
            for f in PERSON_FIELDS
            if (reason := text_rules.problem(values[f])) is not None
        ]
        if not (values["first_name"] or values["last_name"] or values["organisation"]):
            problems.append("no name and no organisation")
        if values["email"] and not _EMAIL.match(values["email"]):
            problems.append(f'email: "{_shown(values["email"])}" is not an email address')
        mode, why = _word(cell("mode"), "mode", mapping.get("mode", ""))
        if why:
            problems.append(why)
        status, why = _word(cell("status"), "status", "")
        if why:
            problems.append(why)
        if problems:
            rows.append(PlanRow(row.line, "bad", values, reason="; ".join(problems)))
            continue

        email = values["email"].casefold()
        name = (key(values["first_name"]), key(values["last_name"]))
        org = key(values["organisation"])
        match, how = None, ""
        if email and email in by_email:
            match, how = by_email[email], "same email"
        elif (*name, org) in by_name_org:
            match, how = by_name_org[(*name, org)], "same name and organisation"
        elif any(name) and len(by_name.get(name, ())) == 1:
            candidate = by_name[name][0]
            if not org or not key(people[candidate][1]["organisation"]):
                match, how = candidate, "same name"

        identities: list[tuple] = [("id", match)] if match is not None else []
        if email:
            identities.append(("email", email))
        identities.append(("name", *name, org))
        first = next((seen[i] for i in identities if i in seen), None)
        if first is not None:
            rows.append(PlanRow(row.line, "skip", values, match, reason=f"same person as line {first}"))
            continue
        for identity in identities:
            seen[identity] = row.line

        if match is None:
            rows.append(
                PlanRow(
                    row.line,
                    "add",
                    values,
                    joins_meeting=True,
                    status=status or "invited",
                    mode=mode or "in_person",
                    reason="new person",
                )
            )
            continue
        version, record = people[match]
        changes = {
            f: (record[f], values[f])
            for f in PERSON_FIELDS
            if values[f]
            and values[f] != record[f]
            and not (f in _SPELLING and key(values[f]) == key(record[f]))
        }
        joins = match not in listed
        if joins:
            status, mode = status or "invited", mode or "in_person"
        else:
            status = status if status not in (None, listed[match]) else None
            mode = mode if mode not in (None, listed_modes[match]) else None
        action: Action = "update" if (changes or joins or status or mode) else "skip"
        reason = how if action == "update" else "already on the list, nothing to change"
        rows.append(PlanRow(row.line, action, values, match, version, changes, joins, status, mode, reason))
    return ImportPlan(meeting.id, dict(mapping), tuple(rows))


# ---------------------------------------------------------------- apply


def apply_plan(session: Session, plan: ImportPlan, *, accept_bad_rows: bool = False) -> ImportResult:
    """Write ``plan`` in the caller's transaction. Raises (and so writes nothing) when:

    - the plan has bad rows and ``accept_bad_rows`` is false;
    - a matched person was changed or removed since the plan was made.
    """
    counts = plan.counts
    if counts["bad"] and not accept_bad_rows:
        raise MinutierError(
            f"{counts['bad']} row(s) cannot be imported; nothing was imported. "
            "Fix them, or confirm to import the other rows."
        )
    meeting = get_meeting(session, plan.meeting_id)
    rows_by_person = {a.person_id: a for a in meeting.attendance}
    matched_ids = [r.person_id for r in plan.rows if r.action == "update" and r.person_id is not None]
    people = {
        p.id: p
        for chunk in _chunks(matched_ids, 500)
        for p in session.scalars(select(Person).where(Person.id.in_(chunk)))
    }
    joining: list[tuple[PlanRow, int | None]] = []  # (row, roster id; None: the new person of the row)
    for row in plan.rows:
        if row.action == "add":
            joining.append((row, None))
        elif row.action == "update":
            person = people.get(row.person_id)
            if person is None:
                raise ConflictError(
                    f"Line {row.line}: {row.name} was removed from the roster meanwhile; import again."
                )
            if row.person_version is not None and person.version != row.person_version:
                raise ConflictError(
                    f"Line {row.line}: {row.name} was changed meanwhile; import again to see the changes."
                )
            for fld, (_before, after) in row.changes.items():
                setattr(person, fld, after)
            existing = rows_by_person.get(person.id)
            if existing is None:
                joining.append((row, person.id))
            else:
                if row.status is not None:
                    existing.status = row.status
                if row.mode is not None:
                    existing.mode = row.mode
    session.flush()
    # New people and rows in bulk (one INSERT … RETURNING per table): the ORM's one statement per
    # object takes half a second for 2,000 rows.
    new_rows = [row for row, person_id in joining if person_id is None]
    # A bulk INSERT skips the session's text check (models.text_rules): check a plan made elsewhere here.
    for row in new_rows:
        for fld in PERSON_FIELDS:
            text_rules.check(f"line {row.line}, {_FIELD_NAMES[fld]}", row.values[fld])
    new_ids = iter(
        session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True),
            [{f: row.values[f] for f in PERSON_FIELDS} for row in new_rows],
        ).all()
        if new_rows
        else ()
    )
    position = len(meeting.attendance)
    values = []
    for row, person_id in joining:
        values.append(
            {
                "meeting_id": meeting.id,
                "person_id": person_id if person_id is not None else next(new_ids),
                "position": position,
                "status": row.status or "invited",
                "mode": row.mode or "in_person",
            }
        )
        position += 1
    if values:
        session.execute(insert(Attendance), values)
        session.expire(meeting, ["attendance"])
    return ImportResult(counts["add"], counts["update"], counts["skip"], counts["bad"])


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]
