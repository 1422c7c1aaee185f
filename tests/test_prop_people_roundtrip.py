"""Property (issue 10): ``export-people`` then ``import-people`` into the same meeting changes nothing.

Generated lists hold what makes a round trip fail: homonyms (same name and
organisation, with their own emails, the same email, or none), people with
only an organisation, empty and long fields, values starting with = + - @
or an apostrophe (which the export protects), accents, literal * _ #,
line breaks and double spaces inside a value, every status, mode and role,
proxies (homonyms of other participants among them), arrivals and
departures. Each
is exported as CSV (each delimiter) or XLSX in each language, read back,
planned (nothing to add, update or refuse) and applied: the roster and the
list are then exactly as before. The roster grows example after example,
so people of earlier meetings with the same names and emails are there to
be matched wrongly.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from exporters.attendance_table import export_attendance
from models import people_import, tabular
from models.entities import ATTENDANCE_MODES, ATTENDANCE_ROLES, ATTENDANCE_STATUSES, Attendance, Person
from models.services import meetings
from models.services.reading import attendance_list

EXAMPLES = int(os.environ.get("MINUTIER_HYPOTHESIS_EXAMPLES", "200"))

LETTERS = "abcdefghijklmnopqrstuvwxyzéèêàçôöüñøÆŁÉ"
ODD = "*_#'\".,;|-&()[]<>"
WORDS = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=10)


@st.composite
def values(draw, max_size: int = 40) -> str:
    """A stored value as the services keep it: no space at either end."""
    kind = draw(st.sampled_from(["words"] * 5 + ["empty", "odd", "formula", "long", "breaks"]))
    if kind == "empty":
        return ""
    if kind == "long":
        return " ".join(draw(st.lists(WORDS, min_size=60, max_size=200)))
    text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=4)))
    if kind == "odd":
        text = (
            draw(st.text(alphabet=ODD, min_size=1, max_size=3)) + text + draw(st.sampled_from(["", "*", "#"]))
        )
    elif kind == "formula":
        text = (
            draw(st.sampled_from(["=", "+", "-", "@", "'=", "''", "'"]))
            + draw(st.sampled_from(["", " "]))
            + text
        )
    elif kind == "breaks":
        text = text.replace(" ", draw(st.sampled_from(["\n", "  ", "\t", " \r\n "])), 1) + " fin"
    return text.strip()[:max_size] if kind != "long" else text


EMAILS = st.builds(
    lambda local, domain, upper: (
        (f"{local}@{domain}.example").upper() if upper else f"{local}@{domain}.example"
    ),
    st.text(alphabet="abcxyz0189._+-", min_size=1, max_size=8),
    st.sampled_from(["ville", "cglu", "mairie-de-genève"]),
    st.booleans(),
)


@st.composite
def day_marks(draw) -> dict[str, str]:
    """Role, arrival and departure of a list row, on one line as the Participants tab stores them."""

    def when() -> str:
        text = draw(st.one_of(st.sampled_from(["", "", "10:30", "dès le point 3", "from item 2"]), values()))
        return " ".join(text.split())[:60].strip()

    return {"role": draw(st.sampled_from(ATTENDANCE_ROLES)), "arrival": when(), "departure": when()}


@st.composite
def participants(draw) -> list[tuple[dict[str, str], str, str]]:
    people: list[tuple[dict[str, str], str, str]] = []
    for _ in range(draw(st.integers(1, 8))):
        status = draw(st.sampled_from(ATTENDANCE_STATUSES))
        mode = draw(st.sampled_from(ATTENDANCE_MODES))
        if people and draw(st.integers(0, 2)) == 0:
            # A homonym of someone already listed: same name and organisation.
            base = dict(draw(st.sampled_from(people))[0])
            base["email"] = draw(st.sampled_from(["", base["email"], draw(EMAILS)]))
            base["function"] = draw(st.sampled_from([base["function"], draw(values())]))
            people.append((base, status, mode))
            continue
        fields = {
            "civility": draw(st.sampled_from(["", "M.", "Mme", "Dr", "S.E. Mme", "=M.", "Madame la Maire"])),
            "first_name": draw(values()),
            "last_name": draw(values()),
            "function": draw(values(max_size=400)),
            "organisation": draw(values()),
            "email": draw(st.sampled_from(["", "", draw(EMAILS)])),
        }
        if not (fields["first_name"] or fields["last_name"] or fields["organisation"]):
            fields["organisation"] = "Cités Unies France"
        people.append((fields, status, mode))
    return people


def snapshot(session, meeting_id: int) -> tuple:
    roster = session.execute(select(Person).order_by(Person.id)).scalars().all()
    rows = session.execute(
        select(
            Attendance.id,
            Attendance.version,
            Attendance.person_id,
            Attendance.position,
            Attendance.status,
            Attendance.mode,
            Attendance.role,
            Attendance.represented_by_id,
            Attendance.arrival,
            Attendance.departure,
        )
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.position)
    ).all()
    return (
        [(p.id, p.version, *(getattr(p, f) for f in people_import.PERSON_FIELDS)) for p in roster],
        [tuple(r) for r in rows],
    )


@pytest.mark.both_backends
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(
    listed=participants(),
    fmt=st.sampled_from(["csv", "xlsx"]),
    language=st.sampled_from(["fr", "en", "es"]),
    delimiter=st.sampled_from([";", ",", "\t"]),
    marks=st.lists(day_marks(), min_size=8, max_size=8),
    proxies=st.lists(st.integers(-4, 7), min_size=8, max_size=8),
)
def test_export_then_import_into_the_same_meeting_changes_nothing(
    db, listed, fmt, language, delimiter, marks, proxies
):
    with db.transaction() as session:
        meeting = meetings.create_meeting(session, "Comité", "2025-03-18")
        rows = []
        for position, (fields, status, mode) in enumerate(listed):
            person = Person(**fields)
            session.add(person)
            session.flush()
            row = Attendance(
                meeting_id=meeting.id,
                person_id=person.id,
                position=position,
                status=status,
                mode=mode,
                **marks[position],
            )
            session.add(row)
            rows.append(row)
        session.flush()
        for row, proxy in zip(rows, proxies, strict=False):
            # Negative: no proxy; otherwise another row of the list, a homonym of someone else maybe.
            if proxy >= 0 and rows[proxy % len(rows)] is not row:
                row.represented_by_id = rows[proxy % len(rows)].id
        meeting_id = meeting.id
    with db.reading() as session:
        before = snapshot(session, meeting_id)
        data = export_attendance(
            attendance_list(session, meeting_id), fmt, language=language, delimiter=delimiter
        )
    table = tabular.read_table_bytes(data, f"liste.{fmt}")
    mapping = people_import.guess_mapping(table.headers)
    assert set(people_import.FIELDS) <= set(mapping), mapping  # every exported column is read back
    with db.reading() as session:
        plan = people_import.plan_import(session, table, mapping, meeting_id)
    changed = [r for r in plan.rows if r.action != "skip"]
    assert not changed, (mapping, changed)
    assert len(plan.rows) == len(listed)
    with db.transaction() as session:
        result = people_import.apply_plan(session, plan)
    assert (result.added, result.updated, result.bad) == (0, 0, 0)
    with db.reading() as session:
        assert snapshot(session, meeting_id) == before
