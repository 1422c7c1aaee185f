"""The storage's errors, and failures of SQLite or a server turned into one sentence."""

from __future__ import annotations

import re
import sqlite3

from sqlalchemy.exc import DBAPIError

from models.errors import ConflictError, DatabaseRefused, MinutierError
from models.storage import BUSY_TIMEOUT_MS


class DatabaseDamaged(DatabaseRefused):
    """The file is a Minutier database that fails its integrity check; it was not changed."""


class ReadOnlyDatabase(MinutierError):
    """A write was attempted on a database opened read-only."""


class StorageError(MinutierError):
    """The disk refused a write (full, I/O error) or the lock was held too long; nothing was saved."""


def one_line(error: object, limit: int = 160) -> str:
    """An error's text on one line, shortened: SQLite quotes whole schema statements."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _refused(cls: type[DatabaseRefused], message: str, status: str) -> DatabaseRefused:
    """A refusal carrying ``status``: the short phrase models.backup.check_backup lists."""
    exc = cls(message)
    exc.status = status
    return exc


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
