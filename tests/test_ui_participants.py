"""The Participants tab, driven through its real widgets on a real database file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit

from models.entities import ATTENDANCE_STATUSES, Attendance, Person
from models.services import attendance, meetings, people
from ui.participants.folding import fold
from ui.participants.tab import ParticipantsTab
from ui.participants.table_model import COLUMNS, STATUS_COLUMN

LAST = COLUMNS.index("last_name")
ROWS = QItemSelectionModel.SelectionFlag.Rows


@pytest.fixture
def stack():
    return QUndoStack()


@pytest.fixture
def tab(qtbot, db, sample_id, stack):
    widget = ParticipantsTab(db, stack)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    show(qtbot, widget)
    widget.set_meeting(sample_id)
    return widget


def show(qtbot, widget):
    # Marking keys are shortcuts of the table: they need a focused table in an active window.
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def stored(db, attendance_id):
    with db.reading() as session:
        row = session.get(Attendance, attendance_id)
        return None if row is None else (row.status, row.mode)


def select_rows(tab, *proxy_rows):
    selection = tab.table.selectionModel()
    selection.clearSelection()
    for row in proxy_rows:
        selection.select(tab.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select | ROWS)
    selection.setCurrentIndex(tab.proxy.index(proxy_rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    tab.table.setFocus()


def row_id(tab, proxy_row):
    return tab.model.rows[tab.proxy.mapToSource(tab.proxy.index(proxy_row, 0)).row()].id


def test_models_pass_the_model_tester(tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)


def test_opens_the_sample_in_list_order(tab, db, sample_id):
    with db.reading() as session:
        expected = [a.person.last_name for a in attendance.list_attendance(session, sample_id)]
    assert [tab.proxy.index(r, LAST).data() for r in range(tab.proxy.rowCount())] == expected
    assert tab.proxy.index(0, STATUS_COLUMN).data() == "Present"
    assert "Participants: <b>43</b>" in tab.counts_label.text()


def test_keys_mark_the_selected_person_and_undo_restores(qtbot, tab, db, stack):
    select_rows(tab, 3)
    target = row_id(tab, 3)
    qtbot.keyClick(tab.table, Qt.Key.Key_E)
    assert stored(db, target) == ("excused", "in_person")
    assert "Excused: 1" in tab.counts_label.text()
    assert tab.proxy.index(3, STATUS_COLUMN).data() == "Excused"

    qtbot.keyClick(tab.table, Qt.Key.Key_D)
    assert stored(db, target) == ("present", "remote")
    qtbot.keyClick(tab.table, Qt.Key.Key_A)
    assert stored(db, target) == ("absent", "remote")
    qtbot.keyClick(tab.table, Qt.Key.Key_P)
    assert stored(db, target) == ("present", "in_person")
    assert stack.count() == 4

    stack.undo()
    assert stored(db, target) == ("absent", "remote")
    assert tab.proxy.index(3, STATUS_COLUMN).data() == "Absent"
    stack.redo()
    assert stored(db, target) == ("present", "in_person")


def test_letters_in_the_filter_type_instead_of_marking(qtbot, tab, db, stack):
    tab.filter_edit.setFocus()
    qtbot.keyClicks(tab.filter_edit, "pae")
    assert tab.filter_edit.text() == "pae"
    assert stack.count() == 0


def test_bulk_marking_is_one_undo_step(qtbot, tab, db, stack):
    select_rows(tab, 0, 1, 2, 5, 8)
    ids = [row_id(tab, r) for r in (0, 1, 2, 5, 8)]
    stored_signals = []
    tab.stored.connect(lambda: stored_signals.append(1))
    before = {i: stored(db, i) for i in ids}

    qtbot.mouseClick(tab.mark_buttons["excused"], Qt.MouseButton.LeftButton)

    assert all(stored(db, i) == ("excused", before[i][1]) for i in ids)
    assert stack.count() == 1
    assert stored_signals == [1]
    assert "Excused: 5" in tab.counts_label.text()
    stack.undo()
    assert {i: stored(db, i) for i in ids} == before
    assert "Excused: 0" in tab.counts_label.text()


def test_filter_narrows_ignoring_case_and_accents(qtbot, tab):
    qtbot.keyClicks(tab.filter_edit, "KANAAN")
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, LAST).data() == "Kanaan"
    assert "Shown: <b>1</b>" in tab.counts_label.text()
    tab.filter_edit.clear()
    qtbot.keyClicks(tab.filter_edit, "sarahmetoglu oznur")
    assert [tab.proxy.index(r, LAST).data() for r in range(tab.proxy.rowCount())] == ["Sarahmetoğlu"]
    tab.filter_edit.clear()
    qtbot.keyClicks(tab.filter_edit, "cglu")  # organisations too
    assert tab.proxy.rowCount() > 3
    tab.filter_edit.clear()
    assert tab.proxy.rowCount() == 43


def test_enter_in_the_filter_goes_to_the_table_to_mark(qtbot, tab, db):
    qtbot.keyClicks(tab.filter_edit, "kanaan")
    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Return)
    assert tab.table.hasFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_E)
    assert stored(db, row_id(tab, 0)) == ("excused", "in_person")
    qtbot.keyClick(tab.table, Qt.Key.Key_Escape)
    assert tab.filter_edit.hasFocus()


def test_add_a_newcomer_then_undo_and_redo(qtbot, tab, db, sample_id, stack):
    tab.add_action.trigger()
    dialog = tab.add_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.civility.setEditText("Mme")
    dialog.fields["first_name"].setText("Awa")
    dialog.fields["last_name"].setText("Ndiaye")
    dialog.fields["organisation"].setText("Ville de Dakar")
    dialog.status.setCurrentIndex(dialog.status.findData("present"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    assert tab.model.rowCount() == 44
    new_id = row_id(tab, tab.table.currentIndex().row())
    assert stored(db, new_id) == ("present", "in_person")
    with db.reading() as session:
        person = session.get(Attendance, new_id).person
        assert (person.civility, person.full_name) == ("Mme", "Awa Ndiaye")
        person_id = person.id

    stack.undo()
    assert tab.model.rowCount() == 43
    assert stored(db, new_id) is None
    with db.reading() as session:
        assert session.get(Person, person_id) is None  # the newcomer leaves the roster too
    stack.redo()
    assert tab.model.rowCount() == 44
    assert stored(db, new_id) == ("present", "in_person")  # same id: later commands still apply


def test_add_someone_from_the_roster(qtbot, tab, db):
    with db.transaction() as session:
        person_id = people.add_person(session, first_name="Jan", last_name="Novak", organisation="Praha").id
    tab.open_add_dialog()
    dialog = tab.add_dialog
    dialog.choose("Jan Novak — Praha")
    assert not dialog.fields["last_name"].isEnabled()  # the roster record is edited in the table
    assert dialog.status.currentData() == "present"  # the 2023 meeting is past: newcomers were there
    dialog.accept()
    with db.reading() as session:
        ids = [a.person_id for a in session.query(Attendance).filter_by(meeting_id=tab.model.meeting_id)]
    assert person_id in ids
    assert tab.model.rowCount() == 44


def test_edit_a_cell_inline_updates_the_shared_person(qtbot, tab, db, stack):
    index = tab.proxy.index(0, LAST)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Kanaan-Dupont")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stack.count() == 1)  # the delegate commits on the next event loop turn

    person_id = tab.model.rows[0].person_id
    with db.reading() as session:
        assert session.get(Person, person_id).last_name == "Kanaan-Dupont"
    assert tab.proxy.index(0, LAST).data() == "Kanaan-Dupont"
    stack.undo()
    with db.reading() as session:
        assert session.get(Person, person_id).last_name == "Kanaan"
    assert tab.proxy.index(0, LAST).data() == "Kanaan"


def test_status_cell_editor_marks(tab, db, stack):
    index = tab.proxy.index(2, STATUS_COLUMN)
    assert tab.proxy.setData(index, "absent")
    assert stored(db, row_id(tab, 2))[0] == "absent"
    assert stack.count() == 1


def test_a_person_cannot_lose_every_name(tab, db, stack):
    row = tab.model.rows[1]  # Elena Bianchi, Ville de Genève
    assert tab.model.setData(tab.model.index(1, COLUMNS.index("first_name")), "")
    assert tab.model.setData(tab.model.index(1, COLUMNS.index("last_name")), "")
    assert not tab.model.setData(tab.model.index(1, COLUMNS.index("organisation")), "")
    assert "name or an organisation" in tab.message.text()
    assert stack.count() == 2
    with db.reading() as session:
        assert session.get(Person, row.person_id).organisation == "Ville de Genève"


def test_delete_with_undo_puts_the_row_back_in_place(qtbot, tab, db, stack):
    select_rows(tab, 4, 6)
    gone = [row_id(tab, 4), row_id(tab, 6)]
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert tab.model.rowCount() == 41
    assert all(stored(db, i) is None for i in gone)
    stack.undo()
    assert [row_id(tab, 4), row_id(tab, 6)] == gone
    assert all(stored(db, i) == ("present", "in_person") for i in gone)
    stack.redo()
    assert tab.model.rowCount() == 41


def test_sorting_and_back_to_list_order(tab):
    order = [tab.model.rows[i].id for i in range(tab.model.rowCount())]
    tab.table.sortByColumn(LAST, Qt.SortOrder.AscendingOrder)
    names = [tab.proxy.index(r, LAST).data() for r in range(tab.proxy.rowCount())]
    assert names == sorted(names, key=fold)
    assert names.index("Bianchi") < names.index("Kanaan") < names.index("Zeender")
    tab.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert [tab.model.rows[i].id for i in range(tab.model.rowCount())] == order


def test_sorted_by_status_a_mark_moves_the_row_and_keeps_it_selected(qtbot, tab, db, stack):
    def statuses():
        return [tab.model.rows[tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()].status for r in range(43)]

    order = list(ATTENDANCE_STATUSES)
    tab.table.sortByColumn(STATUS_COLUMN, Qt.SortOrder.AscendingOrder)
    select_rows(tab, 0)
    target = row_id(tab, 0)
    qtbot.keyClick(tab.table, Qt.Key.Key_A)  # absent sorts after present: the row goes last
    assert stored(db, target)[0] == "absent"
    assert statuses() == sorted(statuses(), key=order.index)
    assert row_id(tab, tab.table.currentIndex().row()) == target == row_id(tab, 42)
    assert tab.selected_ids() == [target]
    qtbot.keyClick(tab.table, Qt.Key.Key_I)  # invited sorts first
    assert row_id(tab, 0) == target and tab.selected_ids() == [target]
    stack.undo()
    assert row_id(tab, 42) == target and tab.selected_ids() == [target]
    # Sorted by name, a mark leaves the order alone.
    tab.table.sortByColumn(LAST, Qt.SortOrder.AscendingOrder)
    before = [row_id(tab, r) for r in range(43)]
    select_rows(tab, 5)
    qtbot.keyClick(tab.table, Qt.Key.Key_E)
    assert [row_id(tab, r) for r in range(43)] == before
    # A row put back by undo returns to its sorted place.
    tab.remove_selection()
    assert tab.proxy.rowCount() == 42
    stack.undo()
    assert [row_id(tab, r) for r in range(43)] == before


def test_reloading_the_same_meeting_keeps_the_selection(tab, db, sample_id):
    select_rows(tab, 7)
    target = row_id(tab, 7)
    with db.transaction() as session:
        attendance.set_marks(session, [target], status="absent")
    tab.set_meeting(sample_id)
    assert row_id(tab, tab.table.currentIndex().row()) == target
    assert tab.proxy.index(7, STATUS_COLUMN).data() == "Absent"


def test_no_meeting_disables_everything(tab):
    tab.set_meeting(None)
    assert tab.model.rowCount() == 0
    assert not tab.mark_actions["present"].isEnabled()
    assert tab.counts_label.text() == ""


@pytest.mark.slow
def test_five_thousand_participants_load_filter_and_mark(qtbot, db, stack):
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Grande réunion", "2024-06-01").id
        attendance.add_many(
            session,
            meeting_id,
            [
                {"first_name": f"Prénom{i}", "last_name": f"Nom{i}", "organisation": f"Org {i % 50}"}
                for i in range(5000)
            ],
        )
    tab = ParticipantsTab(db, stack)
    qtbot.addWidget(tab)
    show(qtbot, tab)
    tab.set_meeting(meeting_id)
    assert tab.proxy.rowCount() == 5000
    qtbot.keyClicks(tab.filter_edit, "nom4999")
    assert tab.proxy.rowCount() == 1
    qtbot.keyClick(tab.filter_edit, Qt.Key.Key_Return)
    qtbot.keyClick(tab.table, Qt.Key.Key_P)
    target = row_id(tab, 0)
    assert stored(db, target) == ("present", "in_person")
    assert "Present: <b>1</b>" in tab.counts_label.text()
    tab.filter_edit.clear()
    assert tab.proxy.rowCount() == 5000


def test_models_stay_consistent_through_changes(qtbot, tab, db, stack, qtmodeltester):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    select_rows(tab, 0, 2)
    qtbot.keyClick(tab.table, Qt.Key.Key_A)
    qtbot.keyClicks(tab.filter_edit, "cglu")
    tab.table.sortByColumn(LAST, Qt.SortOrder.DescendingOrder)
    select_rows(tab, 1)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    tab.model.add(first_name="Zoé", last_name="Zed", organisation="CGLU")
    tab.filter_edit.clear()
    for _ in range(3):
        stack.undo()
    for _ in range(3):
        stack.redo()
    tab.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert tab.model.rowCount() == 43
    with db.reading() as session:
        truth = attendance.counts(session, tab.model.meeting_id)
    shown = tab.model.counts()
    assert {key: shown[key] for key in truth} == truth  # the running tally never drifts


def test_flush_stores_a_cell_being_edited(qtbot, tab, db, stack):
    index = tab.proxy.index(1, LAST)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    editor = QApplication.focusWidget()
    editor.setText("Bianchi-Neri")
    tab.flush()  # the window does this before undo, switching meeting or closing
    assert stack.count() == 1
    with db.reading() as session:
        assert session.get(Person, tab.model.rows[1].person_id).last_name == "Bianchi-Neri"
