"""Opening a Minutier database: checks, pragmas, migrations, units of work.

A file is checked before anything writes to it, so a file we refuse (not
ours, corrupt, from a newer Minutier) is left byte-identical.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from models import (
    entities,  # noqa: F401  (registers every table on Base.metadata)
    schema_version,
)
from models.base import Base
from models.errors import DatabaseRefused

# "MNUT": written in the SQLite header so we can tell our files from others.
APPLICATION_ID = 0x4D4E5554
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class FileCheck:
    """What a read-only look at an existing SQLite file found."""

    revision: str | None


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(100)
    except OSError as exc:
        raise DatabaseRefused(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def check_sqlite_file(path: Path) -> FileCheck:
    """Refuse a file that is not a healthy Minutier database, without writing to it."""
    header = _read_header(path)
    if not header:
        raise DatabaseRefused(f"{path} is an empty file, not a Minutier database.")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DatabaseRefused(f"{path} is not a Minutier database (not an SQLite file).")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise DatabaseRefused(f"{path} is an SQLite file of another program, not a Minutier database.")
    try:
        # mode=ro: the checks below must never write, not even a journal.
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DatabaseRefused(f"Cannot open {path}: {exc}.") from exc
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise DatabaseRefused(f"{path} is damaged (integrity check failed: {rows[0][0]}).")
        has_table = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        revision = None
        if has_table:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(f"{path} is damaged and cannot be read ({exc}).") from exc
    finally:
        con.close()
    _refuse_newer(str(path), revision)
    return FileCheck(revision=revision)


def _refuse_newer(where: str, revision: str | None) -> None:
    if revision is not None and not schema_version.is_known(revision):
        raise DatabaseRefused(
            f"{where} was written by a newer version of Minutier (schema {revision}); "
            "update Minutier to open it."
        )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Autocommit at the driver level; SQLAlchemy's begin hook below emits BEGIN
    # itself, so transactions start when we say and not when pysqlite guesses.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _sqlite_begin(conn) -> None:
    # IMMEDIATE takes the write lock up front: a second writer waits on
    # busy_timeout instead of failing with "database is locked" mid-transaction.
    mode = "IMMEDIATE" if conn.get_execution_options().get("minutier_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _make_sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


class Database:
    """An open database: one engine, one sessionmaker, units of work on demand."""

    def __init__(self, engine: Engine, *, path: Path | None, created: bool):
        self.engine = engine
        self.path = path
        self.created = created
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def label(self) -> str:
        """Where the data lives, for a title bar (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        with self._sessions() as session:
            session.connection(execution_options={"minutier_write": True})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look; whatever the block changes is rolled back."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        self.engine.dispose()


def _is_url(target: str) -> bool:
    return "://" in target


def open_database(target: str | Path, *, backup_dir: Path | None = None) -> Database:
    """Open (creating if needed) the database at a file path or SQLAlchemy URL.

    Raises DatabaseRefused, with the file untouched, when it cannot be used.
    """
    if isinstance(target, str) and _is_url(target):
        url = make_url(target)
        if url.get_backend_name() != "sqlite":
            return _open_server(target)
        if not url.database or url.database == ":memory:":
            raise DatabaseRefused("An in-memory database cannot hold meetings; give a file path.")
        target = url.database
    path = Path(target).expanduser()
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a Minutier database.")
    if path.exists():
        found = check_sqlite_file(path)
        engine = _make_sqlite_engine(path)
        _enable_wal(engine)
        if found.revision != schema_version.HEAD:
            from models import backup

            backup.backup_before_migration(path, found.revision, backup_dir)
            _migrate(engine)
        return Database(engine, path=path, created=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseRefused(f"Cannot create the folder {path.parent}: {exc.strerror or exc}.") from exc
    engine = _make_sqlite_engine(path)
    try:
        _raw_pragma(engine, f"application_id={APPLICATION_ID}")
        _enable_wal(engine)
        _create_schema(engine)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseRefused(f"Cannot create {path}: {exc.orig}.") from exc
    return Database(engine, path=path, created=True)


def _raw_pragma(engine: Engine, pragma: str) -> None:
    # Outside any transaction: SQLite refuses to change journal mode inside one.
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute(f"PRAGMA {pragma}")
    finally:
        raw.close()


def _enable_wal(engine: Engine) -> None:
    _raw_pragma(engine, "journal_mode=WAL")


def _create_schema(engine: Engine) -> None:
    """Create tables from the models and record the head revision.

    A test checks that the migrations produce the same schema, so this fast
    path (no Alembic import) cannot drift from them.
    """
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version VALUES (:rev)"), {"rev": schema_version.HEAD})


def _migrate(engine: Engine) -> None:
    from models.migrations import upgrade_to_head

    upgrade_to_head(engine)


def _open_server(url: str) -> Database:
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except ModuleNotFoundError as exc:
        raise DatabaseRefused(
            f"The driver for this database is not installed ({exc.name}); "
            "install Minutier with the matching extra, e.g. pip install .[postgres]."
        ) from exc
    except SQLAlchemyError as exc:
        safe = make_url(url).render_as_string(hide_password=True)
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseRefused(f"Cannot connect to {safe}: {reason}") from exc
    safe = engine.url.render_as_string(hide_password=True)
    _refuse_newer(safe, revision)
    created = False
    if revision is None:
        if tables:
            raise DatabaseRefused(f"{safe} already holds other tables; it is not a Minutier database.")
        _create_schema(engine)
        created = True
    elif revision != schema_version.HEAD:
        _migrate(engine)
    return Database(engine, path=None, created=created)


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Minutier", appauthor=False) / "minutier.sqlite"


def timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")
