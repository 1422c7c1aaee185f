"""Opening, creating and refusing database files (issue 2)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from models import schema_version
from models.database import APPLICATION_ID, open_database
from models.entities import Attendance, Meeting
from models.errors import DatabaseRefused

pytestmark = pytest.mark.both_backends


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_marked_as_minutier_and_stamped(db, db_path):
    assert db.created
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(schema_version.HEAD,)]
    finally:
        con.close()


@pytest.mark.sqlite_only
def test_every_connection_enforces_foreign_keys_and_waits_for_locks(db):
    with db.reading() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_foreign_keys_refuse_an_orphan_row(db):
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(Attendance(meeting_id=999, person_id=999))


def test_reopening_keeps_the_data(db_target, db, sample_id):
    db.close()
    again = open_database(db_target)
    try:
        assert not again.created
        with again.reading() as session:
            assert session.get(Meeting, sample_id).title.startswith("Réunion annuelle")
    finally:
        again.close()


def test_a_failed_action_writes_nothing(db, sample_id):
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.get(Meeting, sample_id).title = "half-written"
        raise RuntimeError("the user action fails halfway")
    with db.reading() as session:
        assert session.get(Meeting, sample_id).title != "half-written"


def test_creates_missing_folders(tmp_path):
    database = open_database(tmp_path / "a" / "b" / "m.sqlite")
    database.close()
    assert (tmp_path / "a" / "b" / "m.sqlite").exists()


def test_sqlite_url_is_accepted(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'u.sqlite'}")
    try:
        assert database.path == tmp_path / "u.sqlite"
    finally:
        database.close()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "empty file"),
        ("Prénom;Nom\nSami;Kanaan\n".encode(), "not a Minutier database"),
        (b"PK\x03\x04" + b"\x00" * 4000, "not a Minutier database"),
    ],
    ids=["empty", "csv", "zip-like docx"],
)
def test_refuses_a_file_that_is_not_a_database_and_leaves_it_alone(tmp_path, content, says):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseRefused, match=says) as info:
        open_database(path)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_refuses_another_programs_sqlite_file(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(path)
    assert digest(path) == before


def _checkpointed_copy(db, db_path, tmp_path):
    """The database as one self-contained file (no WAL side files)."""
    db.close()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(db_path.read_bytes())
    return copy


def test_refuses_a_corrupt_file_and_leaves_it_alone(db, db_path, sample_id, tmp_path):
    path = _checkpointed_copy(db, db_path, tmp_path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Zero the second page: the schema points at it, so SQLite sees the damage.
    data[page_size : 2 * page_size] = bytes(page_size)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="damaged") as info:
        open_database(path)
    assert "\n" not in str(info.value)
    assert digest(path) == before


def test_refuses_a_schema_newer_than_the_app_and_leaves_it_alone(db, db_path, tmp_path):
    path = _checkpointed_copy(db, db_path, tmp_path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="newer version of Minutier"):
        open_database(path)
    assert digest(path) == before


def test_refuses_a_folder(tmp_path):
    with pytest.raises(DatabaseRefused, match="folder"):
        open_database(tmp_path)


def test_label_never_shows_a_password():
    from sqlalchemy import create_engine

    from models.database import Database

    engine = create_engine("sqlite://")
    engine.url = engine.url.set(drivername="postgresql", username="u", password="secret", host="h")
    assert "secret" not in Database(engine, path=None, created=False).label
