"""The meeting's logo: a preview, a button to choose an image file, one to clear it."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import dialogs

IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}


class LogoField(QWidget):
    """Emits ``chosen(data, media_type)``; (None, "") when cleared."""

    chosen = Signal(object, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.preview = QLabel()
        self.preview.setFixedSize(160, 80)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid palette(mid);")
        choose = QPushButton(self.tr("Choose…"))
        self.clear_button = QPushButton(self.tr("Remove"))
        choose.clicked.connect(self._choose)
        self.clear_button.clicked.connect(lambda: self.chosen.emit(None, ""))
        buttons = QVBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch()

    def show_logo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.preview.setPixmap(
                pixmap.scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo") if not data else self.tr("(cannot show)"))
        self.clear_button.setEnabled(bool(data))

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif)")
        )
        if path:
            self.choose_file(Path(path))

    def choose_file(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            dialogs.error(self, self.tr("Cannot read {0}: {1}").format(path, exc.strerror or exc))
            return
        if not QPixmap().loadFromData(data):
            dialogs.error(self, self.tr("{0} is not an image Minutier can use.").format(path.name))
            return
        media_type = IMAGE_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or ""
        self.chosen.emit(data, media_type)
