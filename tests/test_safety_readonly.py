"""Read-only file or folder (issue 6): open read-only with a flag for a banner, or refuse clearly.

Root ignores file permissions, so as root a truly read-only place is made by
mounting a tmpfs and remounting it read-only; where mounting is not allowed
those tests are skipped with the reason. As a normal user, chmod does it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

import main
from models.database import ReadOnlyDatabase, open_database
from models.errors import DatabaseRefused, MinutierError
from models.services import meetings


def add_meeting(path: Path, title: str) -> None:
    db = open_database(path)
    try:
        with db.transaction() as session:
            meetings.create_meeting(session, title, "2024-05-01")
    finally:
        db.close()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def read_only_mount(tmp_path):
    """A tmpfs to fill, then ``freeze()`` remounts it read-only."""
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    point = tmp_path / f"ro-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(point)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {made.stderr.decode().strip()}")

    def freeze() -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)

    try:
        yield point, freeze
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_database_on_a_read_only_disk_opens_read_only(read_only_mount, capsys):
    point, freeze = read_only_mount
    path = point / "minutier.sqlite"
    add_meeting(path, "Réunion 2024")
    assert listing(point) == ["minutier.sqlite"]  # closed cleanly: no journal left
    freeze()

    db = open_database(path)
    try:
        assert db.read_only and db.read_only_reason == "the disk is read-only"
        with db.reading() as session:
            assert [m.title for m in meetings.list_meetings(session)] == ["Réunion 2024"]
        with pytest.raises(ReadOnlyDatabase, match="read-only") as info, db.transaction() as session:
            meetings.create_meeting(session, "lost?", "2024-06-01")
        assert "\n" not in str(info.value)
    finally:
        db.close()
    assert listing(point) == ["minutier.sqlite"]

    assert main.main(["list", "--db", str(path)]) == 0
    assert "Réunion 2024" in capsys.readouterr().out
    sample = Path(__file__).resolve().parents[1] / "resources" / "samples" / "meeting-2023.json"
    assert main.main(["import", str(sample), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "read-only" in err


CRASH_AFTER_COMMIT = """
import os, sys
from models.database import open_database
from models.services import meetings
db = open_database(sys.argv[1])
with db.transaction() as session:
    meetings.create_meeting(session, "only in the journal", "2024-06-01")
os._exit(0)
"""


def crash_leaving_a_journal(path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-c", CRASH_AFTER_COMMIT, str(path)], cwd=root, env=env, check=True)
    assert Path(f"{path}-wal").stat().st_size > 0


def test_a_journal_on_a_read_only_disk_is_read_when_its_index_exists(read_only_mount):
    point, freeze = read_only_mount
    path = point / "minutier.sqlite"
    add_meeting(path, "in the file")
    crash_leaving_a_journal(path)
    freeze()
    db = open_database(path)
    try:
        assert db.read_only
        with db.reading() as session:
            titles = sorted(m.title for m in meetings.list_meetings(session))
        assert titles == ["in the file", "only in the journal"]
    finally:
        db.close()


def test_a_journal_that_cannot_be_read_on_a_read_only_disk_is_refused_clearly(read_only_mount):
    point, freeze = read_only_mount
    path = point / "minutier.sqlite"
    add_meeting(path, "in the file")
    crash_leaving_a_journal(path)
    Path(f"{path}-shm").unlink()
    freeze()
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused, match="journal") as info:
        open_database(path)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == before


def permissions_enforced() -> bool:
    """False as root (with CAP_DAC_OVERRIDE), which writes through any chmod."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_bytes(b"")
        probe.chmod(0o444)
        return not os.access(probe, os.W_OK)


DROP_OVERRIDE = ["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


@pytest.mark.skipif(os.name != "posix" or permissions_enforced(), reason="only needed as root")
def test_as_root_the_chmod_tests_run_without_the_permission_override(tmp_path):
    setpriv = shutil.which("setpriv")
    if setpriv is None or subprocess.run([setpriv, *DROP_OVERRIDE, "true"], capture_output=True).returncode:
        pytest.skip("setpriv cannot drop CAP_DAC_OVERRIDE here; the mount tests cover read-only")
    test = f"{__file__}::test_a_read_only_file_or_folder_opens_read_only"
    command = [setpriv, *DROP_OVERRIDE, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test]
    result = subprocess.run(
        [*command, "--basetemp", str(tmp_path / "inner")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and "2 passed" in result.stdout, result.stdout + result.stderr


@pytest.mark.skipif(os.name != "posix" or not permissions_enforced(), reason="root ignores chmod (see above)")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_opens_read_only(tmp_path, what):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "minutier.sqlite"
    add_meeting(path, "Réunion")
    target = path if what == "file" else folder
    target.chmod(0o555 if what == "folder" else 0o444)
    try:
        db = open_database(path)
        try:
            assert db.read_only and what in db.read_only_reason
            with db.reading() as session:
                assert len(meetings.list_meetings(session)) == 1
            with pytest.raises(MinutierError), db.transaction() as session:
                meetings.create_meeting(session, "x", "2024-06-01")
        finally:
            db.close()
    finally:
        target.chmod(0o755 if what == "folder" else 0o644)


def test_read_only_flag_is_off_for_a_normal_file(db):
    assert db.read_only is False and db.read_only_reason == ""
    with db.transaction() as session:
        meetings.create_meeting(session, "x", "2024-06-01")


def test_sqlite_cannot_write_through_a_read_only_database_either(read_only_mount):
    """Belt and braces: even bypassing transaction(), the connection itself refuses."""
    point, freeze = read_only_mount
    path = point / "minutier.sqlite"
    add_meeting(path, "x")
    freeze()
    db = open_database(path)
    try:
        with db.engine.connect() as conn, pytest.raises(Exception, match=r"readonly|read-only|query_only"):
            conn.exec_driver_sql("UPDATE meeting SET title = 'y'")
    finally:
        db.close()
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    assert con.execute("SELECT title FROM meeting").fetchone()[0] == "x"
    con.close()
