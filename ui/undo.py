"""Undoable changes: one QUndoCommand per user change, each calling a service.

redo() runs the service in its own transaction and keeps what it returns
(previous values, a snapshot of a deleted row) for undo(). A command whose
first run fails is marked obsolete, so the stack drops it, and the error is
kept for the caller to show: Qt would otherwise swallow the exception.

Some errors are the window's to tell (ui.safety): a row changed elsewhere
(ConflictError: the window reloads and keeps what was typed), and the
storage refusing the write (read-only, disk full, lock, damage). push()
hands those to the window's stack; ``reported(error)`` then tells the
caller not to show them a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from models.database import Database
from models.errors import MinutierError

Do = Callable[[Session], Any]
Undo = Callable[[Session, Any], None]


class ServiceCommand(QUndoCommand):
    def __init__(
        self,
        db: Database,
        text: str,
        do: Do,
        undo: Undo,
        on_done: Callable[[], None] | None = None,
    ):
        super().__init__(text)
        self._db = db
        self._do = do
        self._undo = undo
        self._on_done = on_done
        self.memo: Any = None
        self.result: Any = None
        self.error: MinutierError | None = None
        # What the user asked to store (field → value), quoted back when a conflict refuses it.
        self.unsaved: dict[str, Any] = {}

    def redo(self) -> None:
        try:
            with self._db.transaction() as session:
                self.memo = self._do(session)
        except MinutierError as exc:
            self.error = exc
            self.setObsolete(True)
            return
        self._notify()

    def undo(self) -> None:
        try:
            with self._db.transaction() as session:
                self._undo(session, self.memo)
        except MinutierError as exc:
            self.error = exc
            self.setObsolete(True)
            return
        self._notify()

    def _notify(self) -> None:
        if self._on_done is not None:
            self._on_done()


def push(stack: QUndoStack, command: ServiceCommand) -> MinutierError | None:
    """Run ``command`` through the stack; returns the error, if its service refused.

    Show it unless ``reported(error)``: the window has already taken it in hand.
    """
    stack.push(command)
    error = command.error
    report = getattr(stack, "report", None)
    if error is not None and report is not None:
        report(command)
    return error


def reported(error: MinutierError | None) -> bool:
    """Whether the window tells the user about ``error`` itself (ui.safety), so the caller must not."""
    return bool(getattr(error, "reported", False))
