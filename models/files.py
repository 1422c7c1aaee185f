"""Writing user files so that a failure never leaves a partial one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from models.errors import MinutierError


def _reason(exc: OSError) -> str:
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


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over.

    A crash, a full disk or a locked target leaves the previous file as it was,
    and no temporary file behind. Raises MinutierError with one sentence.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        if folder.exists():
            raise MinutierError(f"Cannot write {path}: {folder} is a file, not a folder.")
        raise MinutierError(f"Cannot write {path}: the folder {folder} does not exist.")
    if path.is_dir():
        raise MinutierError(f"Cannot write {path}: it is a folder.")
    mode = _new_file_mode(path)
    tmp_name = None
    try:
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise MinutierError(f"Cannot write in the folder {folder}: {_reason(exc)}.") from exc
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                if hasattr(os, "fchmod"):  # mkstemp makes files private (0600)
                    os.fchmod(fh.fileno(), mode)
                os.fsync(fh.fileno())
        except OSError as exc:
            raise MinutierError(f"Cannot write {path}: {_reason(exc)}.") from exc
        try:
            os.replace(tmp_name, path)
        except PermissionError as exc:
            # On Windows a document open in Word cannot be replaced.
            raise MinutierError(
                f"Cannot replace {path}: it is open in another program or read-only ({_reason(exc)})."
            ) from exc
        except OSError as exc:
            raise MinutierError(f"Cannot write {path}: {_reason(exc)}.") from exc
        tmp_name = None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
