"""Backups (issue 6): daily and tiered, checked, listed, restored with the current file kept aside."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import main
from models import backup
from models.database import open_database
from models.entities import Meeting
from models.errors import DatabaseRefused
from models.services import meetings

ROOT = Path(__file__).resolve().parents[1]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def titles(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT title FROM meeting ORDER BY id")]
    finally:
        con.close()


def add_meeting(path: Path, title: str) -> None:
    db = open_database(path)
    try:
        with db.transaction() as session:
            meetings.create_meeting(session, title, "2024-05-01")
    finally:
        db.close()


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page : 2 * page] = bytes(page)
    path.write_bytes(bytes(data))


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- daily backups


def test_daily_backup_is_taken_on_open_once_a_day_and_only_after_a_change(db_path):
    add_meeting(db_path, "first")  # creating a database takes no backup
    assert backup.list_backups(db_path) == []

    db = open_database(db_path)  # changed, never backed up: due
    db.close()
    (first,) = backup.list_backups(db_path)
    assert (first.kind, first.tier) == ("backup", "daily")
    assert backup.check_backup(first.path) == "ok"
    assert titles(first.path) == ["first"]
    # A backup is a standalone file: checking it leaves nothing beside it.
    assert sorted(p.name for p in first.path.parent.iterdir()) == [first.path.name]

    open_database(db_path).close()  # same day: not again
    assert len(backup.list_backups(db_path)) == 1

    tomorrow = dt.date.today() + dt.timedelta(days=1)
    # Reading (and the checkpoint at close) does not count as a change…
    db = open_database(db_path)
    with db.reading() as session:
        meetings.list_meetings(session)
    db.close()
    assert not backup.needs_daily_backup(db_path, today=tomorrow)
    # …a write does.
    add_meeting(db_path, "second")
    assert backup.needs_daily_backup(db_path, today=tomorrow)
    assert not backup.needs_daily_backup(db_path)  # still at most once today


def test_a_backup_that_fails_does_not_stop_the_open(db_path, tmp_path):
    add_meeting(db_path, "kept")
    blocker = tmp_path / "minutier-backups"
    blocker.write_text("a file where the backup folder should be", encoding="utf-8")
    db = open_database(db_path)
    try:
        assert db.backup_problem is not None and "No daily backup" in db.backup_problem
        assert "\n" not in db.backup_problem
        with db.reading() as session:
            assert [m.title for m in meetings.list_meetings(session)] == ["kept"]
    finally:
        db.close()


def test_tiers_keep_7_daily_4_weekly_12_monthly_and_never_touch_other_kinds(db_path):
    add_meeting(db_path, "x")
    folder = backup.backup_folder(db_path)
    real = backup.backup_now(db_path)
    start = dt.datetime(2024, 1, 1, 12, 0, 0)
    days = 800
    for d in range(days):  # one backup a day for more than two years
        taken = start + dt.timedelta(days=d)
        shutil.copy(real, folder / f"minutier-backup-{taken:%Y%m%d-%H%M%S}.sqlite")
    real.unlink()
    special = [
        folder / "minutier-before-migration-0000-20230101-000000.sqlite",
        folder / "minutier-set-aside-20230101-000000.sqlite",
        folder / "unrelated-notes.txt",
    ]
    for path in special:
        path.write_bytes(b"kept whatever it is")

    removed = backup.rotate(db_path)
    listed = [b for b in backup.list_backups(db_path) if b.kind == "backup"]
    assert len(removed) == days - len(listed)
    by_tier: dict[str, list[dt.datetime]] = {}
    for b in listed:
        by_tier.setdefault(b.tier, []).append(b.taken)
    last = start + dt.timedelta(days=days - 1)
    assert sorted(by_tier["daily"]) == [last - dt.timedelta(days=k) for k in range(6, -1, -1)]
    assert len(by_tier["weekly"]) <= 4  # the newest of this week is already a daily one
    assert len({(t.isocalendar()[:2]) for t in by_tier["daily"] + by_tier["weekly"]}) >= 4
    months = {(t.year, t.month) for t in listed_taken(listed)}
    assert len(months) == 12
    assert len(listed) <= 7 + 4 + 12
    assert min(listed_taken(listed)) >= last - dt.timedelta(days=366)
    assert all(path.exists() for path in special)
    # Rotating again removes nothing more.
    assert backup.rotate(db_path) == []


def listed_taken(listed) -> list[dt.datetime]:
    return [b.taken for b in listed]


def test_older_backups_are_rotated_only_after_the_new_one_passed_its_check(db_path, monkeypatch):
    add_meeting(db_path, "x")
    folder = backup.backup_folder(db_path)
    real = backup.backup_now(db_path)
    for d in range(40):
        taken = dt.datetime(2020, 1, 1) + dt.timedelta(days=d)
        shutil.copy(real, folder / f"minutier-backup-{taken:%Y%m%d-%H%M%S}.sqlite")
    before = sorted(folder.iterdir())

    def failing_copy(source, destination):
        raise DatabaseRefused(f"The backup of {source} failed its integrity check (simulated).")

    monkeypatch.setattr(backup, "copy_database", failing_copy)
    with pytest.raises(DatabaseRefused):
        backup.backup_now(db_path)
    assert sorted(folder.iterdir()) == before


# ---------------------------------------------------------------- damaged file: offer the newest good backup


def test_a_damaged_database_names_the_newest_good_backup_and_the_cli_restores_it(db_path, capsys):
    add_meeting(db_path, "good")
    open_database(db_path).close()  # takes the daily backup
    (good,) = backup.list_backups(db_path)
    # A newer backup that is itself damaged must not be the one offered.
    bad = good.path.with_name("minutier-backup-29991231-235959.sqlite")
    shutil.copy(good.path, bad)
    damage(bad)
    assert backup.newest_good_backup(db_path).path == good.path

    damage(db_path)
    before = digest(db_path)
    with pytest.raises(DatabaseRefused) as info:
        open_database(db_path)
    assert info.value.backup.path == good.path
    message = str(info.value)
    assert "\n" not in message
    assert f"minutier restore {good.path.name} --db {db_path}" in message
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["minutier-backups", "minutier.sqlite"]

    code, out, err = run_cli(capsys, "list", "--db", db_path)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "minutier restore" in err

    code, out, err = run_cli(capsys, "backups", "--db", db_path)
    assert code == 0 and err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].split("\t")[3].startswith("damaged")
    assert lines[1].split("\t")[2:4] == ["daily", "ok"]

    code, out, err = run_cli(capsys, "restore", good.path.name, "--db", db_path)
    assert code == 0, err
    assert out.startswith(f"Restored {db_path} from {good.path.name}") and len(out.splitlines()) == 1
    assert titles(db_path) == ["good"]
    (aside,) = [b for b in backup.list_backups(db_path) if b.kind == "set-aside"]
    assert digest(aside.path) == before  # the damaged file, kept byte for byte
    code, out, err = run_cli(capsys, "list", "--db", db_path)
    assert code == 0 and "good" in out


def test_restore_errors_are_one_line_and_change_nothing(db_path, capsys, tmp_path):
    add_meeting(db_path, "current")
    before = digest(db_path)
    code, _out, err = run_cli(capsys, "restore", "no-such-backup.sqlite", "--db", db_path)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "No backup" in err
    not_a_backup = tmp_path / "notes.sqlite"
    not_a_backup.write_text("hello", encoding="utf-8")
    code, _out, err = run_cli(capsys, "restore", not_a_backup, "--db", db_path)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "not an SQLite file" in err
    assert digest(db_path) == before
    code, out, _err = run_cli(capsys, "backups", "--db", tmp_path / "nothing.sqlite")
    assert code == 0 and out.startswith("No backups yet")


# ---------------------------------------------------------------- restore and the WAL side files

CRASH_AFTER_COMMIT = """
import os, sys
from models.database import open_database
from models.services import meetings
db = open_database(sys.argv[1])
with db.transaction() as session:
    meetings.create_meeting(session, "after the backup", "2024-06-01")
