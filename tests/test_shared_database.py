"""A shared PostgreSQL database (issue 7): opening a server, the change feed, conflicts, copy.

Tests taking ``db`` run on SQLite and PostgreSQL (tests/conftest.py); the
ones about a server itself need MINUTIER_TEST_PG_URL and skip without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from models import changes, interchange, schema_version
from models.database import ReadOnlyDatabase, StorageError, _create_schema, _storage_error, open_database
from models.entities import Block, ChangeLog, Meeting, Person
from models.errors import ConflictError, DatabaseRefused
from models.migrations import upgrade_connection
from models.sample import load_sample, sample_text
from models.services import attendance, meetings, people, programme, report, rollover

pytestmark = pytest.mark.both_backends

ROOT = Path(__file__).resolve().parents[1]
SECRET = "s3cr3t-Pa55word"


def run(*args, env=None):
    full_env = {k: v for k, v in os.environ.items() if k != "MINUTIER_DB"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def one_line_error(result) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def with_password(url: str, password: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=password).render_as_string(hide_password=False)


# ---------------------------------------------------------------- opening a server


def test_an_unreachable_server_is_one_line_without_the_password():
    # Nothing listens on port 1: refused at once, no server needed.
    url = f"postgresql+psycopg://minutier:{SECRET}@127.0.0.1:1/minutier"
    result = run("list", "--db", url)
    line = one_line_error(result)
    assert SECRET not in result.stderr + result.stdout
    try:
        import psycopg  # noqa: F401
    except ImportError:
        assert "pip install .[postgres]" in line
    else:
        assert line == (
            "minutier: Cannot connect to postgresql+psycopg://minutier:***@127.0.0.1:1/minutier: "
            "nothing answers at 127.0.0.1:1; is the server running there?"
        )


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("mysql://u:SECRET@localhost/x", "not mysql"),
        ("postgresql://u:SECRET@localhost:port/x", "is not a database address"),
    ],
    ids=["other server", "malformed"],
)
def test_addresses_minutier_cannot_use_are_refused_without_the_password(target, says):
    target = target.replace("SECRET", SECRET)
    with pytest.raises(DatabaseRefused, match=says) as info:
        open_database(target)
    assert SECRET not in str(info.value)


@pytest.fixture
def server_url(pg_url):
    return pg_url


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda u: with_password(u, SECRET), "refused the user name minutier or its password"),
        (lambda u: u.rsplit("/", 1)[0] + "/no_such_database", "has no database named no_such_database"),
        (
            lambda u: with_password(u, SECRET).replace("minutier:", "nobody:", 1),
            "refused the user name nobody",
        ),
    ],
    ids=["wrong password", "no such database", "unknown user"],
)
def test_server_refusals_are_one_clear_line_without_the_password(server_url, change, says):
    result = run("list", "--db", change(server_url))
    line = one_line_error(result)
    assert says in line
    assert SECRET not in result.stderr + result.stdout
    assert "minutier-test" not in result.stderr  # nor the real one


def test_a_new_server_database_is_created_at_head_and_reopened(server_url):
    db = open_database(server_url)
    try:
        assert db.created and db.is_server and "***" in db.label
        with db.transaction() as session:
            load_sample(session)
    finally:
        db.close()
    again = open_database(server_url)
    try:
        assert not again.created
        with again.reading() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                schema_version.HEAD
            )
            assert session.scalar(select(Meeting.title)).startswith("Réunion annuelle")
            # Row locks are waited for a bounded time, as SQLite's busy timeout.
            assert session.execute(text("SHOW lock_timeout")).scalar() == "15s"
    finally:
        again.close()


def test_a_server_database_written_by_a_newer_minutier_or_another_program_is_refused(server_url):
    engine = create_engine(server_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('9999')"))
    with pytest.raises(DatabaseRefused, match="newer version of Minutier"):
        open_database(server_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(text("CREATE TABLE invoices (x integer)"))
    with pytest.raises(DatabaseRefused, match="not a Minutier database"):
        open_database(server_url)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["invoices"]  # left alone
    engine.dispose()


def test_an_older_server_database_is_migrated_on_open(server_url):
    engine = create_engine(server_url)
    with engine.begin() as conn:
        upgrade_connection(conn, "0001")
    engine.dispose()
    db = open_database(server_url)
    try:
        assert not db.created
        with db.transaction() as session:
            meeting_id = load_sample(session).id
        with db.reading() as session:
            assert changes.read(session)[meeting_id] == 1
    finally:
        db.close()


def test_migrations_build_the_same_schema_as_the_models_on_postgresql(pg_server):
    from test_migrations import _schema

    migrated, created = pg_server.create(), pg_server.create()
    try:
        engine = create_engine(pg_server.url_for(migrated))
        with engine.begin() as conn:
            upgrade_connection(conn)
        engine.dispose()
        engine = create_engine(pg_server.url_for(created))
        _create_schema(engine)
        engine.dispose()
        assert _schema(pg_server.url_for(migrated)) == _schema(pg_server.url_for(created))
    finally:
        pg_server.drop(migrated)
        pg_server.drop(created)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_connection_lost_mid_action_saves_nothing_and_says_so(db, sample_id, pg_server):
    with (
        pytest.raises(StorageError, match="Lost the connection to postgresql") as info,
        db.transaction() as s,
    ):
        meetings.update_meeting(s, sample_id, venue="lost")
        s.flush()
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar()
        pg_server.admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        meetings.update_meeting(s, sample_id, title="also lost")
    assert "\n" not in str(info.value) and "minutier-test" not in str(info.value)
    with db.reading() as session:  # the next action reconnects
        assert session.get(Meeting, sample_id).venue != "lost"


@pytest.mark.parametrize(
    ("error", "becomes"),
    [
        ("DeadlockDetected", ConflictError),
        ("SerializationFailure", ConflictError),
        ("LockNotAvailable", StorageError),
        ("DiskFull", StorageError),
        ("ReadOnlySqlTransaction", ReadOnlyDatabase),
        ("AdminShutdown", StorageError),
    ],
)
def test_server_failures_become_one_sentence_errors(error, becomes):
    errors = pytest.importorskip("psycopg.errors")
    translated = _storage_error(getattr(errors, error)("server says no"), "the server")
    assert type(translated) is becomes
    assert "\n" not in str(translated)


# ---------------------------------------------------------------- the change feed


def feed(db) -> dict[int, int]:
    with db.reading() as session:
        return changes.read(session)


def test_every_kind_of_change_bumps_its_meeting_once_per_commit(db, sample_id):
    start = feed(db)
    assert start[sample_id] == 1 and start[changes.GLOBAL] == 1  # the import: the meeting, its people
    with db.reading() as session:
        meeting = session.get(Meeting, sample_id)
        item_id = meeting.programme[1].id
        speaker_id = meeting.programme[1].people[0].id
        block_id = meeting.sections[1].sections[0].blocks[0].id
        row_id = meeting.attendance[0].id
    steps = [
        lambda s: meetings.update_meeting(s, sample_id, venue="Ailleurs"),
        lambda s: programme.update_item(s, item_id, title="Ouverture"),
        lambda s: programme.update_programme_person(s, speaker_id, function="Maire"),
        lambda s: report.update_block(s, block_id, text="Nouveau texte"),
        lambda s: attendance.set_marks(s, [row_id], status="excused"),
        lambda s: report.delete_block(s, block_id),
    ]
    for n, step in enumerate(steps, start=1):
        with db.transaction() as session:
            step(session)
        now = feed(db)
        assert now[sample_id] == start[sample_id] + n
        assert now[changes.GLOBAL] == start[changes.GLOBAL]  # nothing outside the meeting
    with db.transaction() as session:
        people.update_person(session, session.get(Meeting, sample_id).attendance[0].person_id, email="x@y.z")
    assert feed(db)[changes.GLOBAL] == start[changes.GLOBAL] + 1


def test_a_failed_or_read_only_action_bumps_nothing(db, sample_id):
    before = feed(db)
    with pytest.raises(RuntimeError), db.transaction() as session:
        meetings.update_meeting(session, sample_id, venue="half-done")
        session.flush()
        raise RuntimeError("fails halfway")
    with db.reading() as session:
        session.get(Meeting, sample_id).venue = "only looked at"
    with db.transaction() as session:
        session.get(Meeting, sample_id)  # read, changed nothing
    assert feed(db) == before


def test_deleting_a_meeting_removes_its_row(db, sample_id):
    with db.transaction() as session:
        copy_id = meetings.duplicate_meeting(session, sample_id).id
    assert copy_id in feed(db)
    with db.transaction() as session:
        meetings.delete_meeting(session, copy_id)
    assert copy_id not in feed(db)
    with db.reading() as session:
        assert session.get(ChangeLog, copy_id) is None


def test_the_watcher_tells_others_changes_from_its_own(db, db_target, sample_id):
    watcher = changes.ChangeWatcher(db)
    other = open_database(db_target)  # another window, process or computer
    try:
        with db.transaction() as session:
            meetings.update_meeting(session, sample_id, venue="mine")
        seen = watcher.poll()
        assert seen.any and not seen.by_others and not seen.touches(sample_id)
        with other.transaction() as session:
            meetings.update_meeting(session, sample_id, venue="theirs")
        with db.transaction() as session:
            meetings.update_meeting(session, sample_id, title="mine again")
        seen = watcher.poll()
        assert seen.touches(sample_id)  # theirs came in between mine
        assert watcher.poll() == changes.Changes()  # nothing new since
        with other.transaction() as session:
            people.add_person(session, first_name="Nouvelle")  # may show in any meeting
        assert watcher.poll().touches(sample_id)
        with other.transaction() as session:
            new_id = meetings.create_meeting(session, "Autre", "2025-01-01").id
        seen = watcher.poll()
        assert seen.by_others == {new_id} and not seen.touches(sample_id)
        with other.transaction() as session:
            meetings.delete_meeting(session, new_id)
        assert watcher.poll().by_others == {new_id}
    finally:
        other.close()


# ---------------------------------------------------------------- conflicts: reload or overwrite


def test_a_conflict_can_be_overwritten_on_purpose(db, db_target, sample_id):
    """The editor's "overwrite" choice: the same service call again, without expected_version."""
    with db.reading() as session:
        seen = session.get(Meeting, sample_id).version
    other = open_database(db_target)
    try:
        with other.transaction() as session:
            meetings.update_meeting(session, sample_id, venue="theirs")
    finally:
        other.close()
    with pytest.raises(ConflictError, match="changed elsewhere"), db.transaction() as session:
        meetings.update_meeting(session, sample_id, expected_version=seen, venue="mine")
    with db.transaction() as session:
        meetings.update_meeting(session, sample_id, expected_version=None, venue="mine")
    with db.reading() as session:
        assert session.get(Meeting, sample_id).venue == "mine"


