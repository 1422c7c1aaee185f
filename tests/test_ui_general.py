"""The General tab and the window around it, on a real database file."""

from __future__ import annotations

import datetime as dt

from editor_helpers import answering, make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGroupBox

from models.database import open_database
from models.services import meetings
from ui.richtext import RichTextEdit


def read(db, meeting_id, field):
    with db.reading() as session:
        return getattr(meetings.get_meeting(session, meeting_id), field)


def test_field_is_stored_and_found_after_reopening(qtbot, db, db_path, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    tab = window.show_tab("general")
    venue = tab.widgets["venue"]
    venue.setFocus()
    venue.selectAll()
    with qtbot.waitSignal(tab.stored):
        qtbot.keyClicks(venue, "Salle du Conseil, Geneva")
        qtbot.keyClick(venue, Qt.Key.Key_Return)
    assert "Enregistré à" in window.saved_label.text() or "Saved at" in window.saved_label.text()
    window.close()
    db.close()
    reopened = open_database(db_path)
    try:
        assert read(reopened, sample_id, "venue") == "Salle du Conseil, Geneva"
    finally:
        reopened.close()


def test_typing_is_stored_after_a_pause_and_each_save_undone_in_turn(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    tab = window.show_tab("general")
    area = tab.widgets["co_organisers"]
    before = read(db, sample_id, "co_organisers")
    area.setFocus()
    area.moveCursor(area.textCursor().MoveOperation.End)
    with qtbot.waitSignal(tab.stored, timeout=3000):
        qtbot.keyClicks(area, " Et la FMDV.")
    assert read(db, sample_id, "co_organisers") == before + " Et la FMDV."
    with qtbot.waitSignal(tab.stored, timeout=3000):
        qtbot.keyClicks(area, " Merci.")
    assert read(db, sample_id, "co_organisers") == before + " Et la FMDV. Merci."
    assert window.undo_stack.count() == 2  # each saved text is a step of its own
    window.undo()
    assert read(db, sample_id, "co_organisers") == before + " Et la FMDV."
    window.undo()
    assert read(db, sample_id, "co_organisers") == before
    assert area.toPlainText() == before
    window.redo()
    window.redo()
    assert read(db, sample_id, "co_organisers") == before + " Et la FMDV. Merci."


def test_long_texts_are_rich_text_boxes_that_keep_typed_syntax(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    tab = window.show_tab("general")
    assert "Markdown" not in " ".join(box.title() for box in tab.findChildren(QGroupBox))
    area = tab.widgets["objectives"]
    assert isinstance(area, RichTextEdit)
    area.setFocus()
    area.selectAll()
    qtbot.keyClicks(area, "*un* et _deux_")
    area.bold_action.trigger()
    qtbot.keyClicks(area, " gras")
    tab.flush()
    assert read(db, sample_id, "objectives") == "\\*un\\* et \\_deux\\_ **gras**"


def test_each_kind_of_field_undoes_and_redoes(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    tab = window.show_tab("general")
    changes = {
        "language": "en",
        "status": "draft",
        "start_time": dt.time(9, 15),
        "date": dt.date(2024, 12, 10),
        "title": "Réunion 2024",
    }
    for field, value in changes.items():
        before = read(db, sample_id, field)
        tab.store(field, value)
        assert read(db, sample_id, field) == value
        window.undo()
        assert read(db, sample_id, field) == before
        window.redo()
        assert read(db, sample_id, field) == value
    assert tab.widgets["language"].currentData() == "en"
    assert tab.widgets["start_time"].text() == "09:15"
    assert "Réunion 2024 (2024)" in window.windowTitle()
    assert str(db.path) in window.windowTitle()


def test_refused_value_is_shown_and_not_stored(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    tab = window.show_tab("general")
    with answering() as seen:
        tab.store("title", "   ")
    assert seen and "title" in seen[0]
    assert read(db, sample_id, "title").startswith("Réunion annuelle")
    assert window.undo_stack.count() == 0


def test_logo_chosen_then_removed_and_undone(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    tab = window.show_tab("general")
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    path = tmp_path / "logo.png"
    image.save(str(path))
    tab.logo.choose_file(path)
    assert read(db, sample_id, "logo") == path.read_bytes()
    assert read(db, sample_id, "logo_media_type") == "image/png"
    assert tab.logo.clear_button.isEnabled()
    tab.logo.clear_button.click()
    assert read(db, sample_id, "logo") is None
    window.undo()
    assert read(db, sample_id, "logo") == path.read_bytes()
    with answering() as seen:
        (tmp_path / "not-an-image.png").write_bytes(b"hello")
        tab.logo.choose_file(tmp_path / "not-an-image.png")
    assert len(seen) == 1


def test_meetings_created_duplicated_deleted(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    panel = window.panel
    window.panel.new_action.trigger()
    new_id = window.meeting_id
    assert new_id != sample_id
    assert panel.model.rowCount() == 2
    assert window.show_tab("general").widgets["title"].toPlainText()
    panel.select(sample_id)
    panel.duplicate_action.trigger()
    copy_id = window.meeting_id
    assert copy_id not in (sample_id, new_id)
    assert read(db, copy_id, "title") == read(db, sample_id, "title")
    with answering("no") as seen:
        panel.delete()
    assert len(seen) == 1 and panel.model.rowCount() == 3
    with answering("yes"):
        panel.delete()
    assert panel.model.rowCount() == 2
    with db.reading() as session:
        assert copy_id not in [m.id for m in meetings.list_meetings(session)]
    assert window.meeting_id in (sample_id, new_id)


def test_meetings_model_passes_the_model_tester(qtbot, qtmodeltester, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    qtmodeltester.check(window.panel.model)
    window.panel.new_action.trigger()
    qtmodeltester.check(window.panel.model)


def test_last_meeting_and_geometry_remembered(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.panel.new_action.trigger()
    new_id = window.meeting_id
    window.close()
    again = make_window(qtbot, db, tmp_path)
    assert again.meeting_id == new_id
    assert again.settings.geometry is not None


def test_tab_stored_elsewhere_reloads_when_shown(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    general = window.show_tab("general")
    programme = window.show_tab("programme")
    programme.model.add_item()
    assert window.slot("general")._stale
    window.show_tab("general")
    assert not window.slot("general")._stale
    assert general.isEnabled()
