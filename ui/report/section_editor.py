"""The right-hand editor for a section: its title and the programme item it reports on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.services.report import ProgrammeChoice, SectionData


class SectionEditor(QWidget):
    changed = Signal(int, dict)  # section id, fields to store

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.title = QLineEdit()
        self.title.editingFinished.connect(self.flush)
        self.programme = QComboBox()
        self.programme.activated.connect(self._linked)
        self.hint = QLabel(
            self.tr(
                "The programme link is used by « Create sections from the programme »: "
                "an item already linked is not created again."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Programme item"), self.programme)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self._data: SectionData | None = None
        self._choices: list[ProgrammeChoice] | None = None

    def set_choices(self, choices: list[ProgrammeChoice]) -> None:
        if choices == self._choices:
            return
        self._choices = choices
        self.programme.clear()
        self.programme.addItem(self.tr("(none)"), None)
        for choice in choices:
            time = choice.start_time.strftime("%H:%M") if choice.start_time else ""
            indent = "      ↳ " if choice.subtopic else ""
            self.programme.addItem(f"{indent}{time}  {choice.title}".strip(), choice.id)
        if self._data is not None:
            self._show_link(self._data.programme_item_id)

    def show_section(self, data: SectionData, depth: int) -> None:
        self._data = data
        self.heading.setText(self.tr("Part") if depth == 0 and data.sections else self.tr("Section"))
        if self.title.text() != data.title or not self.title.hasFocus():
            self.title.setText(data.title)
        self._show_link(data.programme_item_id)

    def _show_link(self, item_id: int | None) -> None:
        at = self.programme.findData(item_id)
        self.programme.setCurrentIndex(max(at, 0))

    def _linked(self, index: int) -> None:
        item_id = self.programme.itemData(index)
        if self._data is not None and item_id != self._data.programme_item_id:
            self.changed.emit(self._data.id, {"programme_item_id": item_id})

    def flush(self) -> None:
        title = self.title.text().strip()
        if self._data is not None and title != self._data.title:
            self.changed.emit(self._data.id, {"title": title})
