"""The Programme tab: a tree over the services, every change undoable."""

from __future__ import annotations

import datetime as dt

import pytest
from editor_helpers import answering, make_window
from PySide6.QtCore import QModelIndex, Qt

from models.services import meetings
from ui.programme.model import DEBATE, FORMAT, KIND, PROBLEM_COLOUR, TIME, TITLE
from ui.programme.people_model import FUNCTION, NAME, REMOTE
from ui.programme.roster import Pick


@pytest.fixture
def window(qtbot, db, sample_id, tmp_path):
    return make_window(qtbot, db, tmp_path, sample_id)


@pytest.fixture
def tab(window):
    return window.show_tab("programme")


def titles(db, meeting_id):
    with db.reading() as session:
        return [i.title for i in meetings.get_meeting(session, meeting_id).programme]


def subtopics(db, meeting_id, row):
    with db.reading() as session:
        return [i.title for i in meetings.get_meeting(session, meeting_id).programme[row].subtopics]


def item(db, meeting_id, row):
    with db.reading() as session:
        found = meetings.get_meeting(session, meeting_id).programme[row]
        return {
            "start": found.start_time,
            "end": found.end_time,
            "kind": found.kind,
            "format": found.format,
            "debate": found.debate,
            "people": [(p.role, p.name, p.function, p.remote, p.person_id) for p in found.people],
        }


def test_models_pass_the_model_tester(qtmodeltester, tab, db, sample_id):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.people.model)
    tab.select(tab.model.index(6, 0))
    tab.add_subtopic()
    tab.move(-1)
    tab.delete()
    qtmodeltester.check(tab.model)


def test_shows_the_programme_as_a_tree(tab, db, sample_id):
    model = tab.model
    assert model.rowCount() == len(titles(db, sample_id)) == 9
    solutions = model.index(6, 0)
    assert model.rowCount(solutions) == 3
    assert model.index(0, TIME).data() == "09:30–10:00"
    assert model.index(6, TITLE).data().startswith("Solutions au déplacement interne")
    assert model.index(2, DEBATE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, KIND, solutions).parent() == solutions


def test_add_items_and_subtopics_undo_redo(window, tab, db, sample_id):
    before = titles(db, sample_id)
    tab.select(tab.model.index(1, 0))
    tab.add_item_action.trigger()
    after = titles(db, sample_id)
    assert len(after) == len(before) + 1 and after[2] in ("New item", "Nouveau point")
    assert item(db, sample_id, 2)["start"] == dt.time(10, 30)  # starts when the one before ends
    assert tab.current().row() == 2
    window.undo()
    assert titles(db, sample_id) == before
    window.redo()
    assert titles(db, sample_id) == after

    tab.select(tab.model.index(6 + 1, 0))
    tab.add_subtopic_action.trigger()
    assert len(subtopics(db, sample_id, 7)) == 4
    assert tab.current().parent().row() == 7
    window.undo()
    assert len(subtopics(db, sample_id, 7)) == 3
    window.redo()
    assert len(subtopics(db, sample_id, 7)) == 4