def test_a_stale_object_is_a_conflict_on_every_backend(db, db_target, sample_id):
    with db.reading() as session:
        block = session.get(Meeting, sample_id).sections[1].sections[0].blocks[0]
        block_id = block.id
    with db.transaction() as session:
        stale = session.get(Block, block_id)  # kept after the commit, as a form keeps it
    other = open_database(db_target)
    try:
        with other.transaction() as session:
            report.update_block(session, block_id, text="theirs")
    finally:
        other.close()
    with pytest.raises(ConflictError, match="changed or deleted in another window"), db.transaction() as s:
        s.add(stale)
        stale.text = "mine"
    with db.reading() as session:
        assert session.get(Block, block_id).text == "theirs"


# ---------------------------------------------------------------- copy


def build_varied_database(path) -> None:
    """Meetings and people that test a copy: two years, a logo, scripts, twins, a roster-only person."""
    db = open_database(path)
    try:
        with db.transaction() as session:
            sample_id = load_sample(session).id
            data = json.loads(sample_text())
            data["meeting"].update(title="Atelier « été » 2021 — نظرة 🌍", date="2021-06-30")
            data["meeting"]["logo"] = {"media_type": "image/png", "data": "iVBORw0KGgo="}
            interchange.import_data(session, data)
            rollover.new_meeting_from(session, sample_id, "2024-12-10")
            meetings.create_meeting(session, "Vide", "2019-03-01")
            # Two people the import would merge (same name, same organisation), on one list.
            twin_a = people.add_person(session, first_name="Ana", last_name="Silva", function="A")
            twin_b = people.add_person(session, first_name="Ana", last_name="Silva", function="B")
            session.flush()
            attendance.add_attendance(session, sample_id, twin_a.id)
            attendance.add_attendance(session, sample_id, twin_b.id)
            people.add_person(session, first_name="Only", last_name="Roster", email="only@example.org")
    finally:
        db.close()


