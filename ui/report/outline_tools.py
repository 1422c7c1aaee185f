"""The outline's tools in the Compte-rendu tab: its actions, and the panel of tool bars around it.

The actions add sections and blocks, move, delete, and create sections from
the programme; the panel holds the tool bars, the outline and the « from the
programme » button.

Built for the tab (``Host``, ``ui.report.tab.ReportTab``); the texts keep its
translation context (``ReportTab``), where their French is.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QToolBar, QToolButton, QVBoxLayout, QWidget

from ui import labels
from ui.report.outline_view import OutlineView


class Host(Protocol):
    """The tab whose outline gets the tools: the actions it keeps and the changes they make."""

    tree: OutlineView
    add_section_action: QAction
    add_subsection_action: QAction
    add_block_actions: dict[str, QAction]
    move_up_action: QAction
    move_down_action: QAction
    delete_action: QAction
    from_programme_action: QAction

    def add_section(self) -> int | None: ...
    def add_subsection(self) -> int | None: ...
    def add_block(self, kind: str) -> int | None: ...
    def move_by(self, step: int) -> bool: ...
    def delete_current(self) -> bool: ...
    def sections_from_programme(self) -> list[int]: ...


def _action(tab: Host, text: str, slot, shortcut: str = "", tip: str = "") -> QAction:
    action = QAction(text, tab)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.setToolTip(tip or text)
    action.triggered.connect(slot)
    tab.tree.addAction(action)
    return action


def make_actions(tab: Host) -> None:
    """The outline's actions, kept by the tab (``tab.add_section_action``…) and shown in its context menu."""
    tab.add_section_action = _action(
        tab,
        QCoreApplication.translate("ReportTab", "Section"),
        tab.add_section,
        tip=QCoreApplication.translate("ReportTab", "Add a section after the chosen one"),
    )
    tab.add_subsection_action = _action(
        tab,
        QCoreApplication.translate("ReportTab", "Sub-section"),
        tab.add_subsection,
        tip=QCoreApplication.translate("ReportTab", "Add a sub-section to the chosen section"),
    )
    kinds = labels.block_kinds()
    tab.add_block_actions = {
        kind: _action(
            tab,
            label,
            lambda _checked=False, k=kind: tab.add_block(k),
            tip=QCoreApplication.translate("ReportTab", "Add a « {0} » block to the chosen section").format(
                label
            ),
        )
        for kind, label in kinds.items()
    }
    tab.move_up_action = _action(
        tab,
        QCoreApplication.translate("ReportTab", "Move up"),
        lambda: tab.move_by(-1),
        "Alt+Up",
        QCoreApplication.translate("ReportTab", "Move up (Alt+Up)"),
    )
    tab.move_down_action = _action(
        tab,
        QCoreApplication.translate("ReportTab", "Move down"),
        lambda: tab.move_by(1),
        "Alt+Down",
        QCoreApplication.translate("ReportTab", "Move down (Alt+Down)"),
    )
    tab.delete_action = _action(
        tab,
        QCoreApplication.translate("ReportTab", "Delete"),
        tab.delete_current,
        "Del",
        QCoreApplication.translate("ReportTab", "Delete (Del); can be undone"),
    )
    tab.from_programme_action = _action(
        tab,
        QCoreApplication.translate("ReportTab", "Create sections from the programme"),
        tab.sections_from_programme,
        tip=QCoreApplication.translate(
            "ReportTab", "One section for each programme item that has none yet, with its interventions"
        ),
    )


def outline_panel(tab: Host) -> QWidget:
    """The tool bars over the outline, the outline, and the « from the programme » button under it."""
    adding = QToolBar()
    adding.addWidget(QLabel(QCoreApplication.translate("ReportTab", "Add: ")))
    adding.addAction(tab.add_section_action)
    adding.addAction(tab.add_subsection_action)
    adding.addSeparator()
    # Interventions are most of a report: one click; the other kinds in the menu.
    blocks = QToolButton()
    blocks.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    blocks.setDefaultAction(tab.add_block_actions["intervention"])
    menu = QMenu(blocks)
    for action in tab.add_block_actions.values():
        menu.addAction(action)
    blocks.setMenu(menu)
    adding.addWidget(blocks)
    editing = QToolBar()
    editing.addAction(tab.move_up_action)
    editing.addAction(tab.move_down_action)
    editing.addSeparator()
    editing.addAction(tab.delete_action)
    from_programme = QPushButton(tab.from_programme_action.text())
    from_programme.setToolTip(tab.from_programme_action.toolTip())
    from_programme.clicked.connect(tab.from_programme_action.trigger)
    tab.from_programme_action.enabledChanged.connect(from_programme.setEnabled)
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(adding)
    left_layout.addWidget(editing)
    left_layout.addWidget(tab.tree, 1)
    left_layout.addWidget(from_programme)
    return left
