"""The year-after-year menu actions, and what they open.

File: New meeting from… (Ctrl+Shift+N), Import participants…, Export
participants…, Sign-in sheet…. People: Person history…, Find duplicates…,
Compare with an earlier meeting…. Edit: Search all meetings (Ctrl+Shift+F)
shows the search dock.

The window creates one ``YearActions`` and ui/menus.py places its actions.
It is given what it works with, not the window (so it never imports
ui.main_window): the database, the settings, the undo stack, the meetings
list, the tabs, the status bar, how to read the meeting shown, store what is
typed, reload and bring a tab forward. Files are written by
ui/year/files.FileWriter, the worker the Word export uses too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStatusBar, QTabWidget, QWidget

from models.errors import MinutierError
from models.services import meetings
from ui import dialogs
from ui.tab_slots import TabSlot
from ui.undo import run
from ui.year import files
from ui.year.navigation import Navigation
from ui.year.search import SearchDock

if TYPE_CHECKING:  # the dialogs' modules load when first opened, not at start-up
    from models.database import Database
    from ui.history import UndoStack
    from ui.meetings_panel import MeetingsPanel
    from ui.settings import Settings
    from ui.year.comparison import ComparisonDialog
    from ui.year.duplicates import DuplicatesDialog
    from ui.year.import_people import ImportDialog
    from ui.year.new_from import NewFromDialog
    from ui.year.person_history import PersonHistoryDialog

log = logging.getLogger("minutier.ui")


class YearActions(QObject):
    """``window``: the parent of the dialogs, where the search dock docks. ``meeting_id()``: the
    meeting shown (None: none). ``tabs``: the window's tabs, whose Participants tab (a
    ui.tab_slots.TabSlot keyed "participants") gives the person selected. ``show_tab(key)``:
    brings a tab forward and returns its widget. ``flush``: stores what is being typed;
    ``reload``: the tabs reload after a dialog's change."""

    def __init__(
        self,
        window: QMainWindow,
        db: Database,
        settings: Settings,
        stack: UndoStack,
        panel: MeetingsPanel,
        *,
        meeting_id: Callable[[], int | None],
        tabs: QTabWidget,
        show_tab: Callable[[str], QWidget | None],
        status_bar: QStatusBar,
        flush: Callable[[], None],
        reload: Callable[[], None],
    ):
        super().__init__(window)
        self._window = window
        self.db = db
        self._settings = settings
        self._stack = stack
        self._panel = panel
        self._meeting_id = meeting_id
        self._tabs = tabs
        self._show_tab = show_tab
        self._status_bar = status_bar
        self._flush = flush
        self._reload = reload
        self.writer = files.FileWriter(db, window, flush=flush)
        self.writer.busy_changed.connect(lambda _busy: self._update())
        # The dialogs last opened (tests and screenshots reach them here).
        self.new_from_dialog: NewFromDialog | None = None
        self.comparison: ComparisonDialog | None = None
        self.history: PersonHistoryDialog | None = None
        self.duplicates: DuplicatesDialog | None = None
        self.import_dialog: ImportDialog | None = None

        self.new_from_action = self._action(self.tr("New meeting from…"), self.new_from, "Ctrl+Shift+N")
        self.new_from_action.setToolTip(self.tr("Next year's meeting built from this one"))
        self.compare_action = self._action(self.tr("Compare with an earlier meeting…"), self.compare)
        self.import_action = self._action(self.tr("Import participants…"), self.import_people)
        self.export_people_action = self._action(self.tr("Export participants…"), self.export_people)
        self.sign_in_action = self._action(self.tr("Sign-in sheet…"), self.sign_in_sheet)
        self.history_action = self._action(self.tr("Person history…"), self.person_history, "Ctrl+H")
        self.duplicates_action = self._action(self.tr("Find duplicates…"), self.find_duplicates)
        self.search_action = self._action(self.tr("Search all meetings…"), self.show_search, "Ctrl+Shift+F")

        self.navigation = Navigation(
            db, panel, meeting_id=meeting_id, show_tab=show_tab, person_history=self.person_history
        )
        self.search_dock = SearchDock(db, window)
        self.search_dock.panel.open_hit.connect(self.navigation.open_hit)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
        self.search_dock.hide()

        panel.opened.connect(lambda _id: self._update())
        panel.shown.connect(lambda _id: self._update())
        panel.changed.connect(self._update)
        self._update()

    def _action(self, text: str, slot, shortcut: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def meeting_id(self) -> int | None:
        """The meeting shown in the window."""
        return self._meeting_id()

    def _update(self) -> None:
        has_meeting = self.meeting_id is not None
        for action in (self.new_from_action, self.compare_action, self.import_action):
            action.setEnabled(has_meeting)
        for action in (self.export_people_action, self.sign_in_action):
            action.setEnabled(has_meeting and not self.writer.busy)

    def wait(self) -> None:
        """Before the window closes: let a file being written finish."""
        self.writer.wait()

    def _changed(self) -> None:
        """A command of these dialogs stored a change: the tabs reload."""
        self._reload()

    def _meeting_label(self) -> str:
        with self.db.reading() as session:
            meeting = meetings.get_meeting(session, self.meeting_id)
            return f"{meeting.title} ({meeting.date.year})"

    # ------------------------------------------------------------ next year's meeting

    def new_from(self) -> NewFromDialog:
        """Open the dialog (window-modal); on « Create », the meeting is made and opened."""
        from ui.year.new_from import NewFromDialog

        self._flush()
        dialog = NewFromDialog(self.db, self.meeting_id, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "new_from_dialog", None))
        dialog.accepted.connect(lambda: self.create_from(dialog))
        self.new_from_dialog = dialog
        dialog.open()
        return dialog

    def create_from(self, dialog: NewFromDialog) -> int | None:
        source_id = dialog.source_id()
        command = dialog.command(
            self.tr("New meeting from {0}").format(self._meeting_label()), self._panel.show_after
        )
        if not run(self._stack, command, self._not_created):
            return None
        new_id = command.meeting_id
        question = self.tr(
            "The new meeting is created and open.\n\n"
            "Compare it with the meeting it comes from: who attended and is not invited yet, "
            "and the moderators, speakers and texts to confirm?"
        )
        if dialogs.ask(self._window, question, self.tr("Compare")):
            self.compare(source_id)
        return new_id

    def _not_created(self, message: str) -> None:
        dialogs.error(self._window, self.tr("The meeting was not created.") + "\n" + message)

    def compare(self, old_id: int | None = None) -> ComparisonDialog | None:
        from ui.year.comparison import ComparisonDialog

        if self.meeting_id is None:
            return None
        if self.comparison is not None:
            self.comparison.close()
        dialog = ComparisonDialog(
            self.db,
            self._stack,
            self.meeting_id,
            old_id,
            self._window,
            on_change=self._changed,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "comparison", None))
        dialog.open_item.connect(self.navigation.open_item)
        dialog.open_texts.connect(lambda mid: self.navigation.open(mid, "general"))
        self.comparison = dialog
        dialog.show()
        return dialog

    # ------------------------------------------------------------ people across years

    def current_person(self) -> int | None:
        """The person selected in the Participants tab, if it is the tab shown and has a selection."""
        slot = self._tabs.currentWidget()
        if not isinstance(slot, TabSlot) or slot.key != "participants":
            return None
        tab = slot.tab
        if tab is None or not hasattr(tab, "selected_ids") or not hasattr(tab, "model"):
            return None
        ids = tab.selected_ids()
        if not ids:
            return None
        row = tab.model.row_of(ids[0])
        return tab.model.rows[row].person_id if row is not None else None

    def person_history(self, person_id: int | None = None) -> PersonHistoryDialog:
        from ui.year.person_history import PersonHistoryDialog

        if person_id is None:
            person_id = self.current_person()
        if self.history is not None:
            self.history.close()
        dialog = PersonHistoryDialog(self.db, person_id, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "history", None))
        dialog.open_meeting.connect(lambda mid: self.navigation.open(mid, "participants"))
        dialog.find_duplicates.connect(self.find_duplicates)
        self.history = dialog
        dialog.show()
        dialog.search.setFocus()
        return dialog

    def find_duplicates(self, person_id: int | None = None) -> DuplicatesDialog:
        from ui.year.duplicates import DuplicatesDialog

        if self.duplicates is not None:
            self.duplicates.close()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dialog = DuplicatesDialog(self.db, self._stack, person_id, self._window, on_change=self._changed)
        finally:
            QApplication.restoreOverrideCursor()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "duplicates", None))
        self.duplicates = dialog
        dialog.show()
        return dialog

    # ------------------------------------------------------------ lists in and out

    def import_people(self) -> ImportDialog | None:
        """Choose the file, read it, open the import dialog (non-modal)."""
        from models import tabular
        from ui.year.import_people import ImportDialog

        if self.meeting_id is None:
            return None
        self._flush()
        folder = self._settings.export_folder or str(Path.home())
        path = files.choose_open(
            self._window,
            self.tr("Import participants"),
            folder,
            self.tr("Participant lists (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if not path:
            return None
        try:
            table = tabular.read_table(Path(path))
        except MinutierError as exc:
            dialogs.error(self._window, self.tr("The file cannot be read.") + "\n" + str(exc))
            return None
        except OSError as exc:
            dialogs.error(self._window, self.tr("The file cannot be read.") + "\n" + str(exc))
            return None
        dialog = ImportDialog(self.db, self._settings, self.meeting_id, Path(path), table, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "import_dialog", None))
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, result) -> None:
        # Not undoable: older steps must not undo over what the import wrote.
        self._stack.clear()
        self._reload()
        self._show_tab("participants")
        self._status_bar.showMessage(
            self.tr("Imported: {0} added, {1} updated, {2} skipped, {3} bad rows left out.").format(
                result.added, result.updated, result.skipped, result.bad
            ),
            15000,
        )

    def _suggested(self, suffix: str, extension: str) -> str:
        folder = Path(self._settings.export_folder or Path.home())
        stem = files.safe_stem(self._meeting_label(), "minutier")
        return str(folder / f"{stem} - {suffix}.{extension}")

    def export_people(self) -> bool:
        if self.meeting_id is None or self.writer.busy:
            return False
        self._flush()
        path = files.choose_save(
            self._window,
            self.tr("Export participants"),
            self._suggested(self.tr("participants"), "csv"),
            self.tr("CSV for Excel (*.csv);;Excel workbook (*.xlsx)"),
        )
        if not path:
            return False
        target = Path(path)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in ("csv", "xlsx"):
            target = target.with_name(target.name + ".csv")
            fmt = "csv"
        return self.write(
            target,
            _read_attendance,
            lambda attendance: _attendance(attendance, fmt),
            working=self.tr("Writing the participant list…"),
            done=self.tr("The participant list is written:\n{0}\n\nOpen it?"),
            failed=self.tr("The participant list was not written."),
        )

    def sign_in_sheet(self) -> bool:
        if self.meeting_id is None or self.writer.busy:
            return False
        self._flush()
        # The page's orientation is chosen with the file, as its type: no extra dialog.
        kinds = [
            self.tr("Word document, A4 upright (*.docx)"),
            self.tr("Word document, A4 landscape (*.docx)"),
        ]
        path, kind = files.choose_save_filtered(
            self._window,
            self.tr("Sign-in sheet"),
            self._suggested(self.tr("sign-in sheet"), "docx"),
            ";;".join(kinds),
        )
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        landscape = kind == kinds[1]
        return self.write(
            target,
            _read_attendance,
            lambda attendance: _sign_in_sheet(attendance, landscape),
            working=self.tr("Writing the sign-in sheet…"),
            done=self.tr("The sign-in sheet is written:\n{0}\n\nOpen it?"),
            failed=self.tr("The sign-in sheet was not written."),
        )

    def write(self, target: Path, read, render, *, working: str, done: str, failed: str) -> bool:
        self._settings.export_folder = str(target.parent)
        return self.writer.write(
            self.meeting_id, target, read, render, working=working, done=done, failed=failed
        )

    # ------------------------------------------------------------ search

    def show_search(self) -> None:
        narrow = not self.search_dock.isVisible() and self.search_dock.width() < 400
        self.search_dock.show()
        if narrow:
            # Wide enough for the text around the words, the column that tells hits apart.
            self._window.resizeDocks([self.search_dock], [460], Qt.Orientation.Horizontal)
        self.search_dock.raise_()
        self.search_dock.panel.focus()


def _read_attendance(session, meeting_id: int):
    from models.services.reading import attendance_list

    return attendance_list(session, meeting_id)


def _attendance(attendance, fmt: str) -> bytes:
    from exporters.attendance_table import export_attendance

    return export_attendance(attendance, fmt)


def _sign_in_sheet(attendance, landscape: bool = False) -> bytes:
    from exporters.sign_in_sheet import export_sign_in_sheet

    return export_sign_in_sheet(attendance, landscape=landscape)
