"""Undoable changes: the base of every command, and the one way to push one.

Each kind of change is a named subclass of ``DataCommand`` (ui/commands.py,
ui/report/commands.py, ui/participants/commands.py, ui/meeting_commands.py…)
holding what it needs to do and undo itself: ``apply(session)`` and
``revert(session)`` each run in one transaction of their own. A command whose
first run fails is marked obsolete, so the stack drops it, and the error is
kept for the caller to show: Qt would otherwise swallow the exception.

Some errors are the window's to tell (ui.safety): a row changed elsewhere
(ConflictError: the window reloads and keeps what was typed), and the
storage refusing the write (read-only, disk full, lock, damage).
``run(stack, command, tell)`` pushes, lets the window's stack take those,
and tells the others with ``tell``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from models.database import Database
from models.errors import MinutierError

Done = Callable[[], None] | None


class DataCommand(QUndoCommand):
    """One user change of stored data. Subclasses define ``apply`` and ``revert``.

    The session given to them is passed through to the services untouched: typed
    loosely so the UI names no SQLAlchemy type.
    """

    def __init__(self, db: Database, text: str, on_done: Done = None):
        super().__init__(text)
        self.db = db
        self.on_done = on_done
        self.error: MinutierError | None = None
        # What the user asked to store (field → value), quoted back when a conflict refuses it.
        self.unsaved: dict[str, Any] = {}

    def apply(self, session: Any) -> None:
        raise NotImplementedError

    def revert(self, session: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[Any], None]) -> None:
        try:
            with self.db.transaction() as session:
                step(session)
        except MinutierError as exc:
            self.error = exc
            self.setObsolete(True)
            return
        if self.on_done is not None:
            self.on_done()


def push(stack: QUndoStack, command: DataCommand) -> MinutierError | None:
    """Run ``command`` through the stack; returns the error, if its service refused."""
    stack.push(command)
    return command.error


def run(stack: QUndoStack, command: DataCommand, tell: Callable[[str], Any]) -> bool:
    """Push ``command``; whether it was stored. A refusal is told once: by the window when it is
    the window's to tell (ui.history.UndoStack.take), otherwise by ``tell(message)``."""
    error = push(stack, command)
    if error is None:
        return True
    take = getattr(stack, "take", None)  # a bare QUndoStack (tests) has no window behind it
    if take is None or not take(command):
        tell(str(error))
    return False
