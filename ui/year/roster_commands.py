"""The undoable changes of the roster (Year › People)."""

from __future__ import annotations

from typing import Any

from models.database import Database
from models.services import roster
from ui.undo import DataCommand, Done


class MergePeople(DataCommand):
    """Two roster records of one person become ``keep_id``; undo brings ``merge_id`` back whole."""

    def __init__(self, db: Database, text: str, keep_id: int, merge_id: int, on_done: Done = None):
        super().__init__(db, text, on_done)
        self.keep_id, self.merge_id = keep_id, merge_id
        self.merged: Any = None

    def apply(self, session) -> None:
        self.merged = roster.merge_people(session, self.keep_id, self.merge_id)

    def revert(self, session) -> None:
        roster.unmerge_people(session, self.merged)
