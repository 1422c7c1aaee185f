"""Helpers for the editor's GUI tests: a window on a real database, and answering message boxes."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from ui import dialogs
from ui.app import Windows
from ui.main_window import MainWindow
from ui.settings import Settings

YES_ROLES = (QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.AcceptRole)


def make_window(qtbot, db, tmp_path, meeting_id=None) -> MainWindow:
    """A window as the editor makes it (ui.app.Windows), shown on ``meeting_id``."""
    window = Windows(Settings(tmp_path / "settings.ini")).open(db, meeting_id)
    qtbot.addWidget(window)
    return window


def show_tab(qtbot, widget, meeting_id: int, width: int = 1200, height: int = 700):
    """A tab shown on its own, active (its shortcuts answer), on ``meeting_id``."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.set_meeting(meeting_id)
    return widget


@contextmanager
def answering(answer: str = "no"):
    """Close every message box shown meanwhile, clicking its action for "yes"; yields their texts."""
    seen: list[str] = []

    def shown(box: QMessageBox) -> None:
        seen.append(box.text())

        def close():
            if answer == "yes":
                button = next(b for b in box.buttons() if box.buttonRole(b) in YES_ROLES)
                button.click()
            else:
                box.reject()

        QTimer.singleShot(0, close)

    observer = dialogs.observer()
    observer.shown.connect(shown)
    try:
        yield seen
    finally:
        observer.shown.disconnect(shown)
