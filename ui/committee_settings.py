"""Edit › Document settings…: how a committee's document prints (models/services/committee.py).

The kind of document, the numbered agenda, the quorum rule, which lists of
participants print and with which columns, and the captions reworded for
this meeting (label overrides). OK stores every change made in the dialog
as one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.label_keys import overridable
from models.services import committee, meetings
from ui import dialogs, labels
from ui.undo import DataCommand, run

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack


class ChangeSettings(DataCommand):
    """Some committee settings of one meeting; undo passes back what ``set_settings`` returned."""

    def __init__(self, db: Database, text: str, meeting_id: int, fields: dict[str, Any], on_done=None):
        super().__init__(db, text, on_done)
        self.meeting_id, self.fields = meeting_id, fields
        self.previous: dict[str, Any] = {}

    def apply(self, session) -> None:
        self.previous = committee.set_settings(session, self.meeting_id, **self.fields)

    def revert(self, session) -> None:
        committee.set_settings(session, self.meeting_id, **self.previous)


class SettingsDialog(QDialog):
    def __init__(self, current: dict[str, Any], language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(self.tr("Document settings"))
        self.current = current
        self.kind = QComboBox()
        for code, label in labels.document_kinds().items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(self.kind.findData(current["document_kind"]))
        self.kind.currentIndexChanged.connect(self._show_wording)
        self.numbering = QCheckBox(self.tr("Number the agenda (1., 2., 2.1) in the programme and the report"))
        self.numbering.setChecked(current["agenda_numbering"])

        self.quorum_rule = QComboBox()
        for code, label in (
            ("none", self.tr("No quorum")),
            ("majority", self.tr("More than half of the members")),
            ("two_thirds", self.tr("At least two thirds of the members")),
            ("number", self.tr("A number of members")),
        ):
            self.quorum_rule.addItem(label, code)
        self.quorum_number = QSpinBox()
        self.quorum_number.setRange(1, committee.MAX_QUORUM)
        quorum = current["quorum"]
        if isinstance(quorum, int):
            self.quorum_rule.setCurrentIndex(self.quorum_rule.findData("number"))
            self.quorum_number.setValue(quorum)
        else:
            self.quorum_rule.setCurrentIndex(self.quorum_rule.findData(quorum))
        self.quorum_rule.currentIndexChanged.connect(self._quorum_shown)
        self._quorum_shown()

        printed: committee.PrintedLists = current["printed_lists"]
        names = {
            "present": self.tr("Present (in person and remote)"),
            "excused": self.tr("Excused"),
            "absent": self.tr("Absent"),
            "guests": self.tr("Guests"),
            "civility": self.tr("Title"),
            "function": self.tr("Function"),
            "organisation": self.tr("Organisation"),
        }
        self.lists = {name: QCheckBox(names[name]) for name in committee.LISTS}
        self.columns = {name: QCheckBox(names[name]) for name in committee.COLUMNS}
        for name, box in self.lists.items():
            box.setChecked(name in printed.lists)
        for name, box in self.columns.items():
            box.setChecked(name in printed.columns)
        self.decisions_at = QComboBox()
        for value, text in (
            ("after_report", self.tr("After the report")),
            ("after_programme", self.tr("After the programme")),
            ("end", self.tr("At the end, after the participants")),
        ):
            self.decisions_at.addItem(text, value)
        self.decisions_at.setCurrentIndex(self.decisions_at.findData(printed.decisions))

        form = QFormLayout()
        form.addRow(self.tr("Kind of document"), self.kind)
        form.addRow("", self.numbering)
        quorum_row = QHBoxLayout()
        quorum_row.addWidget(self.quorum_rule, 1)
        quorum_row.addWidget(self.quorum_number)
        form.addRow(self.tr("Quorum"), quorum_row)
        lists_row = QHBoxLayout()
        for box in self.lists.values():
            lists_row.addWidget(box)
        form.addRow(self.tr("Lists printed"), lists_row)
        columns_row = QHBoxLayout()
        for box in self.columns.values():
            columns_row.addWidget(box)
        form.addRow(self.tr("Columns beside the names"), columns_row)
        form.addRow(self.tr("Decisions printed"), self.decisions_at)
        form.addRow(self.tr("Captions"), self._captions(current["label_overrides"]))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _captions(self, overrides: dict[str, str]) -> QTableWidget:
        """One row per caption that may be reworded: as the kind prints it, and this meeting's words."""
        self.caption_keys = overridable()
        # Kept as they are: captions of a newer Minutier that a file brought (the export leaves them aside).
        self.foreign = {k: v for k, v in overrides.items() if k not in self.caption_keys}
        table = self.captions = QTableWidget(len(self.caption_keys), 2)
        table.setHorizontalHeaderLabels([self.tr("As printed"), self.tr("Printed instead")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, key in enumerate(self.caption_keys):
            shown = QTableWidgetItem()
            shown.setFlags(shown.flags() & ~Qt.ItemFlag.ItemIsEditable)
            shown.setToolTip(key)
            table.setItem(row, 0, shown)
            table.setItem(row, 1, QTableWidgetItem(overrides.get(key, "")))
        self._show_wording()
        table.setMinimumHeight(220)
        return table

    def _show_wording(self, *_args) -> None:
        from exporters.labels import load_labels  # the label tables, read only when the dialog opens

        wording = load_labels(self.language).for_meeting(self.kind.currentData())
        for row, key in enumerate(self.caption_keys):
            self.captions.item(row, 0).setText(getattr(wording, key))

    def _quorum_shown(self, *_args) -> None:
        self.quorum_number.setEnabled(self.quorum_rule.currentData() == "number")

    def values(self) -> dict[str, Any]:
        rule = self.quorum_rule.currentData()
        return {
            "document_kind": self.kind.currentData(),
            "agenda_numbering": self.numbering.isChecked(),
            "quorum": self.quorum_number.value() if rule == "number" else rule,
            "printed_lists": committee.PrintedLists(
                tuple(name for name, box in self.lists.items() if box.isChecked()),
                tuple(name for name, box in self.columns.items() if box.isChecked()),
                self.decisions_at.currentData(),
            ),
            "label_overrides": {
                **self.foreign,
                **{
                    key: text
                    for row, key in enumerate(self.caption_keys)
                    if (text := self.captions.item(row, 1).text().strip())
                },
            },
        }

    def changes(self) -> dict[str, Any]:
        """What differs from the settings the dialog opened with: all that OK stores."""
        return {name: value for name, value in self.values().items() if value != self.current[name]}


class Host(Protocol):
    """What the dialog needs of the window (ui.main_window.MainWindow)."""

    db: Database
    undo_stack: QUndoStack
    meeting_id: int | None

    def flush(self) -> None: ...
    def reload(self) -> None: ...


class CommitteeSettings:
    """The Edit menu's « Document settings… » action and the dialog it opens."""

    def __init__(self, window: Host):
        self.window = window
        self.dialog: SettingsDialog | None = None
        self.action = QAction(QCoreApplication.translate("CommitteeSettings", "Document settings…"), window)
        self.action.setToolTip(
            QCoreApplication.translate(
                "CommitteeSettings",
                "Kind of document, numbered agenda, quorum, lists of participants printed",
            )
        )
        self.action.triggered.connect(self.open)

    def open(self) -> None:
        window = self.window
        if window.meeting_id is None:
            return
        window.flush()
        with window.db.reading() as session:
            meeting = meetings.get_meeting(session, window.meeting_id)
            current, language = committee.settings(meeting), meeting.language
        self.dialog = SettingsDialog(current, language, window)
        self.dialog.accepted.connect(self._store)
        self.dialog.open()

    def _store(self) -> None:
        assert self.dialog is not None
        window, changes = self.window, self.dialog.changes()
        if window.meeting_id is None or not changes:
            return
        text = QCoreApplication.translate("CommitteeSettings", "Change the document settings")
        command = ChangeSettings(window.db, text, window.meeting_id, changes)
        if run(window.undo_stack, command, lambda message: dialogs.error(window, message)):
            window.reload()


def install(window: Host) -> QAction:
    """The action, made once per window."""
    found = getattr(window, "committee_settings", None)
    if found is None:
        found = window.committee_settings = CommitteeSettings(window)
    return found.action
