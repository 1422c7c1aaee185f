"""The right-hand editor for a block; which fields show depends on its kind.

Intervention: speaker, subtitle, « en ligne », text. Debate: question and
points. Conclusions and paragraph: text. Line fields are stored when left
(or on Enter), the text as ``RichTextEdit`` decides.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.services.report import BlockData, SpeakerChoice
from ui import labels
from ui.report.speaker_combo import SpeakerCombo
from ui.richtext import RichTextEdit, RichTextToolbar


class BlockEditor(QWidget):
    changed = Signal(int, dict)  # block id, fields to store
    text_committed = Signal(int, str)  # block id, new Markdown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data: BlockData | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)

        self.speaker = SpeakerCombo()
        self.speaker.chosen.connect(self._speaker_chosen)
        self.subtitle = QLineEdit()
        self.subtitle.setPlaceholderText(self.tr("e.g. « The Libyan case »"))
        self.subtitle.editingFinished.connect(lambda: self._line_done("subtitle", self.subtitle))
        self.online = QCheckBox(self.tr("Online"))
        self.online.clicked.connect(self._online_clicked)
        self.question = QLineEdit()
        self.question.setPlaceholderText(self.tr("The question put to the room, if any"))
        self.question.editingFinished.connect(lambda: self._line_done("question", self.question))

        self.form = QFormLayout()
        self.form.addRow(self.tr("Speaker"), self.speaker)
        self.form.addRow(self.tr("Subtitle"), self.subtitle)
        self.form.addRow("", self.online)
        self.form.addRow(self.tr("Question"), self.question)

        self.text_label = QLabel()
        self.text = RichTextEdit()
        self.text.committed.connect(self._text_committed)
        self.toolbar = RichTextToolbar(self.text)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.text_label)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text, 1)

    def set_speakers(self, choices: list[SpeakerChoice]) -> None:
        self.speaker.set_choices(choices)

    def block_id(self) -> int | None:
        return self._data.id if self._data is not None else None

    def show_block(self, data: BlockData) -> None:
        """Show ``data``; fields already showing the same value are left alone (cursor, text undo)."""
        same_block = self._data is not None and self._data.id == data.id
        self._data = data
        kind = data.kind
        self.heading.setText(labels.block_kinds().get(kind, kind))
        for widget, visible in (
            (self.speaker, kind == "intervention"),
            (self.subtitle, kind == "intervention"),
            (self.online, kind == "intervention"),
            (self.question, kind == "debate"),
        ):
            self.form.setRowVisible(widget, visible)
        self.text_label.setText(
            {
                "intervention": self.tr("Text of the intervention"),
                "debate": self.tr("Points of the debate"),
            }.get(kind, self.tr("Text"))
        )
        self.speaker.show_speaker(data.speaker, data.person_id)
        for name, edit in (("subtitle", self.subtitle), ("question", self.question)):
            if edit.text() != getattr(data, name):
                edit.setText(getattr(data, name))
        self.online.setChecked(data.online)
        if not same_block or self.text.saved_text() != data.text:
            self.text.load_markdown(data.text)

    def focus_first(self) -> None:
        """Put the cursor where writing this kind of block starts."""
        if self._data is None:
            return
        target = {"intervention": self.speaker, "debate": self.question}.get(self._data.kind, self.text)
        target.setFocus()

    def flush(self) -> None:
        """Store what is typed but not yet stored: the window is about to undo, switch or close."""
        if self._data is None:
            return
        self.speaker.flush()
        for name, edit in (("subtitle", self.subtitle), ("question", self.question)):
            self._line_done(name, edit)
        self.text.commit()

    def _line_done(self, name: str, edit: QLineEdit) -> None:
        value = edit.text().strip()
        if self._data is not None and value != getattr(self._data, name):
            self.changed.emit(self._data.id, {name: value})

    def _speaker_chosen(self, name: str, person_id: int | None) -> None:
        if self._data is None:
            return
        fields: dict = {"speaker": name, "person_id": person_id}
        # A participant who followed remotely spoke « en ligne »: tick it for them, never untick.
        if person_id is not None and self.speaker.is_remote(person_id) and not self._data.online:
            fields["online"] = True
        if (name, person_id) != (self._data.speaker, self._data.person_id):
            self.changed.emit(self._data.id, fields)

    def _online_clicked(self, checked: bool) -> None:
        if self._data is not None and checked != self._data.online:
            self.changed.emit(self._data.id, {"online": checked})

    def _text_committed(self, text: str) -> None:
        if self._data is not None:
            self.text_committed.emit(self._data.id, text)
