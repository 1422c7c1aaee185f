"""The undoable changes of the Decisions tab: the row shapes of ui/commands.py, given the register's services.

A deleted decision comes back with its id (``restore_decision``), relinked
to the later meetings' decisions that followed it up, so commands further up
the stack that name it still apply.
"""

from __future__ import annotations

from typing import Any

from models.database import Database
from models.services import decisions
from ui.commands import Add, Delete, Edit
from ui.undo import Done


class EditDecision(Edit):
    """Some fields of one decision; undo puts back the values ``update_decision`` returned."""

    def __init__(
        self,
        db: Database,
        text: str,
        decision_id: int,
        fields: dict[str, Any],
        on_done: Done = None,
        expected_version: int | None = None,
    ):
        super().__init__(db, text, decisions.update_decision, decision_id, fields, on_done, expected_version)


class AddDecision(Add):
    """A new decision at the end of the register, numbered after the year's highest (``next_number``)."""

    def __init__(self, db: Database, text: str, meeting_id: int, on_done: Done = None):
        super().__init__(
            db,
            text,
            lambda session: decisions.add_decision(session, meeting_id),
            decisions.delete_decision,
            decisions.restore_decision,
            on_done,
        )


class DeleteDecision(Delete):
    def __init__(self, db: Database, text: str, decision_id: int, on_done: Done = None):
        super().__init__(
            db, text, decisions.delete_decision, decisions.restore_decision, decision_id, on_done
        )
