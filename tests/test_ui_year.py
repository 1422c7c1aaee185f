"""Year after year in the editor, driven through the real widgets on a real database file.

New meeting from the 2023 one, the comparison and its « Invite » buttons,
importing a CSV through the dialog, exporting the list and the sign-in
sheet from the menu actions, search, the person history, duplicates and
their confirmed merge (undone with Ctrl+Z).
"""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from editor_helpers import answering, make_window
from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from models import people_import, tabular
from models.entities import Attendance, Meeting, Person
from models.services import attendance, meetings, people, rollover
from ui.year import files
from ui.year.comparison import ComparisonModel
from ui.year.import_people import PlanModel, field_names


def people_count(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Person))


def listed(db, meeting_id) -> list[str]:
    with db.reading() as session:
        return [
            a.person.full_name or a.person.organisation
            for a in meetings.get_meeting(session, meeting_id).attendance
        ]


def roll_forward(db, sample_id) -> int:
    with db.transaction() as session:
        return rollover.new_meeting_from(session, sample_id, dt.date(2024, 12, 10)).id


# ---------------------------------------------------------------- new meeting from…


def test_new_from_dialog_creates_next_year_and_opens_it(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.year.new_from_action.trigger()
    dialog = window.year.new_from_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.source_id() == sample_id
    assert dialog.new_date() == dt.date(2024, 12, 12)  # same day next year by default
    dialog.date.setDate(QDate(2024, 12, 10))
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, "Annual meeting 2024")  # QTest types Latin-1 only
    dialog.objectives.setChecked(True)

    with answering("no") as seen:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(seen) == 1 and "Compare" in seen[0]
    with db.reading() as session:
        new = session.scalars(select(Meeting).where(Meeting.date == dt.date(2024, 12, 10))).one()
        old = meetings.get_meeting(session, sample_id)
        assert new.title == "Annual meeting 2024"
        assert new.objectives == old.objectives and new.status == "draft"
        assert len(new.attendance) == sum(1 for a in old.attendance if a.status == "present")
        assert {a.status for a in new.attendance} == {"invited"}
        new_id = new.id
    assert window.meeting_id == new_id
    assert window.panel.current_id() == new_id
    assert "Annual meeting 2024" in window.windowTitle()


