"""Data safety in the editor (issue 6): restore from backup, a damaged file at start, a read-only
database, a row changed elsewhere, a daily backup that failed.

Real widgets offscreen on real SQLite files; message boxes are answered
through ui.dialogs' observer (tests/editor_helpers.answering).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from editor_helpers import answering, make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QLabel

import main
from models import backup
from models.database import open_database
from models.entities import Block
from models.sample import load_sample
from models.services import meetings, report
from ui.app import run_gui


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def titles_in(path: Path) -> list[str]:
    """Meeting titles read without touching the file (no lock, no -wal or -shm made)."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT title FROM meeting ORDER BY id")]
    finally:
        con.close()


def add_meeting(db, title: str) -> int:
    with db.transaction() as session:
        return meetings.create_meeting(session, title, "2024-06-01").id


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page : 2 * page] = bytes(page)
    path.write_bytes(bytes(data))


def closing(qtbot, window) -> None:
    """Close ``window`` and its database at the end of the test."""
    qtbot.addWidget(window)
    window.destroyed.connect(window.db.close)


# ---------------------------------------------------------------- File › Restore from backup…


def test_restore_from_the_menu_brings_back_the_backup_and_keeps_the_current_file(
    qtbot, db, db_path, sample_id, tmp_path
):
    taken = backup.backup_now(db_path)
    # A damaged backup is listed, to be seen, but cannot be chosen.
    broken = taken.with_name("minutier-backup-29991231-235959.sqlite")
    shutil.copy(taken, broken)
    damage(broken)
    add_meeting(db, "Written after the backup")
    window = make_window(qtbot, db, tmp_path, sample_id)
    replaced = []
    window.safety.reopened.connect(replaced.append)

    window.safety.restore_action.trigger()
    dialog = window.safety.restore_dialog
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    assert [r.text(1) for r in rows] == ["Daily", "Daily"]
    assert rows[0].text(3).startswith("Fails: damaged")
    assert not rows[0].flags() & Qt.ItemFlag.ItemIsEnabled
    assert rows[1].text(3) == "Passes the check"
    assert dialog.chosen().path == taken and dialog.restore_button.isEnabled()

    with answering("yes") as seen:
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: len(seen) == 2)
    (new,) = replaced
    closing(qtbot, new)
    assert "Replace the current data by the backup of" in seen[0]
    (aside,) = [b.path for b in backup.list_backups(db_path) if b.kind == "set-aside"]
    assert seen[1].startswith("The backup of ") and f"The previous file is kept as {aside}." in seen[1]

    # The window now shows the backup's data, on the same meeting; the replaced file is intact aside.
    assert new.isVisible() and not window.isVisible()
    assert new.meeting_id == sample_id
    titles = [new.panel.model.rows[i].title for i in range(new.panel.model.rowCount())]
    assert "Written after the backup" not in titles
    assert titles_in(db_path) == titles_in(taken)
    assert "Written after the backup" in titles_in(aside)
    # And it is a working database: an edit is stored in the restored file.
    new.show_tab("general").store("venue", "Genève, après restauration")
    with new.db.reading() as session:
        assert meetings.get_meeting(session, sample_id).venue == "Genève, après restauration"


def test_a_refused_restore_keeps_the_current_data_and_says_why(qtbot, db, db_path, sample_id, tmp_path):
    taken = backup.backup_now(db_path)
    add_meeting(db, "Kept")
    window = make_window(qtbot, db, tmp_path, sample_id)
    replaced = []
    window.safety.reopened.connect(replaced.append)
    (info,) = backup.list_backups(db_path, check=True)
    damage(taken)  # damaged after it was listed: the restore checks it again
    with answering("yes") as seen:
        window.safety.restore(info)
        qtbot.waitUntil(lambda: len(seen) == 1)
    (new,) = replaced
    closing(qtbot, new)
    assert seen[0].startswith("The backup was not restored: Cannot restore")
    assert "Nothing was changed" in seen[0]
    assert "Kept" in titles_in(db_path)
    assert not [b for b in backup.list_backups(db_path) if b.kind == "set-aside"]


