"""Engines and their pragmas, transactions' BEGIN, the schema's creation and migration."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL

from models import (
    entities,  # noqa: F401  (registers every table on Base.metadata)
    schema_version,
)
from models.base import Base
from models.storage import BUSY_TIMEOUT_MS
from models.storage.checks import _uri


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Autocommit at the driver level; SQLAlchemy's begin hook below emits BEGIN
    # itself, so transactions start when we say and not when pysqlite guesses.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _readonly_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _sqlite_begin(conn) -> None:
    # IMMEDIATE takes the write lock up front: a second writer waits on
    # busy_timeout instead of failing with "database is locked" mid-transaction.
    mode = "IMMEDIATE" if conn.get_execution_options().get("minutier_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _file_url(path: Path) -> URL:
    """The SQLAlchemy URL of a database file, built, never parsed: ``?``, ``#`` or ``%`` in a
    name stay part of the name (``f"sqlite:///{path}"`` would read ``a?b.sqlite`` as file ``a``)."""
    return URL.create("sqlite", database=os.path.abspath(path))


def _make_sqlite_engine(path: Path) -> Engine:
    engine = create_engine(_file_url(path), future=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _make_readonly_engine(path: Path, query: str) -> Engine:
    uri = _uri(path, query)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    engine = create_engine(_file_url(path), creator=connect, future=True)
    event.listen(engine, "connect", _readonly_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


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
        _create_schema_on(conn)


def _create_schema_on(conn) -> None:
    Base.metadata.create_all(conn)
    conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL)"))
    conn.execute(text("DELETE FROM alembic_version"))
    conn.execute(text("INSERT INTO alembic_version VALUES (:rev)"), {"rev": schema_version.HEAD})


def _migrate(engine: Engine) -> None:
    from models.migrations import upgrade_to_head

    upgrade_to_head(engine)
