"""An online, integrity-checked copy of a database file, stamped with the source's signature."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path

from models.errors import DatabaseRefused


def source_signature(db_path: Path) -> int:
    """Newest mtime (ns) of the database and its -wal: changes when data is written."""
    newest = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            newest = max(newest, os.stat(f"{db_path}{suffix}").st_mtime_ns)
    return newest


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_database(source: Path, destination: Path) -> Path:
    """Write an online, integrity-checked copy of ``source`` to ``destination``.

    The copy is a rollback-journal file whose mtime is the source's signature
    at the start of the copy (see the docstring of models.backup).
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    signature = source_signature(source)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # A standalone file: no -wal/-shm beside it when it is checked later.
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise DatabaseRefused(f"The backup of {source} failed its integrity check ({result}).")
    partial.replace(destination)
    _fsync_folder(destination.parent)
    if signature:
        os.utime(destination, ns=(signature, signature))
    return destination
