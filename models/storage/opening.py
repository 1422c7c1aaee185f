"""``open_database``: a file (checked, created whole, backed up daily) or a server address."""

from __future__ import annotations

import os
import secrets
import shlex
import sqlite3
import time
from contextlib import suppress
from pathlib import Path

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from models import backup, schema_version
from models.errors import DatabaseRefused, MinutierError
from models.storage import APPLICATION_ID, BUSY_TIMEOUT_MS
from models.storage.checks import _read_only_reason, _readonly_query, check_sqlite_file
from models.storage.engine import (
    _create_schema,
    _enable_wal,
    _make_readonly_engine,
    _make_sqlite_engine,
    _migrate,
    _raw_pragma,
)
from models.storage.errors import DatabaseDamaged, _os_reason, _sqlite_reason, _storage_error, one_line
from models.storage.locks import lock_database_file
from models.storage.unit import Database
from models.storage.urls import parse_url


def _is_url(target: str) -> bool:
    return "://" in target


def _restore_hint(exc: DatabaseRefused, path: Path, backup_dir: Path | None) -> DatabaseRefused:
    """``exc`` with the newest good backup and the command restoring it, when there is one."""
    info = backup.newest_good_backup(path, backup_dir)
    if info is None:
        return exc
    shown = info.path.name if info.path.parent == backup.backup_folder(path) else str(info.path)
    command = f"minutier restore {shlex.quote(shown)}"
    if path.resolve() != default_database_path().resolve():
        command += f" --db {shlex.quote(str(path))}"
    message = str(exc).rstrip(".")
    return type(exc)(
        f"{message}; nothing was changed. The newest good backup is from "
        f"{info.taken:%Y-%m-%d %H:%M}: restore it with `{command}`.",
        backup=info,
        database=path,
    )


def open_database(target: str | Path, *, backup_dir: Path | None = None) -> Database:
    """Open (creating if needed) the database at a file path or SQLAlchemy URL.

    Raises DatabaseRefused, with the file untouched, when it cannot be used.
    """
    if isinstance(target, str) and _is_url(target):
        url = parse_url(target)
        if url.get_backend_name() != "sqlite":
            # Here, not at the top: opening a file needs none of the server's code.
            from models.storage.server import _open_server

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


CREATING_STALE_S = 60  # a half-made new database older than this was left by a killed process


def _create_new(path: Path, backup_dir: Path | None) -> Database:
    """Create a new database under a temporary name, then give it its name in one step.

    A failure (read-only or full disk) or a kill leaves no file, rather than an empty
    one that the next open would refuse; two processes creating the same file make it once.
    """
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
    backup._fsync_folder(folder)
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
    try:
        backup.maybe_daily_backup(path, backup_dir)
    except MinutierError as exc:
        return str(exc)
    return None


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Minutier", appauthor=False) / "minutier.sqlite"
