"""Attendance to CSV/XLSX (formula-looking cells neutralised) and the sign-in sheet, read back from files."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from sqlalchemy import select

from exporters import attendance_table, people_labels, sign_in_sheet
from exporters.errors import ExportError
from models import people_import, tabular
from models.entities import Attendance, Meeting, Person
from models.services import meetings
from models.services.attendance import add_attendance, set_marks
from models.services.reading import attendance_list
from models.text_keys import sort_key

pytestmark = pytest.mark.both_backends

ROOT = Path(__file__).resolve().parents[1]
NASTY = {
    "first_name": '=HYPERLINK("http://x","clic")',
    "last_name": "+33 1 23",
    "function": "-2+3",
    "organisation": "@SUM(A1)",
    "email": "\tcmd@x.org",
    "civility": "\rM.",
}


def add_nasty(db, meeting_id):
    # Written directly: the services strip the tab and carriage return a pasted cell may carry.
    with db.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        meeting.attendance.append(Attendance(person=Person(**NASTY), status="present", mode="remote"))


def test_csv_export_neutralises_formulas_and_reads_back(db, sample_id, tmp_path):
    add_nasty(db, sample_id)
    with db.reading() as session:
        data = attendance_table.export_attendance(attendance_list(session, sample_id), "csv")
    path = tmp_path / "participants.csv"
    path.write_bytes(data)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == list(people_labels.load("fr").table_columns)
    assert len(rows) == 1 + 44
    assert rows[1][:3] == ["M.", "Sami", "Kanaan"] and rows[1][6:8] == ["Présent", "Présentiel"]
    assert rows[1][8:] == ["", "", "", ""]  # 2023 has no roles, proxies, arrivals nor departures
    nasty = rows[-1]
    assert nasty == [
        "'\rM.",
        '\'=HYPERLINK("http://x","clic")',
        "'+33 1 23",
        "'-2+3",
        "'@SUM(A1)",
        "'\tcmd@x.org",
        "Présent",
        "À distance",
        "",
        "",
        "",
        "",
    ]
    # No cell of the file starts with a formula character.
    for row in rows:
        for cell in row:
            assert not cell.startswith(attendance_table.FORMULA_STARTS), cell
    assert attendance_table.neutralise("Jean-Marie") == "Jean-Marie"
    assert attendance_table.neutralise("") == ""


def test_xlsx_export_neutralises_and_holds_text_only(db, sample_id, tmp_path):
    add_nasty(db, sample_id)
    with db.reading() as session:
        data = attendance_table.export_attendance(attendance_list(session, sample_id), "xlsx", language="en")
    path = tmp_path / "participants.xlsx"
    path.write_bytes(data)
    book = load_workbook(path)
    sheet = book.active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == list(people_labels.load("en").table_columns)
    assert len(rows) == 45
    assert rows[-1][:6] == [
        "'\rM.",
        '\'=HYPERLINK("http://x","clic")',
        "'+33 1 23",
        "'-2+3",
        "'@SUM(A1)",
        "'\tcmd@x.org",
    ]
    assert rows[-1][6:8] == ["Present", "Remote"] and rows[-1][8:] == [None] * 4
    for row in sheet.iter_rows():
        for cell in row:
            # Text (or empty), never a formula.
            assert cell.data_type in ("s", "inlineStr") and (
                cell.value is None or isinstance(cell.value, str)
            )
    assert sheet.freeze_panes == "A2"


def test_export_then_import_round_trip(db, sample_id, tmp_path):
    """An exported list imports back into another meeting as the same people with the same marks."""
    with db.transaction() as session:
        rows = session.scalars(select(Attendance).where(Attendance.meeting_id == sample_id)).all()
        set_marks(session, [rows[0].id], status="excused")
        target = meetings.create_meeting(session, "Réunion 2024", "2024-12-10").id
    for fmt, language in (("csv", "fr"), ("xlsx", "es")):
        with db.reading() as session:
            data = attendance_table.export_attendance(
                attendance_list(session, sample_id), fmt, language=language
            )
        path = tmp_path / f"list.{fmt}"
        path.write_bytes(data)
        table = tabular.read_table(path)
        mapping = people_import.guess_mapping(table.headers)
        assert set(mapping) == set(people_import.FIELDS), (fmt, mapping)
        with db.reading() as session:
            plan = people_import.plan_import(session, table, mapping, target)
        assert plan.counts["add"] == 0 and plan.counts["bad"] == 0
        with db.transaction() as session:
            people_import.apply_plan(session, plan)
        with db.reading() as session:
            marks = lambda mid: [  # noqa: E731
                (a.person_id, a.status, a.mode) for a in session.get(Meeting, mid).attendance
            ]
            assert marks(target) == marks(sample_id)


def test_export_refuses_unknown_format(db, sample_id):
    with db.reading() as session, pytest.raises(ExportError, match="ods"):
        attendance_table.export_attendance(attendance_list(session, sample_id), "ods")
    with pytest.raises(ExportError, match="separate"):
        attendance_table.to_csv([], delimiter="x")


def read_sheet(path: Path):
    document = Document(str(path))
    table = document.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    return document, table, rows


def test_sign_in_sheet_read_back(db, sample_id, tmp_path):
    with db.transaction() as session:
        attendance = session.scalars(
            select(Attendance).where(Attendance.meeting_id == sample_id).order_by(Attendance.position)
        ).all()
        excused = attendance[0].person.last_name
        set_marks(session, [attendance[0].id], status="excused")
        set_marks(session, [attendance[1].id], status="absent")
        set_marks(session, [attendance[2].id], status="invited")
        add_attendance(
            session, sample_id, first_name="Émile", last_name="Ékoué", organisation="Ville de Lomé"
        )
        add_attendance(session, sample_id, first_name="anna", last_name="van Dijk")
    with db.reading() as session:
        data = sign_in_sheet.export_sign_in_sheet(attendance_list(session, sample_id))
        people = [
            (a.person.last_name, a.person.first_name, a.person.organisation, a.mode)
            for a in session.get(Meeting, sample_id).attendance
            if a.status in ("invited", "present")
        ]
    path = tmp_path / "emargement.docx"
    path.write_bytes(data)
    document, table, rows = read_sheet(path)

    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[:6] == [
        "CGLU",
        "Groupe de travail\nPrévention territoriale et gestion des crises",
        "Feuille d'émargement",
        "Réunion annuelle du groupe de travail de CGLU pour la prévention et la gestion territoriale"
        " des crises",
        "12 décembre 2023, 10:00-17:30 CET",
        "Palais Anna et Jean-Gabriel Eynard, Genève, Suisse & en ligne",
    ]
    assert rows[0] == ["Civilité", "Nom", "Organisation", "Participation", "Signature"]
    assert len(rows) == 1 + len(people) == 1 + 43 - 2 + 2
    assert excused not in "".join(r[1] for r in rows)
    # Sorted by last name, accents and case ignored: « Ékoué » among the E, « van Dijk » among the V.
    expected = sorted(people, key=lambda p: sort_key(p[0], p[1], p[2]))
    assert [r[1] for r in rows[1:]] == [f"{last} {first}".strip() for last, first, _org, _mode in expected]
    names = [r[1] for r in rows[1:]]
    assert (
        names.index("Ékoué Émile")
        < names.index("Healy Laura")
        < names.index("van Dijk anna")
        < names.index("Ward Christophe")
    )
    assert all(r[4] == "" for r in rows[1:])  # the signature column is empty
    remote = sum(m == "remote" for *_x, m in people)
    assert sum(r[3] == "À distance" for r in rows[1:]) == remote
    # The header row repeats on every page; no row splits across a page break.
    trs = table._tbl.findall(qn("w:tr"))
    assert trs[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert all(tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is None for tr in trs[1:])
    assert all(tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for tr in trs)
    total = len(people)
    assert paragraphs[-1] == (
        f"Nombre de participant.e.s\u00a0: {total} ({total - remote} en présentiel, {remote} à distance)"
    )


def test_sign_in_sheet_other_language_and_big_list(db, sample_id, tmp_path):
    from sqlalchemy import insert

    with db.transaction() as session:
        meeting = session.get(Meeting, sample_id)
        meeting.language = "en"
        ids = session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True),
            [
                {"first_name": f"P{i}", "last_name": f"Name{i:05d}", "organisation": "Org"}
                for i in range(3000)
            ],
        ).all()
        session.execute(
            insert(Attendance),
            [{"meeting_id": sample_id, "person_id": pid, "position": 100 + i} for i, pid in enumerate(ids)],
        )
    with db.reading() as session:
        data = sign_in_sheet.export_sign_in_sheet(attendance_list(session, sample_id))
    path = tmp_path / "sheet.docx"
    path.write_bytes(data)
    document, _table, rows = read_sheet(path)
    assert rows[0] == ["Title", "Name", "Organisation", "Attendance", "Signature"]
    assert len(rows) == 1 + 43 + 3000
    assert document.paragraphs[-1].text == "Number of participants: 3043 (3020 in person, 23 remote)"
    assert (
        "December 12, 2023" in document.paragraphs[4].text
        or "12 December 2023" in document.paragraphs[4].text
    )


def test_cli_export_people_and_attendance_sheet(tmp_path):
    db = tmp_path / "m.sqlite"

    def run(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *map(str, args), "--db", db],
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run("import", ROOT / "resources" / "samples" / "meeting-2023.json").returncode == 0
    for name in ("people.csv", "people.xlsx"):
        done = run("export-people", "2023", "-o", tmp_path / name)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "people.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert load_workbook(tmp_path / "people.xlsx").active.max_row == 44
    comma = run("export-people", "2023", "-o", tmp_path / "comma.csv", "--delimiter", ",", "--lang", "en")
    assert comma.returncode == 0
    assert (tmp_path / "comma.csv").read_text("utf-8-sig").startswith("Civility,First name,")
    wrong = run("export-people", "2023", "-o", tmp_path / "people.ods")
    assert wrong.returncode == 1 and ".csv or .xlsx" in wrong.stderr
    sheet = run("attendance-sheet", "2023", "-o", tmp_path / "sheet.docx")
    assert sheet.returncode == 0, sheet.stderr
    _document, _table, rows = read_sheet(tmp_path / "sheet.docx")
    assert len(rows) == 44
    # Written atomically: no temporary file left beside it.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    missing = run("attendance-sheet", "2023", "-o", tmp_path / "nowhere" / "sheet.docx")
    assert missing.returncode == 1 and "does not exist" in missing.stderr
