"""Writing a plan in the caller's transaction: all of it or nothing."""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models import text_rules
from models.entities import Attendance, Person
from models.errors import ConflictError, MinutierError
from models.people_import.fields import _FIELD_NAMES, PERSON_FIELDS
from models.people_import.plan import ImportPlan, ImportResult, PlanRow
from models.services.meetings import get_meeting
from models.services.quorum import check_proxy


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
