"""Opening a Minutier database: checks, pragmas, migrations, units of work.

A file is checked before anything writes to it, so a file we refuse (not
ours, corrupt, from a newer Minutier) is left byte-identical. (One
exception: a rollback-journal file with a hot -journal is first rolled
back by SQLite, which restores it as it was before the interrupted
transaction; Minutier files are in WAL mode, where this never happens.)

Data safety (docs/data-safety.md):

- A file, or its folder, that cannot be written is opened read-only
  (``Database.read_only``; ``read_only_reason`` says why, for a banner);
  every write transaction then raises ReadOnlyDatabase. A WAL database whose
  journal (-wal) holds changes but whose -shm cannot be created is refused.
- An existing file is checked with quick_check when it opens read-only,
  with the full integrity_check (indexes too) when it opens writable.
- A file path never goes into a URL as text (``_file_url``): any legal file
  name means that file. A new file is built under a temporary name and
  linked into place whole (``_create_new``).
- While a file is open, its lock (``lock_database_file``) is held shared; a
  restore takes it exclusively.
- Every open of an existing, healthy, writable file takes the daily backup
  when one is due (models.backup.maybe_daily_backup: one listing and two
  stats on the warm path); a failure there does not stop the open and is
  kept in ``Database.backup_problem``.
- A refused existing file (damaged, or not a database) names the newest
  backup that passes integrity_check, with the command that restores it;
  the exception carries it as ``exc.backup`` (a BackupInfo, or None).
- On a PostgreSQL server (docs/shared-database.md) writes are serialised
  by an advisory lock, as SQLite's BEGIN IMMEDIATE does for files; a
  server that cannot be reached, a database that does not exist or
  credentials it refuses make one sentence, never with the password.
- Database.transaction() turns the storage's failures into one-sentence
  MinutierErrors: ConflictError (a row changed by another window or
  process since it was read), StorageError (disk full, I/O error, lock
  held too long), DatabaseDamaged; reading() the last two for damaged data.
- Every session refuses text a .docx cannot hold (models.text_rules).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shlex
import sqlite3
import stat
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from models import (
    changes,
    entities,  # noqa: F401  (registers every table on Base.metadata)
    schema_version,
    text_rules,
)
from models.base import Base
from models.errors import ConflictError, DatabaseRefused, MinutierError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

# "MNUT": written in the SQLite header so we can tell our files from others.
APPLICATION_ID = 0x4D4E5554
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000
WRITE_LOCK = APPLICATION_ID + 1  # a server's advisory lock held by each write transaction


class DatabaseDamaged(DatabaseRefused):
    """The file is a Minutier database that fails its integrity check; it was not changed."""


class ReadOnlyDatabase(MinutierError):
    """A write was attempted on a database opened read-only."""


class StorageError(MinutierError):
    """The disk refused a write (full, I/O error) or the lock was held too long; nothing was saved."""


# Resolved paths of the files this process has open (restore refuses them).
_OPEN: Counter[Path] = Counter()
_OPEN_LOCK = threading.Lock()


def open_paths() -> set[Path]:
    with _OPEN_LOCK:
        return {p for p, n in _OPEN.items() if n > 0}


def _is_open_here(path: Path) -> bool:
    return path.resolve() in open_paths()


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


def _has_journal(path: Path) -> bool:
    """Whether a non-empty -wal lies beside ``path`` (changes not yet in the main file)."""
    try:
        return os.stat(f"{path}-wal").st_size > 0
    except OSError:
        return False


def _uri(path: Path, query: str) -> str:
    return f"{path.resolve().as_uri()}?{query}"


def _readonly_query(path: Path, folder_writable: bool) -> str:
    """How to open ``path`` without writing: mode=ro, or immutable when SQLite could not lock.

    mode=ro still needs a -shm for a WAL file; in a folder that cannot be
    written it can only be had when the -shm already exists. With no journal
    to read, immutable=1 reads the file as it is, without locks.
    """
    if folder_writable:
        return "mode=ro"
    if not _has_journal(path):
        return "mode=ro&immutable=1"
    if os.path.exists(f"{path}-shm"):
        return "mode=ro"
    raise DatabaseRefused(
        f"{path} has changes in its journal ({path.name}-wal) that cannot be read in a read-only folder; "
        "copy the folder somewhere you can write and open it there."
    )


def one_line(error: object, limit: int = 160) -> str:
    """An error's text on one line, shortened: SQLite quotes whole schema statements."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _decode(raw: bytes) -> str:
    # integrity_check quotes damaged bytes; never fail on reporting them.
    return raw.decode("utf-8", "replace")


