"""Backups of a database file: taken online, checked, kept in tiers, restorable.

Where they live: ``<folder of the database>/<name>-backups/`` (for the
default database, ``minutier-backups`` beside ``minutier.sqlite``). Three
kinds of file, told apart by their names:

- ``<name>-backup-YYYYmmdd-HHMMSS.sqlite``: the daily backups, kept in tiers
  (newest of each of the last 7 days, 4 weeks, 12 months; the rest are
  deleted, but only once the new backup has passed ``integrity_check``);
- ``<name>-before-migration-<rev>-YYYYmmdd-HHMMSS.sqlite``: taken before a
  schema upgrade; never deleted;
- ``<name>-set-aside-YYYYmmdd-HHMMSS.sqlite`` (with its ``-wal`` or
  ``-journal`` when it had one): a byte-for-byte copy of the file a restore
  replaced; never deleted.

Copies are taken with SQLite's backup API, which reads a consistent
snapshot even while another connection writes (a plain copy of a WAL
database does not), then checked with ``PRAGMA integrity_check`` before they
get their final name. A backup file is a plain rollback-journal database:
checking or restoring it never creates side files in the backup folder.

Change detection for the daily backup: a backup file's mtime is set to the
source's "signature" (newest mtime of the database and its ``-wal``) read
just before the copy started, so "changed since the last backup" is one
``stat`` of two files compared with the newest backup's mtime. Reading
never changes those mtimes; a write (or the checkpoint at close) does.

The parts: ``names`` (the backup folder and the names of its files),
``listing`` (the backups found, their tiers and checks), ``copying`` (an
online, checked copy), ``restoring`` (putting a backup in place). Taking
the backups (daily, before a migration) and rotating them is here, beside
``copy_database`` as this package names it (tests replace it there).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import shutil
import sqlite3
from pathlib import Path

from models.backup.copying import _fsync_folder, copy_database, source_signature
from models.backup.listing import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    BackupInfo,
    _tiers,
    check_backup,
    human_size,
    list_backups,
    newest_good_backup,
)
from models.backup.names import (
    SIDE_SUFFIXES,
    STAMP_FORMAT,
    _found,
    _free_name,
    _stamp,
    backup_folder,
    database_file,
    is_backup_name,
)
from models.backup.restoring import Restored, RestoreError, database_in_use, resolve_backup, restore_backup
from models.errors import DatabaseRefused, MinutierError
from models.storage.errors import one_line

__all__ = [
    "FREE_SPACE_MARGIN",
    "KEEP_DAILY",
    "KEEP_MONTHLY",
    "KEEP_WEEKLY",
    "SIDE_SUFFIXES",
    "STAMP_FORMAT",
    "BackupInfo",
    "RestoreError",
    "Restored",
    "_fsync_folder",
    "backup_before_migration",
    "backup_folder",
    "backup_now",
    "check_backup",
    "copy_database",
    "database_file",
    "database_in_use",
    "human_size",
    "is_backup_name",
    "list_backups",
    "maybe_daily_backup",
    "needs_daily_backup",
    "newest_good_backup",
    "resolve_backup",
    "restore_backup",
    "rotate",
    "source_signature",
]


# A daily backup is skipped unless the disk keeps this much room besides it.
FREE_SPACE_MARGIN = 50 * 1024 * 1024


def backup_before_migration(db_path: Path, revision: str | None, backup_dir: Path | None = None) -> Path:
    folder = backup_folder(db_path, backup_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        destination = _free_name(folder, f"{db_path.stem}-before-migration-{revision or 'none'}-{_stamp()}")
        return copy_database(db_path, destination)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseRefused(
            f"Cannot back up {db_path} before upgrading it ({one_line(exc)}); nothing was changed."
        ) from exc


def backup_now(db_path: Path, backup_dir: Path | None = None, *, now: dt.datetime | None = None) -> Path:
    """Take a regular backup now, then rotate the tiers (only once it passed its check)."""
    folder = backup_folder(db_path, backup_dir)
    folder.mkdir(parents=True, exist_ok=True)
    destination = copy_database(db_path, _free_name(folder, f"{db_path.stem}-backup-{_stamp(now)}"))
    rotate(db_path, backup_dir)
    return destination


def rotate(db_path: Path, backup_dir: Path | None = None) -> list[Path]:
    """Delete the regular backups no tier keeps; returns them. Others are never touched."""
    found = _found(db_path, backup_dir)
    regular = [(p, t) for p, k, t in found if k == "backup"]
    kept = _tiers(regular)
    removed = []
    for path, _taken in regular:
        if path not in kept:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    # A copy interrupted by a crash leaves a .partial; one a day old is not in progress.
    stale = dt.datetime.now().timestamp() - 86400
    for partial in backup_folder(db_path, backup_dir).glob(f"{glob.escape(db_path.stem)}-*.partial"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < stale:
                partial.unlink()
    return removed


def needs_daily_backup(
    db_path: Path, backup_dir: Path | None = None, *, today: dt.date | None = None
) -> bool:
    """True when no backup was taken today and the data changed since the newest backup."""
    found = _found(db_path, backup_dir)
    taken = [(p, t) for p, k, t in found if k != "set-aside"]
    if not taken:
        return True
    today = today or dt.date.today()
    if any(t.date() == today for _p, t in taken):
        return False
    try:
        last = max(p.stat().st_mtime_ns for p, _t in taken)
    except OSError:
        return True
    return source_signature(db_path) > last


def maybe_daily_backup(db_path: Path, backup_dir: Path | None = None) -> Path | None:
    """Back up ``db_path`` if it is due (see needs_daily_backup); returns the new file or None.

    Called by open_database on every open of an existing, healthy file: the
    warm path costs one directory listing and two stats. Raises
    MinutierError when a due backup cannot be taken (disk full, folder not
    writable); open_database keeps that as ``Database.backup_problem``.
    """
    db_path = Path(db_path)
    if not needs_daily_backup(db_path, backup_dir):
        return None
    folder = backup_folder(db_path, backup_dir)
    try:
        size = sum(os.stat(f"{db_path}{s}").st_size for s in ("", "-wal") if os.path.exists(f"{db_path}{s}"))
        probe = folder if folder.exists() else folder.parent
        if shutil.disk_usage(probe).free < 2 * size + FREE_SPACE_MARGIN:
            raise OSError(f"the disk is almost full ({shutil.disk_usage(probe).free // 2**20} MB free)")
        return backup_now(db_path, backup_dir)
    except (OSError, sqlite3.Error, DatabaseRefused) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else one_line(exc)
        raise MinutierError(
            f"No daily backup of {db_path.name} could be written in {folder} ({reason})."
        ) from exc
