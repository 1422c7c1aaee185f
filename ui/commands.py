"""The four shapes of undoable change on one row, as commands: edit, add, delete, move.

Each is given the service functions of its row kind (a programme item, a
person on the programme, an invitation…), so one class serves every table
whose services have that shape. Each stored change is one step; none merges
into the one before (issue 10).

Undoing an addition deletes the row and keeps its snapshot; redoing it puts
the same row back with the same id, so later commands naming that id still work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from models.database import Database
from ui.undo import DataCommand, Done


class Edit(DataCommand):
    """``update(session, obj_id, **fields)`` returns the previous values, which undo puts back.

    ``expected_version``: the row's version when the view read it; the first run refuses
    (ConflictError) if the row changed elsewhere since. A redo follows our own undo: not checked.
    """

    def __init__(
        self,
        db: Database,
        text: str,
        update: Callable,
        obj_id: int,
        fields: dict[str, Any],
        on_done: Done = None,
        expected_version: int | None = None,
    ):
        super().__init__(db, text, on_done)
        self.update, self.obj_id, self.fields = update, obj_id, dict(fields)
        self.expected_version = expected_version
        self.previous: dict[str, Any] = {}
        self.unsaved = dict(fields)

    def apply(self, session) -> None:
        version, self.expected_version = self.expected_version, None
        checked = {} if version is None else {"expected_version": version}
        self.previous = self.update(session, self.obj_id, **self.fields, **checked)

    def revert(self, session) -> None:
        self.update(session, self.obj_id, **self.previous)


class Add(DataCommand):
    """``create(session)`` returns the new row; after the push, ``obj_id`` is its id."""

    def __init__(
        self,
        db: Database,
        text: str,
        create: Callable,
        delete: Callable,
        restore: Callable,
        on_done: Done = None,
    ):
        super().__init__(db, text, on_done)
        self.create, self.delete, self.restore = create, delete, restore
        self.obj_id: int | None = None
        self.gone: Any = None  # the snapshot taken by undo, which redo restores

    def apply(self, session) -> None:
        if self.gone is None:
            self.obj_id = self.create(session).id
        else:
            self.restore(session, self.gone)
            self.gone = None

    def revert(self, session) -> None:
        self.gone = self.delete(session, self.obj_id)


class Delete(DataCommand):
    """``delete(session, obj_id)`` returns a snapshot, which ``restore(session, snapshot)`` puts back."""

    def __init__(
        self, db: Database, text: str, delete: Callable, restore: Callable, obj_id: int, on_done: Done = None
    ):
        super().__init__(db, text, on_done)
        self.delete, self.restore, self.obj_id = delete, restore, obj_id
        self.gone: Any = None

    def apply(self, session) -> None:
        self.gone = self.delete(session, self.obj_id)

    def revert(self, session) -> None:
        self.restore(session, self.gone)


class Move(DataCommand):
    """``move(session, obj_id, position)`` returns the old position."""

    def __init__(
        self, db: Database, text: str, move: Callable, obj_id: int, position: int, on_done: Done = None
    ):
        super().__init__(db, text, on_done)
        self.move, self.obj_id, self.position = move, obj_id, position
        self.old: int | None = None

    def apply(self, session) -> None:
        self.old = self.move(session, self.obj_id, self.position)

    def revert(self, session) -> None:
        self.move(session, self.obj_id, self.old)
