"""Asking before a second meeting on a date that has one already.

The services refuse it (``models.services.meetings.DateTaken``) unless asked
again; File › New meeting from… and File › Import a Word compte-rendu… ask
the user first, with No by default, and on yes retry with ``again=True``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from models.database import Database
from models.services import meetings
from ui import dialogs


def ask_another(parent: QWidget, db: Database, day: dt.date, question: str, action: str) -> bool | None:
    """None when no meeting is on ``day``; else whether the user chose ``action`` (yes) or not.

    ``question`` is asked with ``{0}`` the date (dd/mm/yyyy) and ``{1}`` the titles of the
    meetings already there, one a line.
    """
    with db.reading() as session:
        taken = meetings.meetings_on(session, day)
    if not taken:
        return None
    listed = "\n".join(f"« {title} »" for _id, title in taken)
    return dialogs.confirm(parent, question.format(day.strftime("%d/%m/%Y"), listed), action)
