"""Services: each user action as one unit of work, and its inverse for undo."""

from __future__ import annotations

import datetime as dt

import pytest

from models import interchange
from models.entities import Meeting
from models.errors import ConflictError, FormatError, MinutierError, NotFound
from models.services import attendance, meetings, people, programme, report

pytestmark = pytest.mark.both_backends


def dump(db, meeting_id):
    with db.reading() as session:
        return interchange.dumps(session.get(Meeting, meeting_id))


def test_resolve_by_id_or_year(db, sample_id):
    with db.reading() as session:
        assert meetings.resolve(session, "2023").id == sample_id
        assert meetings.resolve(session, str(sample_id)).id == sample_id
        with pytest.raises(NotFound, match="No meeting"):
            meetings.resolve(session, "1999")
        with pytest.raises(NotFound, match="not a meeting id"):
            meetings.resolve(session, "last")


def test_resolve_refuses_an_ambiguous_year(db, sample_id):
    with db.transaction() as session:
        meetings.create_meeting(session, "Extra", "2023-06-01")
    with db.reading() as session, pytest.raises(NotFound, match="Several meetings in 2023"):
        meetings.resolve(session, "2023")


def test_meetings_are_listed_newest_first(db, sample_id):
    with db.transaction() as session:
        meetings.create_meeting(session, "Next", dt.date(2024, 12, 10))
        meetings.create_meeting(session, "Old", "2019-01-01")
    with db.reading() as session:
        assert [m.date.year for m in meetings.list_meetings(session)] == [2024, 2023, 2019]


def test_update_meeting_returns_previous_values_and_checks_them(db, sample_id):
    with db.transaction() as session:
        previous = meetings.update_meeting(session, sample_id, title="Nouveau", start_time="09:15")
    assert previous["start_time"] == dt.time(10, 0)
    with db.reading() as session:
        m = session.get(Meeting, sample_id)
        assert (m.title, m.start_time) == ("Nouveau", dt.time(9, 15))
    with pytest.raises(FormatError, match="not a time"), db.transaction() as session:
        meetings.update_meeting(session, sample_id, end_time="late")
    with pytest.raises(FormatError, match="needs a title"), db.transaction() as session:
        meetings.update_meeting(session, sample_id, title="  ")


def test_a_stale_version_is_a_conflict_not_an_overwrite(db, sample_id):
    with db.reading() as session:
        seen = session.get(Meeting, sample_id).version
    with db.transaction() as session:
        meetings.update_meeting(session, sample_id, expected_version=seen, venue="Ailleurs")
    with pytest.raises(ConflictError), db.transaction() as session:
        meetings.update_meeting(session, sample_id, expected_version=seen, venue="Écrasé")
    with db.reading() as session:
        assert session.get(Meeting, sample_id).venue == "Ailleurs"


def test_duplicate_then_delete_a_meeting(db, sample_id):
    with db.transaction() as session:
        copy_id = meetings.duplicate_meeting(session, sample_id, title="Copie").id
    with db.reading() as session:
        copy = session.get(Meeting, copy_id)
        assert (copy.title, copy.status, len(copy.attendance)) == ("Copie", "draft", 43)
    with db.transaction() as session:
        meetings.delete_meeting(session, copy_id)
    with db.reading() as session:
        assert session.get(Meeting, copy_id) is None
        assert len(session.get(Meeting, sample_id).attendance) == 43


def test_programme_add_move_delete_restore(db, sample_id):
    original = dump(db, sample_id)
    with db.transaction() as session:
        new = programme.add_item(session, sample_id, position=1, title="Photo de groupe", kind="other")
        new_id = new.id
    with db.reading() as session:
        titles = [i.title for i in session.get(Meeting, sample_id).programme]
        assert titles[1] == "Photo de groupe" and len(titles) == 10
    with db.transaction() as session:
        assert programme.move_item(session, new_id, 9) == 1
    with db.reading() as session:
        assert session.get(Meeting, sample_id).programme[-1].id == new_id
    with db.transaction() as session:
        programme.delete_item(session, new_id)
    assert dump(db, sample_id) == original


def test_deleting_an_item_with_subtopics_restores_whole_and_relinked(db, sample_id):
    original = dump(db, sample_id)
    with db.reading() as session:
        afternoon_id = session.get(Meeting, sample_id).programme[6].id
    with db.transaction() as session:
        gone = programme.delete_item(session, afternoon_id)
    assert '"programme_item": "t7a"' not in dump(db, sample_id)
    with db.transaction() as session:
        programme.restore_item(session, gone)
    assert dump(db, sample_id) == original


def test_subtopics_cannot_nest(db, sample_id):
    with db.reading() as session:
        sub_id = session.get(Meeting, sample_id).programme[6].subtopics[0].id
    with pytest.raises(FormatError, match="sub-topic"), db.transaction() as session:
        programme.add_item(session, sample_id, parent_id=sub_id, title="x")


