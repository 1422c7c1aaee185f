"""Every message box goes through here, so tests can see and answer them.

``observer().shown`` is emitted with each QMessageBox just before it runs;
a test connects to it and closes the box from a zero-delay timer.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("minutier.ui")


class DialogObserver(QObject):
    shown = Signal(object)


_observer: DialogObserver | None = None


def observer() -> DialogObserver:
    global _observer
    if _observer is None:
        _observer = DialogObserver()
    return _observer


def _run(box: QMessageBox) -> int:
    observer().shown.emit(box)
    return box.exec()


def _box(parent: QWidget | None, icon, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(icon, "Minutier", text, QMessageBox.StandardButton.NoButton, parent)
    if details:
        box.setDetailedText(details)
    return box


def error(parent: QWidget | None, text: str, details: str = "") -> None:
    log.warning("shown to the user: %s", text)
    box = _box(parent, QMessageBox.Icon.Warning, text, details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    _run(box)


def confirm(parent: QWidget | None, text: str, action: str) -> bool:
    """A yes/no question whose yes button names the action (« Delete »); No is the default."""
    box = _box(parent, QMessageBox.Icon.Question, text)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    _run(box)
    return box.clickedButton() is yes


def ask(parent: QWidget | None, text: str, action: str, *, details: str = "", warning: bool = False) -> bool:
    """A question whose answer is an action (« Open the document? »); the action is the default.

    ``warning``: something went wrong and the action repairs it (« Restore the newest backup »).
    """
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = _box(parent, icon, text, details)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(yes)
    _run(box)
    return box.clickedButton() is yes


def inform(parent: QWidget | None, text: str, details: str = "") -> None:
    """Something done that the user should know about (« Restored; the previous file is kept as … »)."""
    box = _box(parent, QMessageBox.Icon.Information, text, details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    _run(box)