def test_the_restore_dialog_says_when_there_is_no_backup(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    dialog = window.safety.open_restore()
    assert dialog.empty.isVisible() and not dialog.list.isVisible()
    assert "There are no backups yet" in dialog.empty.text()
    assert not dialog.restore_button.isEnabled()
    dialog.reject()


# ---------------------------------------------------------------- a damaged file at start


@pytest.fixture
def gui_start(monkeypatch, tmp_path):
    """run_gui as `python main.py` calls it, in English, with its settings and log in tmp_path."""
    monkeypatch.setenv("MINUTIER_LANG", "en")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its guard

    def start(path: Path, on_shown) -> int:
        args = main.build_parser().parse_args(["--db", str(path)])
        return run_gui(args, main.open_db, on_shown=on_shown)

    return start


@pytest.fixture
def damaged_with_backup(tmp_path) -> tuple[Path, Path]:
    path = tmp_path / "data" / "minutier.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        load_sample(session)
    db.close()
    open_database(path).close()  # an open takes the daily backup
    (taken,) = [b.path for b in backup.list_backups(path)]
    damage(path)
    return path, taken


def test_a_damaged_file_offers_the_newest_good_backup_and_opens_it(qapp, gui_start, damaged_with_backup):
    path, taken = damaged_with_backup
    before = digest(path)
    shown = []

    def on_shown(window) -> None:
        shown.append((window.windowTitle(), window.panel.model.rowCount(), window.db.read_only))

    with answering("yes") as seen:
        assert gui_start(path, on_shown) == 0
    assert seen[0] == f"{path} is damaged and cannot be opened; Minutier has not changed it."
    assert len(seen) == 2 and seen[1].startswith("The backup of ")
    (aside,) = [b.path for b in backup.list_backups(path) if b.kind == "set-aside"]
    assert f"The damaged file is kept as {aside}." in seen[1]
    assert digest(aside) == before  # the damaged file, byte for byte
    assert titles_in(path) == titles_in(taken)
    ((title, count, read_only),) = shown
    assert title.startswith(titles_in(taken)[0]) and count == 1 and not read_only


def test_declining_the_backup_quits_and_leaves_the_damaged_file_as_it_was(
    qapp, gui_start, damaged_with_backup
):
    path, _taken = damaged_with_backup
    before = digest(path)
    with answering("no") as seen:
        assert gui_start(path, lambda _w: pytest.fail("no window may open")) == 1
    assert len(seen) == 1 and "is damaged" in seen[0]
    assert digest(path) == before
    assert not [b for b in backup.list_backups(path) if b.kind == "set-aside"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["minutier-backups", "minutier.sqlite"]


def test_a_damaged_file_without_a_good_backup_quits_with_the_message(qapp, gui_start, tmp_path):
    path = tmp_path / "minutier.sqlite"
    open_database(path).close()
    damage(path)
    before = digest(path)
    with answering("yes") as seen:
        assert gui_start(path, lambda _w: pytest.fail("no window may open")) == 1
    assert len(seen) == 1 and "is damaged" in seen[0]
    assert digest(path) == before


def test_a_restore_in_the_running_editor_replaces_its_window_and_closes_both_databases(
    qapp, gui_start, tmp_path
):
    path = tmp_path / "minutier.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        load_sample(session)
    db.close()
    open_database(path).close()  # the daily backup
    (info,) = backup.list_backups(path, check=True)
    db = open_database(path)
    add_meeting(db, "After the backup")
    db.close()
    windows = []

    def on_shown(window) -> None:
        with answering("yes"):
            windows.append(window.safety.restore(info))

    assert gui_start(path, on_shown) == 0
    (new,) = windows
    assert new is not None and "After the backup" not in titles_in(path)
    assert not backup.database_in_use(path)  # the editor closed the reopened database too
    assert sorted(p.name for p in path.parent.iterdir()) == ["minutier-backups", "minutier.sqlite"]


# ---------------------------------------------------------------- read-only


def permissions_enforced() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_bytes(b"")
        probe.chmod(0o444)
        return not os.access(probe, os.W_OK)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder to fill, then ``freeze()`` makes it read-only: chmod as a user; as root (which
    writes through chmod) a tmpfs remounted read-only, as tests/test_safety_readonly.py does."""
    if os.name != "posix":
        pytest.skip("POSIX permissions or mounts are needed")
    if permissions_enforced():
        folder = tmp_path / "data"
        folder.mkdir()
        yield folder, lambda: folder.chmod(0o555)
        folder.chmod(0o755)
        return
    if shutil.which("mount") is None:
        pytest.skip("running as root without a mount command: no way to make a read-only folder")
    point = tmp_path / f"ro-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(point)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"root ignores chmod and cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield point, lambda: subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_read_only_database_shows_the_banner_and_an_edit_gives_the_message(
    qtbot, read_only_folder, tmp_path
):
    folder, freeze = read_only_folder
    path = folder / "minutier.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        meeting_id = load_sample(session).id
    db.close()
    freeze()
    before = digest(path)
    db = open_database(path)
    try:
        assert db.read_only
        window = make_window(qtbot, db, tmp_path, meeting_id)
        banner = window.findChild(QLabel, "readOnlyBanner")
        assert banner is not None and banner.isVisible()
        assert "This database is read-only: " in banner.text() and "Changes cannot be saved." in banner.text()
        assert banner.geometry().top() < window.tabs.mapTo(window, window.tabs.rect().topLeft()).y()

        general = window.show_tab("general")
        venue = general.values["venue"]
        with answering() as seen:
            general.widgets["venue"].setText("Ailleurs")
            general.bindings["venue"].flush_now()
            qtbot.waitUntil(lambda: len(seen) == 1)
        assert "is open read-only" in seen[0] and "changes cannot be saved" in seen[0]
        assert general.widgets["venue"].text() == venue  # back to what is stored

        tab = window.show_tab("compte-rendu")
        block = tab.current_node().data
        with answering() as seen:
            assert tab.store_text(block.id, "Texte réécrit") is False
            qtbot.waitUntil(lambda: len(seen) == 1)
        assert "read-only" in seen[0]
        assert not tab.message.isVisible()  # told once, by the window
        window.close()
    finally:
        db.close()
    assert digest(path) == before


def test_a_writable_database_shows_no_banner(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    assert window.findChild(QLabel, "readOnlyBanner") is None
    assert window.findChild(QLabel, "backupWarning") is None


def test_a_daily_backup_that_failed_is_a_warning_in_the_status_bar(qtbot, db, sample_id, tmp_path):
    db.backup_problem = f"No daily backup of minutier.sqlite could be written in {tmp_path} (No space left)."
    with answering() as seen:
        window = make_window(qtbot, db, tmp_path, sample_id)
        qtbot.wait(10)
    assert seen == []  # not a message box
    warning = window.findChild(QLabel, "backupWarning")
    assert warning is not None and warning.isVisible()
    assert warning.text().startswith("⚠ No backup today: No daily backup")
    assert warning.toolTip() == db.backup_problem


# ---------------------------------------------------------------- a row changed elsewhere


def test_an_edit_of_a_meeting_changed_elsewhere_says_so_reloads_and_keeps_the_typing(
    qtbot, db, db_path, sample_id, tmp_path
):
    window = make_window(qtbot, db, tmp_path, sample_id)
    general = window.show_tab("general")
    other = open_database(db_path)  # another window or process on the same file
    try:
        with other.transaction() as session:
            meetings.update_meeting(session, sample_id, venue="Changé ailleurs")
    finally:
        other.close()

    field = general.widgets["venue"]
    with answering() as seen:
        field.setText("Tapé ici")
        general.bindings["venue"].flush_now()
        qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0].startswith("This was changed elsewhere")
    assert "the window has been reloaded" in seen[0] and "« Tapé ici »" in seen[0]
    assert QGuiApplication.clipboard().text() == "Tapé ici"
    with db.reading() as session:
        assert meetings.get_meeting(session, sample_id).venue == "Changé ailleurs"  # not overwritten
    assert field.text() == "Changé ailleurs"  # reloaded
    assert not window.undo_action.isEnabled()  # the refused edit left nothing to undo

    # Once reloaded, the next edit goes through, and undo and redo still work.
    with answering() as seen:
        field.setText("Tapé ensuite")
        general.bindings["venue"].flush_now()
        general.store("title", "Nouveau titre")
        window.undo()
        window.redo()
    assert seen == []
    with db.reading() as session:
        meeting = meetings.get_meeting(session, sample_id)
        assert (meeting.venue, meeting.title) == ("Tapé ensuite", "Nouveau titre")


def test_a_report_text_changed_elsewhere_is_not_overwritten(qtbot, db, db_path, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    tab = window.show_tab("compte-rendu")
    block = tab.current_node().data
    other = open_database(db_path)
    try:
        with other.transaction() as session:
            report.update_block(session, block.id, text="Écrit dans l'autre fenêtre.")
    finally:
        other.close()

    mine = "Mon texte, **important**, tapé pendant ce temps.\n\nSecond paragraphe."
    with answering() as seen:
        tab.block_editor.text.selectAll()
        tab.block_editor.text.insertPlainText(mine)  # as typed: the document is modified
        tab.block_editor.text.commit()
        qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0].startswith("This was changed elsewhere") and "Mon texte" in seen[0]
    assert QGuiApplication.clipboard().text().endswith("Second paragraphe.")
    with db.reading() as session:
        assert session.get(Block, block.id).text == "Écrit dans l'autre fenêtre."
    assert tab.block_editor.text.saved_text() == "Écrit dans l'autre fenêtre."  # the editor shows it
    assert not tab.message.isVisible()

    # The next save, from the reloaded text, is stored.
    with answering() as seen:
        tab.block_editor.text.moveCursor(QTextCursor.MoveOperation.End)
        tab.block_editor.text.insertPlainText(" Et complété ici.")
        tab.block_editor.text.commit()
    assert seen == []
    with db.reading() as session:
        assert session.get(Block, block.id).text.endswith("Et complété ici.")
