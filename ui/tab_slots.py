"""The five tabs, each built the first time it is shown.

Building only the visible tab keeps start-up short; the Participants,
Compte-rendu and Decisions tabs come from their own packages and fall back to a notice
when those cannot be imported.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models.database import Database

log = logging.getLogger("minutier.ui")


class PlaceholderTab(QLabel):
    """Stands in for a tab whose module is missing; keeps the tab contract."""

    stored = Signal()

    def __init__(self, text: str, parent=None):
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)

    def set_meeting(self, meeting_id: int | None) -> None:
        pass


def lazy(module: str, name: str) -> Callable[[Database, QUndoStack], QWidget]:
    def build(db: Database, undo_stack: QUndoStack) -> QWidget:
        try:
            cls = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            log.warning("tab %s.%s unavailable: %s", module, name, exc)
            text = QCoreApplication.translate("TabSlot", "This tab is not available in this version.")
            return PlaceholderTab(text)
        return cls(db, undo_stack)

    return build


class TabSlot(QWidget):
    """A tab page that builds its widget on first use and reloads it only when the data changed."""

    stored = Signal()

    def __init__(
        self, key: str, build: Callable[[Database, QUndoStack], QWidget], db, undo_stack, parent=None
    ):
        super().__init__(parent)
        self.key = key
        self._build = build
        self._db = db
        self._stack = undo_stack
        self.tab: QWidget | None = None
        self._meeting_id: int | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.tab is None:
            self.tab = self._build(self._db, self._stack)
            self.tab.stored.connect(self.stored)
            self.layout().addWidget(self.tab)
        if self._stale:
            self._stale = False
            self.tab.set_meeting(self._meeting_id)
        return self.tab

    def set_meeting(self, meeting_id: int | None, now: bool) -> None:
        if meeting_id != self._meeting_id and self.tab is not None and hasattr(self.tab, "flush"):
            self.tab.flush()
        self._meeting_id = meeting_id
        self.mark_stale(now)

    def mark_stale(self, now: bool = False) -> None:
        self._stale = True
        if now:
            self.ensure()

    def flush(self) -> None:
        if self.tab is not None and hasattr(self.tab, "flush"):
            self.tab.flush()
