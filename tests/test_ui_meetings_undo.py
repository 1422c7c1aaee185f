"""Creating, duplicating and deleting a meeting in the window are undone by Ctrl+Z and redone by Ctrl+Y."""

from __future__ import annotations

import datetime as dt

from editor_helpers import answering, make_window
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from exporters.compte_rendu import export_meeting
from models import interchange
from models.services import meetings
from models.services.reading import meeting_record
from ui.year import files


def listed(db) -> list[int]:
    with db.reading() as session:
        return [m.id for m in meetings.list_meetings(session)]


def dumped(db, meeting_id) -> str:
    with db.reading() as session:
        return interchange.dumps(meetings.get_meeting(session, meeting_id))


def test_undoing_a_new_meeting_takes_it_out_and_shows_the_one_before(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.panel.new_action.trigger()
    new_id = window.meeting_id
    assert new_id != sample_id and new_id in listed(db)
    window.undo()
    assert listed(db) == [sample_id]
    assert window.meeting_id == sample_id
    assert window.panel.model.rowCount() == 1
    window.redo()
    assert new_id in listed(db)
    assert window.meeting_id == new_id


def test_edits_in_a_new_meeting_are_undone_before_the_meeting_itself(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.panel.new_action.trigger()
    new_id = window.meeting_id
    window.show_tab("general").store("venue", "Salle du Conseil")
    assert window.undo_stack.count() == 2
    window.undo()
    assert window.meeting_id == new_id
    window.undo()
    assert new_id not in listed(db)
    window.redo()
    window.redo()
    assert window.meeting_id == new_id
    with db.reading() as session:
        assert meetings.get_meeting(session, new_id).venue == "Salle du Conseil"


def test_undoing_a_duplicate_takes_the_copy_out(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.panel.duplicate_action.trigger()
    copy_id = window.meeting_id
    assert copy_id != sample_id
    copied = dumped(db, copy_id)
    window.undo()
    assert listed(db) == [sample_id]
    assert window.meeting_id == sample_id
    window.redo()
    assert window.meeting_id == copy_id
    assert dumped(db, copy_id) == copied


def test_undoing_a_deletion_brings_the_meeting_back_whole(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    before = dumped(db, sample_id)
    with answering("yes") as seen:
        window.panel.delete()
    assert len(seen) == 1
    assert listed(db) == []
    assert window.meeting_id is None
    window.undo()
    assert listed(db) == [sample_id]
    assert dumped(db, sample_id) == before
    assert window.meeting_id == sample_id
    assert window.panel.current_id() == sample_id
    window.redo()
    assert listed(db) == []
    assert window.meeting_id is None


def test_undoing_new_meeting_from_takes_it_out(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.year.new_from_action.trigger()
    dialog = window.year.new_from_dialog
    dialog.date.setDate(QDate(2024, 12, 10))
    with answering("no"):  # not now, the comparison
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    new_id = window.meeting_id
    assert new_id != sample_id
    with db.reading() as session:
        assert meetings.get_meeting(session, new_id).date == dt.date(2024, 12, 10)
    window.undo()
    assert listed(db) == [sample_id]
    assert window.meeting_id == sample_id
    window.redo()
    assert window.meeting_id == new_id


def test_choosing_another_meeting_in_the_list_still_clears_the_history(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.panel.new_action.trigger()
    assert window.undo_stack.count() == 1
    window.panel.select(sample_id)
    assert window.undo_stack.count() == 0


def test_undoing_a_word_import_takes_the_meeting_out(qtbot, db, sample_id, tmp_path):
    source = tmp_path / "cr-2023.docx"
    with db.reading() as session:
        source.write_bytes(export_meeting(meeting_record(session, sample_id)))
    window = make_window(qtbot, db, tmp_path, sample_id)
    with files.choosing(source):
        window.word_import.start()
    with answering("yes") as seen:  # the 2023 meeting is on that date already: import anyway
        window.word_import.dialog.import_button.click()
    assert len(seen) == 1 and "already a meeting" in seen[0]
    new_id = window.meeting_id
    assert new_id != sample_id and new_id in listed(db)
    imported = dumped(db, new_id)
    window.undo()
    assert listed(db) == [sample_id]
    assert window.meeting_id == sample_id
    window.redo()
    assert window.meeting_id == new_id
    assert dumped(db, new_id) == imported
