"""The « Add a participant » dialog: pick someone from the roster, or describe a newcomer.

One wide field does both: typing offers roster people (name — organisation);
Enter on a suggestion picks it, Enter again adds that person. Enter on a
name the roster does not offer (« Dupont », « Jeanne Martin ») creates a new
person from it at once; « New person » instead opens the form with the name
split into first and last name, to complete before adding. What was typed
in the Participants filter is already there when the dialog opens.

Picking fills the form from the roster and locks it: the roster record is
shared by every meeting, so it is edited in the table, not here, where a
typo would silently create a second person.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer
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

from models.person_fields import NAME_PARTS, NAMES
from models.services.attendance import RosterEntry
from ui import labels, person_labels
from ui.labels import CIVILITIES
from ui.programme.roster import split_name

# The person's fields typed in a line (the civility is chosen in a combo box), in NAMES' order.
_TYPED_FIELDS = tuple(name for name in NAMES if name != "civility")
# Any of these names a newcomer.
_NAMING_FIELDS = (*NAME_PARTS, "organisation")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Wide enough for most « name — organisation » suggestions; longer ones elide in the middle.
_MIN_FIELD_PX = 460
_MAX_FIELD_PX = 760


def _entry_label(entry: RosterEntry) -> str:
    name = " ".join(p for p in (entry.first_name, entry.last_name) if p)
    return " — ".join(p for p in (name, entry.organisation) if p)


class AddParticipantDialog(QDialog):
    def __init__(
        self,
        roster: list[RosterEntry],
        default_status: str = "invited",
        parent: QWidget | None = None,
        text: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a participant"))
        self.person_id: int | None = None
        self._chosen_label = ""
        self._focused = False
        self._by_label = {_entry_label(e): e for e in roster}
        self._by_folded = {label.casefold(): label for label in self._by_label}

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name or organisation: pick from the roster, or a new name"))
        self.search.setClearButtonEnabled(True)
        metrics = self.search.fontMetrics()
        widest = max(
            [metrics.horizontalAdvance(self.search.placeholderText())]
            + [metrics.horizontalAdvance(label) for label in self._by_label]
        )
        self.search.setMinimumWidth(min(max(_MIN_FIELD_PX, widest + 60), _MAX_FIELD_PX))
        self.completer = QCompleter(QStringListModel(list(self._by_label), self), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.completer.popup().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.completer.activated.connect(self.choose)
        self.search.setCompleter(self.completer)
        # After setCompleter: filters run newest first, so Enter with no suggestion
        # highlighted reaches ours before the completer merely hides its list.
        self.completer.popup().installEventFilter(self)
        self.search.installEventFilter(self)
        self.search.textEdited.connect(self._search_edited)
        self.new_person = QPushButton(self.tr("New person"))
        self.new_person.setAutoDefault(False)
        self.new_person.setToolTip(self.tr("Not in the roster: fill in the form with the name typed"))
        self.new_person.clicked.connect(self.describe_new_person)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.new_person)

        self.civility = QComboBox()
        self.civility.setEditable(True)
        self.civility.addItems(list(CIVILITIES))
        self.fields = {name: QLineEdit() for name in _TYPED_FIELDS}
        for edit in self.fields.values():
            edit.textChanged.connect(self._update_ok)
        self.status = QComboBox()
        for code, label in labels.attendance_statuses().items():
            self.status.addItem(label, code)
        self.status.setCurrentIndex(max(self.status.findData(default_status), 0))
        self.mode = QComboBox()
        for code, label in labels.attendance_modes().items():
            self.mode.addItem(label, code)

        # The person's fields in NAMES' order, each beside its label; then this meeting's marks.
        self.editors: dict[str, QWidget] = {"civility": self.civility, **self.fields}
        self.form = form = QFormLayout()
        for name in NAMES:
            form.addRow(person_labels.label(name), self.editors[name])
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Mode"), self.mode)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self._add_clicked)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("From the roster:")))
        layout.addLayout(search_row)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()
        if text.strip():
            self.search.setText(text.strip())
        self._update_new_person()
        self._update_ok()
        self.search.setFocus()

    def choose(self, label: str) -> None:
        """Take the roster person shown as ``label`` (as the completer lists them)."""
        entry = self._by_label.get(label)
        if entry is None:
            return
        self.person_id = entry.id
        self._chosen_label = label
        if self.search.text() != label:
            self.search.setText(label)
        self.civility.setEditText(entry.civility)
        for name, edit in self.fields.items():
            edit.setText(getattr(entry, name))
        self._lock(True)

    def forget_choice(self) -> None:
        """Back to an empty form for a newcomer (the field keeps what is typed)."""
        self.person_id = None
        self._chosen_label = ""
        self.civility.setEditText("")
        for edit in self.fields.values():
            edit.clear()
        self._lock(False)

    def describe_new_person(self) -> None:
        """A newcomer named as typed in the field: « Mme Jeanne Martin » fills civility, first, last."""
        typed = self.search.text().strip()
        if self.person_id is not None and typed == self._chosen_label:
            typed = ""  # the field shows the person picked, not a name for the newcomer
            self.search.clear()
        self.forget_choice()
        if typed:
            parts = split_name(typed)
            self.civility.setEditText(parts["civility"])
            self.fields["first_name"].setText(parts["first_name"])
            self.fields["last_name"].setText(parts["last_name"])
        self.completer.popup().hide()
        self.fields["first_name" if not typed else "function"].setFocus()

    def add_from_field(self) -> None:
        """Enter in the field: add the person chosen, the one named exactly, or a newcomer so named."""
        typed = self.search.text().strip()
        if self.person_id is None and typed.casefold() in self._by_folded:
            self.choose(self._by_folded[typed.casefold()])
        elif self.person_id is None and typed:
            self.describe_new_person()
        if self.person_id is not None or self._named():
            self.accept()

    def _search_edited(self, text: str) -> None:
        if self.person_id is not None and text != self._chosen_label:
            self.forget_choice()
        self._update_new_person()
        self._update_ok()

    def _update_new_person(self) -> None:
        self.new_person.setEnabled(bool(self.search.text().strip()) or self.person_id is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.FocusIn and not self._focused:
            # Qt selects a line edit's text when its window gets the focus; what the filter
            # held is to be carried on, not typed over, so the cursor goes after it instead.
            self._focused = True
            QTimer.singleShot(0, lambda: self.search.end(False))
            return False
        if event.type() != QEvent.Type.KeyPress or event.key() not in _ENTER:
            return False
        popup = self.completer.popup()
        if watched is popup and popup.currentIndex().isValid():
            return False  # the completer picks the suggestion highlighted
        if watched is popup or watched is self.search:
            popup.hide()
            self.add_from_field()
            return True
        return False

    def _lock(self, locked: bool) -> None:
        self.civility.setEnabled(not locked)
        for edit in self.fields.values():
            edit.setEnabled(not locked)
        self._update_new_person()
        self._update_ok()

    def _ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _named(self) -> bool:
        return any(self.fields[f].text().strip() for f in _NAMING_FIELDS)

    def _update_ok(self) -> None:
        typed = bool(self.search.text().strip())
        self._ok_button().setEnabled(self.person_id is not None or self._named() or typed)

    def _add_clicked(self) -> None:
        # « Add » with only a name in the field does what Enter there does.
        if self.person_id is None and not self._named():
            self.add_from_field()
        else:
            self.accept()

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
