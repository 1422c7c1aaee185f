"""The « Add a participant » dialog: pick someone from the roster, or describe a newcomer.

Picking fills the form from the roster and locks it: the roster record is
shared by every meeting, so it is edited in the table, not here, where a
typo would silently create a second person.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.services.attendance import RosterEntry
from ui import labels
from ui.labels import CIVILITIES

_PERSON_FIELDS = ("first_name", "last_name", "function", "organisation", "email")


def _entry_label(entry: RosterEntry) -> str:
    name = " ".join(p for p in (entry.first_name, entry.last_name) if p)
    return " — ".join(p for p in (name, entry.organisation) if p)


class AddParticipantDialog(QDialog):
    def __init__(
        self, roster: list[RosterEntry], default_status: str = "invited", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a participant"))
        self.person_id: int | None = None
        self._by_label = {_entry_label(e): e for e in roster}

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name or an organisation from the roster…"))
        self.search.setClearButtonEnabled(True)
        completer = QCompleter(QStringListModel(list(self._by_label), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self.choose)
        self.search.setCompleter(completer)
        self.new_person = QPushButton(self.tr("New person"))
        self.new_person.setEnabled(False)
        self.new_person.clicked.connect(self.forget_choice)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.new_person)

        self.civility = QComboBox()
        self.civility.setEditable(True)
        self.civility.addItems(list(CIVILITIES))
        self.fields = {name: QLineEdit() for name in _PERSON_FIELDS}
        for edit in self.fields.values():
            edit.textChanged.connect(self._update_ok)
        self.status = QComboBox()
        for code, label in labels.attendance_statuses().items():
            self.status.addItem(label, code)
        self.status.setCurrentIndex(max(self.status.findData(default_status), 0))
        self.mode = QComboBox()
        for code, label in labels.attendance_modes().items():
            self.mode.addItem(label, code)

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.civility)
        form.addRow(self.tr("First name"), self.fields["first_name"])
        form.addRow(self.tr("Last name"), self.fields["last_name"])
        form.addRow(self.tr("Function"), self.fields["function"])
        form.addRow(self.tr("Organisation"), self.fields["organisation"])
        form.addRow(self.tr("Email"), self.fields["email"])
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Mode"), self.mode)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("From the roster:")))
        layout.addLayout(search_row)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def choose(self, label: str) -> None:
        """Take the roster person shown as ``label`` (as the completer lists them)."""
        entry = self._by_label.get(label)
        if entry is None:
            return
        self.person_id = entry.id
        self.civility.setEditText(entry.civility)
        for name, edit in self.fields.items():
            edit.setText(getattr(entry, name))
        self._lock(True)

    def forget_choice(self) -> None:
        self.person_id = None
        self.search.clear()
        self.civility.setEditText("")
        for edit in self.fields.values():
            edit.clear()
        self._lock(False)
        self.fields["first_name"].setFocus()

    def _lock(self, locked: bool) -> None:
        self.civility.setEnabled(not locked)
        for edit in self.fields.values():
            edit.setEnabled(not locked)
        self.new_person.setEnabled(locked)
        self._update_ok()

    def _update_ok(self) -> None:
        named = any(self.fields[f].text().strip() for f in ("first_name", "last_name", "organisation"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.person_id is not None or named
        )

    def values(self) -> dict[str, Any]:
        """Keyword arguments for ``ParticipantsModel.add``."""
        values: dict[str, Any] = {
            "status": self.status.currentData(),
            "mode": self.mode.currentData(),
            "civility": self.civility.currentText().strip(),
            **{name: edit.text().strip() for name, edit in self.fields.items()},
        }
        if self.person_id is not None:
            values["person_id"] = self.person_id
        return values
