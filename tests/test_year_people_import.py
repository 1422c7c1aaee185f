"""Importing participant lists: real CSV and XLSX files, a real database, counts checked against the truth."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from people_files import HEADERS, generate, to_csv, to_xlsx
from sqlalchemy import func, select

from models import people_import, tabular
from models.entities import Attendance, Meeting, Person
from models.errors import ConflictError, MinutierError
from models.services import meetings
from models.services.people import update_person

ROOT = Path(__file__).resolve().parents[1]


def new_meeting(db, year=2024) -> int:
    with db.transaction() as session:
        return meetings.create_meeting(session, f"Réunion {year}", f"{year}-12-10").id


def count(db, cls, **where) -> int:
    with db.reading() as session:
        query = select(func.count()).select_from(cls)
        for name, value in where.items():
            query = query.where(getattr(cls, name) == value)
        return session.scalar(query)


def plan_file(db, path, meeting_id, mapping=None):
    table = tabular.read_table(path)
    mapping = mapping or people_import.guess_mapping(table.headers)
    with db.reading() as session:
        return people_import.plan_import(session, table, mapping, meeting_id)


def fingerprint(db_path: Path) -> tuple:
    return tuple(
        hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
        for p in (db_path, db_path.with_name(db_path.name + "-wal"))
    )


def test_csv_of_2000_rows_then_the_same_list_as_xlsx(db, db_path, sample_id, tmp_path):
    truth = generate(2000)
    csv_file = tmp_path / "inscrits.csv"
    csv_file.write_bytes(to_csv(truth))
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    meeting_id = new_meeting(db)
    people_before = count(db, Person)

    started = time.perf_counter()
    table = tabular.read_table(csv_file)
    assert (table.delimiter, table.encoding) == (";", "utf-8-sig")
    assert table.headers == HEADERS
    mapping = people_import.guess_mapping(table.headers)
    assert mapping == {
        "civility": "Civilité",
        "first_name": "Prénom",
        "last_name": "Nom",
        "function": "Fonction",
        "organisation": "Organisation",
        "email": "Courriel",
        "mode": "À distance",
        "status": "Statut",
    }
    with db.reading() as session:
        plan = people_import.plan_import(session, table, mapping, meeting_id)
    before = fingerprint(db_path)
    assert plan.counts == {
        "add": truth.added,
        "update": truth.updated,
        "skip": truth.skipped,
        "bad": len(truth.bad),
    }
    # Bad rows: the spreadsheet's line numbers (a cell spans two lines early on) and the reason.
    assert {r.line: r.reason for r in plan.bad}.keys() == truth.bad.keys()
    for row in plan.bad:
        assert truth.bad[row.line] in row.reason, row
    assert fingerprint(db_path) == before  # planning wrote nothing
    assert count(db, Attendance, meeting_id=meeting_id) == 0

    with pytest.raises(MinutierError, match="cannot be imported"), db.transaction() as session:
        people_import.apply_plan(session, plan)
    with db.transaction() as session:
        result = people_import.apply_plan(session, plan, accept_bad_rows=True)
    elapsed = time.perf_counter() - started
    print(f"\n2,000-row CSV: read + plan + apply in {elapsed * 1000:.0f} ms")
    assert (result.added, result.updated, result.skipped, result.bad) == (
        truth.added,
        truth.updated,
        truth.skipped,
        len(truth.bad),
    )

    listed = truth.added + truth.updated
    assert count(db, Attendance, meeting_id=meeting_id) == listed
    assert count(db, Person) == people_before + truth.added
    assert count(db, Attendance, meeting_id=meeting_id, mode="remote") == truth.remote
    assert count(db, Attendance, meeting_id=meeting_id, status="present") == truth.updated
    with db.reading() as session:
        # Known people matched with other case and accents keep their roster spelling.
        kanaan = session.scalars(select(Person).where(Person.last_name == "Kanaan")).one()
        assert (kanaan.first_name, kanaan.organisation) == ("Sami", "Ville de Genève")
        oznur = session.scalars(select(Person).where(Person.first_name == "Öznur")).one()
        assert oznur.last_name == "Sarahmetoğlu"
        # Accents and the delimiter inside a cell arrive intact; a cell on two lines arrives on one.
        emails = set(session.scalars(select(Person.email)))
        assert set(truth.new_emails) <= emails
        assert session.scalar(
            select(func.count()).where(Person.organisation.like("%; service international"))
        )
        assert session.scalar(select(func.count()).where(Person.function == "Directrice adjointe")) == 1
        assert session.scalar(select(func.count()).where(Person.last_name == "Ødegaard"))

    # The same list as XLSX into another meeting: every person is on the roster now.
    xlsx_file = tmp_path / "inscrits.xlsx"
    xlsx_file.write_bytes(to_xlsx(truth))
    other_id = new_meeting(db, 2025)
    people_before = count(db, Person)
    started = time.perf_counter()
    plan = plan_file(db, xlsx_file, other_id)
    with db.transaction() as session:
        people_import.apply_plan(session, plan, accept_bad_rows=True)
    print(f"2,000-row XLSX: read + plan + apply in {(time.perf_counter() - started) * 1000:.0f} ms")
    assert plan.counts == {"add": 0, "update": listed, "skip": truth.skipped, "bad": len(truth.bad)}
    # XLSX rows are numbered as Excel shows them: no cell shifts them.
    assert {r.line for r in plan.bad} == {i + 2 for i, line in enumerate(truth.lines) if line in truth.bad}
    assert count(db, Person) == people_before
    assert count(db, Attendance, meeting_id=other_id) == listed

    # Importing the same file again into the same meeting changes nothing.
    again = plan_file(db, csv_file, meeting_id)
    assert again.counts == {"add": 0, "update": 0, "skip": listed + truth.skipped, "bad": len(truth.bad)}


def test_apply_is_one_transaction_and_checks_the_plan_is_still_true(db, sample_id, tmp_path):
    truth = generate(300, seed=5)
    path = tmp_path / "list.csv"
    path.write_bytes(to_csv(truth, delimiter=","))
    meeting_id = new_meeting(db)
    plan = plan_file(db, path, meeting_id)
    assert plan.counts["update"] == 5
    people = count(db, Person)
    # Someone edits a matched person between the plan and its confirmation.
    victim = plan.of("update")[-1]
    with db.transaction() as session:
        update_person(session, victim.person_id, function="Maire adjointe")
    with pytest.raises(ConflictError, match=f"Line {victim.line}"), db.transaction() as session:
        people_import.apply_plan(session, plan, accept_bad_rows=True)
    # The rows before it were added in that transaction, and rolled back with it.
    assert count(db, Person) == people
    assert count(db, Attendance, meeting_id=meeting_id) == 0
    fresh = plan_file(db, path, meeting_id)
    with db.transaction() as session:
        people_import.apply_plan(session, fresh, accept_bad_rows=True)
    assert count(db, Attendance, meeting_id=meeting_id) == truth.added + truth.updated


def test_encodings_delimiters_and_odd_files(tmp_path):
    rows = [
        ("Prénom", "Nom", "Organisation"),
        ("Hélène", "Lefèvre", "Ville de Besançon, service"),
        ("Zoë", "Ørsted", ""),
    ]

    def csv_bytes(delimiter, encoding):
        text = "\r\n".join(delimiter.join(f'"{c}"' if delimiter in c else c for c in r) for r in rows)
        return text.encode(encoding, errors="replace")

    for delimiter in (",", ";", "\t", "|"):
        for encoding, label in (("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252")):
            table = tabular.read_table_bytes(csv_bytes(delimiter, encoding), "x.csv")
            assert (table.delimiter, table.encoding) == (delimiter, label)
            assert table.headers == rows[0]
            assert table.rows[0].values == rows[1]
            if encoding != "cp1252":  # Ø is not in Windows-1252
                assert table.rows[1].values == rows[2]
    one_column = tabular.read_table_bytes(b"Organisation\nCGLU\nPNUD\n", "x.csv")
    assert [r.values for r in one_column.rows] == [("CGLU",), ("PNUD",)]
    blank = tabular.read_table_bytes(b"Nom;;Nom\nA;x;B\n", "x.csv")
    assert blank.headers == ("Nom", "Column 2", "Nom (2)")
    with pytest.raises(tabular.TableError, match="no rows"):
        tabular.read_table_bytes(b"\n ; \n", "x.csv")
    with pytest.raises(tabular.TableError, match="not a valid Excel"):
        tabular.read_table_bytes(b"garbage", "x.xlsx")
    with pytest.raises(tabular.TableError, match="readable Excel"):
        tabular.read_table_bytes(b"PK\x03\x04broken", "x.xlsx")
    with pytest.raises(tabular.TableError, match="Cannot read"):
        tabular.read_table(tmp_path / "missing.csv")


def test_mapping_guess_and_parse():
    guess = people_import.guess_mapping
    assert guess(
        ["First Name", "Last name", "E-mail", "Organization", "Job title", "Remote", "Attendance"]
    ) == {
        "first_name": "First Name",
        "last_name": "Last name",
        "function": "Job title",
        "organisation": "Organization",
        "email": "E-mail",
        "mode": "Remote",
        "status": "Attendance",
    }
    assert guess(["Nombre", "Apellidos", "Organización", "Correo electrónico", "Modalidad"]) == {
        "first_name": "Nombre",
        "last_name": "Apellidos",
        "organisation": "Organización",
        "email": "Correo electrónico",
        "mode": "Modalidad",
    }
    assert guess(["NOM", "Prénom", "Nom de l'organisation", "Adresse e-mail pro", "Remarques"]) == {
        "first_name": "Prénom",
        "last_name": "NOM",
        "organisation": "Nom de l'organisation",
        "email": "Adresse e-mail pro",
    }
    # « field= » ignores a guessed column.
    assert people_import.parse_mapping("first=Prénom, last = Nom ,org=Structure,mode=") == {
        "first_name": "Prénom",
        "last_name": "Nom",
        "organisation": "Structure",
        "mode": "",
    }
    with pytest.raises(MinutierError, match="field=Header"):
        people_import.parse_mapping("Prénom")
    with pytest.raises(MinutierError, match="not a field"):
        people_import.parse_mapping("age=Âge")
    mapping = people_import.parse_mapping("first=Prénom,last=Nom")
    assert people_import.parse_mapping(people_import.format_mapping(mapping)) == mapping
    with pytest.raises(MinutierError, match='no column "Nom"'):
        people_import.check_mapping({"last_name": "Nom"}, ("Prénom",))
    with pytest.raises(MinutierError, match="at least one"):
        people_import.check_mapping({"email": "Email"}, ("Email",))


def test_modes_statuses_and_updates(db, sample_id):
    with db.reading() as session:
        kanaan_id = session.scalars(select(Person.id).where(Person.last_name == "Kanaan")).one()
    table = tabular.Table(
        ("Prénom", "Nom", "Organisation", "Mode", "Statut", "Email", "Fonction"),
        (
            tabular.Row(2, ("Sami", "Kanaan", "Ville de Genève", "Présentiel", "Excusé", "sk@geneve.ch", "")),
            tabular.Row(3, ("Ana", "Nueva", "", "en ligne", "", "", "")),
            tabular.Row(4, ("Bo", "Li", "", "", "peut-être", "", "")),
            tabular.Row(5, ("", "", "", "", "", "", "")),
            tabular.Row(6, ("", "", "Global Cities Hub", "", "present", "", "")),
            tabular.Row(7, ("Elena", "Bianchi", "Ville de Genève", "", "", "", "")),
        ),
    )
    mapping = people_import.guess_mapping(table.headers)
    with db.reading() as session:
        plan = people_import.plan_import(session, table, mapping, sample_id)
    by_line = {r.line: r for r in plan.rows}
    assert 5 not in by_line  # an empty row is no row
    assert by_line[2].action == "update" and by_line[2].person_id == kanaan_id
    assert by_line[2].changes == {"email": ("", "sk@geneve.ch")}
    assert (by_line[2].status, by_line[2].mode) == ("excused", None)  # in person already
    assert (by_line[3].action, by_line[3].mode, by_line[3].status) == ("add", "remote", "invited")
    assert by_line[4].action == "bad" and "status" in by_line[4].reason
    assert by_line[6].action == "skip"  # present already, organisation-only row matched
    assert by_line[7].action == "skip"
    with db.transaction() as session:
        people_import.apply_plan(session, plan, accept_bad_rows=True)
    with db.reading() as session:
        row = session.scalars(
            select(Attendance).where(Attendance.meeting_id == sample_id, Attendance.person_id == kanaan_id)
        ).one()
        assert (row.status, row.mode, row.person.email) == ("excused", "in_person", "sk@geneve.ch")
        assert session.get(Meeting, sample_id).attendance[-1].person.last_name == "Nueva"


def run_cli(db_path, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args), "--db", db_path],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_import_people_command(tmp_path):
    db_path = tmp_path / "m.sqlite"
    assert run_cli(db_path, "import", ROOT / "resources" / "samples" / "meeting-2023.json").returncode == 0
    assert run_cli(db_path, "new-from", "2023", "--date", "2024-12-10").returncode == 0
    truth = generate(200, seed=9)
    path = tmp_path / "liste.csv"
    path.write_bytes(to_csv(truth))
    expected = f"added {truth.added}, updated {truth.updated}, skipped {truth.skipped}, bad {len(truth.bad)}"

    def listed():
        dumped = run_cli(db_path, "dump", "2024", "-o", "-")
        return json.loads(dumped.stdout)["attendance"]

    dry = run_cli(db_path, "import-people", path, "--meeting", "2024", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert expected in dry.stdout and "dry run" in dry.stdout
    listed_lines = [line for line in dry.stdout.splitlines() if line.startswith("line ")]
    # One line per bad row, and one per person updated, saying what changes (issue 10, defect 4).
    assert sum(": update " not in line for line in listed_lines) == len(truth.bad)
    assert sum(": update " in line for line in listed_lines) == truth.updated
    refused = run_cli(db_path, "import-people", path, "--meeting", "2024")
    assert refused.returncode == 1 and "nothing imported" in refused.stderr and "--yes" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert len(listed()) == 43  # nothing was written

    done = run_cli(
        db_path, "import-people", path, "--meeting", "2024", "--yes", "--map", "mode=,civ=Civilité"
    )
    assert done.returncode == 0, done.stderr
    assert "mode=" not in done.stdout.splitlines()[0]
    rows = listed()
    mode_only = sum(reason == "mode" for reason in truth.bad.values())  # good rows once mode is ignored
    assert len(rows) == 43 + truth.added + mode_only
    # The « À distance » column was ignored (the 43 rolled over keep their own mode).
    assert {r["mode"] for r in rows[43:]} == {"in_person"}
    assert sum(r["status"] == "present" for r in rows) == truth.updated

    bad_map = run_cli(db_path, "import-people", path, "--meeting", "2024", "--map", "first=Vorname")
    assert bad_map.returncode == 1 and 'no column "Vorname"' in bad_map.stderr
