"""Committee minutes (issue 16): attendance roles and proxies, quorum, settings, the decisions register."""

from __future__ import annotations

import datetime as dt

import pytest

from models import interchange
from models.entities import Attendance, Decision, Meeting
from models.errors import ConflictError, FormatError, MinutierError
from models.services import attendance, committee, decisions, meetings, quorum

pytestmark = pytest.mark.both_backends


def dump(db, meeting_id):
    with db.reading() as session:
        return interchange.dumps(session.get(Meeting, meeting_id))


def committee_meeting(db, roles: list[tuple[str, str]]) -> tuple[int, list[int]]:
    """A meeting whose list has one row per (role, status)."""
    with db.transaction() as session:
        meeting = meetings.create_meeting(session, "Comité de coordination", "2025-03-18")
        ids = [
            attendance.add_attendance(
                session, meeting.id, first_name=f"P{i}", last_name="Test", status=status
            ).id
            for i, (_role, status) in enumerate(roles)
        ]
        for row_id, (role, _status) in zip(ids, roles, strict=True):
            attendance.update_attendance(session, row_id, role=role)
        return meeting.id, ids


@pytest.mark.parametrize(
    ("rule", "number", "members", "needed"),
    [
        ("majority", None, 6, 4),
        ("majority", None, 7, 4),
        ("two_thirds", None, 6, 4),
        ("two_thirds", None, 7, 5),
        ("number", 3, 7, 3),
        ("none", None, 7, None),
    ],
)
def test_quorum_rules(rule, number, members, needed):
    assert quorum.required(rule, members, number) == needed


def test_quorum_counts_members_present_or_represented_by_someone_present(db):
    roles = [
        ("chair", "present"),
        ("member", "present"),
        ("member", "excused"),  # represented by the chair below
        ("member", "absent"),  # represented by an absent member: does not count
        ("member", "absent"),
        ("guest", "present"),  # no vote
        ("staff", "present"),
        ("", "present"),  # no role, as in 2023
    ]
    meeting_id, ids = committee_meeting(db, roles)
    with db.transaction() as session:
        attendance.update_attendance(session, ids[2], represented_by_id=ids[0])
        attendance.update_attendance(session, ids[3], represented_by_id=ids[4])
        assert committee.set_settings(session, meeting_id, quorum="majority") == {"quorum": "none"}
    with db.reading() as session:
        q = quorum.quorum(session, meeting_id)
        assert (q.members, q.present, q.represented, q.required, q.reached) == (5, 2, 1, 3, True)
    with db.transaction() as session:
        committee.set_settings(session, meeting_id, quorum="two_thirds")
    with db.reading() as session:
        assert quorum.quorum(session, meeting_id).reached is False  # 3 of 5, 4 needed
    with db.transaction() as session:
        committee.set_settings(session, meeting_id, quorum=3)
        assert quorum.quorum(session, meeting_id).reached is True
        committee.set_settings(session, meeting_id, quorum="none")
        assert quorum.quorum(session, meeting_id).reached is None


def test_a_proxy_must_be_another_row_of_the_same_meeting(db, sample_id):
    _meeting_id, ids = committee_meeting(db, [("member", "present"), ("member", "excused")])
    with db.reading() as session:
        elsewhere = session.get(Meeting, sample_id).attendance[0].id
    with db.transaction() as session:
        with pytest.raises(MinutierError, match="same meeting"):
            attendance.update_attendance(session, ids[1], represented_by_id=elsewhere)
        with pytest.raises(MinutierError, match="themselves"):
            attendance.update_attendance(session, ids[1], represented_by_id=ids[1])
        with pytest.raises(FormatError, match="is not one of chair"):
            attendance.update_attendance(session, ids[1], role="president")


def test_arrival_departure_and_role_are_undone_by_passing_back_the_previous_values(db):
    meeting_id, ids = committee_meeting(db, [("member", "present"), ("member", "present")])
    before = dump(db, meeting_id)
    with db.transaction() as session:
        previous = attendance.update_attendance(
            session,
            ids[0],
            role="secretary",
            arrival=" 10h30 ",
            departure="from item 3",
            represented_by_id=ids[1],
        )
    with db.reading() as session:
        row = session.get(Attendance, ids[0])
        assert (row.role, row.arrival, row.departure, row.represented_by_id) == (
            "secretary",
            "10h30",
            "from item 3",
            ids[1],
        )
    with db.transaction() as session:
        attendance.update_attendance(session, ids[0], **previous)
    assert dump(db, meeting_id) == before


