"""Read-only checks of an existing SQLite file: a file we refuse is left byte-identical."""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from models import schema_version
from models.base import Base
from models.errors import DatabaseRefused
from models.storage import APPLICATION_ID, BUSY_TIMEOUT_MS, SQLITE_MAGIC
from models.storage.errors import DatabaseDamaged, _refused, one_line
from models.storage.locks import _is_open_here


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


def _decode(raw: bytes) -> str:
    # integrity_check quotes damaged bytes; never fail on reporting them.
    return raw.decode("utf-8", "replace")


def first_problem(rows: list[tuple]) -> str:
    """The first line of an integrity_check report that names a problem, shortened to fit one line."""
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")] or ["unknown problem"]
    first = problems[0]
    return first if len(first) <= 120 else first[:117] + "…"


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
