"""Interchange format version 2 (issue 16): committee fields and decisions; version 1 still imports."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select

from models import interchange
from models.database import open_database
from models.entities import Decision, Meeting
from models.errors import FormatError
from models.sample import sample_text
from models.services import attendance, committee, decisions, meetings, programme

pytestmark = pytest.mark.both_backends

V2_MEETING_KEYS = ("document_kind", "agenda_numbering", "printed_lists", "quorum", "labels")
V2_ATTENDANCE_KEYS = ("role", "represented_by", "arrival", "departure")


def as_version_1(text: str) -> str:
    data = json.loads(text)
    data["version"] = 1
    for key in V2_MEETING_KEYS:
        del data["meeting"][key]
    for row in data["attendance"]:
        for key in V2_ATTENDANCE_KEYS:
            del row[key]
    assert data.pop("decisions") == []
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump(db, meeting_id) -> str:
    with db.reading() as session:
        return interchange.dumps(session.get(Meeting, meeting_id))


def import_text(db, text) -> int:
    with db.transaction() as session:
        return interchange.loads(session, text).id


def test_a_version_1_file_imports_with_the_same_meaning_and_dumps_as_version_2(db):
    v1 = as_version_1(sample_text())
    assert '"version": 1' in v1 and "decisions" not in v1
    meeting_id = import_text(db, v1)
    assert dump(db, meeting_id) == sample_text()


def test_a_version_1_file_may_not_hold_version_2_keys(db):
    data = json.loads(as_version_1(sample_text()))
    data["meeting"]["quorum"] = "majority"
    with pytest.raises(FormatError, match=r"meeting\.quorum: is not a field of this format"):
        interchange.loads_data(json.dumps(data))
    data = json.loads(as_version_1(sample_text()))
    data["decisions"] = []
    with pytest.raises(FormatError, match="decisions: is not a field of this format"):
        interchange.loads_data(json.dumps(data))


def committee_minutes(db) -> int:
    with db.transaction() as session:
        meeting = meetings.create_meeting(session, "Comité de coordination du 18 mars 2025", "2025-03-18")
        chair = attendance.add_attendance(
            session, meeting.id, first_name="Ana", last_name="Ruiz", status="present"
        )
        member = attendance.add_attendance(session, meeting.id, first_name="Jón", last_name="Sigurðsson")
        guest = attendance.add_attendance(session, meeting.id, organisation="Croix-Rouge", status="present")
        attendance.update_attendance(session, chair.id, role="chair", arrival="10h30")
        attendance.update_attendance(
            session, member.id, role="member", represented_by_id=chair.id, departure="from item 3"
        )
        attendance.update_attendance(session, guest.id, role="guest")
        item = programme.add_item(session, meeting.id, title="Budget 2025")
        committee.set_settings(
            session,
            meeting.id,
            document_kind="releve_de_decisions",
            agenda_numbering=True,
            printed_lists={
                "lists": ["present", "excused", "guests"],
                "columns": ["civility", "organisation"],
            },
            quorum="two_thirds",
            label_overrides={"programme_heading": "Ordre du jour"},
        )
        decisions.add_decision(
            session,
            meeting.id,
            text="Adopter le **budget**",
            programme_item_id=item.id,
            owner_attendance_id=chair.id,
            due="2025-06-30",
            status="in_progress",
            follow_up="Vote en juin",
        )
        decisions.add_decision(session, meeting.id, text="Réviser les statuts", owner_text="Ville de Lyon")
        decisions.add_decision(session, meeting.id, number="2024-07", status="dropped")
        return meeting.id


def test_committee_minutes_round_trip_byte_identical_into_another_database(db, tmp_path):
    meeting_id = committee_minutes(db)
    text = dump(db, meeting_id)
    data = json.loads(text)
    assert data["version"] == 2
    assert {k: data["meeting"][k] for k in V2_MEETING_KEYS} == {
        "document_kind": "releve_de_decisions",
        "agenda_numbering": True,
        "printed_lists": {"lists": ["present", "excused", "guests"], "columns": ["civility", "organisation"]},
        "quorum": "two_thirds",
        "labels": {"programme_heading": "Ordre du jour"},
    }
    assert [{k: row[k] for k in ("person", *V2_ATTENDANCE_KEYS)} for row in data["attendance"]] == [
        {"person": "p1", "role": "chair", "represented_by": None, "arrival": "10h30", "departure": ""},
        {"person": "p2", "role": "member", "represented_by": "p1", "arrival": "", "departure": "from item 3"},
        {"person": "p3", "role": "guest", "represented_by": None, "arrival": "", "departure": ""},
    ]
    assert data["decisions"] == [
        {
            "number": "2025-01",
            "text": "Adopter le **budget**",
            "item": "t1",
            "owner": {"person": "p1"},
            "due": "2025-06-30",
            "status": "in_progress",
            "follow_up": "Vote en juin",
        },
        {
            "number": "2025-02",
            "text": "Réviser les statuts",
            "item": None,
            "owner": {"organisation": "Ville de Lyon"},
            "due": None,
            "status": "open",
            "follow_up": "",
        },
        {
            "number": "2024-07",
            "text": "",
            "item": None,
            "owner": None,
            "due": None,
            "status": "dropped",
            "follow_up": "",
        },
    ]
    other = open_database(tmp_path / "other.sqlite")
    try:
        assert dump(other, import_text(other, text)) == text
    finally:
        other.close()
    assert dump(db, import_text(db, text)) == text  # into the same database: the roster is matched


def bad(path: list, value):
    def change(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


BAD = [
    (bad(["attendance", 1, "represented_by"], "p9"), 'attendance[1].represented_by: "p9" is not the person'),
    (bad(["attendance", 0, "represented_by"], "p1"), "attendance[0].represented_by: a participant cannot"),
    (bad(["attendance", 0, "role"], "president"), 'attendance[0].role: "president" is not one of'),
    (bad(["attendance", 0, "arrival"], "x" * 65), "attendance[0].arrival: is 65 characters long"),
    (bad(["decisions", 1, "number"], "2025-01"), 'decisions[1].number: "2025-01" is used twice'),
    (bad(["decisions", 0, "owner"], {"person": "p9"}), 'decisions[0].owner.person: "p9" is not the person'),
    (bad(["decisions", 0, "owner"], {"organisation": ""}), "decisions[0].owner"),
    (bad(["decisions", 0, "item"], "t9"), 'decisions[0].item: "t9" is not a ref of the programme'),
    (bad(["decisions", 0, "due"], "2025-02-30"), 'decisions[0].due: "2025-02-30" is not a date'),
    (bad(["decisions", 0, "status"], "closed"), 'decisions[0].status: "closed" is not one of'),
    (bad(["meeting", "quorum"], 0), "meeting.quorum: 0 is not a number of members"),
    (bad(["meeting", "quorum"], "number"), 'meeting.quorum: "number" is not one of'),
    (
        bad(["meeting", "labels"], {"programme_heading": 3}),
        "meeting.labels.programme_heading: 3 is not of type",
    ),
    (
        bad(["meeting", "printed_lists"], {"lists": ["all"]}),
        'meeting.printed_lists.lists[0]: "all" is not one',
    ),
    (
        bad(["meeting", "printed_lists"], {"lists": ["present", "present"]}),
        "meeting.printed_lists.lists: names",
    ),
]


@pytest.mark.parametrize(("change", "message"), BAD, ids=[m.split(":")[0] for _c, m in BAD])
def test_bad_committee_data_is_refused_naming_the_field_and_changes_nothing(db, change, message):
    meeting_id = committee_minutes(db)
    data = json.loads(dump(db, meeting_id))
    broken = copy.deepcopy(data)
    change(broken)
    with db.reading() as session:
        before = (
            session.scalar(select(func.count()).select_from(Meeting)),
            session.scalar(select(func.count()).select_from(Decision)),
        )
    with pytest.raises(FormatError) as caught:
        import_text(db, json.dumps(broken, ensure_ascii=False))
    assert str(caught.value).startswith(message)
    with db.reading() as session:
        after = (
            session.scalar(select(func.count()).select_from(Meeting)),
            session.scalar(select(func.count()).select_from(Decision)),
        )
    assert after == before


def test_copy_keeps_the_history_of_decisions_across_meetings(db, tmp_path):
    from models.services import rollover
    from models.transfer import copy_all

    meeting_id = committee_minutes(db)
    with db.transaction() as session:
        new_id = rollover.new_meeting_from(session, meeting_id, "2026-03-17").id
    with db.reading() as session:
        want = [
            [(s.meeting_date, s.number, s.status) for s in decisions.history(session, d.id)]
            for d in decisions.list_decisions(session, new_id)
        ]
    assert len(want) == 2 and all(len(steps) == 2 for steps in want)
    target = open_database(tmp_path / "copy.sqlite")
    try:
        copy_all(db, target)
        with target.reading() as session:
            (copied,) = [m for m in session.scalars(select(Meeting)) if m.date.year == 2026]
            got = [
                [(s.meeting_date, s.number, s.status) for s in decisions.history(session, d.id)]
                for d in copied.decisions
            ]
    finally:
        target.close()
    assert got == want
