"""Copies of a database file, taken with SQLite's online backup API.

The backup API copies a consistent snapshot even while another connection
writes, which a plain file copy of a WAL database does not.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from models.errors import DatabaseRefused


def backup_folder(db_path: Path, backup_dir: Path | None = None) -> Path:
    return backup_dir if backup_dir is not None else db_path.parent / f"{db_path.stem}-backups"


def copy_database(source: Path, destination: Path) -> Path:
    """Write an online, integrity-checked copy of ``source`` to ``destination``."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise DatabaseRefused(f"The backup of {source} failed its integrity check ({result}).")
    partial.replace(destination)
    return destination


def backup_before_migration(db_path: Path, revision: str | None, backup_dir: Path | None = None) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{db_path.stem}-before-migration-{revision or 'none'}-{stamp}.sqlite"
    try:
        return copy_database(db_path, backup_folder(db_path, backup_dir) / name)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseRefused(
            f"Cannot back up {db_path} before upgrading it ({exc}); nothing was changed."
        ) from exc