def test_new_from_then_comparison_offered(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.year.new_from_action.trigger()
    dialog = window.year.new_from_dialog
    with answering("yes"):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    comparison = window.year.comparison
    assert comparison is not None and comparison.isVisible()
    assert comparison.old_id() == sample_id and comparison.new_id == window.meeting_id
    groups = dict(comparison.model.groups)
    assert groups["not_invited"] == [] and groups["new_names"] == []
    assert groups["speakers_to_confirm"]  # last year's moderators and speakers, to confirm
    assert "Introduction" in [line.text for line in groups["texts_unchanged"]]


# ---------------------------------------------------------------- comparison


def test_comparison_lists_a_person_removed_and_invites_them_back_undoably(
    qtbot, qtmodeltester, db, sample_id, tmp_path
):
    new_id = roll_forward(db, sample_id)
    with db.transaction() as session:
        row = next(
            a for a in meetings.get_meeting(session, new_id).attendance if a.person.last_name == "Ward"
        )
        person_id = row.person_id
        attendance.remove_attendances(session, [row.id])
    window = make_window(qtbot, db, tmp_path, new_id)
    participants = window.show_tab("participants")
    total = participants.model.rowCount()

    dialog = window.year.compare()
    assert dialog.old_id() == sample_id
    qtmodeltester.check(dialog.model)
    missing = dict(dialog.model.groups)["not_invited"]
    assert [line.text for line in missing] == ["M. Christophe Ward"]
    assert dialog.tree.isExpanded(dialog.model.index(0, 0))
    assert dialog.invite_all.isEnabled()

    dialog.invite_buttons[person_id].click()
    assert "Christophe Ward" in listed(db, new_id)
    assert dict(dialog.model.groups)["not_invited"] == []
    assert participants.model.rowCount() == total + 1  # the visible tab reloaded
    assert window.undo_stack.undoText() == "Invite M. Christophe Ward"

    window.undo()
    assert "Christophe Ward" not in listed(db, new_id)
    assert [line.text for line in dict(dialog.model.groups)["not_invited"]] == ["M. Christophe Ward"]
    assert participants.model.rowCount() == total
    window.redo()
    assert "Christophe Ward" in listed(db, new_id)
    qtmodeltester.check(dialog.model)


def test_comparison_invite_all_is_one_undo_step(qtbot, db, sample_id, tmp_path):
    new_id = roll_forward(db, sample_id)
    with db.transaction() as session:
        rows = meetings.get_meeting(session, new_id).attendance[:3]
        attendance.remove_attendances(session, [r.id for r in rows])
    window = make_window(qtbot, db, tmp_path, new_id)
    dialog = window.year.compare()
    before = len(listed(db, new_id))
    dialog.invite_all.click()
    assert len(listed(db, new_id)) == before + 3
    assert window.undo_stack.count() == 1
    window.undo()
    assert len(listed(db, new_id)) == before


def test_comparison_model_with_nothing(qtmodeltester):
    model = ComparisonModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


# ---------------------------------------------------------------- import


CSV = (
    "\ufeffPrénom;Nom;Organisation;Courriel;À distance\n"
    "Émilie;Dupont;Ville de Lyon;emilie.dupont@example.org;non\n"
    "José;García;Ayuntamiento de Madrid;not-an-email;oui\n"
    "Sami;Kanaan;Ville de Genève;;\n"
    "Zoë;Brontë;;zoe@example.org;oui\n"
)


def test_import_csv_through_the_dialog_writes_only_when_confirmed(
    qtbot, qtmodeltester, db, sample_id, tmp_path
):
    source = tmp_path / "liste.csv"
    source.write_text(CSV, encoding="utf-8")
    window = make_window(qtbot, db, tmp_path, sample_id)
    before_people, before_list = people_count(db), len(listed(db, sample_id))

    with files.choosing(source) as asked:
        window.year.import_action.trigger()
    assert asked and asked[0][0] == "open"
    dialog = window.year.import_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.mapping() == {
        "first_name": "Prénom",
        "last_name": "Nom",
        "organisation": "Organisation",
        "email": "Courriel",
        "mode": "À distance",
    }
    qtmodeltester.check(dialog.preview)
    assert dialog.preview.rowCount() == 4
    assert dialog.preview.headerData(0, Qt.Orientation.Horizontal) == "Prénom\n→ First name"
    assert dialog.preview.headerData(1, Qt.Orientation.Vertical) == "3"  # the file's line numbers

    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1
    counts = dialog.plan.counts
    assert counts == {"add": 2, "update": 0, "skip": 1, "bad": 1}
    assert [r.line for r in dialog.plan.bad] == [3]
    qtmodeltester.check(dialog.plan_model)
    # The bad rows are shown first, with their line and reason.
    assert dialog.plan_filter.rowCount() == 1
    assert dialog.plan_filter.index(0, 0).data() == "3"
    assert "not an email address" in dialog.plan_filter.index(0, 4).data()
    assert people_count(db) == before_people  # planning wrote nothing

    with answering("no") as seen:
        dialog.import_button.click()
    assert len(seen) == 1 and "cannot be undone" in seen[0] and "1 bad row" in seen[0]
    assert people_count(db) == before_people and len(listed(db, sample_id)) == before_list

    with answering("yes"):
        dialog.import_button.click()
    assert dialog.result is not None
    assert (dialog.result.added, dialog.result.updated, dialog.result.skipped, dialog.result.bad) == (
        2,
        0,
        1,
        1,
    )
    assert people_count(db) == before_people + 2
    names = listed(db, sample_id)
    assert len(names) == before_list + 2 and "Émilie Dupont" in names and "José García" not in names
    assert window.tabs.currentWidget() is window.slot("participants")
    assert window.undo_stack.count() == 0
    assert "2 added" in window.statusBar().currentMessage()


def test_import_remembers_the_mapping_for_the_same_headers(qtbot, db, sample_id, tmp_path):
    source = tmp_path / "liste.csv"
    source.write_text("Prénom;Nom;Structure;Notes\nAnna;Berg;Ville de Turku;x\n", encoding="utf-8")
    window = make_window(qtbot, db, tmp_path, sample_id)
    with files.choosing(source):
        window.year.import_action.trigger()
    dialog = window.year.import_dialog
    assert dialog.mapping_source == "guessed"
    # Map « Notes » as the function this time.
    dialog.combos["function"].setCurrentIndex(dialog.combos["function"].findData("Notes"))
    dialog.next_button.click()
    with answering("yes"):
        dialog.import_button.click()
    with files.choosing(source):
        window.year.import_action.trigger()
    again = window.year.import_dialog
    assert again is not dialog or again.result is None
    assert again.mapping_source == "remembered"
    assert again.mapping()["function"] == "Notes"
    again.reject()


def test_import_of_an_unreadable_file_says_so(qtbot, db, sample_id, tmp_path):
    source = tmp_path / "empty.csv"
    source.write_bytes(b"")
    window = make_window(qtbot, db, tmp_path, sample_id)
    with files.choosing(source), answering() as seen:
        window.year.import_action.trigger()
    assert len(seen) == 1 and "cannot be read" in seen[0]
    assert window.year.import_dialog is None


# ---------------------------------------------------------------- lists out


def test_export_participants_csv_from_the_menu_action(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    target = tmp_path / "out" / "participants.csv"
    target.parent.mkdir()
    with (
        files.choosing(target),
        answering("no") as seen,
        qtbot.waitSignal(window.year.writer.finished, timeout=20_000) as done,
    ):
        window.year.export_people_action.trigger()
    assert done.args == [str(target)]
    text = target.read_text(encoding="utf-8-sig")
    assert "Kanaan" in text and ";" in text.splitlines()[0]
    assert len(seen) == 1 and str(target) in seen[0]
    assert window.settings.export_folder == str(target.parent)


def test_export_participants_xlsx_by_its_extension(qtbot, db, sample_id, tmp_path):
    from openpyxl import load_workbook

    window = make_window(qtbot, db, tmp_path, sample_id)
    target = tmp_path / "participants.xlsx"
    with (
        files.choosing(target),
        answering("no"),
        qtbot.waitSignal(window.year.writer.finished, timeout=20_000),
    ):
        window.year.export_people_action.trigger()
    sheet = load_workbook(target).active
    assert any("Kanaan" in str(c.value) for row in sheet.iter_rows() for c in row)


def test_sign_in_sheet_from_the_menu_action(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    target = tmp_path / "emargement"  # no extension: .docx is added
    with (
        files.choosing(target),
        answering("no"),
        qtbot.waitSignal(window.year.writer.finished, timeout=30_000) as done,
    ):
        window.year.sign_in_action.trigger()
    written = tmp_path / "emargement.docx"
    assert done.args == [str(written)]
    document = Document(str(written))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("Kanaan" in c for c in cells)


def test_writing_into_a_missing_folder_shows_a_clear_message(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    target = tmp_path / "no-such-folder" / "emargement.docx"
    with (
        files.choosing(target),
        answering() as seen,
        qtbot.waitSignal(window.year.writer.finished, timeout=30_000) as done,
    ):
        window.year.sign_in_action.trigger()
    assert done.args == [""]
    assert len(seen) == 1 and "not written" in seen[0] and "does not exist" in seen[0]
    assert window.year.sign_in_action.isEnabled()


def test_cancelled_file_dialog_writes_nothing(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    with files.choosing() as asked:
        assert window.year.export_people() is False
    assert asked == [("save", "Export participants")]
    assert window.year.writer.thread is None


# ---------------------------------------------------------------- search


def test_search_finds_reslog_and_opens_the_compte_rendu(qtbot, qtmodeltester, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.show_tab("general")
    window.year.search_action.trigger()
    dock = window.year.search_dock
    assert dock.isVisible()
    panel = dock.panel
    qtbot.keyClicks(panel.field, "Reslog")
    panel.run()
    model = panel.model
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    group = model.index(0, 0)
    assert "2023" in group.data() and model.rowCount(group) >= 1
    hit_index = model.index(0, 0, group)
    _group, hit = model.hit(hit_index)
    assert hit.tab == "report" and "Reslog" in model.index(0, 2, group).data()

    panel.tree.activated.emit(hit_index)
    assert window.tabs.currentWidget() is window.slot("compte-rendu")
    report = window.slot("compte-rendu").tab
    assert report.current_node().key == (hit.kind, hit.object_id)


def test_search_opens_another_meeting_and_the_participant(qtbot, db, sample_id, tmp_path):
    new_id = roll_forward(db, sample_id)
    window = make_window(qtbot, db, tmp_path, sample_id)
    panel = window.year.search_dock.panel
    panel.field.setText("Kanaan")
    panel.run()
    newest = panel.model.index(0, 0)
    assert "2024" in newest.data()
    hit_index = next(
        panel.model.index(r, 0, newest)
        for r in range(panel.model.rowCount(newest))
        if panel.model.hit(panel.model.index(r, 0, newest))[1].kind == "attendance"
    )
    panel.activate(hit_index)
    assert window.meeting_id == new_id
    tab = window.slot("participants").tab
    assert window.tabs.currentWidget() is window.slot("participants")
    assert tab.selected_ids() == [panel.model.hit(hit_index)[1].object_id]


# ---------------------------------------------------------------- people across years


def select_participant(window, last_name):
    tab = window.show_tab("participants")
    row = next(i for i, r in enumerate(tab.model.rows) if r.last_name == last_name)
    tab.select_participant(tab.model.rows[row].id)
    return tab.model.rows[row].person_id


def test_person_history_of_the_selected_participant(qtbot, qtmodeltester, db, sample_id, tmp_path):
    new_id = roll_forward(db, sample_id)
    window = make_window(qtbot, db, tmp_path, sample_id)
    person_id = select_participant(window, "Kanaan")
    window.year.history_action.trigger()
    dialog = window.year.history
    assert dialog.person_id == person_id
    assert "Sami Kanaan" in dialog.name.text()
    model = dialog.history
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # 2024 (invited) then 2023 (present, and speaking)
    assert model.index(0, 0).data() == "10/12/2024" and model.index(0, 2).data() == "Invited"
    assert model.index(1, 2).data().startswith("Present")
    assert int(model.index(1, 4).data()) >= 1
    qtmodeltester.check(dialog.people)

    # Typing finds someone else (accents and case ignored); double-click opens the meeting.
    dialog.search.setText("OZNUR")
    dialog._filter()
    assert "Öznur" in dialog.name.text()
    assert model.rowCount() == 2
    dialog.table.doubleClicked.emit(model.index(1, 1))  # 2023
    assert window.meeting_id == sample_id
    assert window.tabs.currentWidget() is window.slot("participants")
    dialog.table.doubleClicked.emit(model.index(0, 1))  # 2024
    assert window.meeting_id == new_id


def test_duplicates_listed_and_merged_only_on_confirmation(qtbot, qtmodeltester, db, sample_id, tmp_path):
    with db.transaction() as session:
        twin = people.add_person(session, first_name="Christopher", last_name="Ward", civility="M.").id
        ward = session.scalars(select(Person).where(Person.first_name == "Christophe")).one().id
    new_id = roll_forward(db, sample_id)
    with db.transaction() as session:
        attendance.add_attendance(session, new_id, twin, status="present")
    window = make_window(qtbot, db, tmp_path, new_id)
    window.year.duplicates_action.trigger()
    dialog = window.year.duplicates
    qtmodeltester.check(dialog.model)
    pairs = [(p.keep_id, p.merge_id) for p in dialog.model.rows]
    assert (ward, twin) in pairs or (twin, ward) in pairs
    row = next(i for i, p in enumerate(dialog.model.rows) if {p.keep_id, p.merge_id} == {ward, twin})
    dialog.table.selectionModel().setCurrentIndex(
        dialog.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    if dialog.current().keep_id != ward:
        dialog.swap()
    assert dialog.current().keep_id == ward
    assert "similar first names" in dialog.model.index(row, 3).data()
    assert "Christopher" in dialog.merge_card.text()

    with answering("no") as seen:
        assert dialog.merge_current() is False
    assert len(seen) == 1 and "Merge « Christopher Ward » into « Christophe Ward »" in seen[0]
    with db.reading() as session:
        assert session.get(Person, twin) is not None  # never merged without a yes

    with answering("yes"):
        assert dialog.merge_current() is True
    with db.reading() as session:
        assert session.get(Person, twin) is None
        rows = session.scalars(
            select(Attendance).where(Attendance.meeting_id == new_id, Attendance.person_id == ward)
        )
        assert [r.status for r in rows] == ["present"]  # the stronger mark stays
    assert all(twin not in (p.keep_id, p.merge_id) for p in dialog.model.rows)

    window.undo()
    with db.reading() as session:
        assert session.get(Person, twin) is not None
    assert any({p.keep_id, p.merge_id} == {ward, twin} for p in dialog.model.rows)


@pytest.mark.parametrize("column", [0, 1, 2])
def test_search_model_empty_and_headers(qtmodeltester, column):
    from ui.year.search import SearchModel

    model = SearchModel()
    qtmodeltester.check(model)
    assert model.headerData(column, Qt.Orientation.Horizontal)
    assert model.parent(QModelIndex()) == QModelIndex()


def test_person_history_from_the_menu_without_a_selection_searches_the_roster(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.show_tab("general")
    window.year.history_action.trigger()
    dialog = window.year.history
    assert dialog.person_id is None and dialog.history.rowCount() == 0
    assert not dialog.duplicates_button.isEnabled()
    qtbot.keyClicks(dialog.search, "geneve kanaan")  # accents ignored, words in any order
    dialog._filter()
    assert dialog.people.rowCount() == 1
    assert "Sami Kanaan" in dialog.name.text() and dialog.history.rowCount() == 1
    dialog.duplicates_button.click()
    assert window.year.duplicates is not None and window.year.duplicates.person_id == dialog.person_id


def test_the_import_plan_shows_roles_arrivals_and_an_unknown_proxy(qtmodeltester, db, sample_id):
    table = tabular.read_table_bytes(
        "Prénom;Nom;Organisation;Rôle;Représenté·e par;Arrivée\r\n"
        "Sami;Kanaan;Ville de Genève;Président·e;;10h30\r\n"
        "Zoé;Nouvelle;;membre;Personne Inconnue;\r\n".encode(),
        "liste.csv",
    )
    with db.reading() as session:
        plan = people_import.plan_import(
            session, table, people_import.guess_mapping(table.headers), sample_id
        )
    model = PlanModel(field_names())
    model.set_plan(plan)
    qtmodeltester.check(model)
    kanaan, nouvelle = (model.index(r, 4).data() for r in range(2))
    assert "Role: « Chair »" in kanaan and "Arrival: « 10h30 »" in kanaan
    assert "Role: « Member »" in nouvelle
    assert "represented by « Personne Inconnue »: nobody else on the list has that name; left out" in nouvelle
