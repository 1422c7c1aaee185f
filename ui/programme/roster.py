"""Choosing a person from the roster while typing a name."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from models.database import Database
from models.services import people

CIVILITIES = {
    "m.",
    "mme",
    "mlle",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sr.",
    "sra.",
    "pr",
    "pr.",
}
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
PICK_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Pick:
    """A roster person chosen in the completer: the name to print and their function."""

    person_id: int
    name: str
    function: str


def split_name(text: str) -> dict[str, str]:
    """« Mme Clare Hart » → civility Mme, first name Clare, last name Hart (for a new roster entry)."""
    words = text.split()
    civility = words.pop(0) if len(words) > 1 and words[0].lower() in CIVILITIES else ""
    first = words.pop(0) if len(words) > 1 else ""
    return {"civility": civility, "first_name": first, "last_name": " ".join(words)}


class RosterCompleter(QCompleter):
    """Offers roster people matching what is typed (people.search_roster), name and organisation."""

    picked = Signal(object)  # Pick

    def __init__(self, db: Database, line_edit: QLineEdit, limit: int = 20):
        super().__init__(line_edit)
        self._db = db
        self._limit = limit
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        # The database filters; the completer only shows.
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompletionRole(NAME_ROLE)
        self.setWidget(line_edit)
        line_edit.textEdited.connect(self._search)
        self.activated[QModelIndex].connect(self._activated)

    def _search(self, text: str) -> None:
        self._model.clear()
        if len(text.strip()) < 2:
            self.popup().hide()
            return
        with self._db.reading() as session:
            found = [
                (p.id, p.display_name or p.organisation, p.function, p.organisation)
                for p in people.search_roster(session, text, self._limit)
            ]
        for person_id, name, function, organisation in found:
            shown = f"{name} — {organisation}" if organisation else name
            item = QStandardItem(shown)
            item.setData(name, NAME_ROLE)
            item.setData(Pick(person_id, name, function), PICK_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        if found:
            self.complete()
        else:
            self.popup().hide()

    def _activated(self, index) -> None:
        pick = index.data(PICK_ROLE)
        if isinstance(pick, Pick):
            self.widget().setText(pick.name)
            self.picked.emit(pick)
