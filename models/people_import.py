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
no organisation. A name match never crosses two different emails: a row
whose email differs from the roster person's is another person (homonyms
exist), added as such and said so in its reason, never written over them.
Where several roster people fit (homonyms), a row takes one not yet taken
by an earlier row, those on the meeting's list and with the same values
first. A non-empty cell replaces a different roster value (but a name or
organisation differing only in case or accents, or any value differing only
in spacing, keeps the roster's); an empty cell never clears one. Two rows
naming one person: the first counts, the others are skipped.

Role, arrival, departure and « represented by » go on the meeting's list
row, not the roster. A proxy names another participant of the same meeting
(on the list, or a row of the file, even a later one): it is resolved once
every row is planned, and a name that is nobody else (or several people) is
a warning on its row, the rest of the row being imported.

Cells are taken as the export wrote them: the apostrophe it puts before a
value starting with = + - @ (models.tabular.protect) is taken off, so an
exported list imports back without a change. A value longer than its
column (a civility over 16 characters) makes a bad row, as it would fail
on PostgreSQL and must fail the same on SQLite.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Literal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models import text_rules
from models.entities import ATTENDANCE_ROLES, Attendance, Person
from models.errors import ConflictError, MinutierError
from models.services.meetings import get_meeting
from models.services.quorum import check_proxy
from models.tabular import Table, unprotect
from models.text_keys import key, key_many

PERSON_FIELDS = ("civility", "first_name", "last_name", "function", "organisation", "email")
# The committee columns of a list row (role, proxy, arrival, departure): the day's, not the person's.
ROW_FIELDS = ("role", "represented_by", "arrival", "departure")
FIELDS = (*PERSON_FIELDS, "mode", "status", *ROW_FIELDS)

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
    "role": ("role", "rol", "qualite", "committee role", "role au comite"),
    "represented_by": (
        "represente par",
        "represente e par",
        "representee par",
        "represented by",
        "proxy",
        "procuration",
        "representado por",
        "representado a por",
        "representada por",
    ),
    "arrival": ("arrivee", "arrival", "arrived", "heure d arrivee", "llegada"),
    "departure": ("depart", "departure", "left", "heure de depart", "salida"),
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
    "proxy": "represented_by",
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
_FIELD_NAMES = {f: f.replace("_", " ") for f in (*PERSON_FIELDS, *ROW_FIELDS)}
# Fields whose roster spelling is kept when a list writes them with other case or accents only.
_SPELLING = ("first_name", "last_name", "organisation")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@cache
def _role_words() -> dict[str, str]:
    """Folded role label (fr, en, es, as the list export writes them) or code → role code.

    Read from the export's own caption files, so a label changed there is still read back.
    """
    words = {key(code): code for code in ATTENDANCE_ROLES if code}
    folder = resources.files("resources.attendance_labels")
    for file in folder.iterdir():
        if file.name.endswith(".json"):
            for code, label in json.loads(file.read_text("utf-8")).get("roles", {}).items():
                if code in ATTENDANCE_ROLES:
                    words.setdefault(key(label), code)
    return words


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
    # Role, arrival, departure, proxy to set on the list row: field -> (before, after) as shown;
    # a role is its code. Empty cells are not there: they never clear a value.
    marks: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The proxy to set: ("row", attendance id) already on the list, ("line", line) a row of this plan.
    proxy: tuple[str, int] | None = None
    warnings: tuple[str, ...] = ()  # what was left out of the row, the rest being imported

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
    warnings: tuple[str, ...] = ()  # how the file was read (models.tabular.Table.warnings)

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
    if fld == "role":
        code = _role_words().get(folded)
        if code is None:
            return None, f'role: "{_shown(value)}" is not a role'
        return code, ""
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
    by_email: dict[str, list[int]] = defaultdict(list)
    by_name_org: dict[tuple[str, str, str], list[int]] = defaultdict(list)
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
            by_email[email].append(pid)
        by_name_org[first, last, org].append(pid)
        if first or last:
            by_name[first, last].append(pid)
    return by_email, by_name_org, by_name, people


def _same_spacing(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _unchanged(fld: str, value: str, roster: str) -> bool:
    """The cell says what the roster says (a name or organisation by its folded key, any field by spacing)."""
    if fld in _SPELLING:
        return key(value) == key(roster)
    if fld == "email":
        return value.casefold() == roster.strip().casefold()
    return _same_spacing(value, roster)


def plan_import(session: Session, table: Table, mapping: dict[str, str], meeting_id: int) -> ImportPlan:
    """What importing ``table`` into the meeting would do, row by row. Writes nothing."""
    check_mapping(mapping, table.headers)
    meeting = get_meeting(session, meeting_id)
    on_list = {
        r.person_id: r
        for r in session.execute(
            select(
                Attendance.person_id,
                Attendance.id,
                Attendance.status,
                Attendance.mode,
                Attendance.role,
                Attendance.represented_by_id,
                Attendance.arrival,
                Attendance.departure,
            ).where(Attendance.meeting_id == meeting.id)
        ).all()
    }
    listed = {pid: r.status for pid, r in on_list.items()}
    listed_modes = {pid: r.mode for pid, r in on_list.items()}
    by_email, by_name_org, by_name, people = _roster_index(session)
    limits = text_rules.limits(Person)
    row_limits = text_rules.limits(Attendance)
    proxies: dict[int, str] = {}  # line -> the « represented by » cell, resolved once every row is planned
    column = {f: table.headers.index(h) for f, h in mapping.items()}
    seen: dict[tuple, int] = {}  # a person (email, name) -> the line that first named them
    taken: dict[int, int] = {}  # roster id -> the line matched to it
    rows: list[PlanRow] = []
    for row in table.rows:

        def cell(fld: str, row=row) -> str:
            i = column.get(fld)
            if i is None or i >= len(row.values):
                return ""
            return " ".join(unprotect(row.values[i]).split())

        values = {f: cell(f) for f in PERSON_FIELDS}
        day = {f: cell(f) for f in ROW_FIELDS}
        if not row.problem and not any(values.values()) and not cell("mode") and not cell("status"):
            continue  # an empty row (only unmapped columns filled): a proxy alone names nobody
        if row.problem:
            # Its cells are not under their headers (or unreadable): any reading of them would be a guess.
            rows.append(PlanRow(row.line, "bad", values, reason=row.problem))
            continue
        problems = [
            f"{_FIELD_NAMES[f]}: {reason}"
            for f in PERSON_FIELDS
            if (reason := text_rules.problem(values[f]) or text_rules.too_long(values[f], limits.get(f)))
            is not None
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
        role, why = _word(day["role"], "role", "")
        if why:
            problems.append(why)
        problems += [
            f"{_FIELD_NAMES[f]}: {reason}"
            for f in ("arrival", "departure")
            if (reason := text_rules.problem(day[f]) or text_rules.too_long(day[f], row_limits.get(f)))
            is not None
        ]
        if problems:
            rows.append(PlanRow(row.line, "bad", values, reason="; ".join(problems)))
            continue

        email = values["email"].casefold()
        name = (key(values["first_name"]), key(values["last_name"]))
        org = key(values["organisation"])

        def fits(pid: int, email=email) -> bool:
            """A name match never crosses two different emails: those are two people."""
            other = people[pid][1]["email"].strip().casefold()
            return not (email and other and other != email)

        candidates: list[int] = []
        how = ""
        homonym: int | None = None
        if email and email in by_email:
            candidates, how = by_email[email], "same email"
        else:
            named = by_name_org.get((*name, org), [])
            if named:
                candidates, how = [p for p in named if fits(p)], "same name and organisation"
                homonym = next((p for p in named if not fits(p)), None)
            elif any(name) and len(by_name.get(name, ())) == 1:
                candidate = by_name[name][0]
                if not org or not key(people[candidate][1]["organisation"]):
                    if fits(candidate):
                        candidates, how = [candidate], "same name"
                    else:
                        homonym = candidate

        identities: list[tuple] = [("email", email)] if email else []
        identities.append(("name", *name, org))
        free = [p for p in candidates if p not in taken]
        if candidates and not free:
            first = min(taken[p] for p in candidates)
            rows.append(
                PlanRow(row.line, "skip", values, candidates[0], reason=f"same person as line {first}")
            )
            continue
        # A row without email may be anyone of its name: a row with one is told apart by it.
        earlier = next((seen[i] for i in identities[:1] if i in seen), None)
        if not free and earlier is not None:
            rows.append(PlanRow(row.line, "skip", values, reason=f"same person as line {earlier}"))
            continue
        for identity in identities:
            seen.setdefault(identity, row.line)

        if day["represented_by"]:
            proxies[row.line] = day["represented_by"]
        wanted = {"role": role or "", "arrival": day["arrival"], "departure": day["departure"]}
        if not free:
            reason = "new person"
            if homonym is not None:
                other = people[homonym][1]
                reason = (
                    f"new person: the roster's {_shown(_full_name(other))} has another email "
                    f'("{_shown(other["email"])}"), so this is someone else'
                )
            rows.append(
                PlanRow(
                    row.line,
                    "add",
                    values,
                    joins_meeting=True,
                    status=status or "invited",
                    mode=mode or "in_person",
                    reason=reason,
                    marks={f: ("", v) for f, v in wanted.items() if v},
                )
            )
            continue

        def fitness(pid: int, status=status, mode=mode, values=values) -> tuple:
            record = people[pid][1]
            same = sum(_unchanged(f, values[f], record[f]) for f in PERSON_FIELDS if values[f])
            marks = (status in (None, listed.get(pid)), mode in (None, listed_modes.get(pid)))
            return (pid in listed, same, sum(marks))

        match = max(free, key=fitness)  # max keeps the first (lowest id) of equals
        taken[match] = row.line
        version, record = people[match]
        changes = {
            f: (record[f], values[f])
            for f in PERSON_FIELDS
            if values[f] and not _unchanged(f, values[f], record[f])
        }
        joins = match not in listed
        if joins:
            status, mode = status or "invited", mode or "in_person"
        else:
            status = status if status not in (None, listed[match]) else None
            mode = mode if mode not in (None, listed_modes[match]) else None
        now = on_list.get(match)
        marks = {
            f: (getattr(now, f) if now is not None else "", v)
            for f, v in wanted.items()
            if v and (now is None or not _same_spacing(v, getattr(now, f)))
        }
        action: Action = "update" if (changes or joins or status or mode or marks) else "skip"
        reason = how if action == "update" else "already on the list, nothing to change"
        rows.append(
            PlanRow(row.line, action, values, match, version, changes, joins, status, mode, reason, marks)
        )
    rows = _resolve_proxies(rows, proxies, on_list, people)
    return ImportPlan(meeting.id, dict(mapping), tuple(rows), table.warnings)


def _names(record: dict[str, str]) -> set[str]:
    """The folded ways a list names a person: as printed (with the civility), by name, or by organisation."""
    names = {
        key(" ".join(p for p in (record["civility"], record["first_name"], record["last_name"]) if p)),
        key(" ".join(p for p in (record["first_name"], record["last_name"]) if p)),
    }
    if not (record["first_name"] or record["last_name"]):
        names.add(key(record["organisation"]))
    return names - {""}


def _resolve_proxies(
    rows: list[PlanRow], proxies: dict[int, str], on_list: dict, people: dict
) -> list[PlanRow]:
    """Each « represented by » cell → another participant of the meeting, the list's or the file's.

    Done once every row is planned, so a proxy may be named on a later line. A name that is
    nobody of the meeting (or several people) is left out with a warning on its row, never
    guessed; a cell naming the row's current proxy changes nothing.
    """
    who: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for pid, entry in on_list.items():
        for name in _names(people[pid][1]):
            who[name].add(("row", entry.id))
    ref_of: dict[int, tuple[str, int]] = {}  # line -> the list row it is (or will be)
    for r in rows:
        if r.action == "bad" or (r.action == "skip" and r.reason.startswith("same person")):
            continue
        entry = on_list.get(r.person_id) if r.person_id is not None else None
        ref = ("row", entry.id) if entry is not None else ("line", r.line)
        ref_of[r.line] = ref
        for name in _names(r.values):
            who[name].add(ref)
    # The name as the list export writes it (models.services.reading), civility included.
    shown = {("row", e.id): _printed_name(people[pid][1]) for pid, e in on_list.items()}
    out = []
    for r in rows:
        text = proxies.get(r.line)
        if text is None or r.line not in ref_of:
            out.append(r)
            continue
        me = ref_of[r.line]
        entry = on_list.get(r.person_id) if r.person_id is not None else None
        current = ("row", entry.represented_by_id) if entry is not None and entry.represented_by_id else None
        found = who.get(key(text), set()) - {me}
        if current is not None and current in found:
            out.append(r)
            continue
        if len(found) != 1:
            why = "is nobody else on the list" if not found else "names several people on the list"
            warning = f'represented by: "{_shown(text)}" {why}; left out'
            out.append(replace(r, warnings=(*r.warnings, warning)))
            continue
        marks = {**r.marks, "represented_by": (shown.get(current, "") if current else "", text)}
        changed = replace(r, marks=marks, proxy=next(iter(found)))
        if changed.action == "skip":
            changed = replace(changed, action="update", reason="already on the list")
        out.append(changed)
    return out


def _printed_name(record: dict[str, str]) -> str:
    name = " ".join(p for p in (record["civility"], record["first_name"], record["last_name"]) if p)
    return name or record["organisation"]


def _full_name(record: dict[str, str]) -> str:
    return " ".join(p for p in (record["first_name"], record["last_name"]) if p) or record["organisation"]


def plan_lines(plan: ImportPlan, field_names: dict[str, str] | None = None) -> list[str]:
    """What a plan will do, for a command line: the file's warnings, each bad row, and each
    matched person's changes (« civility: "Mme" → "M." ») before anything is written."""
    names = field_names or _FIELD_NAMES
    out = list(plan.warnings)
    for row in plan.rows:
        if row.action == "bad" or (row.action == "add" and row.reason != "new person"):
            out.append(f"line {row.line}: {row.reason}")
        elif row.action == "update":
            what = [
                f'{names.get(f, f)}: "{_shown(before)}" → "{_shown(after)}"'
                for f, (before, after) in (*row.changes.items(), *row.marks.items())
            ]
            if row.joins_meeting:
                what.append("put on the list")
            if row.status is not None and not row.joins_meeting:
                what.append(f"status → {row.status}")
            if row.mode is not None and not row.joins_meeting:
                what.append(f"mode → {row.mode}")
            out.append(f"line {row.line}: update {_shown(row.name)} ({row.reason}): " + ", ".join(what))
        out += [f"line {row.line}: {warning}" for warning in row.warnings]
    return out


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
                for fld, (_before, after) in row.marks.items():
                    if fld != "represented_by":
                        setattr(existing, fld, after)
    session.flush()
    # New people and rows in bulk (one INSERT … RETURNING per table): the ORM's one statement per
    # object takes half a second for 2,000 rows.
    new_rows = [row for row, person_id in joining if person_id is None]
    # A bulk INSERT skips the session's text check (models.text_rules): check a plan made elsewhere here.
    limits = text_rules.limits(Person)
    for row in new_rows:
        for fld in PERSON_FIELDS:
            text_rules.check(f"line {row.line}, {_FIELD_NAMES[fld]}", row.values[fld])
            text_rules.check_length(f"line {row.line}, {_FIELD_NAMES[fld]}", row.values[fld], limits.get(fld))
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
    row_limits = text_rules.limits(Attendance)
    for row, person_id in joining:
        day = {f: after for f, (_before, after) in row.marks.items() if f != "represented_by"}
        for fld, text in day.items():
            text_rules.check(f"line {row.line}, {_FIELD_NAMES[fld]}", text)
            text_rules.check_length(f"line {row.line}, {_FIELD_NAMES[fld]}", text, row_limits.get(fld))
        values.append(
            {
                "meeting_id": meeting.id,
                "person_id": person_id if person_id is not None else next(new_ids),
                "position": position,
                "status": row.status or "invited",
                "mode": row.mode or "in_person",
                "role": day.get("role", ""),
                "arrival": day.get("arrival", ""),
                "departure": day.get("departure", ""),
            }
        )
        position += 1
    row_of_line = {row.line: existing.id for row in plan.rows if (existing := _listed(row, rows_by_person))}
    if values:
        inserted = session.scalars(
            insert(Attendance).returning(Attendance.id, sort_by_parameter_order=True), values
        ).all()
        row_of_line |= {row.line: new_id for (row, _pid), new_id in zip(joining, inserted, strict=True)}
        session.expire(meeting, ["attendance"])
    # Proxies last: the row a proxy names may be one this import has just added.
    for row in plan.rows:
        if row.proxy is None or row.action not in ("add", "update"):
            continue
        kind, ref = row.proxy
        proxy_id = ref if kind == "row" else row_of_line.get(ref)
        entry = session.get(Attendance, row_of_line[row.line])
        if proxy_id is None or entry is None:
            raise ConflictError(f"Line {row.line}: its proxy is no longer on the list; import again.")
        check_proxy(session, entry, proxy_id)
        entry.represented_by_id = proxy_id
    return ImportResult(counts["add"], counts["update"], counts["skip"], counts["bad"])


def _listed(row: PlanRow, rows_by_person: dict[int, Attendance]) -> Attendance | None:
    if row.action != "update" or row.person_id is None:
        return None
    return rows_by_person.get(row.person_id)


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]
