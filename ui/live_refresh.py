"""Showing changes made by other users without a restart (docs/shared-database.md).

Every POLL_MS the window reads the change feed (models/changes.py: a few
integers, one query). When another Minutier — another window on the same
file, another secretary on the same server — changed the meeting on
screen, the window reloads; when it changed the list of meetings, the list
refreshes. Changes made by this window are already on screen and do not
reload it.

A reload never clobbers what is being typed: while the focus is in a text
field of the tabs (or a table's cell editor), the reload waits until the
focus leaves it, and the status bar says so. The window polls while it is
shown, active or not: two windows side by side both stay current.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

from models.changes import Changes, ChangeWatcher
from models.errors import MinutierError

log = logging.getLogger("minutier.ui")

POLL_MS = int(os.environ.get("MINUTIER_REFRESH_MS", "2000"))  # 0: never poll
BACKOFF_MS = 30_000  # after a failed poll (the server cannot be reached)
MESSAGE_MS = 6_000


def is_editing(widget) -> bool:
    """Whether ``widget`` (the focus) is a field whose text a reload would overwrite."""
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


class LiveRefresh(QObject):
    """Polls the change feed for ``window`` (a MainWindow) and reloads it when others changed its meeting."""

    def __init__(self, window, interval_ms: int = POLL_MS):
        super().__init__(window)
        self.window = window
        self.interval_ms = interval_ms
        self.pending = False  # a reload waits for the focus to leave a field
        self.failed = False
        try:
            self.watcher: ChangeWatcher | None = ChangeWatcher(window.db)
        except MinutierError as exc:  # an unreadable feed must not stop the editor
            log.warning("live refresh off: %s", exc)
            self.watcher = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        if interval_ms > 0 and self.watcher is not None:
            self.timer.start(interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    # ------------------------------------------------------------ polling

    def poll(self) -> Changes | None:
        """Read the feed now; returns what it found (None if it could not be read)."""
        if self.watcher is None:
            return None
        try:
            changes = self.watcher.poll()
        except MinutierError as exc:
            if not self.failed:
                self.failed = True
                self._say(self.tr("Cannot check for changes made elsewhere: {0}").format(exc))
                self.timer.setInterval(BACKOFF_MS)
            return None
        if self.failed:
            self.failed = False
            self.timer.setInterval(self.interval_ms)
        if changes.by_others:
            self._changed_elsewhere(changes)
        return changes

    def _changed_elsewhere(self, changes: Changes) -> None:
        window = self.window
        meeting_id = window.meeting_id
        window.panel.refresh()
        if meeting_id is not None and window.panel.model.row_of(meeting_id) < 0:
            # Deleted by someone else: another one opens, as after deleting it here.
            if window.meeting_id == meeting_id:
                window.panel.select(None)
            self._say(self.tr("The meeting you had open was deleted by another user."))
            return
        if changes.touches(window.meeting_id):
            self.pending = True
        self.apply()

    # ------------------------------------------------------------ reloading

    def editing(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.window.tabs.isAncestorOf(focus) and is_editing(focus)

    def apply(self) -> bool:
        """Reload now if a reload waits and nothing is being typed; whether it reloaded."""
        if not self.pending:
            return False
        if self.editing():
            self._say(
                self.tr("Another user changed this meeting; it will be updated when you leave this field.")
            )
            return False
        self.pending = False
        self.window.reload()
        self._say(self.tr("Updated with changes made by another user."))
        return True

    def _focus_changed(self, _old, _new) -> None:
        if self.pending:
            # After Qt has finished moving the focus (and the field left has stored its text).
            QTimer.singleShot(0, self.apply)

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def stop(self) -> None:
        self.timer.stop()
