"""The live preview beside the editor, driven through the real window on a real database file."""

from __future__ import annotations

import pytest
from editor_helpers import make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from exporters.labels import load_labels
from models.services import report
from ui.preview.pane import DEBOUNCE_MS
from ui.screenshots import save_screenshots


def outline(db, meeting_id):
    with db.reading() as session:
        return report.outline(session, meeting_id)


@pytest.fixture
def window(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.resize(1600, 900)
    window.preview.show()
    qtbot.waitUntil(lambda: "Rappel du Programme" in window.preview.pane.text())
    return window


def visible_top(pane, text: str) -> int:
    """Where ``text`` is drawn in the preview's viewport, in pixels from its top."""
    found = pane.browser.document().find(text)
    assert not found.isNull(), text
    return pane.browser.cursorRect(found).top()


def test_toggled_by_f9_from_the_view_menu(qtbot, window):
    assert window.preview.isVisible()
    window.preview.toggle_action.trigger()
    assert not window.preview.isVisible()
    assert "F9" in [k.toString() for k in window.preview.toggle_action.shortcuts()]
    window.preview.toggle_action.trigger()
    assert window.preview.isVisible()


def test_follows_typing_before_it_is_stored_and_keeps_its_place(qtbot, window, db, sample_id):
    pane = window.preview.pane
    tab = window.show_tab("compte-rendu")
    saiz = outline(db, sample_id)[0].blocks[1]
    tab.select(("block", saiz.id))
    bar = pane.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    place = bar.value()
    editor = tab.block_editor.text
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Phrase en plus")
    qtbot.waitUntil(lambda: "Phrase en plus" in pane.text(), timeout=DEBOUNCE_MS + 1000)
    # Stored only after a second without typing: what the preview shows came from the editor.
    assert "Phrase en plus" not in outline(db, sample_id)[0].blocks[1].text
    assert bar.value() == place


def test_follows_a_stored_change_and_undo(qtbot, window, db, sample_id):
    pane = window.preview.pane
    tab = window.show_tab("compte-rendu")
    section = outline(db, sample_id)[0]
    assert tab.update_section(section.id, {"title": "Ouverture des travaux"})
    qtbot.waitUntil(lambda: "Ouverture des travaux" in pane.text())
    window.undo()
    qtbot.waitUntil(lambda: "Ouverture des travaux" not in pane.text())
    assert "Discours d'introduction" in pane.text()


def test_clicking_a_speaker_selects_the_block_in_the_editor(qtbot, window, db, sample_id):
    pane = window.preview.pane
    saiz = outline(db, sample_id)[0].blocks[1]
    pane.scroll_to("block", saiz.id)
    # With its colon: the report's line, not the programme's. find() reads a no-break space as a space.
    found = pane.browser.document().find("Mme Emilia Saiz :")
    inside = QTextCursor(found)
    inside.setPosition(found.selectionStart() + 4)  # within the name, not at its edge
    point = pane.browser.cursorRect(inside).center()
    assert pane.browser.anchorAt(point) == f"minutier:block/{saiz.id}"
    assert window.tabs.currentIndex() == 0
    qtbot.mouseClick(pane.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.slot("compte-rendu").tab is not None)
    tab = window.slot("compte-rendu").tab
    assert window.tabs.currentWidget() is window.slot("compte-rendu")
    assert tab.current_node().key == ("block", saiz.id)


def test_choosing_in_the_outline_scrolls_the_preview(qtbot, window, db, sample_id):
    pane = window.preview.pane
    tab = window.show_tab("compte-rendu")
    last_section = outline(db, sample_id)[-1]
    tab.select(("section", last_section.id))
    qtbot.waitUntil(lambda: 0 <= visible_top(pane, last_section.title) < 60)
    first = outline(db, sample_id)[0].blocks[0]
    tab.select(("block", first.id))
    qtbot.waitUntil(lambda: 0 <= visible_top(pane, "M. Sami Kanaan :") < 60)


def test_language_switch_changes_the_labels(qtbot, window):
    pane = window.preview.pane
    french, english = load_labels("fr"), load_labels("en")
    assert french.programme_heading in pane.text()
    pane.set_language("en")
    qtbot.waitUntil(lambda: english.programme_heading in pane.text())
    assert french.programme_heading not in pane.text()
    assert english.participants_heading in pane.text()
    pane.set_language("")
    qtbot.waitUntil(lambda: french.programme_heading in pane.text())


def test_hidden_preview_does_no_work_and_catches_up_when_shown(qtbot, window, db, sample_id):
    pane = window.preview.pane
    window.preview.hide()
    tab = window.show_tab("compte-rendu")
    section = outline(db, sample_id)[0]
    assert tab.update_section(section.id, {"title": "Titre caché"})
    qtbot.wait(DEBOUNCE_MS * 2)
    assert "Titre caché" not in pane.text()
    window.preview.show()
    qtbot.waitUntil(lambda: "Titre caché" in pane.text())


def test_screenshots_save_the_preview_beside_the_report(qtbot, window, tmp_path):
    saved = save_screenshots(window, tmp_path / "shots")
    preview = tmp_path / "shots" / "preview.png"
    assert preview in saved
    assert preview.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert window.preview.isVisible()  # left as it was found