def first_problem(rows: list[tuple]) -> str:
    """The first line of an integrity_check report that names a problem, shortened to fit one line."""
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")] or ["unknown problem"]
    first = problems[0]
    return first if len(first) <= 120 else first[:117] + "…"


def _refused(cls: type[DatabaseRefused], message: str, status: str) -> DatabaseRefused:
    """A refusal carrying ``status``: the short phrase models.backup.check_backup lists."""
    exc = cls(message)
    exc.status = status
    return exc


def _examine(path: Path, query: str, *, full: bool = False) -> str | None:
    """Run the read-only checks through ``query``; the revision, or DatabaseRefused.

    ``full``: PRAGMA integrity_check, which also compares every index with its
    table; quick_check skips that, and a file it passes may still fail a
    write halfway (« row 34 missing from index »).
    """
    try:
        con = sqlite3.connect(_uri(path, query), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise _refused(
            DatabaseRefused, f"Cannot open {path}: {one_line(exc)}.", f"cannot be read ({one_line(exc)})"
        ) from exc
    con.text_factory = _decode
    try:
        rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            problem = first_problem(rows)
            raise _refused(
                DatabaseDamaged,
                f"{path} is damaged (integrity check failed: {problem}).",
                f"damaged ({problem})",
            )
        tables = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        revision = None
        if ("alembic_version",) in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise _refused(
                DatabaseRefused, f"{path} is locked by another program; try again.", "cannot be read (locked)"
            ) from exc
        if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CANTOPEN"):
            raise _refused(
                DatabaseRefused, f"Cannot open {path}: {one_line(exc)}.", f"cannot be read ({one_line(exc)})"
            ) from exc
        raise _refused(
            DatabaseDamaged,
            f"{path} is damaged and cannot be read ({one_line(exc)}).",
            f"damaged ({one_line(exc)})",
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise _refused(
            DatabaseDamaged,
            f"{path} is damaged and cannot be read ({one_line(exc)}).",
            f"damaged ({one_line(exc)})",
        ) from exc
    except UnicodeDecodeError as exc:
        # SQLite's own error message quoted bytes of the damaged schema.
        raise _refused(
            DatabaseDamaged,
            f"{path} is damaged and cannot be read (its schema is unreadable).",
            "damaged (its schema is unreadable)",
        ) from exc
    finally:
        con.close()
    if isinstance(revision, bytes | int | float):
        raise _refused(
            DatabaseDamaged,
            f"{path} is damaged (its schema revision is unreadable).",
            "damaged (its schema revision is unreadable)",
        )
    if revision is None and {name for (name,) in tables} & set(Base.metadata.tables):
        # Minutier's tables but no revision: the first migration, which creates them, would fail.
        raise _refused(
            DatabaseRefused,
            f"{path} is not a Minutier database (it holds its tables but no schema revision).",
            "not a Minutier database (its tables are there but not its schema revision)",
        )
    _refuse_newer(str(path), revision)
    return revision


def _check_header(path: Path) -> None:
    header = _read_header(path)
    if not header:
        raise _refused(
            DatabaseRefused,
            f"{path} is an empty file, not a Minutier database.",
            "not an SQLite file (empty)",
        )
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise _refused(
            DatabaseRefused, f"{path} is not a Minutier database (not an SQLite file).", "not an SQLite file"
        )
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise _refused(
            DatabaseRefused,
            f"{path} is an SQLite file of another program, not a Minutier database.",
            "not a Minutier database",
        )


def examine_backup(path: Path) -> str | None:
    """Check a backup with the rules of opening a database, and the full integrity check.

    Returns its revision; raises DatabaseRefused (``exc.status``: a short phrase). Never
    writes: with no -wal beside it, the file is read immutable (no -shm created).
    """
    _check_header(path)
    query = "mode=ro" if os.path.exists(f"{path}-wal") else "mode=ro&immutable=1"
    return _examine(path, query, full=True)


def _size(name: str) -> int:
    try:
        return os.stat(name).st_size
    except OSError:
        return 0


def _roll_back_interrupted(path: Path, folder_writable: bool) -> None:
    """Let SQLite roll back a transaction interrupted in rollback-journal mode.

    A file in that mode (a restored backup, an old file) with a hot -journal
    cannot be read consistently without that rollback, which puts back the
    file as it was before the interrupted transaction: the one write that
    may precede the checks.
    """
    if not (folder_writable and os.access(path, os.W_OK)):
        raise DatabaseRefused(
            f"{path} has an interrupted transaction ({path.name}-journal) that cannot be rolled back "
            "here; copy the folder somewhere you can write and open it there."
        )
    try:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseDamaged(f"{path} is damaged and cannot be read ({one_line(exc)}).") from exc
    except UnicodeDecodeError as exc:
        raise DatabaseDamaged(f"{path} is damaged and cannot be read (its schema is unreadable).") from exc


def check_sqlite_file(path: Path, *, folder_writable: bool | None = None, full: bool = False) -> FileCheck:
    """Refuse a file that is not a healthy Minutier database, without writing to it.

    ``full``: the whole integrity_check (indexes too), for a file about to be
    written; quick_check otherwise.

    With no journal beside the file, it is read with immutable=1: no locks
    and no -wal/-shm created next to a file we may refuse (a -wal exists
    while any connection has the file open, so nobody is writing it then).
    """
    if folder_writable is None:
        folder_writable = os.access(path.parent, os.W_OK)
    # A file this process already has open was checked when it was opened;
    # reading it again through another descriptor would drop SQLite's POSIX
    # locks on it when that descriptor closes.
    if not _is_open_here(path):
        _check_header(path)
    if _size(f"{path}-journal"):
        _roll_back_interrupted(path, folder_writable)
    revision = None
    if not os.path.exists(f"{path}-wal"):
        try:
            revision = _examine(path, "mode=ro&immutable=1", full=full)
        except DatabaseRefused:
            # A journal that appeared meanwhile means another Minutier started
            # writing during the read: confirm with a locked read before refusing.
            if not (folder_writable and os.path.exists(f"{path}-wal")):
                raise
            revision = _examine(path, "mode=ro", full=full)
    else:
        revision = _examine(path, _readonly_query(path, folder_writable), full=full)
    _refuse_newer(str(path), revision)
    return FileCheck(revision=revision)


def _refuse_newer(where: str, revision: str | None) -> None:
    if revision is not None and not schema_version.is_known(revision):
        raise _refused(
            DatabaseRefused,
            f"{where} was written by a newer version of Minutier (schema {revision}); "
            "update Minutier to open it.",
            f"written by a newer Minutier (schema {revision})",
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


def _server_error(orig: BaseException, where: str) -> MinutierError | None:
    """The user-facing error for a failure of a database server (psycopg's errors), or None for others."""
    if not type(orig).__module__.startswith("psycopg"):
        return None
    import psycopg

    state = getattr(orig, "sqlstate", None) or ""
    message = one_line(str(orig).splitlines()[0] if str(orig) else type(orig).__name__)
    if state in ("40001", "40P01"):  # serialization failure, deadlock: another save at the same moment
        return ConflictError(
            "Someone else was saving the same data at the same moment; nothing was saved. Try again."
        )
    if state in ("55P03", "57014"):  # lock_not_available (lock_timeout), query_canceled
        seconds = BUSY_TIMEOUT_MS // 1000
        return StorageError(
            f"{where} kept this data locked for another user for {seconds} s; nothing was saved, try again."
        )
    if state == "53100":
        return StorageError(f"Cannot save to {where}: the server's disk is full. Nothing was saved.")
    if state in ("25006", "42501"):  # read-only transaction (a standby), insufficient privilege
        return ReadOnlyDatabase(
            f"{where} does not let this user change the data ({message}); nothing was saved."
        )
    if isinstance(orig, psycopg.OperationalError) or state.startswith(("08", "57P")):
        return StorageError(
            f"Lost the connection to {where} ({message}); this action was not saved. "
            "Check the network, then try again."
        )
    return None


def _storage_error(exc: BaseException, where: str) -> MinutierError | None:
    """The user-facing error for a failure of the storage itself, or None for others."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error):
        return _server_error(orig, where) if orig is not None else None
    name = getattr(orig, "sqlite_errorname", "") or ""
    message = one_line(orig)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in message:
        seconds = BUSY_TIMEOUT_MS // 1000
        return StorageError(
            f"{where} stayed locked by another Minutier for {seconds} s; nothing was saved, try again."
        )
    if name == "SQLITE_FULL" or "disk is full" in message:
        return StorageError(f"Cannot save to {where}: the disk is full. Nothing was saved; free some space.")
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in message:
        return StorageError(
            f"Cannot save to {where}: the disk refused the write ({message}; full, removed or "
            "failing?). This action was not saved."
        )
    if name.startswith("SQLITE_READONLY"):
        return ReadOnlyDatabase(f"{where} cannot be written ({message}); nothing was saved.")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in message:
        return DatabaseDamaged(f"{where} is damaged ({message}); restore a backup (minutier backups).")
    if "Could not decode" in message:
        column = re.search(r"column '([^']*)'", message)
        where_text = f" (column {column.group(1)})" if column else ""
        return DatabaseDamaged(
            f"{where} is damaged: it holds text that is not valid UTF-8{where_text}; "
            "restore a backup (minutier backups)."
        )
    return None


def _unreadable_value(exc: BaseException, where: str) -> MinutierError | None:
    """A stored value SQLAlchemy cannot convert (a date reading "2023-1a-12"): damaged data.

    Only a ValueError raised inside SQLAlchemy's result processors counts;
    any other ValueError is a bug and keeps its traceback.
    """
    if not isinstance(exc, ValueError):
        return None
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if "sqlalchemy" in code.co_filename and (
            "processor" in code.co_filename or "processor" in code.co_name
        ):
            return DatabaseDamaged(
                f"{where} holds a value that cannot be read ({one_line(exc)}); "
                "the file is damaged, restore a backup (minutier backups)."
            )
        tb = tb.tb_next
    return None


# ---------------------------------------------------------------- the restore lock


class DatabaseLock:
    """A flock on the lock file of one database file (``lock_database_file``)."""

    def __init__(self, fd: int):
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _lock_folder() -> Path | None:
    """Where lock files live: never beside the data (nothing to copy along, nothing to delete)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime and os.path.isdir(runtime) else Path(tempfile.gettempdir())
    folder = base / f"minutier-locks-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return None  # someone else's: not trusted
    return folder


def _lock_file(path: Path) -> Path | None:
    """The lock file of ``path``: named after its folder's identity and its name, which a
    restore does not change (it replaces the file, so the file's own inode does)."""
    folder = _lock_folder()
    if folder is None:
        return None
    real = Path(os.path.realpath(path))
    try:
        info = os.stat(real.parent)
    except OSError:
        return None
    key = f"{info.st_dev}:{info.st_ino}:".encode() + os.fsencode(real.name)
    return folder / f"{hashlib.sha256(key).hexdigest()[:32]}.lock"


def lock_database_file(path: Path, *, exclusive: bool, wait: float) -> DatabaseLock | None:
    """Take the lock of a database file: shared while it is open, exclusive while it is restored.

    Waits up to ``wait`` seconds, then raises DatabaseRefused. Returns None where there
    are no such locks (Windows, where an open file cannot be replaced anyway; no lock folder).
    """
    if fcntl is None:
        return None
    lock_path = _lock_file(path)
    if lock_path is None:
        return None
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return DatabaseLock(fd)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                if exclusive:
                    raise DatabaseRefused(f"{path} is open in Minutier.") from None
                raise DatabaseRefused(
                    f"{path} is being restored from a backup by another Minutier; try again in a moment."
                ) from None
            time.sleep(0.05)
        except OSError:
            os.close(fd)
            return None


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


def _is_url(target: str) -> bool:
    return "://" in target


def _read_only_reason(path: Path) -> str | None:
    """Why ``path`` cannot be written, or None when it can."""
    folder = path.parent
    with suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the disk is read-only"
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(folder, os.W_OK):
        return "its folder is read-only"
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists() and not os.access(side, os.W_OK):
            return f"{side.name} is read-only"
    return None


def _restore_hint(exc: DatabaseRefused, path: Path, backup_dir: Path | None) -> DatabaseRefused:
    """``exc`` with the newest good backup and the command restoring it, when there is one."""
    from models import backup

    info = backup.newest_good_backup(path, backup_dir)
    if info is None:
        exc.backup = None
        return exc
    shown = info.path.name if info.path.parent == backup.backup_folder(path) else str(info.path)
    command = f"minutier restore {shlex.quote(shown)}"
    if path.resolve() != default_database_path().resolve():
        command += f" --db {shlex.quote(str(path))}"
    message = str(exc).rstrip(".")
    hinted = type(exc)(
        f"{message}; nothing was changed. The newest good backup is from "
        f"{info.taken:%Y-%m-%d %H:%M}: restore it with `{command}`."
    )
    hinted.backup = info
    return hinted


def open_database(target: str | Path, *, backup_dir: Path | None = None) -> Database:
    """Open (creating if needed) the database at a file path or SQLAlchemy URL.

    Raises DatabaseRefused, with the file untouched, when it cannot be used.
    """
    if isinstance(target, str) and _is_url(target):
        url = parse_url(target)
        if url.get_backend_name() != "sqlite":
            return _open_server(url)
        if not url.database or url.database == ":memory:":
            raise DatabaseRefused("An in-memory database cannot hold meetings; give a file path.")
        target = url.database
    path = Path(target).expanduser()
    try:
        if path.is_dir():
            raise DatabaseRefused(f"{path} is a folder, not a Minutier database.")
        exists = path.exists()
    except OSError as exc:  # a name too long, a loop of links…
        raise DatabaseRefused(f"Cannot open {path}: {_os_reason(exc)}.") from exc
    if not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseRefused(f"Cannot create the folder {path.parent}: {_os_reason(exc)}.") from exc
    # Held while the database is open: a restore (models.backup) waits for nobody and
    # refuses while anyone holds it, and an open waits while a restore holds it.
    lock = lock_database_file(path, exclusive=False, wait=BUSY_TIMEOUT_MS / 1000)
    try:
        db = _open_existing(path, backup_dir) if path.exists() else _create_new(path, backup_dir)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    db.lock = lock
    return db


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return (exc.strerror or str(exc)).rstrip(".").lower()


def _sqlite_reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    name = getattr(orig, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return "the disk is full"
    if name.startswith("SQLITE_READONLY"):
        return "the disk or folder is read-only"
    if isinstance(orig, OSError):
        return _os_reason(orig)
    return one_line(orig)


CREATING_STALE_S = 60  # a half-made new database older than this was left by a killed process


def _create_new(path: Path, backup_dir: Path | None) -> Database:
    """Create a new database under a temporary name, then give it its name in one step.

    A failure (read-only or full disk) or a kill leaves no file, rather than an empty
    one that the next open would refuse; two processes creating the same file make it once.
    """
    import secrets

    folder = path.parent
    stem = "." + path.name.encode("utf-8", "surrogateescape")[:100].decode("utf-8", "ignore") + "."
    with suppress(OSError):
        for entry in os.scandir(folder):
            ours = entry.name.startswith(stem) and entry.name.endswith(".creating")
            if ours and time.time() - entry.stat(follow_symlinks=False).st_mtime > CREATING_STALE_S:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    with suppress(OSError):
                        os.unlink(entry.path + suffix)
    tmp = folder / f"{stem}{secrets.token_hex(4)}.creating"
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except OSError as exc:
        raise DatabaseRefused(f"Cannot create {path}: {_os_reason(exc)}.") from exc
    try:
        engine = _make_sqlite_engine(tmp)
        try:
            _raw_pragma(engine, f"application_id={APPLICATION_ID}")
            _enable_wal(engine)
            _create_schema(engine)
        finally:
            engine.dispose()  # the last connection closed: everything is in the file, no -wal
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # fails if the name was taken meanwhile: never over another file
        except FileExistsError:
            return _open_existing(path, backup_dir)
        except OSError:
            if path.exists():  # a file system without hard links
                return _open_existing(path, backup_dir)
            os.rename(tmp, path)
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        raise DatabaseRefused(f"Cannot create {path}: {_sqlite_reason(exc)}.") from exc
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with suppress(OSError):
                os.unlink(f"{tmp}{suffix}")
    from models.backup import _fsync_folder

    _fsync_folder(folder)
    return Database(_make_sqlite_engine(path), path=path, created=True)


def _open_existing(path: Path, backup_dir: Path | None) -> Database:
    reason = _read_only_reason(path)
    try:
        # The whole integrity check before a session that may write: an index that
        # disagrees with its table passes quick_check, then fails a write halfway.
        found = check_sqlite_file(path, folder_writable=os.access(path.parent, os.W_OK), full=reason is None)
    except DatabaseRefused as exc:
        # A backup is worth offering for a damaged file, or one replaced by something else;
        # not for a newer file (update Minutier) or a locked or unreadable one (try again).
        text = str(exc)
        if isinstance(exc, DatabaseDamaged) or "not a Minutier database" in text or "empty file" in text:
            raise _restore_hint(exc, path, backup_dir) from exc
        exc.backup = None
        raise
    if reason is not None:
        if found.revision != schema_version.HEAD:
            raise DatabaseRefused(
                f"{path} needs upgrading to this version of Minutier but {reason}; "
                "copy it to a folder you can write to and open the copy."
            )
        engine = _make_readonly_engine(path, _readonly_query(path, os.access(path.parent, os.W_OK)))
        return Database(engine, path=path, created=False, read_only=True, read_only_reason=reason)
    engine = _make_sqlite_engine(path)
    problem = None
    try:
        _enable_wal(engine)
        if found.revision != schema_version.HEAD:
            from models import backup

            saved = backup.backup_before_migration(path, found.revision, backup_dir)
            try:
                _migrate(engine)
            except Exception as exc:
                reason = f"{type(exc).__name__}: {one_line(exc)}"
                raise DatabaseRefused(
                    f"Upgrading {path} failed ({reason}); the upgrade was rolled back "
                    f"and a copy from before it is {saved}."
                ) from exc
        else:
            problem = _daily_backup(path, backup_dir)
    except (OperationalError, sqlite3.Error) as exc:
        engine.dispose()
        error = _storage_error(exc, str(path))
        reason = str(error) if error is not None else one_line(getattr(exc, "orig", exc))
        raise DatabaseRefused(f"Cannot open {path}: {reason}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, path=path, created=False, backup_problem=problem)


def _daily_backup(path: Path, backup_dir: Path | None) -> str | None:
    from models import backup

    try:
        backup.maybe_daily_backup(path, backup_dir)
    except MinutierError as exc:
        return str(exc)
    return None


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


# ---------------------------------------------------------------- database servers

SERVER_CONNECT_TIMEOUT_S = 10
SERVER_BACKENDS = ("postgresql",)
PG_DRIVER = "postgresql+psycopg"  # the driver of the [postgres] extra


# libpq takes a password in the user information (user:secret@host), as a query parameter
# (?password=secret, which SQLAlchemy's hide_password leaves shown) and in key=value strings.
_PASSWORD_PARAMETER = re.compile(
    r"(?i)((?:^|[?&;\s])(?:password|passwd|pgpassword)\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s#]*)"
)


def mask_password(target: str) -> str:
    """``target`` with every password in it replaced by ***, even when it is not a valid URL."""
    target = _PASSWORD_PARAMETER.sub(lambda m: m.group(1) + "***", target)
    scheme, sep, rest = target.partition("://")
    if not sep:
        return target
    authority_end = len(rest)
    for stop in ("/", "?", "#"):
        at_or_after = rest.find(stop, rest.rfind("@") + 1 if "@" in rest else 0)
        if at_or_after != -1:
            authority_end = min(authority_end, at_or_after)
    authority, tail = rest[:authority_end], rest[authority_end:]
    credentials, at, host = authority.rpartition("@")
    if not at or ":" not in credentials:
        return target
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}{tail}"


def safe_url(url: URL) -> str:
    """A server's address for messages and title bars: no password in any form."""
    return mask_password(url.render_as_string(hide_password=True))


def parse_url(target: str) -> URL:
    """A --db URL (``postgresql://``, ``postgres://``: the psycopg driver); DatabaseRefused if malformed."""
    try:
        url = make_url(target)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseRefused(
            f"{mask_password(target)} is not a database address "
            "(expected a file, or e.g. postgresql+psycopg://user@host/dbname)."
        ) from exc
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername=PG_DRIVER)
    return url


def _scrub(text_: str, url: URL) -> str:
    """An error text with the URL's password, in any spelling, replaced by ***."""
    from urllib.parse import quote, quote_plus

    passwords = [url.password] if url.password else []
    for key, value in url.query.items():
        if key.lower() in ("password", "passwd"):
            passwords += [value] if isinstance(value, str) else list(value)
    # libpq reads PGPASSWORD when the address has none, and may quote what it used.
    if len(os.environ.get("PGPASSWORD", "")) >= 4:
        passwords.append(os.environ["PGPASSWORD"])
    for password in passwords:
        for spelling in {str(password), quote(str(password), safe=""), quote_plus(str(password))}:
            if spelling:
                text_ = text_.replace(spelling, "***")
    return mask_password(text_)


def _connect_args(url: URL) -> dict:
    """Time-outs for a server: never hang on an unreachable host, never wait forever on a row lock."""
    query = url.query
    args: dict = {}
    if "connect_timeout" not in query:
        args["connect_timeout"] = SERVER_CONNECT_TIMEOUT_S
    if "application_name" not in query:
        args["application_name"] = "Minutier"
    options = query.get("options", "")
    options = " ".join(options) if isinstance(options, tuple) else options
    if "lock_timeout" not in options:
        args["options"] = f"{options} -c lock_timeout={BUSY_TIMEOUT_MS}".strip()
    return args


def _server_refusal(exc: BaseException, url: URL, safe: str) -> str:
    """One sentence saying why the server cannot be used: unreachable, credentials, no such database…"""
    orig = getattr(exc, "orig", None) or exc
    raw = _scrub(str(orig), url)
    lower = raw.lower()
    where = url.host or "localhost"
    if url.port:
        where += f":{url.port}"
    user = url.username or "(no user name)"
    if "no password supplied" in lower:
        return (
            f"Cannot connect to {safe}: the server asks for a password; put it in the address "
            "(postgresql+psycopg://user:password@host/dbname) or in ~/.pgpass."
        )
    if "authentication failed" in lower or ("role" in lower and "does not exist" in lower):
        return f"Cannot connect to {safe}: the server refused the user name {user} or its password."
    if "pg_hba.conf" in lower:
        return f"Cannot connect to {safe}: the server does not accept {user} from here (pg_hba.conf)."
    if "database" in lower and "does not exist" in lower:
        return (
            f"Cannot connect to {safe}: the server has no database named {url.database}; "
            "create it (createdb) or check the name."
        )
    if "connection refused" in lower or "no such file or directory" in lower:
        return f"Cannot connect to {safe}: nothing answers at {where}; is the server running there?"
    if "could not translate host name" in lower or "name or service not known" in lower:
        return f"Cannot connect to {safe}: unknown host {url.host}."
    if "timeout expired" in lower or "timed out" in lower:
        return f"Cannot connect to {safe}: no answer from {where} within {SERVER_CONNECT_TIMEOUT_S} s."
    if "permission denied" in lower:
        return (
            f"{safe} does not let {user} create Minutier's tables ({one_line(raw.splitlines()[0])}); "
            "make that user the owner of the database."
        )
    first = next((line.strip() for line in raw.splitlines() if line.strip()), type(orig).__name__)
    return f"Cannot use {safe}: {one_line(first)}"


def _prepare_server(engine: Engine, safe: str) -> bool:
    """Check the revision; create the schema on an empty database, migrate an older one. True if created.

    All in one transaction (PostgreSQL's DDL is transactional: a failed
    upgrade leaves nothing half-done), under an advisory lock so that two
    Minutiers opening a new database at once create it once.
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPLICATION_ID})
        tables = inspect(conn).get_table_names()
        revision = None
        if "alembic_version" in tables:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        _refuse_newer(safe, revision)
        if revision is None:
            if tables:
                raise DatabaseRefused(f"{safe} already holds other tables; it is not a Minutier database.")
            _create_schema_on(conn)
            return True
        if revision != schema_version.HEAD:
            from models.migrations import upgrade_connection

            try:
                upgrade_connection(conn)
            except SQLAlchemyError as exc:
                raise DatabaseRefused(
                    f"Upgrading {safe} failed ({one_line(getattr(exc, 'orig', exc))}); "
                    "the upgrade was rolled back, nothing was changed."
                ) from exc
    return False


def _open_server(url: URL) -> Database:
    safe = safe_url(url)
    if url.get_backend_name() not in SERVER_BACKENDS:
        raise DatabaseRefused(
            f"{safe}: Minutier works with database files and PostgreSQL, not {url.get_backend_name()}."
        )
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=_connect_args(url))
    except ModuleNotFoundError as exc:
        raise DatabaseRefused(
            f"The driver for {safe} is not installed ({exc.name}); "
            "install Minutier with the PostgreSQL extra: pip install .[postgres]"
        ) from exc
    except SQLAlchemyError as exc:
        raise DatabaseRefused(_server_refusal(exc, url, safe)) from exc
    try:
        created = _prepare_server(engine, safe)
    except DatabaseRefused:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseRefused(_server_refusal(exc, url, safe)) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, path=None, created=created)


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Minutier", appauthor=False) / "minutier.sqlite"


def timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")
