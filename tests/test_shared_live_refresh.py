"""Changes made by another user appear in the open window without a restart (issue 7).

Each "other user" is a second Database on the same file or server, as
another process or computer has; the windows poll the change feed when the
test says so (``window.live.poll()``) instead of on their 2 s timer.
"""

from __future__ import annotations

import pytest
from editor_helpers import make_window
from PySide6.QtCore import Qt

from models.database import open_database
from models.services import meetings, programme

pytestmark = pytest.mark.both_backends


@pytest.fixture
def other(db, db_target):
    """Another user's view of the same database."""
    database = open_database(db_target)
    yield database
    database.close()


def read(db, meeting_id, field):
    with db.reading() as session:
        return getattr(meetings.get_meeting(session, meeting_id), field)


def test_two_windows_see_each_others_changes(qtbot, db, other, sample_id, tmp_path):
    mine = make_window(qtbot, db, tmp_path, sample_id)
    theirs = make_window(qtbot, other, tmp_path / "other", sample_id)
    venue = theirs.show_tab("general").widgets["venue"]
    mine_tab = mine.show_tab("general")
    field = mine_tab.widgets["venue"]
    field.setFocus()
    field.selectAll()
    with qtbot.waitSignal(mine_tab.stored):
        qtbot.keyClicks(field, "Salle du Conseil")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    mine.panel.view.setFocus()  # done typing

    assert venue.text() != "Salle du Conseil"
    assert theirs.live.poll().touches(sample_id)
    assert venue.text() == "Salle du Conseil"
    assert (
        "another user" in theirs.statusBar().currentMessage()
        or "autre" in theirs.statusBar().currentMessage()
    )
    # The window that made the change does not reload for it.
    reloads = []
    mine.reload = lambda: reloads.append(1)
    assert not mine.live.poll().touches(sample_id)
    assert reloads == []


def test_programme_and_list_follow_changes_made_elsewhere(qtbot, db, other, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    tab = window.show_tab("programme")
    with other.transaction() as session:
        programme.add_item(session, sample_id, position=0, title="Accueil café", kind="other")
        new_id = meetings.create_meeting(session, "Réunion de printemps", "2030-04-01").id
    assert tab.model.rows[0].title != "Accueil café"
    window.live.poll()
    assert tab.model.rows[0].title == "Accueil café"  # the tab on screen reloaded
    assert window.panel.model.row_of(new_id) >= 0
    assert window.meeting_id == sample_id  # the open meeting stays open

    with other.transaction() as session:
        meetings.delete_meeting(session, sample_id)
    window.live.poll()
    assert window.meeting_id == new_id  # the open one was deleted: another opens
    assert "deleted by another user" in window.statusBar().currentMessage()


def test_a_reload_waits_until_the_field_being_typed_in_is_left(qtbot, db, other, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    window.activateWindow()
    tab = window.show_tab("general")
    venue = tab.widgets["venue"]
    venue.setFocus()
    qtbot.waitUntil(venue.hasFocus)
    venue.selectAll()
    qtbot.keyClicks(venue, "Geneva, room 2")  # not stored yet: the typing pause has not passed
    with db.reading() as session:
        item_id = meetings.get_meeting(session, sample_id).programme[0].id
    with other.transaction() as session:  # another row of the same meeting
        programme.update_item(session, item_id, title="Accueil (changé ailleurs)")
    reloads = []
    reload = window.reload
    window.reload = lambda: (reloads.append(venue.text()), reload())

    assert window.live.poll().touches(sample_id)
    assert window.live.pending and reloads == []
    assert venue.text() == "Geneva, room 2"  # what is being typed is left alone
    assert "when you leave this field" in window.statusBar().currentMessage()

    window.panel.view.setFocus()  # leaving the field stores it, then the reload comes
    qtbot.waitUntil(lambda: not window.live.pending)
    assert reloads == ["Geneva, room 2"]
    assert read(db, sample_id, "venue") == "Geneva, room 2"
    assert venue.text() == "Geneva, room 2"
    programme_tab = window.show_tab("programme")
    assert programme_tab.model.rows[0].title == "Accueil (changé ailleurs)"


def test_the_window_polls_on_its_own(qtbot, db, other, sample_id, tmp_path):
    from ui.live_refresh import LiveRefresh

    window = make_window(qtbot, db, tmp_path, sample_id)
    venue = window.show_tab("general").widgets["venue"]
    window.live.stop()
    window.live = LiveRefresh(window, interval_ms=50)  # the editor's default is 2 s
    with other.transaction() as session:
        meetings.update_meeting(session, sample_id, venue="Lyon, salle 3")
    qtbot.waitUntil(lambda: venue.text() == "Lyon, salle 3", timeout=5000)
