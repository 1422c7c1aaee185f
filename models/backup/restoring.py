"""Restoring a backup over a database file, the current file kept aside; refused while it is open."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models.backup.copying import _fsync_folder, copy_database
from models.backup.listing import check_backup
from models.backup.names import SIDE_SUFFIXES, _free_name, _stamp, backup_folder
from models.errors import DatabaseRefused, MinutierError
from models.storage.errors import _os_reason, one_line
from models.storage.locks import lock_database_file, open_paths


class RestoreError(MinutierError):
    """A restore could not be done; the current database file was left where it was."""


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
