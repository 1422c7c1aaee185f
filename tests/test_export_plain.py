"""Reading a meeting as records (models/services/reading.py): SELECTs and relationships agree."""

from __future__ import annotations

import datetime as dt

from models import entities, records
from models.entities import Block, Meeting, ProgrammeItem, ProgrammePerson, Section
from models.records import MeetingData
from models.services import meetings
from models.services.reading import meeting_record, record_of


def test_both_paths_agree_on_the_sample(db, sample_id):
    with db.reading() as session:
        meeting = meetings.resolve(session, str(sample_id))
        rows = record_of(meeting)
        objects = record_of(meeting, from_objects=True)
    assert isinstance(rows, MeetingData)
    assert rows == objects
    assert len(rows.programme) == 9 and len(rows.participants) == 43
    assert rows.sections[1].sections[0].title.startswith("État des lieux")
    assert rows.sections[1].sections[0].item_kind == "session"
    assert rows.sections[2].sections[-1].item_kind == "conclusions"
    assert [len(item.subtopics) for item in rows.programme] == [0, 0, 0, 0, 0, 0, 3, 0, 0]
    with db.reading() as session:
        assert meeting_record(session, sample_id) == rows


def test_printed_name_falls_back_to_the_roster(db, sample_id):
    with db.transaction() as session:
        meeting = meetings.resolve(session, str(sample_id))
        meeting.programme[1].people[0].name = ""
        session.flush()
        rows = record_of(meeting)
        assert rows == record_of(meeting, from_objects=True)
        assert rows.programme[1].speakers[0].name == "M. Sami Kanaan"
        session.rollback()


def test_pending_edits_are_seen(db, sample_id):
    with db.reading() as session:
        meeting = meetings.resolve(session, str(sample_id))
        meeting.sections[0].blocks[0].text = "Texte modifié."
        assert record_of(meeting).sections[0].blocks[0].text == "Texte modifié."


def test_a_meeting_outside_any_session():
    meeting = Meeting(language="fr", title="Brouillon", date=dt.date(2025, 1, 9))
    item = ProgrammeItem(title="Ouverture", kind="session", format="", debate=False)
    item.people.append(ProgrammePerson(role="moderator", role_label="Animatrice", name="Mme X", function=""))
    meeting.programme.append(item)
    section = Section(title="Ouverture", programme_item=item)
    section.blocks.append(Block(kind="paragraph", text="Bienvenue."))
    meeting.sections.append(section)
    data = record_of(meeting)
    assert data.programme[0].moderators[0].name == "Mme X"
    assert data.sections[0].item_kind == "session"
    assert data.sections[0].blocks[0].text == "Bienvenue."


def test_the_records_vocabulary_is_the_databases():
    assert records.ATTENDANCE_STATUSES == entities.ATTENDANCE_STATUSES
    assert records.ATTENDANCE_MODES == entities.ATTENDANCE_MODES
