"""The Decisions tab, driven from the keyboard on a real database file holding the committee sample."""

from __future__ import annotations

import datetime as dt

import pytest
from editor_helpers import answering, make_window, show_tab
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit

from models.entities import Decision, Meeting
from models.services import decisions, rollover
from ui.decisions.model import COLUMNS, STILL_OPEN
from ui.decisions.tab import DecisionsTab

NUMBER, TEXT, OWNER, DUE, STATUS = (COLUMNS.index(n) for n in ("number", "text", "owner", "due", "status"))


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def tab(qtbot, db, committee_id, stack):
    return show_tab(qtbot, DecisionsTab(db, stack), committee_id, height=700)


def numbers(tab):
    return [tab.proxy.index(r, NUMBER).data() for r in range(tab.proxy.rowCount())]


def stored(db, meeting_id):
    with db.reading() as session:
        return {d.number: (d.text, d.due, d.status) for d in decisions.list_decisions(session, meeting_id)}


def go_to(tab, row, column):
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    tab.table.selectionModel().setCurrentIndex(tab.proxy.index(row, column), flags)
    tab.table.setFocus()


def test_the_models_pass_the_model_tester(tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    go_to(tab, 1, 0)
    qtmodeltester.check(tab.history)


def test_the_register_is_shown_in_order(tab):
    assert numbers(tab) == [f"2025-0{n}" for n in range(1, 7)]
    assert tab.proxy.index(2, OWNER).data() == "Cités Unies France"
    assert tab.proxy.index(1, DUE).data() == "2025-06-30"
    assert tab.proxy.index(5, STATUS).data() == "Dropped"


def test_add_by_keyboard_type_its_text_then_undo_and_redo(qtbot, tab, db, committee_id, stack):
    go_to(tab, 0, 0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert numbers(tab)[-1] == "2025-07"  # after the year's highest
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)  # the new decision's text is open for typing
    qtbot.keyClicks(editor, "Publish the minutes")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stack.count() == 2)  # the delegate commits on the next event loop turn
    assert stored(db, committee_id)["2025-07"] == ("Publish the minutes", None, "open")

    stack.undo()
    assert stored(db, committee_id)["2025-07"][0] == ""
    stack.undo()
    assert "2025-07" not in stored(db, committee_id)
    assert numbers(tab)[-1] == "2025-06"
    stack.redo()
    stack.redo()
    assert stored(db, committee_id)["2025-07"][0] == "Publish the minutes"
    assert numbers(tab)[-1] == "2025-07"


def test_a_text_over_several_lines_keeps_its_lines(qtbot, tab, db, committee_id, stack):
    go_to(tab, 0, TEXT)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Approved:")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "- with one change")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stack.count() == 1)
    assert stored(db, committee_id)["2025-01"][0] == "Approved:\n- with one change"
    assert tab.proxy.index(0, TEXT).data() == "Approved: - with one change"  # one line in the table


def test_insert_also_adds(qtbot, tab, db, committee_id):
    go_to(tab, 0, 0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Insert)
    assert "2025-07" in stored(db, committee_id)


def test_edit_the_due_date_in_place_by_typing(qtbot, tab, db, committee_id, stack):
    go_to(tab, 2, DUE)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "2025-10-15")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stack.count() == 1)
    assert stored(db, committee_id)["2025-03"][1] == dt.date(2025, 10, 15)
    assert tab.proxy.index(2, DUE).data() == "2025-10-15"
    stack.undo()
    assert stored(db, committee_id)["2025-03"][1] == dt.date(2025, 9, 30)


def test_a_wrong_date_is_refused_and_said(tab, db, committee_id, stack):
    assert not tab.proxy.setData(tab.proxy.index(2, DUE), "demain")
    assert "not a date" in tab.message.text()
    assert stored(db, committee_id)["2025-03"][1] == dt.date(2025, 9, 30)
    assert stack.count() == 0


def test_an_owner_typed_out_is_an_organisation_unless_it_names_a_participant(tab, db, stack):
    decision_id = tab.model.rows[0].id
    assert tab.proxy.setData(tab.proxy.index(0, OWNER), "Ville de Lyon")
    with db.reading() as session:
        row = session.get(Decision, decision_id)
        assert (row.owner_attendance_id, row.owner_text) == (None, "Ville de Lyon")
    assert tab.proxy.setData(tab.proxy.index(0, OWNER), "mme hélène marchetti")
    with db.reading() as session:
        row = session.get(Decision, decision_id)
        assert row.owner_attendance_id is not None and row.owner_text == ""
        assert row.owner_name == "Mme Hélène Marchetti"
    stack.undo()
    stack.undo()
    assert tab.proxy.index(0, OWNER).data() == "Mme Lucie Moreau"


def test_delete_by_keyboard_and_undo_puts_it_back_with_its_id(qtbot, tab, db, committee_id, stack):
    go_to(tab, 1, 0)
    gone_id = tab.current_id()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "2025-02" not in stored(db, committee_id)
    assert numbers(tab) == ["2025-01", "2025-03", "2025-04", "2025-05", "2025-06"]
    stack.undo()
    assert numbers(tab)[1] == "2025-02"
    assert tab.model.rows[1].id == gone_id


