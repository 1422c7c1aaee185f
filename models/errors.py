"""Errors the user may see. Each carries one sentence fit for a message box or stderr."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class MinutierError(Exception):
    """Base of every error shown to the user instead of a traceback."""


class DatabaseRefused(MinutierError):
    """The file or server cannot be used as a Minutier database; nothing was changed.

    ``backup``: the newest backup that passes its check, to offer instead (a
    ``models.backup.BackupInfo``), or None when there is none or none is worth offering;
    ``database``: then, the file it would be restored over.
    """

    def __init__(self, message: str, backup: Any = None, database: Path | None = None):
        super().__init__(message)
        self.backup = backup
        self.database = database


class FormatError(MinutierError):
    """Interchange data is invalid; ``path`` names the offending field (« programme[3].start »)."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


class NotFound(MinutierError):
    """A meeting, person or item asked for does not exist (any more)."""


class ConflictError(MinutierError):
    """The row was changed by someone else since it was read."""