def test_removing_a_proxy_then_undoing_puts_the_proxy_and_the_owner_back(db):
    meeting_id, ids = committee_meeting(db, [("chair", "present"), ("member", "excused")])
    with db.transaction() as session:
        attendance.update_attendance(session, ids[1], represented_by_id=ids[0])
        decision_id = decisions.add_decision(
            session, meeting_id, text="Budget", owner_attendance_id=ids[0]
        ).id
    before = dump(db, meeting_id)
    with db.transaction() as session:
        removed = attendance.remove_attendances(session, [ids[0]])
    with db.reading() as session:
        assert session.get(Attendance, ids[1]).represented_by_id is None
        assert session.get(Decision, decision_id).owner_attendance_id is None
    with db.transaction() as session:
        attendance.restore_attendances(session, removed)
    assert dump(db, meeting_id) == before


def test_settings_are_validated_and_undone(db, sample_id):
    with db.reading() as session:
        assert committee.settings(session.get(Meeting, sample_id)) == {
            "document_kind": "compte_rendu",
            "agenda_numbering": False,
            "printed_lists": committee.DEFAULT_LISTS,
            "quorum": "none",
            "label_overrides": {},
        }
    before = dump(db, sample_id)
    with db.transaction() as session:
        previous = committee.set_settings(
            session,
            sample_id,
            document_kind="proces_verbal",
            agenda_numbering=True,
            printed_lists={"lists": ["guests", "present", "excused"], "columns": ["function"]},
            quorum=12,
            label_overrides={"programme_heading": "Ordre du jour"},
        )
        meeting = session.get(Meeting, sample_id)
        assert committee.printed_lists(meeting).lists == ("present", "excused", "guests")
        assert (meeting.quorum_rule, meeting.quorum_number) == ("number", 12)
        for bad in ({"quorum": 0}, {"quorum": "most"}, {"document_kind": "minutes"}):
            with pytest.raises(FormatError):
                committee.set_settings(session, sample_id, **bad)
        with pytest.raises(FormatError, match="is not one of present"):
            committee.set_settings(session, sample_id, printed_lists={"lists": ["all"]})
    with db.transaction() as session:
        committee.set_settings(session, sample_id, **previous)
    assert dump(db, sample_id) == before


def test_decisions_are_numbered_by_year_across_meetings(db):
    meeting_id, _ids = committee_meeting(db, [])
    with db.transaction() as session:
        first = decisions.add_decision(session, meeting_id, text="Adopter le budget")
        second = decisions.add_decision(session, meeting_id, text="Réviser les statuts")
        assert (first.number, second.number) == ("2025-01", "2025-02")
        later = meetings.create_meeting(session, "Comité de juin", "2025-06-17")
        assert decisions.add_decision(session, later.id).number == "2025-03"
        assert decisions.next_number(session, 2026) == "2026-01"
        with pytest.raises(MinutierError, match="already has a decision numbered 2025-01"):
            decisions.add_decision(session, meeting_id, number="2025-01")
        with pytest.raises(MinutierError, match="already has a decision numbered 2025-01"):
            decisions.update_decision(session, second.id, number=" 2025-01 ")


def test_a_decision_is_edited_deleted_and_restored_with_its_links(db):
    meeting_id, ids = committee_meeting(db, [("member", "present")])
    with db.transaction() as session:
        decision = decisions.add_decision(
            session, meeting_id, text="**Budget**", owner_attendance_id=ids[0], due="2025-06-30"
        )
        decision_id, version = decision.id, decision.version
        other = decisions.add_decision(session, meeting_id, text="Autre").id
    with db.transaction() as session:
        previous = decisions.update_decision(
            session,
            decision_id,
            version,
            status="in_progress",
            follow_up="Devis reçus",
            owner_text="Ville de Lyon",
        )
        decision = session.get(Decision, decision_id)
        # One owner at a time: naming an organisation lets go of the participant.
        assert (decision.owner_attendance_id, decision.owner_name) == (None, "Ville de Lyon")
        assert decision.due == dt.date(2025, 6, 30)
        with pytest.raises(ConflictError):
            decisions.update_decision(session, decision_id, version, status="done")
        with pytest.raises(FormatError, match="is not one of open"):
            decisions.update_decision(session, decision_id, status="closed")
        with pytest.raises(FormatError, match="is not a date"):
            decisions.update_decision(session, decision_id, due="30/06/2025")
        decisions.update_decision(session, decision_id, **previous)
    before = dump(db, meeting_id)
    with db.transaction() as session:
        gone = decisions.delete_decision(session, decision_id)
        assert [d.id for d in decisions.list_decisions(session, meeting_id)] == [other]
    with db.transaction() as session:
        assert decisions.restore_decision(session, gone).id == decision_id
    assert dump(db, meeting_id) == before
    with db.reading() as session:
        assert [d.id for d in decisions.list_decisions(session, meeting_id, open_only=True)] == [
            decision_id,
            other,
        ]