def test_speakers_typed_by_name_join_the_roster(db, sample_id):
    with db.reading() as session:
        item_id = session.get(Meeting, sample_id).programme[1].id
    with db.transaction() as session:
        row = programme.add_programme_person(
            session, item_id, name="Mme Ada Lovelace", new_person={"civility": "Mme", "first_name": "Ada",
                                                                   "last_name": "Lovelace"}, remote=True
        )  # fmt: skip
        assert row.person.full_name == "Ada Lovelace"
        gone = programme.delete_programme_person(session, row.id)
    with db.transaction() as session:
        again = programme.restore_programme_person(session, gone)
        assert (again.position, again.remote) == (2, True)


def test_time_problems_are_reported_not_refused(db, sample_id):
    with db.reading() as session:
        assert programme.time_problems(session.get(Meeting, sample_id)) == []
    with db.transaction() as session:
        late = programme.add_item(session, sample_id, title="Late", start_time="18:00", end_time="17:45")
        inside = programme.add_item(session, sample_id, title="Inside", start_time="10:15", end_time="10:20")
        problems = {(p.item_id, p.message.split(" ")[0]) for p in programme.time_problems(late.meeting)}
    assert problems == {(late.id, "ends"), (inside.id, "overlaps")}


def test_attendance_marks_in_bulk_and_back(db, sample_id):
    with db.reading() as session:
        ids = [a.id for a in session.get(Meeting, sample_id).attendance[:5]]
    with db.transaction() as session:
        previous = attendance.set_marks(session, ids, status="excused", mode="remote")
        assert attendance.counts(session, sample_id)["excused"] == 5
    with db.transaction() as session:
        attendance.restore_marks(session, previous)
        assert attendance.counts(session, sample_id) == {
            "invited": 0, "present": 43, "excused": 0, "absent": 0,
            "in_person": 20, "remote": 23, "total": 43,
        }  # fmt: skip
    with pytest.raises(FormatError), db.transaction() as session:
        attendance.set_marks(session, ids, status="maybe")


def test_attendance_add_new_person_and_refuse_duplicates(db, sample_id):
    with db.transaction() as session:
        row = attendance.add_attendance(
            session, sample_id, first_name="Zoé", last_name="Ünal", status="present"
        )
        person_id, row_id = row.person_id, row.id
    with pytest.raises(MinutierError, match="already on the list"), db.transaction() as session:
        attendance.add_attendance(session, sample_id, person_id)
    with db.transaction() as session:
        attendance.remove_attendance(session, row_id)
        people.delete_person(session, person_id)
    with db.reading() as session:
        assert len(session.get(Meeting, sample_id).attendance) == 43


def test_people_on_a_list_cannot_be_deleted(db, sample_id):
    with db.reading() as session:
        person_id = session.get(Meeting, sample_id).attendance[0].person_id
    with pytest.raises(MinutierError, match="attendance list"), db.transaction() as session:
        people.delete_person(session, person_id)


def test_roster_search_is_case_insensitive(db, sample_id):
    with db.reading() as session:
        found = people.search_roster(session, "genève")
        assert {p.last_name for p in found} >= {"Kanaan", "Bianchi"}


def test_report_sections_and_blocks_round_trip_through_undo(db, sample_id):
    original = dump(db, sample_id)
    with db.reading() as session:
        part_one = session.get(Meeting, sample_id).sections[1]
        part_id, first_block = part_one.id, part_one.sections[0].blocks[0].id
    with db.transaction() as session:
        gone_block = report.delete_block(session, first_block)
    with db.transaction() as session:
        gone_part = report.delete_section(session, part_id)
    with db.transaction() as session:
        report.restore_section(session, gone_part)
    with db.transaction() as session:
        report.restore_block(session, gone_block)
    assert dump(db, sample_id) == original


def test_blocks_move_within_and_across_sections(db, sample_id):
    with db.transaction() as session:
        intro = session.get(Meeting, sample_id).sections[0]
        new_section = report.add_section(session, sample_id, title="Annexe")
        block = report.add_block(session, intro.id, kind="paragraph", text="*Note*", position=0)
        assert report.move_block(session, block.id, 5, section_id=new_section.id) == (intro.id, 0)
        assert [b.kind for b in intro.blocks] == ["intervention", "intervention"]
        assert new_section.blocks == [block]


def test_sections_from_programme_skips_breaks_and_existing_links(db, sample_id):
    with db.transaction() as session:
        created = report.sections_from_programme(session, sample_id)
        titles = [s.title for s in created]
    assert titles == ["Solutions au déplacement interne : le programme d'action", "Débat avec l'audience"]
    with db.transaction() as session:
        assert report.sections_from_programme(session, sample_id) == []


def test_sections_from_programme_prepares_one_intervention_per_speaker(db):
    with db.transaction() as session:
        m = meetings.create_meeting(session, "Réunion 2024", "2024-12-10")
        item = programme.add_item(session, m.id, title="Ouverture", start_time="10:00", debate=True)
        programme.add_programme_person(session, item.id, name="M. Sami Kanaan", remote=True)
        (section,) = report.sections_from_programme(session, m.id)
        assert [(b.kind, b.speaker, b.online) for b in section.blocks] == [
            ("intervention", "M. Sami Kanaan", True),
            ("debate", "", False),
        ]
