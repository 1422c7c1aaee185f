"""new-from: the date written in the title follows the new date, and one meeting per date unless asked.

« Comité de coordination du 18 mars 2025 » copied to 2025-06-17 once kept
its old date (only a year moved), and running new-from twice for one date
made two identical meetings, after which commands given the year refused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.entities import Meeting
from models.errors import MinutierError
from models.services import meetings, rollover

ROOT = Path(__file__).resolve().parents[1]
OLD, NEW = dt.date(2025, 3, 18), dt.date(2025, 6, 17)  # both Tuesdays


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        ("Comité de coordination du 18 mars 2025", "fr", "Comité de coordination du 17 juin 2025"),
        ("Comité du mardi 18 mars 2025 à Genève", "fr", "Comité du mardi 17 juin 2025 à Genève"),
        ("COMITÉ DU 18 MARS 2025", "fr", "COMITÉ DU 17 JUIN 2025"),
        ("Comité du 18 mars", "fr", "Comité du 17 juin"),
        ("Steering committee, 18 March 2025", "en", "Steering committee, 17 June 2025"),
        ("Steering committee, March 18, 2025", "en", "Steering committee, June 17, 2025"),
        (
            "Steering committee of Tuesday 18th March 2025",
            "en",
            "Steering committee of Tuesday 17th June 2025",
        ),
        ("Reunión del 18 de marzo de 2025", "es", "Reunión del 17 de junio de 2025"),
        ("Reunión del martes 18 de marzo de 2025", "es", "Reunión del martes 17 de junio de 2025"),
        ("Réunion (18/03/2025)", "fr", "Réunion (17/06/2025)"),
        ("Réunion 2025-03-18", "fr", "Réunion 2025-06-17"),
        # Written in another language than the meeting's: found all the same.
        ("Comité du 18 mars 2025", "en", "Comité du 17 juin 2025"),
        ("Sans date", "fr", "Sans date"),
    ],
)
def test_the_old_date_in_the_title_becomes_the_new_one(title, language, expected):
    assert rollover.follow_title(title, OLD, NEW, language) == expected
    assert rollover.title_dates_left(expected, NEW) == []


def test_the_weekday_and_first_day_follow_the_new_date():
    new = dt.date(2025, 5, 1)  # a Thursday
    assert (
        rollover.follow_title("Comité du mardi 18 mars 2025", OLD, new, "fr")
        == "Comité du jeudi 1er mai 2025"
    )
    assert rollover.follow_title("Meeting of Tuesday, 18th March 2025", OLD, new, "en") == (
        "Meeting of Thursday, 1st May 2025"
    )
    assert rollover.follow_title("Comité du 1er mai 2025", new, OLD, "fr") == "Comité du 18 mars 2025"


def test_next_year_moves_the_year_too():
    assert rollover.follow_title(
        "Réunion annuelle 2023", dt.date(2023, 12, 12), dt.date(2024, 12, 10), "fr"
    ) == ("Réunion annuelle 2024")
    assert rollover.follow_title(
        "Réunion du 12 décembre 2023", dt.date(2023, 12, 12), dt.date(2024, 12, 10), "fr"
    ) == ("Réunion du 10 décembre 2024")


def test_another_date_in_the_title_is_reported():
    title = rollover.follow_title("Comité des 18 et 19 mars 2025", OLD, NEW, "fr")
    assert title == "Comité des 18 et 19 mars 2025"
    assert rollover.title_dates_left(title, NEW) == ["19 mars 2025"]
    assert rollover.title_dates_left("Suite de la réunion du 2 March 2024", NEW) == ["2 March 2024"]


def make_source(db, title="Comité de coordination du 18 mars 2025") -> int:
    with db.transaction() as session:
        return meetings.create_meeting(session, title, OLD).id


@pytest.mark.both_backends
def test_new_meeting_from_updates_the_title(db):
    source = make_source(db)
    with db.transaction() as session:
        new = rollover.new_meeting_from(session, source, NEW)
        assert new.title == "Comité de coordination du 17 juin 2025"


@pytest.mark.both_backends
def test_a_second_meeting_on_the_same_date_is_refused_unless_asked(db):
    source = make_source(db)
    with db.transaction() as session:
        first = rollover.new_meeting_from(session, source, NEW).id
    with pytest.raises(rollover.DateTaken) as caught, db.transaction() as session:
        rollover.new_meeting_from(session, source, NEW, title="Autre titre")
    assert isinstance(caught.value, MinutierError)
    assert caught.value.taken == [first]
    message = str(caught.value)
    assert "2025-06-17" in message and str(first) in message and "\n" not in message
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 2
    with db.transaction() as session:
        rollover.new_meeting_from(session, source, NEW, again=True)
    with db.reading() as session:
        assert session.scalar(select(func.count()).where(Meeting.date == NEW)) == 2


def run(*args):
    env = {k: v for k, v in os.environ.items() if k != "MINUTIER_DB"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_command_refuses_twice_then_accepts_again_and_warns_of_dates_left(tmp_path):
    db = tmp_path / "m.sqlite"
    source = tmp_path / "source.json"
    data = json.loads((ROOT / "resources" / "samples" / "meeting-2023.json").read_text("utf-8"))
    data["meeting"].update(title="Comité de coordination du 18 mars 2025", date="2025-03-18")
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("import", source, "--db", db).returncode == 0

    made = run("new-from", "2025", "--date", "2025-06-17", "--db", db)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""  # the title's date was moved on: nothing to warn of
    again = run("new-from", "1", "--date", "2025-06-17", "--db", db)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert (
        again.stderr.startswith("minutier: ") and "--again" in again.stderr and again.stderr.count("\n") == 1
    )
    listed = run("list", "--db", db).stdout.splitlines()
    assert [line.split("\t")[2] for line in listed] == [
        "Comité de coordination du 17 juin 2025",
        "Comité de coordination du 18 mars 2025",
    ]
    forced = run(
        "new-from", "1", "--date", "2025-06-17", "--again", "--title", "Comité du 19 mars 2025", "--db", db
    )
    assert forced.returncode == 0, forced.stderr
    assert "19 mars 2025" in forced.stderr and forced.stderr.count("\n") == 1
