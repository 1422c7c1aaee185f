"""The undoable changes of whole meetings: create, duplicate, new from last year's, delete.

Undo takes a created meeting out whole and redo puts it back with the same
ids (``models.services.meeting_snapshots``), so the commands stacked after it,
which name its rows, still apply. Each command also says which meeting the
window shows after each step (``shown``): the one it made or brought back, or
the one shown before it. The history is kept across that switch, unlike a
meeting chosen in the list, so undo can walk back through it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from models.database import Database
from models.services import meetings
from models.services.meeting_snapshots import put_back_meeting, take_out_meeting
from ui.undo import DataCommand

Show = Callable[[int | None], None]


class MeetingChange(DataCommand):
    def __init__(self, db: Database, text: str, shown_before: int | None, show: Show):
        super().__init__(db, text, lambda: show(self.shown))
        self.shown_before = shown_before
        self.shown: int | None = shown_before


class MeetingCreation(MeetingChange):
    """A new meeting, made by ``make``; after the push, ``meeting_id`` is its id."""

    def __init__(self, db: Database, text: str, shown_before: int | None, show: Show):
        super().__init__(db, text, shown_before, show)
        self.meeting_id: int | None = None
        self.gone: Any = None  # the meeting taken out by undo, which redo puts back

    def make(self, session) -> Any:
        raise NotImplementedError

    def apply(self, session) -> None:
        if self.gone is None:
            self.meeting_id = self.make(session).id
        else:
            put_back_meeting(session, self.gone)
            self.gone = None
        self.shown = self.meeting_id

    def revert(self, session) -> None:
        self.gone = take_out_meeting(session, self.meeting_id)
        self.shown = self.shown_before


class NewMeeting(MeetingCreation):
    def __init__(self, db: Database, text: str, title: str, date: dt.date, shown_before, show: Show):
        super().__init__(db, text, shown_before, show)
        self.title, self.date = title, date

    def make(self, session) -> Any:
        return meetings.create_meeting(session, self.title, self.date)


class DuplicateMeeting(MeetingCreation):
    def __init__(self, db: Database, text: str, source_id: int, show: Show):
        super().__init__(db, text, source_id, show)
        self.source_id = source_id

    def make(self, session) -> Any:
        return meetings.duplicate_meeting(session, self.source_id)


class NewMeetingFrom(MeetingCreation):
    """Next year's meeting built from ``source_id`` (``rollover.new_meeting_from``)."""

    def __init__(
        self,
        db: Database,
        text: str,
        source_id: int,
        date: dt.date,
        show: Show,
        *,
        shown_before: int | None,
        **options: Any,
    ):
        super().__init__(db, text, shown_before, show)
        self.source_id, self.date, self.options = source_id, date, options

    def make(self, session) -> Any:
        from models.services import rollover  # not needed to start the editor

        return rollover.new_meeting_from(session, self.source_id, self.date, **self.options)


class DeleteMeeting(MeetingChange):
    """``shown_after``: the meeting the window shows once this one is gone (None: none is left)."""

    def __init__(self, db: Database, text: str, meeting_id: int, shown_after: int | None, show: Show):
        super().__init__(db, text, meeting_id, show)
        self.meeting_id, self.shown_after = meeting_id, shown_after
        self.gone: Any = None

    def apply(self, session) -> None:
        self.gone = take_out_meeting(session, self.meeting_id)
        self.shown = self.shown_after

    def revert(self, session) -> None:
        put_back_meeting(session, self.gone)
        self.shown = self.meeting_id
