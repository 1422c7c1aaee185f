"""The main window's menus and their shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenuBar, QMessageBox, QTabWidget

from ui import committee_settings, i18n, word_import_dialog

if TYPE_CHECKING:
    from models.database import Database
    from ui.export_action import ExportAction
    from ui.history import UndoStack
    from ui.meetings_panel import MeetingsPanel
    from ui.preview.dock import PreviewDock
    from ui.safety import SafetyActions
    from ui.settings import Settings
    from ui.year.actions import YearActions


class Host(Protocol):
    """The window whose menu bar is built (ui.main_window.MainWindow): the parts it offers."""

    db: Database
    settings: Settings
    undo_stack: UndoStack
    panel: MeetingsPanel
    year: YearActions
    export: ExportAction
    safety: SafetyActions
    preview: PreviewDock
    tabs: QTabWidget
    undo_action: QAction
    redo_action: QAction

    def menuBar(self) -> QMenuBar: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def close(self) -> bool: ...
    def choose_language(self, language: str) -> None: ...


def _undo_redo(window: Host) -> tuple[QAction, QAction]:
    stack = window.undo_stack
    undo = QAction(QCoreApplication.translate("Menus", "Undo"), window)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(window.undo)
    redo = QAction(QCoreApplication.translate("Menus", "Redo"), window)
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.triggered.connect(window.redo)
    undo.setEnabled(False)
    redo.setEnabled(False)
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.undoTextChanged.connect(
        lambda text: undo.setText(
            QCoreApplication.translate("Menus", "Undo {0}").format(text)
            if text
            else QCoreApplication.translate("Menus", "Undo")
        )
    )
    stack.redoTextChanged.connect(
        lambda text: redo.setText(
            QCoreApplication.translate("Menus", "Redo {0}").format(text)
            if text
            else QCoreApplication.translate("Menus", "Redo")
        )
    )
    return undo, redo


def build_menus(window: Host) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    file_menu.addAction(window.panel.new_action)
    file_menu.addAction(window.panel.duplicate_action)
    file_menu.addAction(window.panel.delete_action)
    file_menu.addAction(window.year.new_from_action)
    file_menu.addSeparator()
    file_menu.addAction(window.export.action)
    file_menu.addAction(window.export.pdf_action)
    file_menu.addAction(window.year.sign_in_action)
    file_menu.addSeparator()
    file_menu.addAction(window.year.import_action)
    file_menu.addAction(word_import_dialog.install(window))
    file_menu.addAction(window.year.export_people_action)
    file_menu.addSeparator()
    file_menu.addAction(window.safety.restore_action)
    file_menu.addSeparator()
    quit_action = file_menu.addAction(QCoreApplication.translate("Menus", "Quit"))
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)

    edit_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    window.undo_action, window.redo_action = _undo_redo(window)
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.year.search_action)
    edit_menu.addSeparator()
    edit_menu.addAction(committee_settings.install(window))

    people_menu = bar.addMenu(QCoreApplication.translate("Menus", "&People"))
    people_menu.addAction(window.year.history_action)
    people_menu.addAction(window.year.duplicates_action)
    people_menu.addSeparator()
    people_menu.addAction(window.year.compare_action)

    view_menu = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    for number in range(window.tabs.count()):
        action = view_menu.addAction(window.tabs.tabText(number))
        action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
        action.triggered.connect(lambda _checked=False, n=number: window.tabs.setCurrentIndex(n))
    view_menu.addSeparator()
    view_menu.addAction(window.year.search_dock.toggleViewAction())
    view_menu.addAction(window.preview.toggle_action)
    language_menu = view_menu.addMenu(QCoreApplication.translate("Menus", "Interface language"))
    group = QActionGroup(window)
    current = i18n.choose(window.settings.language)
    for code, name in i18n.LANGUAGES.items():
        action = language_menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, c=code: window.choose_language(c))

    help_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    about = help_menu.addAction(QCoreApplication.translate("Menus", "About Minutier"))
    about.triggered.connect(
        lambda: QMessageBox.about(
            window,
            QCoreApplication.translate("Menus", "About Minutier"),
            QCoreApplication.translate(
                "Menus", "Minutier — the editor for the minutes of yearly meetings.\nDatabase: {0}"
            ).format(window.db.label),
        )
    )
