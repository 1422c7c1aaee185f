"""Roles, proxies, arrivals and departures in participant lists: exported, read back, told in the dry run."""

from __future__ import annotations

import csv
import io

import pytest

from exporters.attendance_table import export_attendance
from models import people_import, tabular
from models.services import meetings
from models.services.reading import attendance_list


def exported(db, meeting_id, language="en") -> bytes:
    with db.reading() as session:
        return export_attendance(attendance_list(session, meeting_id), "csv", language=language)


def lines(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def rows_of(db, meeting_id):
    """(name, role, proxy's name, arrival, departure) per list row."""
    with db.reading() as session:
        return [
            (
                a.person.full_name,
                a.role,
                a.represented_by.person.full_name if a.represented_by else "",
                a.arrival,
                a.departure,
            )
            for a in meetings.get_meeting(session, meeting_id).attendance
        ]


def plan(db, data: bytes, meeting_id: int, name="list.csv"):
    table = tabular.read_table_bytes(data, name)
    with db.reading() as session:
        return people_import.plan_import(
            session, table, people_import.guess_mapping(table.headers), meeting_id
        )


def test_the_committee_list_writes_roles_proxies_arrivals_and_departures(db, committee_id):
    table = lines(exported(db, committee_id))
    assert table[0][8:] == ["Role", "Represented by", "Arrival", "Departure"]
    by_role = {row[8] for row in table[1:]}
    assert {"Chair", "Vice-chair", "Secretary", "Member", "Guest", "Staff"} <= by_role
    with db.reading() as session:
        excused = next(a for a in meetings.get_meeting(session, committee_id).attendance if a.represented_by)
        proxy, who = excused.represented_by.person.display_name, excused.person.last_name
    assert next(row for row in table[1:] if row[2] == who)[9] == proxy
    assert any(row[10] == "10h30" for row in table[1:]) and any(row[11] == "11h45" for row in table[1:])
    assert lines(exported(db, committee_id, "fr"))[0][8:] == ["Rôle", "Représenté·e par", "Arrivée", "Départ"]


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_a_committee_list_into_an_empty_meeting_brings_its_roles_and_proxies(db, committee_id, language):
    with db.transaction() as session:
        empty = meetings.create_meeting(session, "Comité", "2025-06-17").id
    the_plan = plan(db, exported(db, committee_id, language), empty)
    assert not the_plan.bad and all(not r.warnings for r in the_plan.rows)
    # A proxy is another row of the same file, some of them on a later line.
    assert any(r.proxy is not None and r.proxy[0] == "line" for r in the_plan.rows)
    told = "\n".join(people_import.plan_lines(the_plan))
    assert 'role: "" → "chair"' in told and 'arrival: "" → "10h30"' in told
    with db.transaction() as session:
        people_import.apply_plan(session, the_plan)
    assert rows_of(db, empty) == rows_of(db, committee_id)


def test_an_unknown_proxy_is_a_warning_on_its_row_and_the_rest_is_imported(db, committee_id):
    with db.transaction() as session:
        empty = meetings.create_meeting(session, "Comité", "2025-06-17").id
    data = (
        "Prénom;Nom;Rôle;Représenté·e par;Arrivée\r\n"
        "Anne;Martin;Présidente;;\r\n"
        "Paul;Durand;membre;Personne Inconnue;10h\r\n"
        "Léa;Roux;vice_chair;Anne Martin;\r\n"
        "Jo;Blanc;Miembro;;\r\n"
    ).encode()
    the_plan = plan(db, data, empty)
    assert [r.action for r in the_plan.rows] == ["bad", "add", "add", "add"]
    assert "role" in the_plan.rows[0].reason  # « Présidente » is no label of the lists: said, not guessed
    durand = the_plan.rows[1]
    assert durand.proxy is None and durand.marks == {"role": ("", "member"), "arrival": ("", "10h")}
    assert durand.warnings == ('represented by: "Personne Inconnue" is nobody else on the list; left out',)
    assert 'line 3: represented by: "Personne Inconnue" is nobody else' in "\n".join(
        people_import.plan_lines(the_plan)
    )
    # Anne Martin's row is bad: she is not on the list, so Léa's proxy cannot be her either.
    assert the_plan.rows[2].warnings and the_plan.rows[2].proxy is None
    with db.transaction() as session:
        people_import.apply_plan(session, the_plan, accept_bad_rows=True)
    assert rows_of(db, empty) == [
        ("Paul Durand", "member", "", "10h", ""),
        ("Léa Roux", "vice_chair", "", "", ""),
        ("Jo Blanc", "member", "", "", ""),
    ]


def test_changing_a_proxy_and_a_role_on_the_list_shows_old_and_new(db, committee_id):
    table = lines(exported(db, committee_id))
    excused = next(i for i, row in enumerate(table) if i and row[9])
    chair = next(row for row in table[1:] if row[8] == "Chair")
    old_proxy = table[excused][9]
    table[excused][9] = f"{chair[1]} {chair[2]}"
    table[excused][8] = "Guest"
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";").writerows(table)
    the_plan = plan(db, out.getvalue().encode(), committee_id)
    changed = [r for r in the_plan.rows if r.action != "skip"]
    assert len(changed) == 1 and changed[0].line == excused + 1
    assert changed[0].marks == {
        "role": ("member", "guest"),
        "represented_by": (old_proxy, f"{chair[1]} {chair[2]}"),
    }
    with db.transaction() as session:
        people_import.apply_plan(session, the_plan)
    name, role, proxy, *_ = rows_of(db, committee_id)[excused - 1]
    assert (name, role, proxy) == (
        f"{table[excused][1]} {table[excused][2]}",
        "guest",
        f"{chair[1]} {chair[2]}",
    )
