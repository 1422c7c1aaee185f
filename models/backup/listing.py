"""The backups of a database, newest first: the tier that keeps each, whether it would open, its size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from models.backup.names import _found
from models.errors import DatabaseRefused
from models.storage.checks import examine_backup
from models.storage.errors import one_line

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12


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


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"
