"""Every kind of undoable change, on a bare QUndoStack and a real SQLite file.

Each command is pushed, undone and redone: undo must leave the data exactly as
before the push (ids included), and redo exactly as after it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from models import interchange
from models.entities import (
    Attendance,
    Block,
    Decision,
    Meeting,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Section,
)
from models.services import attendance, meetings, programme
from models.services.templates import read_template_file
from ui import commands
from ui.meeting_commands import DeleteMeeting, DuplicateMeeting, NewMeeting, NewMeetingFrom
from ui.participants import commands as attendance_commands
from ui.report import commands as report_commands
from ui.template_setting import SetTemplate
from ui.year.roster_commands import MergePeople

TEMPLATE = Path(__file__).resolve().parent.parent / "resources" / "templates" / "compte-rendu.docx"
ROWS = (Meeting, ProgrammeItem, ProgrammePerson, Attendance, Person, Section, Block)


def state(db):
    """Every meeting as its canonical JSON, and the ids of every row of every table."""
    with db.reading() as session:
        dumps = [(m.id, interchange.dumps(m), m.style_template_name) for m in meetings.list_meetings(session)]
        ids = [sorted(session.scalars(select(cls.id))) for cls in ROWS]
    return dumps, ids


def first(db, cls, *where):
    with db.reading() as session:
        return session.scalars(select(cls.id).where(*where).order_by(cls.id)).first()


def done(*_args) -> None:
    """Views would reload here; none is under test."""


def walk(db, command) -> None:
    """Push, undo, redo: each step leaves the data as it was at that point of the history."""
    stack = QUndoStack()
    before = state(db)
    stack.push(command)
    assert command.error is None
    after = state(db)
    assert after != before
    stack.undo()
    assert command.error is None
    assert state(db) == before
    stack.redo()
    assert command.error is None
    assert state(db) == after
    stack.undo()
    assert state(db) == before


def programme_commands(db, meeting_id):
    item = first(db, ProgrammeItem, ProgrammeItem.meeting_id == meeting_id, ProgrammeItem.parent_id.is_(None))
    person = first(db, ProgrammePerson)
    return {
        "edit item": commands.Edit(db, "t", programme.update_item, item, {"title": "Autre titre"}, done),
        "add item": commands.Add(
            db,
            "t",
            lambda s: programme.add_item(s, meeting_id, title="Nouveau"),
            programme.delete_item,
            programme.restore_item,
            done,
        ),
        "delete item": commands.Delete(db, "t", programme.delete_item, programme.restore_item, item, done),
        "move item": commands.Move(db, "t", programme.move_item, item, 2, done),
        "delete speaker": commands.Delete(
            db, "t", programme.delete_programme_person, programme.restore_programme_person, person, done
        ),
    }


def report_commands_of(db, meeting_id):
    section = first(db, Section, Section.meeting_id == meeting_id, Section.parent_id.is_(None))
    block = first(db, Block)
    return {
        "add section": report_commands.AddSection(db, "t", meeting_id, None, 0, done, title="Nouvelle"),
        "add block": report_commands.AddBlock(db, "t", section, None, done, kind="paragraph"),
        "delete section": report_commands.DeleteSection(db, "t", section, done),
        "delete block": report_commands.DeleteBlock(db, "t", block, done),
        "move section": report_commands.MoveSection(db, "t", section, 0, done),
        "update section": report_commands.UpdateSection(db, "t", section, done, title="Titre changé"),
        "block text": report_commands.BlockText(db, "t", block, "Un **autre** texte", done),
    }


def participants_commands(db, meeting_id):
    row = first(db, Attendance, Attendance.meeting_id == meeting_id)
    with db.reading() as session:
        person_id = session.get(Attendance, row).person_id
    return {
        "mark": attendance_commands.Mark(db, "t", [row], done, status="excused"),
        "edit person": attendance_commands.EditPerson(db, "t", row, person_id, done, function="Présidente"),
        "add participant": attendance_commands.AddParticipant(
            db, "t", meeting_id, done, first_name="Ana", last_name="Nueva"
        ),
        "remove participants": attendance_commands.RemoveParticipants(db, "t", [row], done),
    }


def meeting_commands(db, meeting_id):
    return {
        "new meeting": NewMeeting(db, "t", "Réunion", dt.date(2030, 1, 2), meeting_id, done),
        "duplicate meeting": DuplicateMeeting(db, "t", meeting_id, done),
        "new meeting from": NewMeetingFrom(
            db, "t", meeting_id, dt.date(2024, 12, 10), done, shown_before=meeting_id, title="2024"
        ),
        "delete meeting": DeleteMeeting(db, "t", meeting_id, None, done),
        "set template": SetTemplate(db, "t", meeting_id, read_template_file(TEMPLATE), TEMPLATE.name),
    }


NAMES = [
    *(
        (programme_commands, n)
        for n in ("edit item", "add item", "delete item", "move item", "delete speaker")
    ),
    *((report_commands_of, n) for n in ("add section", "add block", "delete section", "delete block")),
    *((report_commands_of, n) for n in ("move section", "update section", "block text")),
    *((participants_commands, n) for n in ("mark", "edit person", "add participant", "remove participants")),
    *((meeting_commands, n) for n in ("new meeting", "duplicate meeting", "new meeting from")),
    *((meeting_commands, n) for n in ("delete meeting", "set template")),
]


@pytest.mark.parametrize(("factory", "name"), NAMES, ids=[name for _f, name in NAMES])
def test_do_undo_redo_leaves_the_data_as_it_was(qapp, db, sample_id, factory, name):
    walk(db, factory(db, sample_id)[name])


def test_merging_two_people_is_undone_whole(qapp, db, sample_id):
    with db.transaction() as session:
        keep = attendance.add_attendance(session, sample_id, first_name="Ana", last_name="García").person_id
        other = attendance.add_attendance(session, sample_id, first_name="Ana", last_name="Garcia").person_id
    walk(db, MergePeople(db, "t", keep, other, done))


def test_each_step_says_which_meeting_the_window_shows(qapp, db, sample_id):
    shown: list[int | None] = []
    stack = QUndoStack()
    creation = NewMeeting(db, "t", "Réunion", dt.date(2030, 1, 2), sample_id, shown.append)
    stack.push(creation)
    deletion = DeleteMeeting(db, "t", creation.meeting_id, sample_id, shown.append)
    stack.push(deletion)
    stack.undo()
    stack.undo()
    stack.redo()
    assert shown == [creation.meeting_id, sample_id, creation.meeting_id, sample_id, creation.meeting_id]


def test_a_refused_command_keeps_its_error_and_leaves_no_step(qapp, db, sample_id):
    stack = QUndoStack()
    command = commands.Edit(db, "t", programme.update_item, 10**6, {"title": "x"}, done)
    stack.push(command)
    assert command.error is not None
    assert stack.count() == 0


def test_a_deleted_meeting_comes_back_with_the_decisions_that_follow_its_own(qapp, db, sample_id):
    with db.transaction() as session:
        earlier = session.get(Meeting, sample_id)
        decided = Decision(meeting=earlier, position=0, number="1", text="Publier le compte-rendu")
        session.add(decided)
        session.flush()
        later = meetings.create_meeting(session, "Réunion 2024", dt.date(2024, 12, 10))
        follows = Decision(meeting=later, position=0, number="1", text="Suite", previous_id=decided.id)
        session.add(follows)
        session.flush()
        follows_id, decided_id = follows.id, decided.id
    walk(db, DeleteMeeting(db, "t", sample_id, None, done))
    with db.reading() as session:
        assert session.get(Decision, follows_id).previous_id == decided_id
