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
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import re
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from models.errors import DatabaseRefused, MinutierError
from models.storage.checks import examine_backup
from models.storage.errors import _os_reason, one_line
from models.storage.locks import lock_database_file, open_paths
from models.storage.urls import parse_url

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
STAMP_FORMAT = "%Y%m%d-%H%M%S"
SIDE_SUFFIXES = ("-wal", "-shm")
# A daily backup is skipped unless the disk keeps this much room besides it.
FREE_SPACE_MARGIN = 50 * 1024 * 1024


class RestoreError(MinutierError):
    """A restore could not be done; the current database file was left where it was."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file. ``tier``: daily / weekly / monthly / pre-migration / set-aside."""

    path: Path
    kind: str  # "backup", "before-migration" or "set-aside"
    taken: dt.datetime
    size: int
    tier: str
    status: str | None = None  # "ok", a one-line problem, or None when not checked

    @property
    def restorable(self) -> bool:
        return self.kind != "set-aside"


# ---------------------------------------------------------------- names


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


def _tiers(regular: list[tuple[Path, dt.datetime]]) -> dict[Path, str]:
    """The regular backups to keep, each with the first tier that keeps it.

    ``regular`` is newest first. Each tier keeps the newest backup of each
    of its last N periods that have a backup (as borg/restic "keep-*" do).
    """
    kept: dict[Path, str] = {}
    rules = (
        ("daily", KEEP_DAILY, lambda t: t.date()),
        ("weekly", KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        ("monthly", KEEP_MONTHLY, lambda t: (t.year, t.month)),
    )
    for tier, count, period in rules:
        seen = set()
        for path, taken in regular:
            key = period(taken)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            kept.setdefault(path, tier)
    return kept


# ---------------------------------------------------------------- checks


def check_backup(path: Path) -> str:
    """ "ok", or one line saying why ``path`` cannot be restored. Never writes to it.

    The rules of opening a database (models.storage.checks.examine_backup: ours, a
    revision this Minutier knows, tables only with a revision) with the full
    integrity_check: a backup is trusted only if Minutier could open it.
    """
    try:
        examine_backup(path)
    except DatabaseRefused as exc:
        return getattr(exc, "status", None) or one_line(exc)
    return "ok"


def list_backups(db_path: Path, backup_dir: Path | None = None, *, check: bool = False) -> list[BackupInfo]:
    """Every backup of ``db_path``, newest first; ``check=True`` runs integrity_check on each."""
    db_path = Path(db_path)
    found = _found(db_path, backup_dir)
    tiers = _tiers([(p, t) for p, k, t in found if k == "backup"])
    result = []
    for path, kind, taken in found:
        if kind == "backup":
            tier = tiers.get(path, "expired")
        else:
            tier = "pre-migration" if kind == "before-migration" else "set-aside"
        try:
            size = path.stat().st_size
        except OSError:
            continue
        status = check_backup(path) if check else None
        result.append(BackupInfo(path, kind, taken, size, tier, status))
    return result


def newest_good_backup(db_path: Path, backup_dir: Path | None = None) -> BackupInfo | None:
    """The newest daily or pre-migration backup that passes integrity_check, or None.

    Set-aside files are not offered: they are what a restore replaced.
    """
    for info in list_backups(db_path, backup_dir):
        if info.restorable:
            status = check_backup(info.path)
            if status == "ok":
                return BackupInfo(info.path, info.kind, info.taken, info.size, info.tier, status)
    return None


# ---------------------------------------------------------------- taking backups


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
    at the start of the copy (see the module docstring).
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


# ---------------------------------------------------------------- restoring


def database_in_use(db_path: Path) -> bool:
    """Whether a connection (this process or another) has ``db_path`` open.

    This process: the registry kept by models.storage.locks. Another Minutier: the
    shared lock it holds while the database is open (lock_database_file).
    Another program (POSIX): every SQLite connection to a WAL database holds
    a shared lock on byte 128 of the -shm file (the "DMS" lock) while it is
    open; F_GETLK asks without taking it. Must not be called while this
    process has the file open (closing our probe descriptor would drop
    SQLite's own POSIX locks), which the registry check first guarantees.
    """
    if Path(db_path).resolve() in open_paths():
        return True
    try:
        lock = lock_database_file(Path(db_path), exclusive=True, wait=0)
    except DatabaseRefused:
        return True
    if lock is not None:
        lock.release()
    return _open_by_another_program(Path(db_path))


def _open_by_another_program(db_path: Path) -> bool:
    shm = Path(f"{db_path}-shm")
    if not shm.exists():
        return False
    try:
        import fcntl
        import struct
    except ImportError:  # Windows: renaming an open file fails there instead.
        return False
    try:
        fd = os.open(shm, os.O_RDONLY)
    except OSError:
        return False
    try:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 128, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        return struct.unpack("hhqqi", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        os.close(fd)


def resolve_backup(db_path: Path, backup: str | Path, backup_dir: Path | None = None) -> Path:
    """A backup given as a path, or as a file name in the database's backup folder."""
    candidate = Path(backup).expanduser()
    if candidate.is_file():
        return candidate
    in_folder = backup_folder(db_path, backup_dir) / candidate.name
    if in_folder.is_file():
        return in_folder
    raise RestoreError(
        f"No backup {backup} (neither a file nor a name in {backup_folder(db_path, backup_dir)})."
    )


@dataclass(frozen=True)
class Restored:
    database: Path
    backup: Path
    set_aside: Path | None  # where the replaced file now is (None: there was none)


def _in_use_error(db_path: Path) -> RestoreError:
    return RestoreError(
        f"{db_path} is open in Minutier (here or in another window); close it, then restore. "
        "Nothing was changed."
    )


def restore_backup(db_path: Path, backup: str | Path, backup_dir: Path | None = None) -> Restored:
    """Replace ``db_path`` by a copy of ``backup``, keeping the current file aside.

    The backup is checked first, with the rules of opening a database. The
    whole restore holds the database's exclusive lock (models.database.
    lock_database_file): refused while the database is open, here or
    elsewhere (close the Database first), and nobody opens it meanwhile.
    Raises RestoreError with one clear sentence.

    Steps, each leaving either the old state or the new one if the process
    is killed there:

    1. the backup is copied beside the database (``.<name>.restoring``);
    2. the current file and its -wal/-journal (which may hold committed
       changes not yet in the main file) are copied byte for byte into the
       backup folder as ``<name>-set-aside-<stamp>.sqlite[-wal|-journal]``,
       each under a temporary name first;
    3. the current file's journal is folded into it (a checkpoint, or the
       rollback of an interrupted transaction), so the file alone holds the
       current data; the spent -wal/-shm go, so that none can ever be
       replayed onto the restored data;
    4. one rename puts the copy of the backup in place.
    """
    db_path = Path(db_path).expanduser()
    source = resolve_backup(db_path, backup, backup_dir)
    with contextlib.suppress(OSError):
        if source.resolve() == db_path.resolve() or os.path.samefile(source, db_path):
            raise RestoreError(f"{source} is the database itself, not a backup of it.")
    status = check_backup(source)
    if status != "ok":
        raise RestoreError(f"Cannot restore {source.name}: it is {status}. Nothing was changed.")
    if db_path.resolve() in open_paths():
        raise _in_use_error(db_path)
    try:
        lock = lock_database_file(db_path, exclusive=True, wait=0)
    except DatabaseRefused:
        raise _in_use_error(db_path) from None
    try:
        if _open_by_another_program(db_path):
            raise _in_use_error(db_path)
        return _restore_locked(db_path, source, backup_dir)
    finally:
        if lock is not None:
            lock.release()


def _copy_exact(origin: Path, target: Path) -> None:
    """A byte-for-byte copy, durable before it gets its name."""
    partial = target.with_name(target.name + ".partial")
    try:
        with origin.open("rb") as src, partial.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        shutil.copystat(origin, partial)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def _fold_journal(db_path: Path) -> None:
    """Make the main file hold all the current data, then remove its -wal/-shm/-journal.

    Called only once they are copied aside and while the restore lock is held.
    A file SQLite cannot read at all (not a database, damaged) keeps nothing
    its journal could complete: its journal is only removed.
    """
    sides = [Path(f"{db_path}{s}") for s in ("-wal", "-journal")]
    if db_path.exists() and any(side.exists() for side in sides):
        try:
            con = sqlite3.connect(os.path.abspath(db_path), timeout=5)
            try:
                # A read rolls back an interrupted rollback-journal transaction; the
                # checkpoint copies every committed -wal frame into the file.
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
                busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                con.close()
        except sqlite3.OperationalError:
            raise  # read-only, locked: the restore stops with the current file as it was
        except sqlite3.DatabaseError:
            busy = None  # unreadable: nothing to fold
        if busy is not None and busy[0] != 0:
            raise sqlite3.OperationalError("the database is busy")
    for suffix in (*SIDE_SUFFIXES, "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{db_path}{suffix}")


def _unwritable(folder: Path) -> str | None:
    """Why nothing can be written in ``folder`` (or the folder that would hold it), or None."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the disk is read-only"
    if not os.access(folder, os.W_OK):
        return f"the folder {folder} is read-only"
    return None


def _restore_locked(db_path: Path, source: Path, backup_dir: Path | None) -> Restored:
    folder = backup_folder(db_path, backup_dir)
    incoming = db_path.with_name(f".{db_path.name}.restoring")
    reason = _unwritable(db_path.parent) or _unwritable(folder)
    if reason is not None:
        raise RestoreError(f"Cannot restore {source.name} over {db_path}: {reason}. Nothing was changed.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in (incoming, incoming.with_name(incoming.name + ".partial")):
            leftover.unlink(missing_ok=True)  # from a restore killed before its end
        copy_database(source, incoming)
    except (OSError, sqlite3.Error, DatabaseRefused) as exc:
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
        raise RestoreError(f"Cannot restore {source.name} ({_why(exc)}). Nothing was changed.") from exc

    set_aside = None
    copies: list[Path] = []
    try:
        present = [s for s in ("", "-wal", "-journal") if os.path.lexists(f"{db_path}{s}")]
        if present:
            set_aside = _free_name(folder, f"{db_path.stem}-set-aside-{_stamp()}")
            # The journal first: a set-aside main file never appears without it.
            for suffix in sorted(present, key=lambda s: s == ""):
                copies.append(Path(f"{set_aside}{suffix}"))
                _copy_exact(Path(f"{db_path}{suffix}"), copies[-1])
            _fsync_folder(folder)
        _fold_journal(db_path)
        os.replace(incoming, db_path)
        _fsync_folder(db_path.parent)
    except (OSError, sqlite3.Error) as exc:
        # The current file is still in place, whole: the copies of it are not needed.
        for copy in copies:
            with contextlib.suppress(OSError):
                copy.unlink()
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
        raise RestoreError(
            f"Cannot restore {source.name} over {db_path} ({_why(exc)}); the current file was kept."
        ) from exc
    return Restored(db_path, source, set_aside)


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return _os_reason(exc)
    return one_line(exc)


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


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"
