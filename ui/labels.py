"""Translated names of the stored codes (kinds, roles, languages, statuses).

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


# Printed before a moderator's name in the programme; offered, not imposed.
ROLE_LABEL_SUGGESTIONS = ("Animateur", "Animatrice", "Modérateur", "Modératrice", "Moderator", "Moderadora")
