"""Writing user files so that a failure never leaves a partial one, nor lands where it must not.

``write_atomically`` writes a temporary file beside the target, then renames
it over. It refuses (docs/data-safety.md, « What an export never
overwrites »):

- a target that is a Minutier database or one of its side files (-wal,
  -shm, -journal): the database open now, under any spelling of its path
  or another name of the same file (hard link, symbolic link), any other
  Minutier database (a backup, a set-aside file), or a name in an open
  database's backup folder that a backup would have;
- a target that exists and is not a regular file (a FIFO, a device such as
  /dev/null, a socket): renaming over it would replace it by a file.

Temporaries are named ``.<name>.<random>.tmp`` and locked (flock) while in
use, so one left by a killed writer is told from one being written by
another process, and removed by the next write to the same name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

from models.errors import MinutierError

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there, which is protection enough.
    fcntl = None

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x4D4E5554  # models.database.APPLICATION_ID (not imported: no SQLAlchemy here)
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# Temporary names carry the target's name, shortened so that a legal name (255 bytes) stays legal.
TMP_NAME_BYTES = 120
STALE_UNLOCKABLE_SECONDS = 86400  # where flock is missing, a temporary this old is stale


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    return (exc.strerror or str(exc)).rstrip(".").lower()


def _new_file_mode(path: Path) -> int:
    """The mode the file would have had if written in place: the old one's, else umask's."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        pass
    # umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _tmp_prefix(name: str) -> str:
    raw = name.encode("utf-8", "surrogateescape")[:TMP_NAME_BYTES]
    return "." + raw.decode("utf-8", "ignore") + "."


def _tmp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(_tmp_prefix(name)) + r"[a-z0-9_]{8}\.tmp")


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(100)
    except OSError:
        return b""


def _is_minutier_database(path: Path) -> bool:
    header = _header(path)
    return (
        len(header) == 100
        and header.startswith(SQLITE_MAGIC)
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _protected(path: Path) -> str | None:
    """Why writing over ``path`` would destroy data Minutier keeps, or None."""
    from models import database  # late: models.database imports SQLAlchemy
    from models.backup import backup_folder, is_backup_name

    try:
        target = os.stat(path)
    except OSError:
        target = None
    real = Path(os.path.realpath(path))
    for open_path in database.open_paths():
        for suffix in ("", *SIDE_SUFFIXES):
            side = Path(f"{open_path}{suffix}")
            if real == side:
                return (
                    "it is the open database"
                    if not suffix
                    else "it is part of the open database (its journal)"
                )
            if target is not None:
                with contextlib.suppress(OSError):
                    if _same_file(target, os.stat(side)):
                        return "it is the open database, under another name"
        folder = backup_folder(open_path)
        with contextlib.suppress(OSError):
            if _same_file(os.stat(real.parent), os.stat(folder)) and is_backup_name(open_path, real.name):
                return "it is a backup of the open database, or is named like one"
    if target is None:
        return None
    if _is_minutier_database(path):
        return "it is a Minutier database"
    for suffix in SIDE_SUFFIXES:
        if real.name.endswith(suffix) and _is_minutier_database(real.with_name(real.name[: -len(suffix)])):
            return "it is part of a Minutier database (its journal)"
    if _header(path)[:4] in WAL_MAGICS:
        return "it is a database journal"
    return None


def _lock(fd: int) -> bool:
    """Take the lock marking a temporary as in use; False if another process holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale_temporaries(folder: Path, name: str) -> list[Path]:
    """Delete our temporaries for ``name`` in ``folder`` that no running write holds; returns them."""
    import time

    pattern = _tmp_pattern(name)
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                same = _same_file(os.fstat(fd), os.stat(entry.path, follow_symlinks=False))
                if fcntl is None:
                    stale = time.time() - os.fstat(fd).st_mtime > STALE_UNLOCKABLE_SECONDS
                else:
                    stale = _lock(fd)
                if same and stale:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            finally:
                os.close(fd)
    return removed


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new, locked temporary beside the target: (fd, name)."""
    for _attempt in range(10):
        fd, tmp_name = tempfile.mkstemp(prefix=_tmp_prefix(name), suffix=".tmp", dir=folder)
        _lock(fd)
        # Another writer cleaning stale temporaries may have removed it before it was locked.
        try:
            if _same_file(os.fstat(fd), os.stat(tmp_name)):
                return fd, tmp_name
        except OSError:
            pass
        os.close(fd)
    raise OSError(errno.EEXIST, "no temporary file could be made")


def _replace(tmp_name: str, path: Path) -> None:
    # Checked again at the last moment: the name may have become a database meanwhile.
    check_output(path)
    try:
        os.replace(tmp_name, path)
    except PermissionError as exc:
        # On Windows a document open in Word cannot be replaced.
        raise MinutierError(
            f"Cannot replace {path}: it is open in another program or read-only ({_reason(exc)})."
        ) from exc


def check_output(path: Path) -> None:
    """Refuse an output name that must not be written (see the module docstring); MinutierError."""
    path = Path(path)
    try:
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            if folder.exists():
                raise MinutierError(f"Cannot write {path}: {folder} is a file, not a folder.")
            raise MinutierError(f"Cannot write {path}: the folder {folder} does not exist.")
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and stat.S_ISDIR(mode):
            raise MinutierError(f"Cannot write {path}: it is a folder.")
        if mode is not None and not stat.S_ISREG(mode):
            raise MinutierError(
                f"Cannot write {path}: it is not a regular file (a device, a pipe or a socket); "
                "give the name of a file."
            )
        why = _protected(path)
    except OSError as exc:
        raise MinutierError(f"Cannot write {path}: {_reason(exc)}.") from exc
    if why is not None:
        raise MinutierError(f"Will not write {path}: {why}. Nothing was written; choose another name.")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over.

    A crash, a full disk or a locked target leaves the previous file as it was,
    and no temporary file behind (one left by a killed process goes at the
    next write). Refuses the outputs ``check_output`` refuses. Raises
    MinutierError with one sentence.
    """
    path = Path(path)
    check_output(path)
    folder = path.parent if str(path.parent) else Path(".")
    mode = _new_file_mode(path)
    remove_stale_temporaries(folder, path.name)
    tmp_name = None
    try:
        try:
            fd, tmp_name = _temporary(folder, path.name)
        except OSError as exc:
            raise MinutierError(f"Cannot write in the folder {folder}: {_reason(exc)}.") from exc
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                if hasattr(os, "fchmod"):  # mkstemp makes files private (0600)
                    os.fchmod(fh.fileno(), mode)
                os.fsync(fh.fileno())
                if fcntl is not None:
                    # Renamed while still open, so still locked: never taken for a stale one.
                    _replace(tmp_name, path)
                    tmp_name = None
            if tmp_name is not None:  # Windows cannot rename a file open here
                _replace(tmp_name, path)
                tmp_name = None
        except OSError as exc:
            raise MinutierError(f"Cannot write {path}: {_reason(exc)}.") from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