def dumps(target) -> list[str]:
    db = open_database(target)
    try:
        with db.reading() as session:
            return [interchange.dumps(m) for m in session.scalars(select(Meeting).order_by(Meeting.id))]
    finally:
        db.close()


def roster(target) -> list[tuple]:
    db = open_database(target)
    try:
        with db.reading() as session:
            return sorted(
                (p.first_name, p.last_name, p.function, p.email) for p in session.scalars(select(Person))
            )
    finally:
        db.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_copy_sqlite_to_postgresql_and_back_keeps_every_dump_byte_identical(tmp_path, db_target):
    original, back = tmp_path / "original.sqlite", tmp_path / "back.sqlite"
    build_varied_database(original)
    there = run("copy", "--from", original, "--to", db_target)
    assert there.returncode == 0, there.stderr
    assert "Copied 4 meeting(s) and 50 roster people" in there.stdout
    assert "Checked: each of the 4 meeting(s) dumps identically" in there.stdout
    assert "minutier-test" not in there.stdout + there.stderr  # the server's password
    again = run("copy", "--from", db_target, "--to", back)
    assert again.returncode == 0, again.stderr
    first = dumps(original)
    assert len(first) == 4
    assert dumps(db_target) == first
    assert dumps(back) == first  # byte-identical, every meeting
    assert roster(back) == roster(original)
    # And what `dump` writes, through the command line, is the same file on the three.
    for n, target in enumerate((original, db_target, back)):
        out = tmp_path / f"dump-{n}.json"
        assert run("dump", "2021", "-o", out, "--db", target).returncode == 0
    assert (tmp_path / "dump-0.json").read_bytes() == (tmp_path / "dump-1.json").read_bytes()
    assert (tmp_path / "dump-1.json").read_bytes() == (tmp_path / "dump-2.json").read_bytes()


def test_copy_refuses_a_target_that_holds_data_and_writes_nothing(tmp_path, db, sample_id, db_target):
    source = tmp_path / "source.sqlite"
    build_varied_database(source)
    before = dumps(db_target)
    db.close()
    line = one_line_error(run("copy", "--from", source, "--to", db_target))
    assert "already holds meetings or people" in line
    assert dumps(db_target) == before


def test_copy_refuses_a_missing_source_without_creating_it(tmp_path):
    missing = tmp_path / "missing.sqlite"
    line = one_line_error(run("copy", "--from", missing, "--to", tmp_path / "to.sqlite"))
    assert "no such database file" in line
    assert not missing.exists() and not (tmp_path / "to.sqlite").exists()
