"""`python main.py decisions MEETING [--open] [-o FILE.csv|.xlsx]`, and new-from carrying decisions."""

from __future__ import annotations

import pytest

import main
from models.database import open_database
from models.services import attendance, decisions, meetings, programme
from models.tabular import read_table, unprotect


@pytest.fixture
def committee_db(db_path):
    db = open_database(db_path)
    try:
        with db.transaction() as session:
            meeting = meetings.create_meeting(session, "Comité de coordination", "2025-03-18")
            chair = attendance.add_attendance(
                session, meeting.id, first_name="Ana", last_name="Ruiz", status="present"
            )
            item = programme.add_item(session, meeting.id, title="Budget")
            decisions.add_decision(
                session,
                meeting.id,
                text="Adopter le budget\n\n- en juin",
                programme_item_id=item.id,
                owner_attendance_id=chair.id,
                due="2025-06-30",
            )
            decisions.add_decision(
                session, meeting.id, text="=SOMME(A1)", owner_text="Ville de Lyon", status="in_progress"
            )
            decisions.add_decision(session, meeting.id, text="Statuts", status="done")
    finally:
        db.close()
    return db_path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_decisions_are_listed_one_line_each(committee_db, capsys):
    code, out, err = run(capsys, "decisions", "2025", "--db", committee_db)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "2025-01\topen\t2025-06-30\tAna Ruiz\tAdopter le budget - en juin",
        "2025-02\tin_progress\t-\tVille de Lyon\t=SOMME(A1)",
        "2025-03\tdone\t-\t-\tStatuts",
    ]
    code, out, _err = run(capsys, "decisions", "2025", "--open", "--db", committee_db)
    assert [line.split("\t")[0] for line in out.splitlines()] == ["2025-01", "2025-02"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_decisions_as_a_table_file(committee_db, capsys, tmp_path, suffix):
    path = tmp_path / f"decisions{suffix}"
    code, out, err = run(capsys, "decisions", "2025", "--open", "-o", path, "--db", committee_db)
    assert (code, out, err) == (0, "", "")
    table = read_table(path)
    assert table.headers == ("Numéro", "Décision", "Point", "Responsable", "Échéance", "Statut", "Suivi")
    # The XLSX reader leaves out a row's trailing empty cells.
    assert [row.values + ("",) * (7 - len(row.values)) for row in table.rows] == [
        ("2025-01", "Adopter le budget\n\n- en juin", "Budget", "Ana Ruiz", "2025-06-30", "ouverte", ""),
        # A formula-like text is written with an apostrophe, never as a formula.
        ("2025-02", "'=SOMME(A1)", "", "Ville de Lyon", "", "en cours", ""),
    ]
    assert unprotect(table.rows[1].values[1]) == "=SOMME(A1)"


def test_a_bad_output_name_or_meeting_is_one_line_and_status_1(committee_db, capsys, tmp_path):
    code, out, err = run(capsys, "decisions", "2025", "-o", tmp_path / "d.txt", "--db", committee_db)
    assert (code, out) == (1, "") and ".csv or .xlsx" in err and err.count("\n") == 1
    assert not (tmp_path / "d.txt").exists()
    code, _out, err = run(capsys, "decisions", "1999", "--db", committee_db)
    assert code == 1 and "No meeting" in err


def test_new_from_carries_the_open_decisions(committee_db, capsys):
    code, out, err = run(capsys, "new-from", "2025", "--date", "2026-03-17", "--db", committee_db)
    assert code == 0, err
    code, out, _err = run(capsys, "decisions", "2026", "--db", committee_db)
    assert [line.split("\t")[:2] for line in out.splitlines()] == [
        ["2025-01", "open"],
        ["2025-02", "in_progress"],
    ]