def test_reorder_with_alt_down_and_alt_up(qtbot, window, tab, db, sample_id):
    before = titles(db, sample_id)
    tab.tree.setFocus()
    tab.select(tab.model.index(0, 0))
    qtbot.keyClick(tab.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(db, sample_id) == [before[1], before[0], *before[2:]]
    assert tab.current().row() == 1
    qtbot.keyClick(tab.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(db, sample_id)[2] == before[0]
    qtbot.keyClick(tab.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(db, sample_id)[1] == before[0]
    window.undo()
    window.undo()
    assert titles(db, sample_id)[1] == before[0]
    window.undo()
    assert titles(db, sample_id) == before
    window.redo()
    assert titles(db, sample_id)[1] == before[0]


def test_reorder_by_model_move_and_by_drop(window, tab, db, sample_id):
    model = tab.model
    before = titles(db, sample_id)
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert titles(db, sample_id) == [before[1], before[2], before[0], *before[3:]]
    window.undo()
    assert titles(db, sample_id) == before
    # A drop between rows: the dragged item goes before row 5.
    data = model.mimeData([model.index(1, 0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 5, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 5, 0, QModelIndex())
    assert titles(db, sample_id)[4] == before[1]
    # Sub-topics reorder among themselves, and cannot leave their item.
    solutions = model.index(6, 0)
    sub = subtopics(db, sample_id, 6)
    data = model.mimeData([model.index(2, 0, solutions)])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, solutions)
    assert subtopics(db, sample_id, 6) == [sub[2], sub[0], sub[1]]
    window.undo()
    assert subtopics(db, sample_id, 6) == sub


def test_delete_item_and_subtopic_then_undo(window, tab, db, sample_id):
    before = titles(db, sample_id)
    people = item(db, sample_id, 6)["people"]
    sub = subtopics(db, sample_id, 6)
    tab.tree.setFocus()
    tab.select(tab.model.index(0, 0, tab.model.index(6, 0)))
    tab.delete_action.trigger()
    assert subtopics(db, sample_id, 6) == sub[1:]
    tab.select(tab.model.index(6, 0))
    tab.delete_action.trigger()
    assert titles(db, sample_id) == before[:6] + before[7:]
    window.undo()
    assert titles(db, sample_id) == before
    assert item(db, sample_id, 6)["people"] == people
    assert subtopics(db, sample_id, 6) == sub[1:]
    window.undo()
    assert subtopics(db, sample_id, 6) == sub
    window.redo()
    window.redo()
    assert titles(db, sample_id) == before[:6] + before[7:]


def test_edit_times_kind_format_debate_with_undo(window, tab, db, sample_id):
    model = tab.model
    original = item(db, sample_id, 1)
    edits = [
        (TIME, "10h05 - 10h40", Qt.ItemDataRole.EditRole, "start", dt.time(10, 5)),
        (KIND, "debate", Qt.ItemDataRole.EditRole, "kind", "debate"),
        (FORMAT, "Atelier", Qt.ItemDataRole.EditRole, "format", "Atelier"),
        (DEBATE, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole, "debate", True),
    ]
    for column, value, role, field, stored in edits:
        assert model.setData(model.index(1, column), value, role)
        assert item(db, sample_id, 1)[field] == stored
        window.undo()
        assert item(db, sample_id, 1)[field] == original[field]
        window.redo()
        assert item(db, sample_id, 1)[field] == stored
    assert item(db, sample_id, 1)["end"] == dt.time(10, 40)
    with answering() as seen:
        assert not model.setData(model.index(1, TIME), "half past ten")
    # Said beside the table, not in a box, and nothing stored.
    assert seen == []
    assert tab.refusal.isVisibleTo(tab) and "half past ten" in tab.refusal.text()
    assert item(db, sample_id, 1)["end"] == dt.time(10, 40)


def test_time_problems_are_flagged_not_refused(window, tab, db, sample_id):
    model = tab.model
    assert not tab.problems.isVisibleTo(tab)
    assert model.setData(model.index(3, TIME), "12:00-11:50")  # the coffee break ends before it starts
    assert item(db, sample_id, 3)["end"] == dt.time(11, 50)
    flagged = model.index(3, TIME)
    assert flagged.data(Qt.ItemDataRole.ForegroundRole).color() == PROBLEM_COLOUR
    assert flagged.data(Qt.ItemDataRole.ToolTipRole)
    assert model.setData(model.index(4, TIME), "11:30-13:15")  # now overlaps the item before
    assert model.index(4, TIME).data(Qt.ItemDataRole.ToolTipRole)
    assert tab.problems.isVisibleTo(tab) and "2" in tab.problems.text()
    window.undo()
    window.undo()
    assert model.index(3, TIME).data(Qt.ItemDataRole.ForegroundRole) is None
    assert not tab.problems.isVisibleTo(tab)


def test_speakers_added_edited_moved_removed_with_undo(window, tab, db, sample_id):
    tab.select(tab.model.index(2, 0))
    panel = tab.people
    people = panel.model
    original = item(db, sample_id, 2)["people"]
    assert people.rowCount() == 4

    # A typed name joins the roster.
    panel.name_edit.setText("Mme Ada Nouvelle")
    panel.function_edit.setText("Maire")
    panel.add_speaker_button.click()
    added = item(db, sample_id, 2)["people"][-1]
    assert added[:4] == ("speaker", "Mme Ada Nouvelle", "Maire", False) and added[4] is not None
    assert people.rowCount() == 5
    window.undo()
    assert item(db, sample_id, 2)["people"] == original
    window.redo()
    assert item(db, sample_id, 2)["people"][-1] == added

    # A name chosen from the roster links the person.
    kanaan = item(db, sample_id, 1)["people"][0]
    pick = Pick(kanaan[4], "M. Sami Kanaan", kanaan[2])
    assert people.add("moderator", "M. Sami Kanaan", pick) == 5
    row = item(db, sample_id, 2)["people"][5]
    assert row[0] == "moderator" and row[4] == kanaan[4] and row[2] == kanaan[2]

    assert people.setData(people.index(1, FUNCTION), "Coordinatrice")
    assert item(db, sample_id, 2)["people"][1][2] == "Coordinatrice"
    assert people.setData(
        people.index(2, REMOTE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert item(db, sample_id, 2)["people"][2][3] is True
    assert people.setData(people.index(3, NAME), "M. A. Osadci")
    window.undo()
    window.undo()
    window.undo()
    assert item(db, sample_id, 2)["people"][1:4] == original[1:4]

    panel.table.setCurrentIndex(people.index(1, 0))
    panel.move(1)
    assert [p[1] for p in item(db, sample_id, 2)["people"]][1:3] == [original[2][1], original[1][1]]
    panel.remove()
    assert len(item(db, sample_id, 2)["people"]) == 5
    window.undo()
    window.undo()
    assert item(db, sample_id, 2)["people"][:4] == original


@pytest.mark.qt_log_ignore("This plugin does not support")  # the popup, offscreen
def test_roster_completer_offers_people(qtbot, tab, db, sample_id):
    tab.select(tab.model.index(2, 0))
    panel = tab.people
    panel.name_edit.setFocus()
    qtbot.keyClicks(panel.name_edit, "kana")
    offered = panel.completer.model()
    assert offered.rowCount() >= 1
    assert "Kanaan" in offered.index(0, 0).data()
