"""Where a link of the year views leads: a search hit, a comparison's item, a person's meeting.

The meeting is opened in the window (if it is not the one shown), its tab brought
forward and the thing the link names selected there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from models.services.reading import programme_item_of

if TYPE_CHECKING:
    from models.database import Database
    from ui.meetings_panel import MeetingsPanel

# The search's tab names → the window's tab keys.
TAB_KEYS = {
    "meeting": "general",
    "participants": "participants",
    "programme": "programme",
    "report": "compte-rendu",
    "decisions": "decisions",
}


class Navigation:
    """``meeting_id()``: the meeting shown. ``show_tab(key)`` brings a tab forward and returns its
    widget. ``person_history(person_id)`` opens a person's history (a hit on no meeting's list)."""

    def __init__(
        self,
        db: Database,
        panel: MeetingsPanel,
        *,
        meeting_id: Callable[[], int | None],
        show_tab: Callable[[str], QWidget | None],
        person_history: Callable[[int], object],
    ):
        self._db = db
        self._panel = panel
        self._meeting_id = meeting_id
        self._show_tab = show_tab
        self._person_history = person_history

    def open(self, meeting_id: int, tab_key: str) -> QWidget | None:
        """Open the meeting (if it is not the open one) and bring ``tab_key`` forward; its widget."""
        if meeting_id != self._meeting_id():
            self._panel.select(meeting_id)
        if meeting_id != self._meeting_id():
            return None  # deleted meanwhile
        return self._show_tab(tab_key)

    def open_item(self, meeting_id: int, item_id: int) -> None:
        tab = self.open(meeting_id, "programme")
        if tab is not None and hasattr(tab, "select_item"):
            tab.select_item(item_id)

    def open_hit(self, meeting_id: int | None, hit) -> None:
        if meeting_id is None:  # a roster person on no list: their history says where they were
            self._person_history(hit.object_id)
            return
        tab = self.open(meeting_id, TAB_KEYS.get(hit.tab, "general"))
        if tab is None:
            return
        if hit.kind == "attendance" and hasattr(tab, "select_participant"):
            tab.select_participant(hit.object_id)
        elif hit.kind == "programme_item" and hasattr(tab, "select_item"):
            tab.select_item(hit.object_id)
        elif hit.kind == "programme_person" and hasattr(tab, "select_item"):
            with self._db.reading() as session:
                item_id = programme_item_of(session, hit.object_id)
            if item_id is not None:
                tab.select_item(item_id)
        elif hit.kind in ("section", "block") and hasattr(tab, "select"):
            tab.select((hit.kind, hit.object_id))
        elif hit.kind == "decision" and hasattr(tab, "select"):
            tab.select(hit.object_id)
