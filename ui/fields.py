"""Form fields that store themselves: after a pause in typing, on leaving the field, or at once.

A killed window loses at most the last pause's worth of typing in one field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit

TYPING_PAUSE_MS = 800


class TextArea(QPlainTextEdit):
    """A multi-line field that says when the focus leaves it (QPlainTextEdit has no editingFinished)."""

    focus_left = Signal()

    def __init__(self, lines: int = 4, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setMinimumHeight(height)
        if lines <= 3:
            # Short fields keep their size; long texts take the room there is.
            self.setMaximumHeight(height)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class Binding(QObject):
    """Ties one widget to one meeting field: ``store(name, value)`` runs when it should be stored."""

    def __init__(
        self,
        name: str,
        widget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        store: Callable[[str, Any], None],
        parent=None,
    ):
        super().__init__(parent)
        self.name = name
        self.widget = widget
        self.read = read
        self.write = write
        self._store = store
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush_now)

    def typing(self, *_args) -> None:
        self._timer.start()

    def flush(self, *_args) -> None:
        """Store now if a change is waiting for the end of a pause."""
        if self._timer.isActive():
            self.flush_now()

    def flush_now(self, *_args) -> None:
        self._timer.stop()
        self._store(self.name, self.read())

    def load(self, value: Any) -> None:
        self.write(value)
        self._timer.stop()  # writing fired the widget's change signal; it was not typing


def bind_line(name: str, edit: QLineEdit, store, convert=str, show=str) -> Binding:
    def write(value):
        edit.setText(show(value))
        edit.setCursorPosition(0)  # long venues and links show their start

    binding = Binding(name, edit, lambda: convert(edit.text()), write, store, edit)
    edit.textEdited.connect(binding.typing)
    edit.editingFinished.connect(binding.flush_now)
    return binding


def bind_area(name: str, area: TextArea, store) -> Binding:
    binding = Binding(name, area, area.toPlainText, lambda v: area.setPlainText(v or ""), store, area)
    area.textChanged.connect(binding.typing)
    area.focus_left.connect(binding.flush)
    return binding


def bind_combo(name: str, combo: QComboBox, store) -> Binding:
    def write(value):
        combo.setCurrentIndex(max(combo.findData(value), 0))

    binding = Binding(name, combo, combo.currentData, write, store, combo)
    combo.activated.connect(binding.flush_now)
    return binding


def bind_date(name: str, edit: QDateEdit, store) -> Binding:
    binding = Binding(name, edit, lambda: edit.date().toPython(), edit.setDate, store, edit)
    edit.dateChanged.connect(binding.typing)
    edit.editingFinished.connect(binding.flush)
    return binding
