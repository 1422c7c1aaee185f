"""``Database``: an open database and its units of work."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from models import changes, text_rules
from models.errors import ConflictError
from models.storage import WRITE_LOCK
from models.storage.errors import ReadOnlyDatabase, _storage_error, _unreadable_value
from models.storage.locks import _OPEN, _OPEN_LOCK, DatabaseLock
from models.storage.urls import safe_url


class Database:
    """An open database: one engine, one sessionmaker, units of work on demand.

    ``read_only``: opened read-only (``read_only_reason`` says why); every
    transaction() raises ReadOnlyDatabase. ``backup_problem``: why the daily
    backup due at open could not be taken, or None.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        path: Path | None,
        created: bool,
        read_only: bool = False,
        read_only_reason: str = "",
        backup_problem: str | None = None,
    ):
        self.engine = engine
        self.path = path
        self.created = created
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.backup_problem = backup_problem
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        text_rules.install(self._sessions)
        # Versions of the change feed written by this Database's commits (models/changes.py).
        self.own_versions: dict[int, set[int]] = {}
        self._own_lock = threading.Lock()
        changes.install(self._sessions, self._committed)
        self.lock: DatabaseLock | None = None  # set by open_database; released by close()
        self._registered = path.resolve() if path is not None else None
        if self._registered is not None:
            with _OPEN_LOCK:
                _OPEN[self._registered] += 1

    def _committed(self, bumped: dict[int, int]) -> None:
        with self._own_lock:
            for meeting_id, version in bumped.items():
                self.own_versions.setdefault(meeting_id, set()).add(version)

    @property
    def is_server(self) -> bool:
        """Whether the data lives on a database server (PostgreSQL) rather than in a file."""
        return self.path is None

    @property
    def label(self) -> str:
        """Where the data lives, for a title bar (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        return safe_url(self.engine.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all.

        Raises ConflictError when a row changed elsewhere since it was read,
        StorageError when the disk or the lock refused, ReadOnlyDatabase when
        opened read-only; the action is then rolled back entirely.
        """
        if self.read_only:
            raise ReadOnlyDatabase(
                f"{self.label} is open read-only ({self.read_only_reason}); changes cannot be saved. "
                "Copy it to a folder you can write to and open the copy."
            )
        with self._sessions() as session:
            try:
                connection = session.connection(execution_options={"minutier_write": True})
                if connection.dialect.name == "postgresql":
                    # One writer at a time, as SQLite's BEGIN IMMEDIATE: an action reads the rows
                    # it changes after the previous writer committed, so only a really stale edit
                    # (an older read, a kept object) meets the version check. Waits lock_timeout.
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
                yield session
                session.commit()
            except BaseException as exc:
                with suppress(SQLAlchemyError, sqlite3.Error):
                    session.rollback()
                if isinstance(exc, StaleDataError):
                    raise ConflictError(
                        "This was changed or deleted in another window or program since you opened it; "
                        "nothing was saved. Reload to see the current version."
                    ) from exc
                translated = _storage_error(exc, self.label) or _unreadable_value(exc, self.label)
                if translated is not None:
                    raise translated from exc
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look; whatever the block changes is rolled back."""
        with self._sessions() as session:
            try:
                yield session
            except (DBAPIError, sqlite3.Error, ValueError) as exc:
                translated = _storage_error(exc, self.label) or _unreadable_value(exc, self.label)
                if translated is not None:
                    raise translated from exc
                raise
            finally:
                with suppress(SQLAlchemyError, sqlite3.Error):
                    session.rollback()

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self._registered is not None:
            with _OPEN_LOCK:
                _OPEN[self._registered] -= 1
                if _OPEN[self._registered] <= 0:
                    del _OPEN[self._registered]
            self._registered = None
