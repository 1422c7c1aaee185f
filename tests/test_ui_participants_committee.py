"""The Participants tab on a committee: roles, proxies, arrivals, the role filter and the live quorum."""

from __future__ import annotations

import datetime as dt

import pytest
from editor_helpers import show_tab
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox

from models.entities import Attendance
from models.services import committee
from ui.participants.tab import ParticipantsTab, time_now
from ui.participants.table_model import COLUMNS, PROXY_COLUMN, ROLE_COLUMN, STATUS_COLUMN

LAST = COLUMNS.index("last_name")
ARRIVAL = COLUMNS.index("arrival")
ROWS = QItemSelectionModel.SelectionFlag.Rows


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def tab(qtbot, db, committee_id, stack):
    return show_tab(qtbot, ParticipantsTab(db, stack), committee_id, height=600)


def proxy_row_of(tab, last_name):
    return next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, LAST).data() == last_name)


def row_id(tab, proxy_row):
    return tab.model.rows[tab.proxy.mapToSource(tab.proxy.index(proxy_row, 0)).row()].id


def stored(db, attendance_id, *names):
    with db.reading() as session:
        row = session.get(Attendance, attendance_id)
        return tuple(getattr(row, name) for name in names)


def select(tab, proxy_row):
    selection = tab.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | ROWS
    selection.setCurrentIndex(tab.proxy.index(proxy_row, 0), flags)
    tab.table.setFocus()


def test_the_models_pass_the_model_tester_with_the_committee_columns(tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)


def test_roles_proxies_and_arrivals_are_shown(tab):
    chair = proxy_row_of(tab, "Favre")
    assert tab.proxy.index(chair, ROLE_COLUMN).data() == "Chair"
    lanza = proxy_row_of(tab, "Lanza")
    assert tab.proxy.index(lanza, PROXY_COLUMN).data() == "Mme Lucie Moreau"
    assert tab.proxy.index(proxy_row_of(tab, "Benali"), ARRIVAL).data() == "10h30"


def test_edit_a_role_in_its_combo_then_undo_and_redo(qtbot, tab, db, stack):
    row = proxy_row_of(tab, "Benali")
    target = row_id(tab, row)
    index = tab.proxy.index(row, ROLE_COLUMN)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    editor = tab.table.findChild(QComboBox)
    assert editor is not None and editor.itemData(editor.currentIndex()) == "member"
    editor.setCurrentIndex(editor.findData("guest"))
    editor.activated.emit(editor.currentIndex())

    assert stored(db, target, "role") == ("guest",)
    assert tab.proxy.index(row, ROLE_COLUMN).data() == "Guest"
    assert stack.count() == 1
    stack.undo()
    assert stored(db, target, "role") == ("member",)
    assert tab.proxy.index(row, ROLE_COLUMN).data() == "Member"
    stack.redo()
    assert stored(db, target, "role") == ("guest",)


def test_a_proxy_is_chosen_among_the_other_participants(tab, db, stack):
    row = proxy_row_of(tab, "Lanza")
    target = row_id(tab, row)
    choices = tab.model.proxy_choices(target)
    assert target not in choices and choices[0] == "(nobody)"
    favre = row_id(tab, proxy_row_of(tab, "Favre"))
    assert tab.proxy.setData(tab.proxy.index(row, PROXY_COLUMN), favre)
    assert stored(db, target, "represented_by_id") == (favre,)
    assert tab.proxy.index(row, PROXY_COLUMN).data() == tab.model.name_of(favre)
    assert tab.proxy.setData(tab.proxy.index(row, PROXY_COLUMN), 0)
    assert stored(db, target, "represented_by_id") == (None,)
    stack.undo()
    stack.undo()
    assert tab.proxy.index(row, PROXY_COLUMN).data() == "Mme Lucie Moreau"


def test_the_role_filter_keeps_one_role(tab):
    tab.role_filter.setCurrentIndex(tab.role_filter.findData("guest"))
    shown = sorted(tab.proxy.index(r, LAST).data() for r in range(tab.proxy.rowCount()))
    assert shown == ["Kowalska", "Okafor"]
    tab.role_filter.setCurrentIndex(tab.role_filter.findData("member"))
    assert tab.proxy.rowCount() == 9
    tab.role_filter.setCurrentIndex(0)
    assert tab.proxy.rowCount() == 15


def test_the_quorum_line_follows_a_late_arrival_and_its_undo(qtbot, tab, db, stack):
    assert tab.quorum_label.isVisible()
    assert "<b>9</b> members present or represented out of 12, 7 required" in tab.quorum_label.text()
    # An excused member without a proxy arrives after all: key L on their row.
    row = proxy_row_of(tab, "de Vries")
    target = row_id(tab, row)
    assert stored(db, target, "status") == ("excused",)
    select(tab, row)
    before = time_now("fr")
    qtbot.keyClick(tab.table, Qt.Key.Key_L)
    status, arrival = stored(db, target, "status", "arrival")
    assert status == "present"
    assert arrival in (before, time_now("fr"))  # the minute may turn meanwhile
    assert "<b>10</b> members present" in tab.quorum_label.text()
    assert stack.count() == 1
    stack.undo()
    assert stored(db, target, "status", "arrival") == ("excused", "")
    assert "<b>9</b> members present" in tab.quorum_label.text()


def test_a_departure_is_written_without_changing_the_status(qtbot, tab, db, stack):
    row = proxy_row_of(tab, "Favre")
    target = row_id(tab, row)
    select(tab, row)
    qtbot.keyClick(tab.table, Qt.Key.Key_O)
    status, departure = stored(db, target, "status", "departure")
    assert status == "present" and departure
    assert tab.proxy.index(row, STATUS_COLUMN).data() == "Present"
    stack.undo()
    assert stored(db, target, "departure") == ("",)


def test_an_arrival_typed_in_its_cell_is_stored_as_typed(tab, db, stack):
    row = proxy_row_of(tab, "Favre")
    target = row_id(tab, row)
    assert tab.proxy.setData(tab.proxy.index(row, ARRIVAL), " à partir du point 2 ")
    assert stored(db, target, "arrival") == ("à partir du point 2",)
    stack.undo()
    assert stored(db, target, "arrival") == ("",)


def test_the_time_is_written_as_the_document_language_writes_it():
    moment = dt.datetime(2025, 3, 18, 9, 5)
    assert time_now("fr", moment) == "9h05"
    assert time_now("en", moment) == "9:05"


def test_no_quorum_line_without_a_rule_and_it_comes_when_the_rule_is_set(tab, db, committee_id):
    with db.transaction() as session:
        committee.set_settings(session, committee_id, quorum="none")
    tab.set_meeting(committee_id)
    assert not tab.quorum_label.isVisible()
    with db.transaction() as session:
        committee.set_settings(session, committee_id, quorum=10)
    tab.set_meeting(committee_id)
    assert tab.quorum_label.isVisible()
    assert "at least 10" in tab.quorum_label.text() and "not reached" in tab.quorum_label.text()