os._exit(0)  # no close: the change stays in the -wal, as after a crash
"""


def test_restore_sets_the_current_file_aside_with_its_journal(db_path):
    add_meeting(db_path, "in the backup")
    taken = backup.backup_now(db_path)
    subprocess.run([sys.executable, "-c", CRASH_AFTER_COMMIT, str(db_path)], cwd=ROOT, check=True)
    wal = Path(f"{db_path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    wal_bytes = wal.read_bytes()

    done = backup.restore_backup(db_path, taken)
    assert done.set_aside is not None and done.set_aside.parent == backup.backup_folder(db_path)
    # The journal went with the file it belongs to; none is left to replay onto the restored data.
    assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists()
    assert Path(f"{done.set_aside}-wal").read_bytes() == wal_bytes
    assert titles(db_path) == ["in the backup"]
    assert titles(done.set_aside) == ["in the backup", "after the backup"]

    db = open_database(db_path)
    try:
        with db.reading() as session:
            assert [m.title for m in session.query(Meeting)] == ["in the backup"]
    finally:
        db.close()


HOLD_OPEN = """
import sys, time
from models.database import open_database
from models.services import meetings
db = open_database(sys.argv[1])
with db.reading() as session:
    meetings.list_meetings(session)
print("open", flush=True)
time.sleep(60)
"""


def test_restore_refuses_a_database_open_here_or_in_another_process(db_path):
    add_meeting(db_path, "x")
    taken = backup.backup_now(db_path)
    db = open_database(db_path)
    with pytest.raises(backup.RestoreError, match="close it"):
        backup.restore_backup(db_path, taken)
    db.close()

    with subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(db_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "open"
            before = digest(db_path)
            with pytest.raises(backup.RestoreError, match="close it"):
                backup.restore_backup(db_path, taken)
            assert digest(db_path) == before
        finally:
            holder.kill()
    backup.restore_backup(db_path, taken)  # closed everywhere: allowed


def test_restore_without_a_current_file_and_of_a_newer_backup(db_path, tmp_path):
    add_meeting(db_path, "x")
    taken = backup.backup_now(db_path)
    copy = tmp_path / "elsewhere.sqlite"
    done = backup.restore_backup(copy, taken)
    assert done.set_aside is None and titles(copy) == ["x"]

    newer = tmp_path / "newer.sqlite"
    shutil.copy(taken, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = digest(db_path)
    with pytest.raises(backup.RestoreError, match="newer Minutier"):
        backup.restore_backup(db_path, newer)
    assert digest(db_path) == before


def test_the_warm_path_of_the_daily_check_is_cheap(db_path):
    add_meeting(db_path, "x")
    open_database(db_path).close()
    start = time.perf_counter()
    for _ in range(100):
        assert not backup.needs_daily_backup(db_path)
    assert (time.perf_counter() - start) / 100 < 0.005
    assert os.path.exists(backup.backup_folder(db_path))
