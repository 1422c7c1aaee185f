"""Report services behind the Compte-rendu tab: the outline read, choices, bulk undo."""

from __future__ import annotations

import pytest

from models.entities import Section
from models.services import meetings, people, programme, report

pytestmark = pytest.mark.both_backends


def test_outline_mirrors_the_sample_tree(db, sample_id):
    with db.reading() as session:
        top = report.outline(session, sample_id)
    assert top[0].title == "Discours d'introduction"
    assert [b.speaker for b in top[0].blocks] == ["M. Sami Kanaan", "Mme Emilia Saiz"]
    part = top[1]
    assert part.blocks == [] and len(part.sections) == 2
    debate = part.sections[1].blocks[-1]
    assert debate.kind == "debate" and debate.question.startswith("Selon vous")
    assert all(s.parent_id == part.id for s in part.sections)


def test_outline_of_an_empty_meeting(db):
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Vide", "2024-01-01").id
    with db.reading() as session:
        assert report.outline(session, meeting_id) == []


def _meeting_with_programme(db) -> int:
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Avec programme", "2024-03-01").id
        programme.add_item(session, meeting_id, title="Accueil", kind="welcome")
        session_item = programme.add_item(session, meeting_id, title="Séance 1", debate=True)
        programme.add_item(session, meeting_id, parent_id=session_item.id, title="Sous-thème A")
        programme.add_item(session, meeting_id, title="Séance 2")
    return meeting_id


def test_delete_and_restore_sections_undo_a_programme_import(db):
    meeting_id = _meeting_with_programme(db)
    with db.transaction() as session:
        ids = [s.id for s in report.sections_from_programme(session, meeting_id)]
    assert len(ids) == 3  # Séance 1, its sub-topic, Séance 2; Accueil gets none
    with db.reading() as session:
        before = report.outline(session, meeting_id)
    with db.transaction() as session:
        gone = report.delete_sections(session, ids)
    assert len(gone) == 2  # the sub-topic went with its parent
    with db.reading() as session:
        assert report.outline(session, meeting_id) == []
    with db.transaction() as session:
        report.restore_sections(session, gone)
    with db.reading() as session:
        assert report.outline(session, meeting_id) == before
        assert session.get(Section, ids[1]).parent_id == ids[0]


def test_programme_choices_list_items_then_their_subtopics(db):
    meeting_id = _meeting_with_programme(db)
    with db.reading() as session:
        choices = report.programme_choices(session, meeting_id)
    assert [(c.title, c.subtopic) for c in choices] == [
        ("Accueil", False),
        ("Séance 1", False),
        ("Sous-thème A", True),
        ("Séance 2", False),
    ]


def test_speaker_choices_put_participants_first(db, sample_id):
    with db.transaction() as session:
        people.add_person(session, civility="M.", first_name="Aaron", last_name="Aaronson")
    with db.reading() as session:
        choices = report.speaker_choices(session, sample_id)
    participants = [c for c in choices if c.participant]
    assert choices[len(participants)].name == "M. Aaron Aaronson"  # the roster follows, by last name
    assert len(participants) == 43
    kanaan = next(c for c in choices if c.name == "M. Sami Kanaan")
    assert kanaan.detail == "Conseiller exécutif, Ville de Genève" and not kanaan.remote
    assert any(c.remote for c in participants)
