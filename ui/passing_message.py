"""A red line under a tab's controls saying why an edit was refused, gone after a while."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

# Long enough to read a sentence twice; the message must not stay over later, unrelated work.
SHOWN_MS = 8000


class PassingMessage(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet("color: #b3261e;")
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.hide)

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()
        self._timer.start()
