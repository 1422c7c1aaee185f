"""Issue 14's rough edges, driven as a secretary would: by keyboard, on real widgets and files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from editor_helpers import answering, make_window
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QToolTip
from test_ui_safety import read_only_folder  # noqa: F401  (a fixture)

from exporters import pdf
from models.database import open_database
from models.entities import Attendance, Meeting
from models.sample import load_sample
from models.services import people
from ui import times
from ui.export_action import default_file_name
from ui.main_window import MainWindow
from ui.programme.model import TIME
from ui.settings import Settings
from ui.year import files


@pytest.fixture
def window(qtbot, db, sample_id, tmp_path):
    return make_window(qtbot, db, tmp_path, sample_id)


def attendance_names(db, meeting_id) -> list[tuple[str, str]]:
    with db.reading() as session:
        meeting = session.get(Meeting, meeting_id)
        return [(a.person.first_name, a.person.last_name) for a in meeting.attendance]


# ---------------------------------------------------------------- adding a participant


def test_the_name_in_the_filter_is_carried_over_and_enter_creates_the_newcomer(qtbot, window, db, sample_id):
    tab = window.show_tab("participants")
    qtbot.keyClicks(tab.filter_edit, "Dupont")
    tab.add_action.trigger()
    dialog = tab.add_dialog
    assert dialog.search.text() == "Dupont"
    qtbot.waitUntil(dialog.search.hasFocus)
    assert dialog.new_person.isEnabled()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert ("", "Dupont") in attendance_names(db, sample_id)
    assert len(attendance_names(db, sample_id)) == 44


def test_add_with_only_a_name_typed_creates_that_person(qtbot, window, db, sample_id):
    tab = window.show_tab("participants")
    qtbot.keyClicks(tab.filter_edit, "Mme Awa Ndiaye")
    tab.add_action.trigger()
    dialog = tab.add_dialog
    qtbot.waitUntil(dialog.search.hasFocus)
    # Carried on, not about to be typed over.
    qtbot.waitUntil(lambda: not dialog.search.hasSelectedText())
    assert dialog.search.cursorPosition() == len("Mme Awa Ndiaye")
    add = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert add.isEnabled()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.reading() as session:
        people_listed = [
            (a.person.civility, a.person.full_name) for a in session.get(Meeting, sample_id).attendance
        ]
    assert ("Mme", "Awa Ndiaye") in people_listed


def test_new_person_splits_the_typed_name_and_enter_adds(qtbot, window, db, sample_id):
    tab = window.show_tab("participants")
    tab.add_action.trigger()
    dialog = tab.add_dialog
    qtbot.waitExposed(dialog)
    assert not dialog.new_person.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.search, "Jeanne Martin")
    assert dialog.new_person.isEnabled()
    qtbot.mouseClick(dialog.new_person, Qt.MouseButton.LeftButton)
    assert (dialog.fields["first_name"].text(), dialog.fields["last_name"].text()) == ("Jeanne", "Martin")
    qtbot.waitUntil(dialog.fields["function"].hasFocus)
    qtbot.keyClicks(dialog.fields["function"], "Maire")
    qtbot.keyClick(dialog.fields["function"], Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert ("Jeanne", "Martin") in attendance_names(db, sample_id)


@pytest.mark.qt_log_ignore("This plugin does not support")  # the popup, offscreen
def test_a_roster_suggestion_picked_by_keyboard_then_enter_adds_that_person(qtbot, window, db, sample_id):
    with db.transaction() as session:
        person_id = people.add_person(session, first_name="Jan", last_name="Novak", organisation="Praha").id
    tab = window.show_tab("participants")
    tab.add_action.trigger()
    dialog = tab.add_dialog
    qtbot.waitUntil(dialog.search.hasFocus)
    qtbot.keyClicks(dialog.search, "novak")
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.person_id == person_id and dialog.search.text() == "Jan Novak — Praha"
    assert not dialog.fields["last_name"].isEnabled()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.reading() as session:
        listed = [a.person_id for a in session.query(Attendance).filter_by(meeting_id=sample_id)]
    assert person_id in listed and len(listed) == 44


def test_the_field_is_wide_enough_for_its_placeholder_and_suggestions(qtbot, window, db):
    with db.transaction() as session:
        people.add_person(
            session, first_name="Emilia", last_name="Saiz-Carrancedo", organisation="CGLU — Cités"
        )
    tab = window.show_tab("participants")
    tab.add_action.trigger()
    dialog = tab.add_dialog
    qtbot.waitExposed(dialog)
    metrics = dialog.search.fontMetrics()
    room = dialog.search.contentsRect().width() - 40  # the clear button and the frame
    assert metrics.horizontalAdvance(dialog.search.placeholderText()) <= room
    assert metrics.horizontalAdvance("Emilia Saiz-Carrancedo — CGLU — Cités") <= room
    dialog.reject()


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("10h", dt.time(10), None),
        ("10h30", dt.time(10, 30), None),
        ("10h-10h30", dt.time(10), dt.time(10, 30)),
        ("10 h 30", dt.time(10, 30), None),
        ("9.30", dt.time(9, 30), None),
        ("14 h - 15 h 45", dt.time(14), dt.time(15, 45)),
        ("10:30 - 11:45", dt.time(10, 30), dt.time(11, 45)),
    ],
)
def test_french_times_typed_in_the_programme_are_stored(qtbot, window, db, sample_id, typed, start, end):
    tab = window.show_tab("programme")
    index = tab.model.index(1, TIME)
    assert tab.model.setData(index, "8:00-8:15")  # so that no case passes by being the time already
    tab.tree.setCurrentIndex(index)
    tab.tree.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_times(db, sample_id, 1) == (start, end))
    assert not tab.refusal.isVisibleTo(tab)


def stored_times(db, meeting_id, row):
    with db.reading() as session:
        item = [i for i in session.get(Meeting, meeting_id).programme if i.parent_id is None][row]
        return item.start_time, item.end_time


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("25h", "between 0 and 23"),
        ("10h75", "between 00 and 59"),
        ("midi", "is not a time"),
        ("9.3", "two digits"),
    ],
)
def test_a_time_that_cannot_be_read_says_why_beside_the_table(qtbot, window, db, sample_id, typed, reason):
    tab = window.show_tab("programme")
    before = stored_times(db, sample_id, 1)
    index = tab.model.index(1, TIME)
    tab.tree.setCurrentIndex(index)
    tab.tree.edit(index)
    editor = QApplication.focusWidget()
    editor.selectAll()
    with answering() as boxes:
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert boxes == []
    # Not reverted: what was typed stays in the open editor, and the reason is shown.
    assert QApplication.focusWidget() is editor and editor.text() == typed
    assert tab.refusal.isVisibleTo(tab) and reason in tab.refusal.text() and typed in tab.refusal.text()
    assert stored_times(db, sample_id, 1) == before
    editor.selectAll()
    qtbot.keyClicks(editor, "10h05-10h35")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_times(db, sample_id, 1) == (dt.time(10, 5), dt.time(10, 35)))
    assert not tab.refusal.isVisibleTo(tab)


def test_dashes_and_words_between_times():
    # QTest types ASCII only: « – » and « à » are checked here.
    for typed in ("10:30–11:45", "10h30 — 11h45", "de 10h30 à 11h45", "10.30 to 11.45"):
        assert times.parse_range(typed) == (dt.time(10, 30), dt.time(11, 45))


def test_time_reasons_are_one_sentence_each():
    for typed in ("25h", "10h75", "midi", "9.3", "-11h"):
        with pytest.raises(times.TimeError) as caught:
            times.parse_range(typed)
        assert str(caught.value).endswith(".") and "\n" not in str(caught.value)


# ---------------------------------------------------------------- exporting


def test_export_names_are_short_and_dated(window):
    assert window.export.suggested_path(".docx").name == "2023-12-12 Compte-rendu.docx"
    assert window.export.suggested_path(".pdf").name == "2023-12-12 Compte-rendu.pdf"
    assert default_file_name(dt.date(2024, 3, 1), "en", ".docx") == "2024-03-01 Minutes.docx"
    assert default_file_name(dt.date(2024, 3, 1), "es", ".pdf") == "2024-03-01 Acta.pdf"


def test_the_file_dialog_offers_the_dated_name(qtbot, window, tmp_path):
    window.settings.export_folder = str(tmp_path)
    offered = []
    previous = files.chooser
    files.chooser = lambda kind, caption, suggested, filters: offered.append(suggested) or ""
    try:
        window.export.action.trigger()
    finally:
        files.chooser = previous
    assert offered == [str(tmp_path / "2023-12-12 Compte-rendu.docx")]


@pytest.fixture
def no_desktop_programs(tmp_path, monkeypatch):
    """A desktop where nothing is associated with any kind of file, nor with folders."""
    empty = tmp_path / "xdg-empty"
    empty.mkdir()
    for name in ("XDG_DATA_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS"):
        monkeypatch.setenv(name, str(empty))
    monkeypatch.delenv("XDG_CURRENT_DESKTOP", raising=False)
    monkeypatch.delenv("DESKTOP_SESSION", raising=False)


def test_open_with_nothing_associated_says_so_and_offers_the_folder(
    qtbot, window, tmp_path, no_desktop_programs
):
    target = tmp_path / "out" / "2023-12-12 Compte-rendu.docx"
    target.parent.mkdir()
    assert not files.has_opener(target.parent)
    with answering("yes") as seen, qtbot.waitSignal(window.export.finished, timeout=60_000):
        window.export.export_to(target)
    assert target.read_bytes()[:2] == b"PK"
    assert len(seen) == 3, seen
    assert str(target) in seen[0]
    assert "No program" in seen[1] and ".docx" in seen[1] and str(target.parent) in seen[1]
    assert str(target.parent) in seen[2]


def test_pdf_without_libreoffice_says_how_to_get_it_before_asking_for_a_file(
    qtbot, window, tmp_path, monkeypatch
):
    monkeypatch.setenv(pdf.ENV_VARIABLE, str(tmp_path / "no-soffice"))
    with files.choosing(tmp_path / "cr.pdf") as dialogs_seen, answering() as seen:
        window.export.pdf_action.trigger()
    assert dialogs_seen == []
    assert len(seen) == 1 and "LibreOffice" in seen[0] and pdf.DOWNLOAD_URL in seen[0]
    assert not (tmp_path / "cr.pdf").exists()


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_export_as_pdf_from_the_menu(qtbot, window, tmp_path):
    target = tmp_path / "cr"
    with (
        files.choosing(target),
        answering("no") as seen,
        qtbot.waitSignal(window.export.finished, timeout=180_000) as finished,
    ):
        window.export.pdf_action.trigger()
    assert finished.args == [str(target) + ".pdf"]
    assert Path(finished.args[0]).read_bytes().startswith(b"%PDF-")
    assert len(seen) == 1 and finished.args[0] in seen[0]


# ---------------------------------------------------------------- window


def test_switching_language_keeps_the_tab_and_the_selection(qtbot, db, sample_id, tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    old = MainWindow(db, settings)
    qtbot.addWidget(old)
    old.start(sample_id)
    programme = old.show_tab("programme")
    programme.select(programme.model.index(4, 0))
    chosen = programme.model.row_for(programme.current()).id
    new_windows: list[MainWindow] = []

    def relaunch(language):  # what ui/app.py does: a new window on the same meeting
        window = MainWindow(db, settings)
        qtbot.addWidget(window)
        window.start(old.meeting_id)
        new_windows.append(window)

    old.language_chosen.connect(relaunch)
    old.choose_language("en")
    (new,) = new_windows
    assert new.slots[new.tabs.currentIndex()].key == "programme"
    tab = new.slot("programme").tab
    assert tab.model.row_for(tab.current()).id == chosen

    participants = new.show_tab("participants")
    participants.select_participant(participants.model.rows[7].id)
    wanted = participants.model.rows[7].id
    new_windows.clear()
    new.language_chosen.connect(relaunch)
    new.choose_language("fr")
    (third,) = new_windows
    assert third.slots[third.tabs.currentIndex()].key == "participants"
    assert third.slot("participants").tab.selected_ids() == [wanted]


def test_english_interface_says_minutes_and_uses_english_quotes(window):
    # Tests run without a translator: these are the English source strings.
    assert window.tabs.tabText(3) == "Minutes"
    for key in ("programme", "participants"):
        window.show_tab(key)
    texts = [a.text() + a.toolTip() for a in window.findChildren(type(window.export.action))]
    texts += [w.text() for w in window.findChildren(QLineEdit)] + [
        w.placeholderText() for w in window.findChildren(QLineEdit)
    ]
    programme = window.slot("programme").tab
    programme.select(programme.model.index(2, 0))
    texts.append(programme.people.caption.text())
    assert all("«" not in t and "»" not in t for t in texts), [t for t in texts if "«" in t]


def test_invited_is_one_word_on_the_button_and_in_the_list(window):
    tab = window.show_tab("participants")
    button = tab.mark_buttons["invited"].text()
    status = tab.model.statuses["invited"]
    assert button.startswith(status)
    assert "Unmarked" not in tab.counts_label.text()


def test_status_bar_does_not_claim_saving_on_a_read_only_database(qtbot, read_only_folder, tmp_path):  # noqa: F811
    folder, freeze = read_only_folder
    path = folder / "minutier.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        meeting_id = load_sample(session).id
    db.close()
    freeze()
    db = open_database(path)
    try:
        assert db.read_only
        window = make_window(qtbot, db, tmp_path, meeting_id)
        assert "saved" not in window.saved_label.text().replace("cannot be saved", "")
        assert "Read-only" in window.saved_label.text()
        window.reload()
        assert "Read-only" in window.saved_label.text()
        window.close()
    finally:
        db.close()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the tooltip, offscreen
def test_meetings_list_shows_one_line_per_meeting_with_the_title_in_a_tooltip(qtbot, window):
    view = window.panel.view
    index = view.model().index(0)
    line = view.fontMetrics().lineSpacing()
    assert view.sizeHintForRow(0) < 2 * line
    assert view.visualRect(index).height() < 2 * line
    tip = QHelpEvent(QEvent.Type.ToolTip, view.visualRect(index).center(), view.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(view.viewport(), tip)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Réunion annuelle du groupe de travail de CGLU pour la prévention" in QToolTip.text()
    assert "12/12/2023" in QToolTip.text()
    QToolTip.hideText()


def test_programme_titles_wrap_to_three_lines_at_most_and_functions_show(qtbot, window):
    tab = window.show_tab("programme")
    window.resize(1280, 800)
    QApplication.processEvents()
    line = tab.tree.fontMetrics().lineSpacing()
    heights = [tab.tree.rowHeight(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]
    assert max(heights) <= 3 * line + 12
    tab.select(tab.model.index(2, 0))
    table = tab.people.table
    from ui.programme.people_model import FUNCTION

    assert table.columnWidth(FUNCTION) >= table.fontMetrics().horizontalAdvance("Conseiller politique")
    assert tab.people.model.index(0, FUNCTION).data(Qt.ItemDataRole.ToolTipRole)


def test_sign_in_sheet_in_landscape_is_chosen_with_the_file(qtbot, window, tmp_path):
    import docx

    pages = {}
    for kind in ("Word document, A4 upright (*.docx)", "Word document, A4 landscape (*.docx)"):
        target = tmp_path / f"sheet-{len(pages)}.docx"
        with (
            files.choosing(f"{target}\t{kind}"),
            answering("no"),
            qtbot.waitSignal(window.year.writer.finished, timeout=30_000),
        ):
            window.year.sign_in_action.trigger()
        size = (
            docx.Document(str(target))
            .sections[0]
            ._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgSz")
        )
        pages[kind] = size.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}orient")
    assert list(pages.values()) == [None, "landscape"]