def test_history_is_the_same_from_every_meeting_and_survives_a_deletion_undone(db):
    with db.transaction() as session:
        ids = [meetings.create_meeting(session, f"Comité {y}", f"{y}-03-18").id for y in (2024, 2025, 2026)]
        first = decisions.add_decision(session, ids[0], text="Statuts", status="open")
        second = decisions.add_decision(
            session, ids[1], number=first.number, text="Statuts", previous_id=first.id
        )
        third = decisions.add_decision(
            session, ids[2], number=first.number, text="Statuts", status="done", previous_id=second.id
        )
        chain = [first.id, second.id, third.id]
        with pytest.raises(MinutierError, match="another meeting"):
            decisions.add_decision(session, ids[0], text="x", previous_id=first.id)
    with db.reading() as session:
        for decision_id in chain:
            steps = decisions.history(session, decision_id)
            assert [s.decision_id for s in steps] == chain
            assert [s.meeting_date.year for s in steps] == [2024, 2025, 2026]
            assert steps[-1].status == "done"
    with db.transaction() as session:
        gone = decisions.delete_decision(session, second.id)
        assert [s.decision_id for s in decisions.history(session, third.id)] == [third.id]
    with db.transaction() as session:
        decisions.restore_decision(session, gone)
    with db.reading() as session:
        assert [s.decision_id for s in decisions.history(session, first.id)] == chain


def test_deleting_a_meeting_with_proxies_and_decisions_leaves_the_next_years_history_whole(db):
    meeting_id, ids = committee_meeting(db, [("member", "excused"), ("chair", "present")])
    with db.transaction() as session:
        attendance.update_attendance(session, ids[0], represented_by_id=ids[1])
        old = decisions.add_decision(session, meeting_id, text="Statuts", owner_attendance_id=ids[0])
        later = meetings.create_meeting(session, "Comité 2026", "2026-03-17")
        carried = decisions.add_decision(
            session, later.id, number=old.number, text="Statuts", previous_id=old.id
        )
        carried_id = carried.id
    with db.transaction() as session:
        meetings.delete_meeting(session, meeting_id)
    with db.reading() as session:
        assert session.get(Meeting, meeting_id) is None
        assert session.get(Decision, carried_id).previous_id is None
        assert [s.decision_id for s in decisions.history(session, carried_id)] == [carried_id]


def test_a_meeting_taken_out_whole_comes_back_with_proxies_pointing_forward_and_decisions(db):
    from models.services import snapshots

    meeting_id, ids = committee_meeting(db, [("member", "excused"), ("chair", "present")])
    with db.transaction() as session:
        # The first row's proxy is inserted after it: the restore must not trip on the foreign key.
        attendance.update_attendance(session, ids[0], represented_by_id=ids[1])
        decisions.add_decision(session, meeting_id, text="Statuts", owner_attendance_id=ids[1])
    before = dump(db, meeting_id)
    with db.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        snapshot = snapshots.take(meeting)
        session.delete(meeting)
    with db.transaction() as session:
        snapshots.restore(session, snapshot)
    assert dump(db, meeting_id) == before
    with db.reading() as session:
        # The proxy set after the inserts leaves the row's version as the restore gave every row.
        assert session.get(Attendance, ids[0]).version == session.get(Attendance, ids[1]).version


def test_deleting_a_programme_item_then_undoing_relinks_its_decisions(db):
    from models.services import programme

    meeting_id, _ids = committee_meeting(db, [])
    with db.transaction() as session:
        item = programme.add_item(session, meeting_id, title="Budget")
        sub = programme.add_item(session, meeting_id, title="Dépenses", parent_id=item.id)
        on_item = decisions.add_decision(session, meeting_id, text="A", programme_item_id=item.id).id
        on_sub = decisions.add_decision(session, meeting_id, text="B", programme_item_id=sub.id).id
        item_id = item.id
    before = dump(db, meeting_id)
    with db.transaction() as session:
        gone = programme.delete_item(session, item_id)
    with db.reading() as session:
        assert [session.get(Decision, d).programme_item_id for d in (on_item, on_sub)] == [None, None]
    with db.transaction() as session:
        programme.restore_item(session, gone)
    assert dump(db, meeting_id) == before
