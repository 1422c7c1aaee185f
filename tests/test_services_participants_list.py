"""Attendance services behind the Participants tab: plain rows, bulk add, removal with undo."""

from __future__ import annotations

import pytest

from models.entities import Attendance, Person
from models.errors import MinutierError
from models.services import attendance, meetings, people

pytestmark = pytest.mark.both_backends


def test_rows_are_plain_values_in_list_order(db, sample_id):
    with db.reading() as session:
        rows = attendance.attendance_rows(session, sample_id)
        entities = attendance.list_attendance(session, sample_id)
        assert [r.id for r in rows] == [a.id for a in entities]
        first = rows[0]
        assert (first.civility, first.first_name, first.last_name) == ("M.", "Sami", "Kanaan")
        assert (first.status, first.mode) == ("present", "in_person")
        some = attendance.attendance_rows(session, sample_id, [rows[5].id, rows[2].id])
        assert [r.id for r in some] == [rows[2].id, rows[5].id]


def test_rows_of_another_meeting_are_not_returned(db, sample_id):
    with db.transaction() as session:
        other = meetings.create_meeting(session, "Autre", "2024-01-01").id
    with db.reading() as session:
        ids = [r.id for r in attendance.attendance_rows(session, sample_id)]
        assert attendance.attendance_rows(session, other, ids) == []


def test_add_many_adds_people_and_rows_in_one_go(db):
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Grande", "2024-01-01").id
        added = attendance.add_many(
            session,
            meeting_id,
            [{"first_name": "A", "last_name": "Un", "status": "present"}, {"organisation": "ONU"}],
        )
        assert [a.position for a in added] == [0, 1]
    with db.reading() as session:
        rows = attendance.attendance_rows(session, meeting_id)
        assert [(r.last_name, r.organisation, r.status) for r in rows] == [
            ("Un", "", "present"),
            ("", "ONU", "invited"),
        ]


def test_add_many_refuses_a_nameless_person(db):
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Grande", "2024-01-01").id
    with pytest.raises(MinutierError), db.transaction() as session:
        attendance.add_many(session, meeting_id, [{"function": "Maire"}])


def test_remove_and_restore_keep_ids_positions_and_marks(db, sample_id):
    with db.reading() as session:
        before = attendance.attendance_rows(session, sample_id)
    gone = [before[3].id, before[10].id]
    with db.transaction() as session:
        removed = attendance.remove_attendances(session, gone)
    with db.reading() as session:
        after = attendance.attendance_rows(session, sample_id)
        assert len(after) == len(before) - 2
        assert [r.position for r in after] == list(range(len(after)))
    with db.transaction() as session:
        assert attendance.restore_attendances(session, removed) == gone
    with db.reading() as session:
        again = attendance.attendance_rows(session, sample_id)
        assert [(r.id, r.person_id, r.status, r.mode) for r in again] == [
            (r.id, r.person_id, r.status, r.mode) for r in before
        ]


def test_removal_drops_a_person_nobody_else_uses(db, sample_id):
    with db.transaction() as session:
        row = attendance.add_attendance(session, sample_id, first_name="Nouveau", last_name="Venu")
        row_id, person_id = row.id, row.person_id
    with db.transaction() as session:
        removed = attendance.remove_attendances(session, [row_id], drop_people=[person_id])
    with db.reading() as session:
        assert session.get(Person, person_id) is None
    with db.transaction() as session:
        attendance.restore_attendances(session, removed)
    with db.reading() as session:
        assert session.get(Attendance, row_id).person.full_name == "Nouveau Venu"


def test_removal_keeps_a_person_used_elsewhere(db, sample_id):
    with db.reading() as session:
        first = attendance.list_attendance(session, sample_id)[0]  # Sami Kanaan speaks in the programme
        row_id, person_id = first.id, first.person_id
    with db.transaction() as session:
        removed = attendance.remove_attendances(session, [row_id], drop_people=[person_id])
    assert removed.people == []
    with db.reading() as session:
        assert session.get(Person, person_id) is not None


def test_removing_rows_that_are_gone_is_refused(db, sample_id):
    with pytest.raises(MinutierError), db.transaction() as session:
        attendance.remove_attendances(session, [999_999])


def test_edit_person_returns_previous_values_and_keeps_a_name(db, sample_id):
    with db.reading() as session:
        person_id = attendance.list_attendance(session, sample_id)[1].person_id  # Elena Bianchi
    with db.transaction() as session:
        assert attendance.edit_person(session, person_id, last_name=" Bianchi-Rossi ") == {
            "last_name": "Bianchi"
        }
    with pytest.raises(MinutierError), db.transaction() as session:
        attendance.edit_person(session, person_id, first_name="", last_name="", organisation="")
    with db.reading() as session:
        assert session.get(Person, person_id).last_name == "Bianchi-Rossi"


def test_roster_outside_lists_people_not_on_the_meeting(db, sample_id):
    with db.transaction() as session:
        outsider = people.add_person(session, first_name="Hors", last_name="Liste").id
    with db.reading() as session:
        ids = {e.id for e in attendance.roster_outside(session, sample_id)}
        listed = {a.person_id for a in attendance.list_attendance(session, sample_id)}
    assert outsider in ids
    assert not ids & listed
