"""Next year's meeting from 2023: every part copied or left empty as stated, and the comparison."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from models import interchange
from models.entities import Attendance, Meeting, Section
from models.errors import FormatError
from models.services import compare, meetings, programme, rollover
from models.services.attendance import add_attendance, set_marks

pytestmark = pytest.mark.both_backends

ROOT = Path(__file__).resolve().parents[1]


def roll(db, sample_id, **kw):
    with db.transaction() as session:
        return rollover.new_meeting_from(session, sample_id, kw.pop("date", "2024-12-10"), **kw).id


def test_rolled_meeting_copies_the_skeleton_and_clears_the_year(db, sample_id):
    new_id = roll(db, sample_id)
    with db.reading() as session:
        old, new = session.get(Meeting, sample_id), session.get(Meeting, new_id)
        for name in (
            "organisation",
            "body",
            "document_title",
            "title",
            "venue",
            "start_time",
            "end_time",
            "timezone",
            "language",
            "co_organisers",
            "logo",
            "logo_media_type",
        ):
            assert getattr(new, name) == getattr(old, name), name
        assert new.date == dt.date(2024, 12, 10)
        assert new.status == "draft" and old.status == "final"
        assert new.objectives == "" and old.objectives
        assert new.photo_album_url == ""
        # The introduction's date follows the new one; nothing else of it changes.
        assert "12 décembre 2023" in old.introduction
        assert new.introduction == old.introduction.replace("12 décembre 2023", "10 décembre 2024")

        # Programme skeleton: same rows, sub-topics, times, kinds, formats, people as printed.
        old_data, new_data = interchange.meeting_to_data(old), interchange.meeting_to_data(new)
        assert new_data["programme"] == old_data["programme"]
        assert len(new.programme) == 9 and len(new.programme[6].subtopics) == 3
        assert {i.id for i in new.programme}.isdisjoint({i.id for i in old.programme})

        # Report (notes, interventions, debates, conclusions) empty.
        assert new.sections == []
        assert session.query(Section).filter_by(meeting_id=new_id).count() == 0

        # Everyone who attended, in the same order, invited, marks cleared, same roster records.
        attended = [a.person_id for a in old.attendance if a.status == "present"]
        assert [a.person_id for a in new.attendance] == attended and len(attended) == 43
        # Each keeps last year's mode (remote people are likely to join remotely again).
        assert {a.status for a in new.attendance} == {"invited"}
        assert [a.mode for a in new.attendance] == [a.mode for a in old.attendance if a.status == "present"]
        assert {a.mode for a in new.attendance} == {"in_person", "remote"}
        # The 2023 meeting itself is untouched.
        assert interchange.meeting_to_data(old) == old_data
        assert old.attendance[0].status == "present"


def test_objectives_copied_when_asked_and_title_and_year(db, sample_id):
    with db.transaction() as session:
        meetings.update_meeting(session, sample_id, title="Réunion annuelle 2023")
    new_id = roll(db, sample_id, copy_objectives=True)
    other_id = roll(db, sample_id, date="2025-01-01", title="  Réunion de printemps ")
    with db.reading() as session:
        old, new, other = (session.get(Meeting, i) for i in (sample_id, new_id, other_id))
        assert new.objectives == old.objectives
        assert new.title == "Réunion annuelle 2024"
        assert other.title == "Réunion de printemps"
        assert "1er janvier 2025" in other.introduction


def test_only_those_present_are_invited_again(db, sample_id):
    with db.transaction() as session:
        rows = session.query(Attendance).filter_by(meeting_id=sample_id).order_by(Attendance.position).all()
        set_marks(session, [rows[0].id], status="excused")
        set_marks(session, [rows[1].id], status="absent")
        add_attendance(session, sample_id, first_name="Nadia", last_name="Invitée", status="invited")
    new_id = roll(db, sample_id)
    with db.reading() as session:
        listed = {a.person_id for a in session.get(Meeting, new_id).attendance}
        assert rows[0].person_id not in listed and rows[1].person_id not in listed
        assert len(listed) == 41


def test_bad_requests_change_nothing(db, sample_id):
    for bad in ({"date": "10/12/2024"}, {"title": "   "}):
        with pytest.raises(FormatError), db.transaction() as session:
            rollover.new_meeting_from(
                session, sample_id, bad.get("date", "2024-12-10"), title=bad.get("title")
            )
    with db.reading() as session:
        assert len(meetings.list_meetings(session)) == 1


def test_follow_date_shapes():
    old, new = dt.date(2023, 12, 12), dt.date(2024, 3, 1)
    text = "Le 12 décembre 2023 (12/12/2023, 2023-12-12) ; 112 décembre 20234 reste."
    assert rollover.follow_date(text, old, new, "fr") == (
        "Le 1er mars 2024 (01/03/2024, 2024-03-01) ; 112 décembre 20234 reste."
    )
    assert rollover.follow_date("On 12 December 2023.", old, new, "en") == "On 1 March 2024."
    assert rollover.follow_year("Réunion 2023 – 12023", old, new) == "Réunion 2024 – 12023"


def test_comparison_after_rolling_forward(db, sample_id):
    new_id = roll(db, sample_id)
    with db.reading() as session:
        fresh = compare.compare(session, sample_id, new_id)
        assert fresh.not_invited == () and fresh.new_names == ()
        assert fresh.items_added == () and fresh.items_dropped == ()
        # Every moderator and speaker is last year's: all to confirm; texts copied too.
        assert len(fresh.speakers_to_confirm) == sum(
            len(i.people) for top in session.get(Meeting, new_id).programme for i in (top, *top.subtopics)
        )
        assert set(fresh.texts_unchanged) == {"introduction", "co_organisers"}
        assert compare.previous_meeting(session, new_id).id == sample_id
        assert compare.previous_meeting(session, sample_id) is None

    with db.transaction() as session:
        new = session.get(Meeting, new_id)
        dropped = new.attendance[0].person.full_name
        session.delete(new.attendance[0])
        add_attendance(session, new_id, first_name="Ana", last_name="Nueva", organisation="Ville de Lyon")
        programme.update_item(session, new.programme[3].id, title="Pause café prolongée")
        programme.add_item(session, new_id, title="  DÉJEUNER au palais eynard ", kind="meal")
        speaker = new.programme[1].people[0]
        programme.update_programme_person(session, speaker.id, name="M. Nouveau Président", person_id=None)
        meetings.update_meeting(session, new_id, introduction="Nouveau texte.")
    with db.reading() as session:
        diff = compare.compare(session, sample_id, new_id)
        assert [p.name.endswith(dropped) for p in diff.not_invited] == [True]
        assert [p.name for p in diff.new_names] == ["Ana Nueva"]
        assert [i.title for i in diff.items_added] == ["Pause café prolongée"]
        assert [i.title for i in diff.items_dropped] == ["Pause-café"]  # « Déjeuner… » matches, folded
        assert "M. Nouveau Président" not in {s.name for s in diff.speakers_to_confirm}
        assert len(diff.speakers_to_confirm) == len(fresh.speakers_to_confirm) - 1
        assert diff.texts_unchanged == ("co_organisers",)


def test_new_from_command(tmp_path):
    db = tmp_path / "m.sqlite"
    sample = ROOT / "resources" / "samples" / "meeting-2023.json"

    def run(*args):
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *map(str, args), "--db", db],
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run("import", sample).returncode == 0
    made = run("new-from", "2023", "--date", "2024-12-10", "--with-objectives")
    assert made.returncode == 0, made.stderr
    new_id = made.stdout.strip()
    assert new_id.isdigit()
    out = tmp_path / "new.json"
    assert run("dump", new_id, "-o", out).returncode == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["meeting"]["date"] == "2024-12-10" and data["meeting"]["objectives"]
    assert data["report"] == [] and len(data["attendance"]) == 43
    bad = run("new-from", "2023", "--date", "demain")
    assert bad.returncode == 1 and bad.stderr.startswith("minutier: date:") and "Traceback" not in bad.stderr
    assert run("new-from", "2023").returncode == 2


def test_open_decisions_and_the_settings_are_carried_and_history_runs_across_both(db, sample_id):
    from models.entities import Decision
    from models.services import attendance, committee, decisions

    with db.transaction() as session:
        listed = session.get(Meeting, sample_id).attendance
        present, excused = listed[0], listed[1]
        attendance.update_attendance(session, present.id, role="chair")
        set_marks(session, [excused.id], status="excused")
        settings = {
            "document_kind": "proces_verbal",
            "agenda_numbering": True,
            "printed_lists": committee.PrintedLists(("present", "excused"), ("function",)),
            "quorum": 7,
            "label_overrides": {"programme_heading": "Ordre du jour"},
        }
        committee.set_settings(session, sample_id, **settings)
        item = session.get(Meeting, sample_id).programme[0].id
        kept = {
            "open": decisions.add_decision(
                session, sample_id, text="Statuts", owner_attendance_id=present.id, programme_item_id=item
            ),
            "in_progress": decisions.add_decision(
                session, sample_id, text="Budget", owner_attendance_id=excused.id, due="2024-06-30"
            ),
        }
        decisions.update_decision(session, kept["in_progress"].id, status="in_progress", follow_up="Devis")
        decisions.add_decision(session, sample_id, text="Fait", status="done")
        decisions.add_decision(session, sample_id, text="Abandonné", status="dropped")
        excused_name = excused.person.display_name
        kept_ids = {status: d.id for status, d in kept.items()}
    new_id = roll(db, sample_id)
    with db.reading() as session:
        new = session.get(Meeting, new_id)
        assert committee.settings(new) == settings
        carried = decisions.list_decisions(session, new_id)
        assert [(d.number, d.text, d.status, d.previous_id) for d in carried] == [
            ("2023-01", "Statuts", "open", kept_ids["open"]),
            ("2023-02", "Budget", "in_progress", kept_ids["in_progress"]),
        ]
        chair = new.attendance[0]
        assert (chair.person_id, chair.role) == (present.person_id, "chair")
        assert carried[0].owner_attendance_id == chair.id and carried[0].programme_item_id is None
        # The excused owner is not invited again: their name stays, written out.
        assert (carried[1].owner_attendance_id, carried[1].owner_text) == (None, excused_name)
        assert (carried[1].due, carried[1].follow_up) == (dt.date(2024, 6, 30), "Devis")
        for decision_id in (kept_ids["in_progress"], carried[1].id):
            steps = decisions.history(session, decision_id)
            assert [(s.meeting_id, s.decision_id) for s in steps] == [
                (sample_id, kept_ids["in_progress"]),
                (new_id, carried[1].id),
            ]
        assert session.get(Decision, kept_ids["open"]).meeting_id == sample_id  # the old one stays
