"""Putting a backup back and reopening the database: the one flow behind both ways to restore.

At start, when the database is refused (ui/app.py, ``DatabaseRefused.backup``),
and from File › Restore from backup… in a running window (ui.app.Windows.restore).
Either way the current file is moved aside whole by ``models.backup.restore_backup``,
never changed, and the database is opened again whatever happened, so the editor
goes on with the data it can open.

The texts keep the translation contexts they had in ui/app.py ("App") and
ui/safety.py ("SafetyActions"), where they were written first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models import backup
from models.backup import BackupInfo
from models.database import Database
from models.errors import MinutierError

DATE_FORMAT = "%d/%m/%Y %H:%M"


@dataclass(frozen=True)
class Outcome:
    db: Database | None  # the database opened again (None: it could not be)
    restored: bool
    message: str  # what to tell the user, restored or not


def _texts(at_start: bool) -> tuple[str, str, str]:
    """(not restored, restored, kept aside): literal, so that lupdate finds them."""
    if at_start:
        return (
            QCoreApplication.translate("App", "The backup was not restored: {0}"),
            QCoreApplication.translate("App", "The backup of {0} is restored."),
            QCoreApplication.translate("App", "The damaged file is kept as {0}."),
        )
    return (
        QCoreApplication.translate("SafetyActions", "The backup was not restored: {0}"),
        QCoreApplication.translate("SafetyActions", "The backup of {0} is restored."),
        QCoreApplication.translate("SafetyActions", "The previous file is kept as {0}."),
    )


def restore(path: Path, info: BackupInfo, reopen: Callable[[], Database], *, at_start: bool) -> Outcome:
    """Restore ``info`` over the closed database ``path``, then ``reopen()`` it.

    ``at_start``: the file was refused on opening (the words say « damaged file »).
    """
    not_restored, restored, kept = _texts(at_start)
    done, failure = None, None
    try:
        done = backup.restore_backup(path, info.path)
    except MinutierError as exc:
        failure = exc
    try:
        db = reopen()
    except MinutierError as exc:
        if failure is not None or at_start:
            return Outcome(None, False, not_restored.format(failure or exc))
        text = QCoreApplication.translate("SafetyActions", "The database cannot be opened again: {0}")
        return Outcome(None, True, text.format(exc))
    if failure is not None:
        return Outcome(db, False, not_restored.format(failure))
    text = restored.format(f"{info.taken:{DATE_FORMAT}}")
    if done.set_aside is not None:
        text += " " + kept.format(done.set_aside)
    return Outcome(db, True, text)
