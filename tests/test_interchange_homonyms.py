"""Homonyms in the JSON format: people alike in name and organisation stay apart on import.

A meeting can list two « Marie Dupont » of one city (two e-mails) or two
rows naming only an organisation: the editor allows it, so the meeting's
own dump must import back, and dump → import → dump must give the same
bytes, in the same database and in another one.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from models import interchange
from models.database import open_database
from models.entities import Meeting, Person
from models.services import meetings
from models.services.attendance import add_attendance

pytestmark = pytest.mark.both_backends


def dump(db, meeting_id) -> str:
    with db.reading() as session:
        return interchange.dumps(session.get(Meeting, meeting_id))


def import_text(db, text) -> int:
    with db.transaction() as session:
        return interchange.loads(session, text).id


def people_count(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Person))


def homonyms_meeting(db) -> int:
    """A meeting made as the editor makes it, with two kinds of homonyms on its list."""
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Homonymes", "2024-05-02").id
        rows = [
            dict(first_name="Marie", last_name="Dupont", organisation="Ville de Lyon", email="m1@lyon.fr"),
            dict(first_name="Marie", last_name="Dupont", organisation="Ville de Lyon", email="m2@lyon.fr"),
            dict(first_name="Marie", last_name="Dupont", organisation="Ville de Lyon", email=""),
            dict(organisation="Croix-Rouge", function="Délégation"),
            dict(organisation="Croix-Rouge", function="Délégation"),
            dict(organisation="Croix-Rouge"),
        ]
        for i, row in enumerate(rows):
            add_attendance(session, meeting_id, status=("present", "excused")[i % 2], **row)
    return meeting_id


def test_a_meeting_with_homonyms_imports_back_into_its_own_database(db):
    meeting_id = homonyms_meeting(db)
    first = dump(db, meeting_id)
    before = people_count(db)
    copy_id = import_text(db, first)
    assert dump(db, copy_id) == first
    # Each row found its own roster record again: nobody was added, nobody merged.
    assert people_count(db) == before
    with db.reading() as session:
        original = [a.person_id for a in session.get(Meeting, meeting_id).attendance]
        copied = [a.person_id for a in session.get(Meeting, copy_id).attendance]
    assert copied == original and len(set(copied)) == 6


def test_a_meeting_with_homonyms_imports_into_another_database(db, tmp_path):
    first = dump(db, homonyms_meeting(db))
    other = open_database(tmp_path / "other.sqlite")
    try:
        assert dump(other, import_text(other, first)) == first
        assert people_count(other) == 6
    finally:
        other.close()


def test_hand_written_homonyms_import_as_two_people(db):
    person = {"civility": "", "function": "", "email": ""}
    data = {
        "format": "minutier.meeting",
        "version": 1,
        "meeting": {"title": "Deux homonymes", "date": "2024-01-01"},
        "people": [
            {"ref": "a", **person, "first_name": "Ana", "last_name": "Ruiz", "organisation": "Quito"},
            {"ref": "b", **person, "first_name": "Ana", "last_name": "Ruiz", "organisation": "Quito"},
            {"ref": "c", **person, "first_name": "", "last_name": "", "organisation": "ONU"},
            {"ref": "d", **person, "first_name": "", "last_name": "", "organisation": "ONU"},
        ],
        "attendance": [{"person": ref} for ref in "abcd"],
    }
    meeting_id = import_text(db, json.dumps(data))
    assert people_count(db) == 4
    with db.reading() as session:
        assert len({a.person_id for a in session.get(Meeting, meeting_id).attendance}) == 4


def test_a_name_match_with_another_email_is_another_person(db):
    """Same name and organisation, both with an e-mail, the e-mails differ: two people."""
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Avant", "2024-01-01").id
        add_attendance(session, meeting_id, first_name="Ana", last_name="Ruiz", email="ana@quito.ec")
    data = json.loads(dump(db, meeting_id))
    data["people"][0]["email"] = "ana.ruiz@otra.example"
    copy_id = import_text(db, json.dumps(data))
    assert people_count(db) == 2
    with db.reading() as session:
        assert session.get(Meeting, copy_id).attendance[0].person.email == "ana.ruiz@otra.example"
        assert session.get(Meeting, meeting_id).attendance[0].person.email == "ana@quito.ec"


def test_a_name_match_without_email_still_finds_the_roster_person(db):
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Avant", "2024-01-01").id
        add_attendance(session, meeting_id, first_name="Ana", last_name="Ruiz", email="ana@quito.ec")
    data = json.loads(dump(db, meeting_id))
    data["people"][0].update(email="", first_name="ANA ")
    import_text(db, json.dumps(data))
    assert people_count(db) == 1


def test_exact_records_are_matched_before_looser_ones(db):
    """Two roster records alike but for their function: each ref finds its own, not the first alike."""
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Fonctions", "2024-01-01").id
        add_attendance(session, meeting_id, organisation="Croix-Rouge", function="Délégation")
        add_attendance(session, meeting_id, organisation="Croix-Rouge", function="Siège")
    text = json.loads(dump(db, meeting_id))
    text["people"].reverse()  # the later record is asked for first
    text["attendance"].reverse()
    copy_id = import_text(db, json.dumps(text))
    with db.reading() as session:
        functions = [a.person.function for a in session.get(Meeting, copy_id).attendance]
    assert functions == ["Siège", "Délégation"] and people_count(db) == 2
