"""Which database files this process has open, and the lock file each open holds shared."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from models.errors import DatabaseRefused

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None


# Resolved paths of the files this process has open (restore refuses them).
_OPEN: Counter[Path] = Counter()


_OPEN_LOCK = threading.Lock()


def open_paths() -> set[Path]:
    with _OPEN_LOCK:
        return {p for p, n in _OPEN.items() if n > 0}


def _is_open_here(path: Path) -> bool:
    return path.resolve() in open_paths()


class DatabaseLock:
    """A flock on the lock file of one database file (``lock_database_file``)."""

    def __init__(self, fd: int):
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _lock_folder() -> Path | None:
    """Where lock files live: never beside the data (nothing to copy along, nothing to delete)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime and os.path.isdir(runtime) else Path(tempfile.gettempdir())
    folder = base / f"minutier-locks-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return None  # someone else's: not trusted
    return folder


def _lock_file(path: Path) -> Path | None:
    """The lock file of ``path``: named after its folder's identity and its name, which a
    restore does not change (it replaces the file, so the file's own inode does)."""
    folder = _lock_folder()
    if folder is None:
        return None
    real = Path(os.path.realpath(path))
    try:
        info = os.stat(real.parent)
    except OSError:
        return None
    key = f"{info.st_dev}:{info.st_ino}:".encode() + os.fsencode(real.name)
    return folder / f"{hashlib.sha256(key).hexdigest()[:32]}.lock"


def lock_database_file(path: Path, *, exclusive: bool, wait: float) -> DatabaseLock | None:
    """Take the lock of a database file: shared while it is open, exclusive while it is restored.

    Waits up to ``wait`` seconds, then raises DatabaseRefused. Returns None where there
    are no such locks (Windows, where an open file cannot be replaced anyway; no lock folder).
    """
    if fcntl is None:
        return None
    lock_path = _lock_file(path)
    if lock_path is None:
        return None
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return DatabaseLock(fd)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                if exclusive:
                    raise DatabaseRefused(f"{path} is open in Minutier.") from None
                raise DatabaseRefused(
                    f"{path} is being restored from a backup by another Minutier; try again in a moment."
                ) from None
            time.sleep(0.05)
        except OSError:
            os.close(fd)
            return None
