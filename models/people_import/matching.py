"""Planning an import: each row of the file read, checked and matched to the roster. Writes nothing."""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import text_rules
from models.entities import Attendance, Person
from models.people_import.fields import _FIELD_NAMES, PERSON_FIELDS, ROW_FIELDS, _shown
from models.people_import.mapping import check_mapping
from models.people_import.plan import Action, ImportPlan, PlanRow
from models.people_import.proxies import _resolve_proxies
from models.people_import.words import _word
from models.services.meetings import get_meeting
from models.tabular import Table, unprotect
from models.text_keys import key, key_many

# Fields whose roster spelling is kept when a list writes them with other case or accents only.
_SPELLING = ("first_name", "last_name", "organisation")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


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


def _full_name(record: dict[str, str]) -> str:
    return " ".join(p for p in (record["first_name"], record["last_name"]) if p) or record["organisation"]
