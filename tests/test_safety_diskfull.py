"""Disk full while writing (issue 6, test 4): a clear error, nothing acknowledged lost.

Two ways to fill the disk: RLIMIT_FSIZE in a subprocess (writes past the
limit fail with EFBIG, which SQLite reports as an I/O error), and, when this
machine lets the test mount one, a real 2 MB tmpfs (ENOSPC, "disk is full").
Each change is one transaction of ~40 KB acknowledged after commit; writing
goes on until the disk refuses three times. Then the database passes
integrity_check and holds every acknowledged change, and Minutier opens it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from models.database import open_database
from models.errors import MinutierError
from models.services import meetings

ROOT = Path(__file__).resolve().parents[1]


def fill(db, report) -> list[str]:
    """Add ~40 KB notes, one per transaction, until the disk refuses three times; the errors."""
    from models.entities import Person

    errors: list[str] = []
    n = 0
    while len(errors) < 3 and n < 10_000:
        n += 1
        try:
            with db.transaction() as session:
                session.add(Person(first_name=f"ack{n}", function="note " * 8000))
        except MinutierError as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        report(n)
    return errors


def check(path: Path, acked: set[int]) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        present = {int(r[0][3:]) for r in con.execute("SELECT first_name FROM person")}
    finally:
        con.close()
    assert acked and acked <= present
    db = open_database(path)
    db.close()


FILL_UNDER_RLIMIT = """
import os, resource, signal, sys
sys.path.insert(0, os.environ["TESTS_DIR"])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
from models.database import open_database
from test_safety_diskfull import fill
db = open_database(sys.argv[1])
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
errors = fill(db, lambda n: print(f"ack {n}", flush=True))
for error in errors:
    print("error " + error, flush=True)
db.close()
print("closed", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_file_size_limit_gives_a_clear_error_and_keeps_every_acknowledged_change(tmp_path):
    path = tmp_path / "minutier.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        meetings.create_meeting(session, "Réunion", "2024-05-01")
    db.close()
    limit = path.stat().st_size + 1_500_000
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TESTS_DIR": str(Path(__file__).parent)}
    result = subprocess.run(
        [sys.executable, "-c", FILL_UNDER_RLIMIT, str(path), str(limit)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    acked = {int(line.split()[1]) for line in lines if line.startswith("ack ")}
    errors = [line[6:] for line in lines if line.startswith("error ")]
    assert len(errors) == 3 and lines[-1] == "closed"
    for error in errors:
        assert error.startswith("StorageError: Cannot save to") and "disk" in error, error
        assert "not saved" in error
    assert len(acked) > 10
    check(path, acked)


@pytest.fixture
def small_tmpfs(tmp_path):
    mount_point = tmp_path / f"full-{uuid.uuid4().hex[:8]}"
    mount_point.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {made.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_really_full_disk_gives_a_clear_error_and_keeps_every_acknowledged_change(small_tmpfs):
    path = small_tmpfs / "minutier.sqlite"
    db = open_database(path)
    acked: set[int] = set()
    try:
        errors = fill(db, acked.add)
        assert len(errors) == 3
        for error in errors:
            assert error.startswith("StorageError: Cannot save to") and "disk is full" in error, error
            assert "\n" not in error
        # Reading still works on a full disk.
        with db.reading() as session:
            assert meetings.list_meetings(session) == []
    finally:
        db.close()
    assert len(acked) > 5
    check(path, acked)
