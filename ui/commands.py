"""The four shapes of undoable change, built on ServiceCommand: edit, add, delete, move.

Each stored change is one step; none merges into the one before (issue 10).

Undoing an addition deletes the row and keeps its snapshot; redoing it puts
the same row back with the same id, so later commands naming that id still work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.undo import ServiceCommand

Done = Callable[[], None] | None


def edit(
    db,
    text: str,
    update: Callable,
    obj_id: int,
    fields: dict[str, Any],
    on_done: Done = None,
    expected_version: int | None = None,
) -> ServiceCommand:
    """``update(session, obj_id, **fields)`` returns the previous values, which undo puts back.

    ``expected_version``: the row's version when the view read it; the first run refuses
    (ConflictError) if the row changed elsewhere since. A redo follows our own undo: not checked.
    """
    expected = [expected_version]

    def do(session):
        version, expected[0] = expected[0], None
        if version is None:
            return update(session, obj_id, **fields)
        return update(session, obj_id, expected_version=version, **fields)

    def undo(session, previous):
        update(session, obj_id, **previous)

    # Never merged with the next edit: every value stored stays reachable by undo and redo.
    command = ServiceCommand(db, text, do, undo, on_done)
    command.unsaved = dict(fields)
    return command


class _Added:
    def __init__(self, create: Callable, delete: Callable, restore: Callable):
        self.create, self.delete, self.restore = create, delete, restore
        self.obj_id: int | None = None
        self.gone: Any = None

    def do(self, session) -> int:
        if self.gone is None:
            self.obj_id = self.create(session).id
        else:
            self.restore(session, self.gone)
            self.gone = None
        return self.obj_id

    def undo(self, session, _memo) -> None:
        self.gone = self.delete(session, self.obj_id)


def add(
    db, text: str, create: Callable, delete: Callable, restore: Callable, on_done: Done = None
) -> ServiceCommand:
    """``create(session)`` returns the new row; after the push, ``command.memo`` is its id."""
    added = _Added(create, delete, restore)
    return ServiceCommand(db, text, added.do, added.undo, on_done)


def delete(
    db, text: str, delete: Callable, restore: Callable, obj_id: int, on_done: Done = None
) -> ServiceCommand:
    def do(session):
        return delete(session, obj_id)

    def undo(session, gone):
        restore(session, gone)

    return ServiceCommand(db, text, do, undo, on_done)


def move(db, text: str, move: Callable, obj_id: int, position: int, on_done: Done = None) -> ServiceCommand:
    """``move(session, obj_id, position)`` returns the old position."""

    def do(session):
        return move(session, obj_id, position)

    def undo(session, old):
        move(session, obj_id, old)

    return ServiceCommand(db, text, do, undo, on_done)