def test_filter_by_status_and_by_owner(tab):
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(STILL_OPEN))
    assert numbers(tab) == ["2025-02", "2025-03", "2025-04", "2025-05"]
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("done"))
    assert numbers(tab) == ["2025-01"]
    tab.status_filter.setCurrentIndex(0)
    tab.owner_filter.setCurrentIndex(tab.owner_filter.findData("Mme Hélène Marchetti"))
    assert numbers(tab) == ["2025-04", "2025-05"]
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("dropped"))
    assert numbers(tab) == []


def test_a_change_of_status_under_a_filter_hides_the_row(tab):
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(STILL_OPEN))
    assert tab.proxy.setData(tab.proxy.index(0, STATUS), "done")
    assert numbers(tab) == ["2025-03", "2025-04", "2025-05"]


def test_the_history_follows_a_decision_across_meetings(tab, db, committee_id):
    with db.transaction() as session:
        next_id = rollover.new_meeting_from(session, committee_id, "2026-03-17").id
    go_to(tab, 1, 0)
    assert tab.history.rowCount() == 2
    assert [tab.history.index(r, 0).data() for r in range(2)] == ["18/03/2025", "17/03/2026"]
    assert "2025-02" in tab.history_title.text()
    tab.set_meeting(next_id)
    carried = numbers(tab)
    assert carried == ["2025-02", "2025-03", "2025-04", "2025-05"]
    go_to(tab, 0, 0)
    assert [tab.history.index(r, 2).data() for r in range(2)] == ["2025-02", "2025-02"]
    # A decision of a single meeting has a history of one line.
    tab.set_meeting(committee_id)
    go_to(tab, 0, 0)
    assert tab.history.rowCount() == 1


def test_the_window_has_a_decisions_tab_on_ctrl_5(qtbot, db, committee_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, committee_id)
    view = next(a for a in window.menuBar().actions() if a.text() in ("&View", "&Affichage")).menu()
    fifth = next(a for a in view.actions() if a.shortcut().toString() == "Ctrl+5")
    fifth.trigger()
    tab = window.tabs.currentWidget().tab
    assert isinstance(tab, DecisionsTab)
    assert tab.model.rowCount() == 6


# ---------------------------------------------------------------- from the window


def test_a_search_hit_on_a_decision_opens_the_tab_on_that_decision(
    qtbot, db, sample_id, committee_id, tmp_path
):
    window = make_window(qtbot, db, tmp_path, committee_id)
    tab = window.show_tab("decisions")
    done = tab.status_filter.findData("done")
    assert done > 0
    tab.status_filter.setCurrentIndex(done)  # hides the decision searched for
    window.show_tab("general")
    panel = window.year.search_dock.panel
    panel.field.setText("formation des equipes municipales")
    panel.run()
    committee = next(
        group
        for group in (panel.model.index(r, 0) for r in range(panel.model.rowCount()))
        if "2025" in group.data()
    )
    hit_index = next(
        panel.model.index(r, 0, committee)
        for r in range(panel.model.rowCount(committee))
        if panel.model.hit(panel.model.index(r, 0, committee))[1].kind == "decision"
    )
    _group, hit = panel.model.hit(hit_index)
    assert hit_index.siblingAtColumn(1).data() == "Decisions · text"
    with db.reading() as session:
        assert session.get(Decision, hit.object_id).number == "2025-03"
    assert tab.current_id() != hit.object_id

    panel.activate(hit_index)
    assert window.tabs.currentWidget() is window.slot("decisions")
    assert tab.current_id() == hit.object_id
    assert tab.status_filter.currentIndex() == 0  # the filter that hid it is cleared


def test_next_year_from_the_editor_carries_the_open_decisions_and_undo_takes_it_out(
    qtbot, db, committee_id, tmp_path
):
    window = make_window(qtbot, db, tmp_path, committee_id)
    window.year.new_from_action.trigger()
    dialog = window.year.new_from_dialog
    assert dialog.source_id() == committee_id and dialog.new_date() == dt.date(2026, 3, 18)
    with answering("no"):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    new_id = window.meeting_id
    assert new_id != committee_id

    tab = window.show_tab("decisions")
    assert numbers(tab) == [
        "2025-02",
        "2025-03",
        "2025-04",
        "2025-05",
    ]  # not the done one nor the dropped one
    with db.reading() as session:
        carried = decisions.list_decisions(session, new_id)
        assert all(d.previous_id is not None for d in carried)

    window.undo()
    with db.reading() as session:
        assert session.get(Meeting, new_id) is None
        assert [d.number for d in decisions.list_decisions(session, committee_id)] == [
            "2025-01",
            "2025-02",
            "2025-03",
            "2025-04",
            "2025-05",
            "2025-06",
        ]
    assert window.meeting_id == committee_id
