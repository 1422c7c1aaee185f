"""The speaker of an intervention: chosen from the meeting's participants, the roster, or typed.

Choosing a person links the block to them and prints their name as the
document does (« M. Prénom Nom »); typing anything else (« Mme Lucy
Earle & M. Christophe Ward ») keeps the text and drops the link.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from models.services.report import SpeakerChoice

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class SpeakerCombo(QComboBox):
    chosen = Signal(str, object)  # printed name, person id or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self.lineEdit().setPlaceholderText(self.tr("Choose a participant or type a name"))
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._choices: list[SpeakerChoice] = []
        self._shown = ("", None)
        self.activated.connect(self._activated)
        self.lineEdit().editingFinished.connect(self._typed)

    def set_choices(self, choices: list[SpeakerChoice]) -> None:
        if choices == self._choices:
            return
        self._choices = choices
        self.blockSignals(True)
        self.clear()
        participants = [c for c in choices if c.participant]
        for choice in participants:
            self._add(choice)
        if participants and len(participants) < len(choices):
            self.insertSeparator(self.count())
        for choice in choices[len(participants) :]:
            self._add(choice)
        self.setCurrentIndex(-1)
        self.setEditText(self._shown[0])
        self.blockSignals(False)

    def _add(self, choice: SpeakerChoice) -> None:
        self.addItem(choice.name, choice.person_id)
        self.setItemData(self.count() - 1, choice.detail, Qt.ItemDataRole.ToolTipRole)

    def show_speaker(self, name: str, person_id: int | None) -> None:
        self._shown = (name, person_id)
        self.blockSignals(True)
        self.setCurrentIndex(-1)
        self.setEditText(name)
        self.blockSignals(False)

    def is_remote(self, person_id: int | None) -> bool:
        return any(c.person_id == person_id and c.remote for c in self._choices)

    def _activated(self, index: int) -> None:
        person_id = self.itemData(index)
        if person_id is not None:
            self._emit(self.itemText(index), person_id)

    def _typed(self) -> None:
        name = self.currentText().strip()
        if name == self._shown[0]:
            return  # same text: keep the link it has
        at = self.findText(name)
        person_id = self.itemData(at) if at >= 0 else None
        self._emit(name, person_id)

    def _emit(self, name: str, person_id: int | None) -> None:
        if (name, person_id) != self._shown:
            self._shown = (name, person_id)
            self.chosen.emit(name, person_id)

    def flush(self) -> None:
        """Hand over a name typed but not yet confirmed (the window is about to undo or close)."""
        if self.lineEdit().isModified():
            self._typed()
