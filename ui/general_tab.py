"""The General tab: every field of the meeting, each stored on its own as an undoable command."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import MinutierError, NotFound
from models.services import meetings
from ui import commands, dialogs, labels, times
from ui.fields import Binding, TextArea, bind_area, bind_combo, bind_date, bind_line
from ui.logo_field import LogoField
from ui.richtext import RichTextEdit, RichTextToolbar
from ui.template_setting import TemplateSetting
from ui.undo import run


class RichBinding:
    """A long text: a rich-text box (what is typed is text, the toolbar formats), stored as Markdown."""

    def __init__(self, name: str, editor: RichTextEdit, store):
        self.name = name
        self.widget = editor
        editor.committed.connect(lambda text: store(name, text))

    def load(self, value: Any) -> None:
        self.widget.load_markdown(value or "")

    def flush(self) -> None:
        self.widget.commit()


class GeneralTab(QWidget):
    stored = Signal()

    def __init__(self, db: Database, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self.meeting_id: int | None = None
        self.version: int | None = None  # the meeting row's version when read: edits check it
        self._storing = False
        self.values: dict[str, Any] = {}
        self.bindings: dict[str, Binding | RichBinding] = {}
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self._build()
        self.setEnabled(False)

    # ------------------------------------------------------------ layout

    def _label(self, name: str, label: str) -> str:
        self.labels[name] = label
        return label

    def _line(self, name: str, placeholder: str = "", **kwargs) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.bindings[name] = bind_line(name, edit, self.store, **kwargs)
        self.widgets[name] = edit
        return edit

    def _area(self, name: str, lines: int, placeholder: str = "") -> TextArea:
        area = TextArea(lines)
        area.setPlaceholderText(placeholder)
        self.bindings[name] = bind_area(name, area, self.store)
        self.widgets[name] = area
        return area

    def _rich(self, name: str) -> QWidget:
        editor = RichTextEdit()
        self.bindings[name] = RichBinding(name, editor, self.store)
        self.widgets[name] = editor
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(RichTextToolbar(editor))
        column.addWidget(editor, 1)
        return box

    def _combo(self, name: str, choices: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        for code, label in choices.items():
            combo.addItem(label, code)
        self.bindings[name] = bind_combo(name, combo, self.store)
        self.widgets[name] = combo
        return combo

    def _time(self, name: str) -> QLineEdit:
        edit = self._line(name, self.tr("HH:MM"), convert=times.parse_time, show=times.format_time)
        edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^$|^\d{1,2}([:h.]\d{0,2})?$"), edit)
        )
        edit.setMaximumWidth(80)
        return edit

    def _build(self) -> None:
        document = QGroupBox(self.tr("Document"))
        form = QFormLayout(document)
        form.addRow(self._label("organisation", self.tr("Organisation")), self._line("organisation", "CGLU"))
        form.addRow(
            self._label("body", self.tr("Group / body")),
            self._area("body", 2, self.tr("One line per line of the cover")),
        )
        body_tip = self.tr(
            "The group or body that meets (e.g. a working group), printed on the cover under the organisation"
        )
        self.widgets["body"].setToolTip(body_tip)
        form.labelForField(self.widgets["body"]).setToolTip(body_tip)
        form.addRow(
            self._label("document_title", self.tr("Document title")),
            self._line("document_title", "COMPTE-RENDU"),
        )
        form.addRow(self._label("title", self.tr("Meeting title")), self._area("title", 2))

        when = QGroupBox(self.tr("When and where"))
        form = QFormLayout(when)
        form.addRow(self._label("venue", self.tr("Venue")), self._line("venue"))
        date = QDateEdit()
        date.setCalendarPopup(True)
        date.setDisplayFormat("dd/MM/yyyy")
        self.bindings["date"] = bind_date("date", date, self.store)
        self.widgets["date"] = date
        hours = QHBoxLayout()
        hours.addWidget(date)
        hours.addSpacing(12)
        hours.addWidget(self._time("start_time"))
        hours.addWidget(self._time("end_time"))
        hours.addWidget(self._line("timezone", "CET"))
        self.widgets["timezone"].setMaximumWidth(90)
        hours.addStretch()
        form.addRow(self._label("date", self.tr("Date, start, end, time zone")), hours)
        self.labels.update(
            start_time=self.tr("Start"), end_time=self.tr("End"), timezone=self.tr("Time zone")
        )

        options = QGroupBox(self.tr("Publication"))
        form = QFormLayout(options)
        form.addRow(
            self._label("language", self.tr("Language of the document")),
            self._combo("language", labels.meeting_languages()),
        )
        form.addRow(
            self._label("status", self.tr("Status")), self._combo("status", labels.meeting_statuses())
        )
        form.addRow(
            self._label("photo_album_url", self.tr("Photo album link")),
            self._line("photo_album_url", "https://"),
        )
        self.logo = LogoField()
        self.logo.chosen.connect(self._logo_chosen)
        form.addRow(self._label("logo", self.tr("Logo")), self.logo)
        self.template = TemplateSetting(self._db, self._stack)
        self.template.stored.connect(self.stored.emit)
        form.addRow(self.tr("Use the styles of a Word file"), self.template)

        texts = QGroupBox(self.tr("Opening text"))
        column = QVBoxLayout(texts)
        for name, label, stretch in (
            ("introduction", self.tr("Introduction"), 3),
            ("co_organisers", self.tr("Co-organisers"), 1),
            ("objectives", self.tr("Objectives"), 3),
        ):
            column.addWidget(QLabel(self._label(name, label)))
            column.addWidget(self._rich(name), stretch)

        left = QVBoxLayout()
        for group in (document, when, options):
            left.addWidget(group)
        left.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(texts, 1)
        content = QWidget()
        content.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # ------------------------------------------------------------ contract

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.flush()
        self.meeting_id = meeting_id
        values: dict[str, Any] = {}
        self.version = None
        if meeting_id is not None:
            with self._db.reading() as session:
                try:
                    meeting = meetings.get_meeting(session, meeting_id)
                    values = {name: getattr(meeting, name) for name in meetings.EDITABLE}
                    self.version = meeting.version
                except NotFound:
                    self.meeting_id = None
        self.values = values
        self.setEnabled(bool(values))
        for name, binding in self.bindings.items():
            if name in values:
                binding.load(values[name])
        self.logo.show_logo(values.get("logo"))
        self.template.set_meeting(self.meeting_id)

    def flush(self) -> None:
        """Store whatever is still waiting for the end of a typing pause."""
        for binding in self.bindings.values():
            binding.flush()

    # ------------------------------------------------------------ storing

    def store(self, name: str, value: Any) -> None:
        self._store({name: value})

    def _logo_chosen(self, data: bytes | None, media_type: str) -> None:
        self._store({"logo": data, "logo_media_type": media_type})
        self.logo.show_logo(self.values.get("logo"))

    def _store(self, fields: dict[str, Any]) -> None:
        # Each store is its own undo step: merged steps would skip the values saved in between.
        if self.meeting_id is None or all(self.values.get(k) == v for k, v in fields.items()):
            return
        if self._storing:  # a message box about this store took the focus: that is not an edit
            return
        text = self.tr("Edit « {0} »").format(self.labels.get(next(iter(fields)), ""))
        command = commands.Edit(
            self._db,
            text,
            meetings.update_meeting,
            self.meeting_id,
            fields,
            self.stored.emit,
            expected_version=self.version,
        )
        self._storing = True
        try:
            if not run(self._stack, command, lambda message: dialogs.error(self, message)):
                for name in fields:
                    if name in self.bindings:
                        self.bindings[name].load(self.values.get(name))
                return
        finally:
            self._storing = False
        self.values.update(fields)
        self._read_version()

    def _read_version(self) -> None:
        """The version our own change gave the meeting: the next edit checks against it."""
        try:
            with self._db.reading() as session:
                self.version = meetings.get_meeting(session, self.meeting_id).version
        except MinutierError:
            self.version = None
