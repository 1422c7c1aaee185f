"""Where a database's backups are: the file behind --db, its backup folder, the names of the files there."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from models.errors import MinutierError
from models.storage.urls import parse_url

STAMP_FORMAT = "%Y%m%d-%H%M%S"
SIDE_SUFFIXES = ("-wal", "-shm")


def backup_folder(db_path: Path, backup_dir: Path | None = None) -> Path:
    return backup_dir if backup_dir is not None else db_path.parent / f"{db_path.stem}-backups"


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime(STAMP_FORMAT)


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(
        re.escape(db_path.stem)
        + r"-(?P<kind>backup|before-migration-(?P<rev>[^-]+)|set-aside)"
        + r"-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite$"
    )


def _free_name(folder: Path, base: str) -> Path:
    """``base`` + ``.sqlite`` in ``folder``, with -2, -3… when taken (two in one second)."""
    candidate = folder / f"{base}.sqlite"
    n = 2
    while any(candidate.with_name(candidate.name + s).exists() for s in ("", *SIDE_SUFFIXES, ".partial")):
        candidate = folder / f"{base}-{n}.sqlite"
        n += 1
    return candidate


def is_backup_name(db_path: Path, name: str) -> bool:
    """Whether ``name`` is the name of one of ``db_path``'s backups (or a side file of one)."""
    base = name
    for suffix in (*SIDE_SUFFIXES, "-journal", ".partial"):
        base = base.removesuffix(suffix)
    return _name_pattern(db_path).match(base) is not None


def _found(db_path: Path, backup_dir: Path | None) -> list[tuple[Path, str, dt.datetime]]:
    folder = backup_folder(db_path, backup_dir)
    pattern = _name_pattern(db_path)
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_file():
            continue
        kind = match["kind"]
        if kind.startswith("before-migration"):
            kind = "before-migration"
        taken = dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
        found.append((Path(entry.path), kind, taken))
    # Newest first; the name breaks ties (…-2 after the first of that second).
    found.sort(key=lambda f: (f[2], len(f[0].name), f[0].name), reverse=True)
    return found


def database_file(target: str) -> Path:
    """The file behind a --db value (path or sqlite:/// URL); MinutierError for a server."""
    if "://" in target:
        url = parse_url(target)  # DatabaseRefused, password hidden, if malformed
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            raise MinutierError(
                "Backups are kept for database files only; back up a server with its own tools "
                "(pg_dump), or copy its meetings to a file: minutier copy --from URL --to FILE."
            )
        target = url.database
    return Path(target).expanduser()
