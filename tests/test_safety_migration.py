"""Schema upgrades (issue 6, test 3): newer files refused untouched; a killed upgrade loses nothing.

The "old" database is a real pre-0001 Minutier file (marked as ours, no
tables of the model yet, plus data of its own), so opening it runs the real
migration 0001. To kill it midway, the subprocess wraps Alembic's
``op.create_table`` so that after a few tables it reports and waits; the
parent then sends SIGKILL. The migration runs in one SQLite transaction, so
the file must still hold the old data and pass integrity_check, and the
pre-migration backup must restore exactly the old content.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models import backup, schema_version
from models.database import APPLICATION_ID, open_database
from models.errors import DatabaseRefused

ROOT = Path(__file__).resolve().parents[1]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_old_database(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    con.executemany("INSERT INTO note (text) VALUES (?)", [(f"note {i} — éàü 中文",) for i in range(500)])
    con.commit()
    con.close()


def content(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_a_newer_schema_is_refused_and_the_file_left_byte_identical(tmp_path, capsys):
    path = tmp_path / "minutier.sqlite"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before = digest(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DatabaseRefused, match="newer version of Minutier") as info:
        open_database(path)
    assert "\n" not in str(info.value)
    assert main.main(["list", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "update Minutier" in err
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


KILLED_MIGRATION = """
import os, sys, time
from alembic import op
real_create_table = op.create_table
created = []

def slow_create_table(*args, **kwargs):
    result = real_create_table(*args, **kwargs)
    created.append(args[0])
    if len(created) == 3:
        print("midway " + ",".join(created), flush=True)
        time.sleep(120)
    return result

op.create_table = slow_create_table
from models.database import open_database
open_database(sys.argv[1])
print("finished", flush=True)
"""


def test_a_migration_killed_midway_loses_nothing_and_its_backup_restores(tmp_path):
    path = tmp_path / "minutier.sqlite"
    make_old_database(path)
    original = content(path)

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_MIGRATION, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        line = proc.stdout.readline()
        assert line.startswith("midway "), line
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    # The interrupted upgrade left no trace in the data: same content, sound file.
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert tables(path) == {"note"}
    assert content(path) == original

    (taken,) = [b for b in backup.list_backups(path) if b.kind == "before-migration"]
    assert backup.check_backup(taken.path) == "ok"
    done = backup.restore_backup(path, taken.path)
    assert content(path) == original
    assert done.set_aside is not None and content(done.set_aside) == original

    # And the upgrade then runs to its end.
    db = open_database(path)
    try:
        with db.reading() as session:
            revision = (
                session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            )
        assert revision == schema_version.HEAD
    finally:
        db.close()
    assert "note" in tables(path) and "meeting" in tables(path)


def test_a_failing_migration_is_a_clear_refusal_and_changes_no_data(tmp_path, monkeypatch):
    path = tmp_path / "minutier.sqlite"
    make_old_database(path)
    original = content(path)

    import models.migrations

    def broken_upgrade(engine, revision="head"):
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE half_done (x)")
            raise RuntimeError("simulated failure in the middle of an upgrade")

    monkeypatch.setattr(models.migrations, "upgrade_to_head", broken_upgrade)
    with pytest.raises(DatabaseRefused, match="rolled back") as info:
        open_database(path)
    assert "\n" not in str(info.value)
    assert content(path) == original
    (taken,) = backup.list_backups(path)
    assert taken.kind == "before-migration" and content(taken.path) == original
