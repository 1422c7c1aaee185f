"""The main window: the meetings list, the five tabs, menus, status bar.

It owns the undo stack and keeps the tabs current: after a change stored
by one tab the others reload when next shown; after undo or redo the
visible tab reloads at once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from models.database import Database
from models.errors import NotFound
from models.services import meetings
from ui import dialogs
from ui.export_action import ExportAction
from ui.general_tab import GeneralTab
from ui.history import UndoStack
from ui.live_refresh import LiveRefresh
from ui.meetings_panel import MeetingsPanel
from ui.menus import build_menus
from ui.preview.dock import PreviewDock
from ui.safety import SafetyActions
from ui.settings import Settings
from ui.tab_slots import TabSlot, lazy
from ui.year.actions import YearActions


class MainWindow(QMainWindow):
    language_chosen = Signal(str)

    def __init__(self, db: Database, settings: Settings, *, remember: bool = True, restore=None):
        """``restore(window, info)``: the owner's replacing of this window after a restore from
        backup (ui.app.Windows.restore); without it, the window offers no restore."""
        super().__init__()
        self.db = db
        self.settings = settings
        self._remember = remember
        self.meeting_id: int | None = None
        self.undo_stack = UndoStack(self)
        self.undo_stack.rewound.connect(self._rewound)
        self.undo_stack.failed.connect(lambda text: dialogs.error(self, text))

        self.panel = MeetingsPanel(db, self.undo_stack, self.flush)
        self.panel.opened.connect(self.open_meeting)
        self.panel.shown.connect(lambda meeting_id: self.open_meeting(meeting_id, keep_history=True))
        self.panel.changed.connect(self._update_title)

        self.tabs = QTabWidget()
        self.slots: list[TabSlot] = []
        for key, title, build in (
            ("general", self.tr("General"), GeneralTab),
            ("programme", self.tr("Programme"), lazy("ui.programme.tab", "ProgrammeTab")),
            ("participants", self.tr("Participants"), lazy("ui.participants.tab", "ParticipantsTab")),
            # « Compte-rendu » is the French word; the English interface says Minutes.
            ("compte-rendu", self.tr("Minutes"), lazy("ui.report.tab", "ReportTab")),
            ("decisions", self.tr("Decisions"), lazy("ui.decisions.tab", "DecisionsTab")),
        ):
            slot = TabSlot(key, build, db, self.undo_stack)
            slot.stored.connect(self._stored)
            self.slots.append(slot)
            self.tabs.addTab(slot, title)
        self.tabs.currentChanged.connect(lambda i: self.slots[i].ensure())

        splitter = QSplitter()
        splitter.addWidget(self.panel)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1030])
        central = QWidget()
        self.banners = QVBoxLayout(central)  # notices above the list and tabs (a read-only database)
        self.banners.setContentsMargins(0, 0, 0, 0)
        self.banners.setSpacing(0)
        self.banners.addWidget(splitter, 1)
        self.setCentralWidget(central)

        # Every change is stored at once: say so from the start, not only after the first one;
        # a read-only database stores nothing, and the bar must not claim otherwise.
        self.saved_label = QLabel(
            self.tr("Read-only: changes cannot be saved")
            if db.read_only
            else self.tr("All changes are saved")
        )
        self.statusBar().addPermanentWidget(self.saved_label)
        self.export = ExportAction(db, settings, self, flush=self.flush)
        # New-from, comparison, roster, lists in and out, search.
        self.year = YearActions(
            self,
            db,
            settings,
            self.undo_stack,
            self.panel,
            meeting_id=lambda: self.meeting_id,
            tabs=self.tabs,
            show_tab=self.show_tab,
            status_bar=self.statusBar(),
            flush=self.flush,
            reload=self.reload,
        )
        # Restore from backup, read-only banner, conflicts.
        self.safety = SafetyActions(
            self,
            db,
            self.undo_stack,
            banners=self.banners,
            status_bar=self.statusBar(),
            flush=self.flush,
            reload=self.reload,
            restore=(lambda info: restore(self, info)) if restore is not None else None,
        )
        self.preview = PreviewDock(self)  # the compte-rendu as it will print, beside the editor (F9)
        build_menus(self)
        self.live = LiveRefresh(self)  # changes made by other users appear without a restart
        self.resize(1280, 800)
        if remember and settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
            if settings.window_state is not None:
                self.restoreState(settings.window_state)

    # ------------------------------------------------------------ meetings

    def start(self, meeting_id: int | None = None) -> None:
        """Show the list and open ``meeting_id``, else the last one opened, else the newest.

        A window replacing one in another language (choose_language) takes over its tab
        and selection.
        """
        handed, MainWindow._handoff = MainWindow._handoff, None
        if handed is not None and meeting_id is None:
            meeting_id = handed.get("meeting")
        self.panel.refresh()
        self.panel.select(meeting_id if meeting_id is not None else self.settings.last_meeting_id)
        if self.meeting_id is None:
            self.open_meeting(None)
        if handed is not None and handed.get("meeting") == self.meeting_id:
            self.restore_view_state(handed)

    # ------------------------------------------------------------ interface language

    # What a window in the old language hands to the one replacing it (ui/app.py makes a new one).
    _handoff: dict | None = None

    def choose_language(self, language: str) -> None:
        self.flush()
        MainWindow._handoff = self.view_state()
        self.language_chosen.emit(language)

    def view_state(self) -> dict:
        """The tab shown and what is selected in it, to show the same after a rebuild."""
        slot = self.slots[self.tabs.currentIndex()]
        state: dict = {"meeting": self.meeting_id, "tab": slot.key, "selection": None}
        tab = slot.tab
        if tab is None:
            return state
        if slot.key == "programme" and hasattr(tab, "current"):
            row = tab.model.row_for(tab.current())
            state["selection"] = row.id if row is not None else None
        elif slot.key == "participants" and hasattr(tab, "selected_ids"):
            ids = tab.selected_ids()
            state["selection"] = ids[0] if ids else None
        elif slot.key == "compte-rendu" and hasattr(tab, "current_node"):
            node = tab.current_node()
            state["selection"] = node.key if node is not None else None
        elif slot.key == "decisions" and hasattr(tab, "current_id"):
            state["selection"] = tab.current_id()
        return state

    def restore_view_state(self, state: dict) -> None:
        if not any(s.key == state.get("tab") for s in self.slots):
            return
        tab = self.show_tab(state["tab"])
        chosen = state.get("selection")
        if chosen is None:
            return
        if state["tab"] == "programme" and hasattr(tab, "select_item"):
            tab.select_item(chosen)
        elif state["tab"] == "participants" and hasattr(tab, "select_participant"):
            tab.select_participant(chosen)
        elif state["tab"] in ("compte-rendu", "decisions") and hasattr(tab, "select"):
            tab.select(chosen)

    def open_meeting(self, meeting_id: int | None, *, keep_history: bool = False) -> None:
        """``keep_history``: shown by a step of a meeting command (ui/meeting_commands.py), whose
        history walks across meetings; otherwise the history names rows of the meeting left, and
        must not act on the one opened."""
        if meeting_id == self.meeting_id and meeting_id is not None:
            return
        if not keep_history:
            self.undo_stack.clear()
        self.meeting_id = meeting_id
        current = self.tabs.currentWidget()
        for slot in self.slots:
            slot.set_meeting(meeting_id, now=slot is current)
        self.preview.set_meeting(meeting_id)
        self._update_title()
        if self._remember and meeting_id is not None:
            self.settings.last_meeting_id = meeting_id

    def _update_title(self) -> None:
        title, date, language = "", None, "fr"
        if self.meeting_id is not None:
            with self.db.reading() as session:
                try:
                    meeting = meetings.get_meeting(session, self.meeting_id)
                    title = f"{meeting.title} ({meeting.date.year})"
                    date, language = meeting.date, meeting.language
                except NotFound:
                    title = ""
        self.export.set_meeting(self.meeting_id, title, date, language)
        parts = [p for p in (title, self.db.label, "Minutier") if p]
        self.setWindowTitle(" — ".join(parts))

    # ------------------------------------------------------------ keeping tabs current

    def _stored(self) -> None:
        source = self.sender()
        for slot in self.slots:
            if slot is not source:
                slot.mark_stale()
        self.preview.schedule()
        self._show_saved()
        self.panel.refresh()
        self._update_title()

    def _rewound(self) -> None:
        current = self.tabs.currentWidget()
        for slot in self.slots:
            slot.mark_stale(now=slot is current)
        self.preview.schedule()
        self._show_saved()
        self.panel.refresh()
        self._update_title()

    def _show_saved(self) -> None:
        if self.db.read_only:
            return
        self.saved_label.setText(self.tr("Saved at {0}").format(time.strftime("%H:%M")))

    def reload(self) -> None:
        """Data changed outside the tabs (a dialog's command): reload them, the visible one now."""
        self._rewound()

    def undo(self) -> None:
        self.flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush()
        self.undo_stack.redo()

    def flush(self) -> None:
        for slot in self.slots:
            slot.flush()

    # ------------------------------------------------------------ closing

    @property
    def remember(self) -> bool:
        """Whether this window keeps its geometry and last meeting in the settings."""
        return self._remember

    def retire(self) -> None:
        """Before its database is closed under it (a restore): store what is typed, drop the
        history (it names rows of the data being replaced), stop everything that reads."""
        self.flush()
        self.undo_stack.clear()
        self.live.stop()
        if self.export.thread is not None:  # an export still reading the data being replaced
            self.export.thread.wait()
        self.year.wait()
        self.safety.retire()

    def closeEvent(self, event) -> None:
        self.live.stop()
        self.flush()
        self.export.writer.wait()
        self.year.wait()
        if self._remember:
            self.settings.geometry = self.saveGeometry()
            self.settings.window_state = self.saveState()
            self.settings.sync()
        super().closeEvent(event)

    def slot(self, key: str) -> TabSlot:
        return next(s for s in self.slots if s.key == key)

    def show_tab(self, key: str):
        """Bring a tab forward and return its widget (built if needed)."""
        slot = self.slot(key)
        self.tabs.setCurrentWidget(slot)
        return slot.ensure()
