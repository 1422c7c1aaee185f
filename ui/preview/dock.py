"""The preview as a dock of the main window, tied to the editor both ways.

- Changes: the window calls ``schedule`` after every stored change, undo,
  redo and reload; keystrokes in the report's text and line fields schedule
  a redraw too, with what is typed laid over the stored records, so the
  preview follows the typing rather than the one-second save.
- Clicking a heading or a speaker in the preview selects it in the
  Compte-rendu tab; choosing an item in that tab's outline scrolls the
  preview to it.

The Compte-rendu tab is built the first time it is shown; the dock hooks
into it then, from outside, so the tab knows nothing of the preview.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QTabWidget

from models.database import Database
from ui.preview.pane import PreviewPane


class Host(Protocol):
    """What the dock needs of the window it docks in (ui.main_window.MainWindow)."""

    db: Database
    tabs: QTabWidget

    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...
    def slot(self, key: str) -> Any: ...
    def show_tab(self, key: str) -> Any: ...


SHORTCUTS = ("F9", "Ctrl+Shift+P")
REPORT_TAB = "compte-rendu"
PANE_MIN_WIDTH = 400


class PreviewDock(QDockWidget):
    def __init__(self, window: Host):
        super().__init__(window)
        self.setWindowTitle(self.tr("Preview"))
        self.setObjectName("preview")  # saveState/restoreState find it by name
        self._window = window
        self._report = None
        self.pane = PreviewPane(window.db, self)
        self.pane.unsaved = self._unsaved
        self.pane.chosen.connect(self._chosen)
        # Narrower, justified lines are mostly gaps: give the text room to read as it prints.
        self.pane.setMinimumWidth(PANE_MIN_WIDTH)
        self.setWidget(self.pane)
        self.toggle_action = self.toggleViewAction()
        self.toggle_action.setShortcuts([QKeySequence(k) for k in SHORTCUTS])
        self.toggle_action.setToolTip(self.tr("Show or hide the preview of the minutes (F9)"))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
        window.tabs.currentChanged.connect(lambda _i: self._hook_report())

    # ------------------------------------------------------------ the window's contract

    def set_meeting(self, meeting_id: int | None) -> None:
        self.pane.set_meeting(meeting_id)

    def schedule(self) -> None:
        self.pane.schedule()

    # ------------------------------------------------------------ the Compte-rendu tab

    def _hook_report(self):
        tab = self._window.slot(REPORT_TAB).tab
        if tab is None or tab is self._report or not hasattr(tab, "block_editor"):
            return self._report
        self._report = tab
        editor = tab.block_editor
        editor.text.textChanged.connect(self._typed)
        editor.subtitle.textEdited.connect(self._typed)
        editor.question.textEdited.connect(self._typed)
        tab.section_editor.title.textEdited.connect(self._typed)
        tab.tree.selectionModel().currentChanged.connect(self._outline_moved)
        return tab

    def _typed(self, *_args) -> None:
        self.pane.schedule()

    def _unsaved(self) -> tuple[dict[int, dict], dict[int, dict]]:
        """What is typed in the Compte-rendu tab and not stored yet, by section and block id."""
        tab = self._report
        if tab is None:
            return {}, {}
        sections: dict[int, dict] = {}
        blocks: dict[int, dict] = {}
        node = tab.current_node()
        if node is None:
            return sections, blocks
        if node.kind == "block":
            editor, stored = tab.block_editor, node.data
            fields = {}
            if editor.text.document().isModified():
                fields["text"] = editor.text.markdown()
            for name, edit in (("subtitle", editor.subtitle), ("question", editor.question)):
                if edit.text().strip() != getattr(stored, name):
                    fields[name] = edit.text().strip()
            if fields:
                blocks[stored.id] = fields
        elif tab.section_editor.title.text().strip() != node.data.title:
            sections[node.data.id] = {"title": tab.section_editor.title.text().strip()}
        return sections, blocks

    def _outline_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.isVisible():
            kind, row_id = self._report.model.node(current).key
            self.pane.scroll_to(kind, row_id)

    def _chosen(self, kind: str, row_id: int) -> None:
        tab = self._window.show_tab(REPORT_TAB)
        self._hook_report()
        if hasattr(tab, "select"):
            tab.select((kind, row_id))
