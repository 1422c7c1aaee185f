"""Translated names of the stored codes: programme kinds, roles, languages,
meeting statuses, attendance statuses and modes, report block kinds; and of
the codes models.backup and models.database give (backup tiers, read-only reasons).

Built on each call, not at import, so they follow the translator installed
when the window is made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def item_kinds() -> dict[str, str]:
    return {
        "welcome": QCoreApplication.translate("Labels", "Welcome"),
        "session": QCoreApplication.translate("Labels", "Session"),
        "break": QCoreApplication.translate("Labels", "Break"),
        "meal": QCoreApplication.translate("Labels", "Meal"),
        "debate": QCoreApplication.translate("Labels", "Debate"),
        "conclusions": QCoreApplication.translate("Labels", "Conclusions"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }


def roles() -> dict[str, str]:
    return {
        "moderator": QCoreApplication.translate("Labels", "Moderator"),
        "speaker": QCoreApplication.translate("Labels", "Speaker"),
    }


def meeting_languages() -> dict[str, str]:
    return {
        "fr": QCoreApplication.translate("Labels", "French"),
        "en": QCoreApplication.translate("Labels", "English"),
        "es": QCoreApplication.translate("Labels", "Spanish"),
    }


def meeting_statuses() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "final": QCoreApplication.translate("Labels", "Final"),
    }


def attendance_statuses() -> dict[str, str]:
    return {
        "invited": QCoreApplication.translate("Labels", "Invited"),
        "present": QCoreApplication.translate("Labels", "Present"),
        "excused": QCoreApplication.translate("Labels", "Excused"),
        "absent": QCoreApplication.translate("Labels", "Absent"),
    }


def attendance_statuses_feminine() -> dict[str, str]:
    """Shown after « Mme »: French agrees (« Mme Lucy Earle — Présente »), English does not."""
    return {
        "invited": QCoreApplication.translate("Labels", "Invited", "said of a woman"),
        "present": QCoreApplication.translate("Labels", "Present", "said of a woman"),
        "excused": QCoreApplication.translate("Labels", "Excused", "said of a woman"),
        "absent": QCoreApplication.translate("Labels", "Absent", "said of a woman"),
    }


def attendance_modes() -> dict[str, str]:
    return {
        "in_person": QCoreApplication.translate("Labels", "On site"),
        "remote": QCoreApplication.translate("Labels", "Remote"),
    }


def attendance_roles() -> dict[str, str]:
    """A participant's part in a committee; "" is no role (every row of the 2023 shape)."""
    return {
        "": "",
        "chair": QCoreApplication.translate("Labels", "Chair"),
        "vice_chair": QCoreApplication.translate("Labels", "Vice-chair"),
        "secretary": QCoreApplication.translate("Labels", "Secretary"),
        "member": QCoreApplication.translate("Labels", "Member"),
        "guest": QCoreApplication.translate("Labels", "Guest"),
        "staff": QCoreApplication.translate("Labels", "Staff"),
    }


def decision_statuses() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Labels", "Open"),
        "in_progress": QCoreApplication.translate("Labels", "In progress"),
        "done": QCoreApplication.translate("Labels", "Done"),
        "dropped": QCoreApplication.translate("Labels", "Dropped"),
    }


def document_kinds() -> dict[str, str]:
    return {
        "compte_rendu": QCoreApplication.translate("Labels", "Minutes (compte-rendu, as 2023)"),
        "proces_verbal": QCoreApplication.translate("Labels", "Formal minutes (procès-verbal)"),
        "releve_de_decisions": QCoreApplication.translate("Labels", "Record of decisions"),
    }


def block_kinds() -> dict[str, str]:
    """The kinds of block in the compte-rendu."""
    return {
        "intervention": QCoreApplication.translate("Labels", "Intervention"),
        "debate": QCoreApplication.translate("Labels", "Debate"),
        "conclusions": QCoreApplication.translate("Labels", "Conclusions"),
        "paragraph": QCoreApplication.translate("Labels", "Paragraph"),
    }


def backup_tiers() -> dict[str, str]:
    """The kinds of backup models.backup lists (BackupInfo.tier)."""
    return {
        "daily": QCoreApplication.translate("Labels", "Daily"),
        "weekly": QCoreApplication.translate("Labels", "Weekly"),
        "monthly": QCoreApplication.translate("Labels", "Monthly"),
        "expired": QCoreApplication.translate("Labels", "Older (deleted at the next backup)"),
        "pre-migration": QCoreApplication.translate("Labels", "Before an upgrade"),
        "set-aside": QCoreApplication.translate("Labels", "Set aside by a restore"),
    }


def backup_status(status: str) -> str:
    """What checking a backup found (models.backup.check_backup, not "ok"), in the interface's language.

    The technical detail in parentheses (SQLite's words) stays as it is.
    """
    known = {
        "damaged": QCoreApplication.translate("Labels", "damaged"),
        "not an SQLite file": QCoreApplication.translate("Labels", "not an SQLite file"),
        "not a Minutier database": QCoreApplication.translate("Labels", "not a Minutier database"),
        "written by a newer Minutier": QCoreApplication.translate("Labels", "written by a newer Minutier"),
        "cannot be read": QCoreApplication.translate("Labels", "cannot be read"),
    }
    for phrase, shown in known.items():
        if status.startswith(phrase):
            return shown + status[len(phrase) :]
    return status


def read_only_reason(reason: str) -> str:
    """Why a database opened read-only (Database.read_only_reason), in the interface's language."""
    known = {
        "the disk is read-only": QCoreApplication.translate("Labels", "the disk is read-only"),
        "the file is read-only": QCoreApplication.translate("Labels", "the file is read-only"),
        "its folder is read-only": QCoreApplication.translate("Labels", "its folder is read-only"),
    }
    if reason in known:
        return known[reason]
    side = reason.removesuffix(" is read-only")  # « minutier.sqlite-wal is read-only »
    if side != reason:
        return QCoreApplication.translate("Labels", "{0} is read-only").format(side)
    return reason


# Stored and printed as typed, never translated: « Mme » also picks the feminine status words.
CIVILITIES = ("", "M.", "Mme")

# Printed before a moderator's name in the programme; offered, not imposed.
ROLE_LABEL_SUGGESTIONS = ("Animateur", "Animatrice", "Modérateur", "Modératrice", "Moderator", "Moderadora")
