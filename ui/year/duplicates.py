"""The duplicate suggestions of the roster, and their merge.

The dialog lists ``roster.suggest_duplicates``; nothing is ever merged
without the user choosing a pair, the record to keep, and confirming. A
merge is one undoable command: Ctrl+Z gives the merged record back with
its id, its lists, roles and notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.person_fields import NAME_PARTS, NAMES
from models.records import PersonCard
from models.services import roster
from models.services.reading import person_card, person_exists
from ui import dialogs
from ui.list_views import list_table
from ui.table_models import RowsModel
from ui.undo import run
from ui.year.roster_commands import MergePeople

Index = QModelIndex | QPersistentModelIndex
# A card's lines below the name (which holds the civility and the name parts): the other
# fields of a person, in NAMES' order.
_CARD_FIELDS = tuple(name for name in NAMES if name != "civility" and name not in NAME_PARTS)


@dataclass(slots=True)
class Pair:
    """A suggestion as shown: which record is kept can be swapped before merging."""

    keep_id: int
    merge_id: int
    keep_name: str
    merge_name: str
    score: float
    reasons: tuple[str, ...]

    def swap(self) -> None:
        self.keep_id, self.merge_id = self.merge_id, self.keep_id
        self.keep_name, self.merge_name = self.merge_name, self.keep_name


class DuplicatesModel(RowsModel):
    COLUMN_COUNT = 4
    rows: list[Pair]

    def set_rows(self, rows: list[Pair]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def swap(self, row: int) -> None:
        self.rows[row].swap()
        self.dataChanged.emit(self.index(row, 0), self.index(row, 1))

    def reason(self, code: str) -> str:
        translated = {
            "same email": self.tr("same email"),
            "same name": self.tr("same name"),
            "same name apart from accents or case": self.tr("same name apart from accents or case"),
            "first and last names swapped": self.tr("first and last names swapped"),
            "same words, split differently": self.tr("same words, split differently"),
            "initial of the first name": self.tr("initial of the first name"),
            "similar first names": self.tr("similar first names"),
            "similar last names": self.tr("similar last names"),
            "same organisation, no name": self.tr("same organisation, no name"),
            "different organisations": self.tr("different organisations"),
            "same organisation": self.tr("same organisation"),
        }
        return translated.get(code, code)

    def header_names(self) -> tuple[str, ...]:
        return (self.tr("Keep"), self.tr("Merge into it"), self.tr("Likeness"), self.tr("Why"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        pair = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return pair.keep_name
            if column == 1:
                return pair.merge_name
            if column == 2:
                return f"{round(pair.score * 100)} %"
            if column == 3:
                return ", ".join(self.reason(r) for r in pair.reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DuplicatesDialog(QDialog):
    """The suggestions; Merge… asks first. Follows undo and redo of merges."""

    def __init__(
        self,
        db: Database,
        undo_stack,
        person_id: int | None = None,
        parent: QWidget | None = None,
        on_change=None,
    ):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self._on_change = on_change
        self.person_id = person_id
        self.setWindowTitle(self.tr("Possible duplicates in the roster"))

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = DuplicatesModel(self)
        self.table = list_table(self.model, stretch=3)
        self.keep_card = QLabel()
        self.merge_card = QLabel()
        for card in (self.keep_card, self.merge_card):
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setWordWrap(True)
            card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            card.setFrameShape(QLabel.Shape.StyledPanel)
            card.setMinimumHeight(110)
        cards = QHBoxLayout()
        cards.addWidget(self.keep_card, 1)
        cards.addWidget(self.merge_card, 1)

        self.swap_button = QPushButton(self.tr("Keep the other one"))
        self.swap_button.clicked.connect(self.swap)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.clicked.connect(self.merge_current)
        self.merge_button.setShortcut(QKeySequence("Ctrl+M"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(cards)
        layout.addWidget(buttons)

        self.table.selectionModel().currentRowChanged.connect(self._show_cards)
        # After undo and redo only: suggesting takes up to a second on a large roster, too slow
        # to run after every keystroke stored elsewhere while the dialog is open.
        getattr(undo_stack, "rewound", undo_stack.indexChanged).connect(self.refresh)
        self.refresh()
        self.resize(900, 560)

    def refresh(self, *_args) -> None:
        current = self.current()
        held = (current.keep_id, current.merge_id) if current else None
        with self._db.reading() as session:
            if self.person_id is not None and person_exists(session, self.person_id):
                found = roster.duplicates_of(session, self.person_id)
            else:
                found = roster.suggest_duplicates(session)
        pairs = [Pair(s.keep_id, s.merge_id, s.keep_name, s.merge_name, s.score, s.reasons) for s in found]
        self.model.set_rows(pairs)
        self.intro.setText(
            self.tr(
                "%n pair(s) of roster records may be the same person. Nothing is merged unless you "
                "choose a pair and confirm; a merge can be undone (Ctrl+Z).",
                "",
                len(pairs),
            )
        )
        row = 0
        if held is not None:
            row = next((i for i, p in enumerate(pairs) if {p.keep_id, p.merge_id} == set(held)), 0)
            if (
                pairs
                and {pairs[row].keep_id, pairs[row].merge_id} == set(held)
                and pairs[row].keep_id != held[0]
            ):
                pairs[row].swap()  # the user's choice of which one to keep survives a refresh
        if pairs:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_cards()

    def current(self) -> Pair | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        )

    def _card_html(self, title: str, card: PersonCard | None) -> str:
        if card is None:
            return ""
        lines = [f"<b>{title}</b>", _esc(card.name)]
        for name in _CARD_FIELDS:
            value = getattr(card, name)
            if value:
                lines.append(_esc(value))
        lines.append(
            self.tr("On %n meeting list(s)", "", card.meetings)
            + " · "
            + self.tr("%n mention(s) in programmes and notes", "", card.mentions)
        )
        return "<br>".join(lines)

    def _show_cards(self, *_args) -> None:
        pair = self.current()
        self.swap_button.setEnabled(pair is not None)
        self.merge_button.setEnabled(pair is not None)
        if pair is None:
            self.keep_card.setText("")
            self.merge_card.setText("")
            return
        with self._db.reading() as session:
            keep, merge = person_card(session, pair.keep_id), person_card(session, pair.merge_id)
        self.keep_card.setText(self._card_html(self.tr("Kept"), keep))
        self.merge_card.setText(self._card_html(self.tr("Merged into it, then removed"), merge))

    def swap(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.swap(index.row())
            self._show_cards()

    def merge_current(self) -> bool:
        """Ask, then merge the current pair as one undoable command; True when merged."""
        pair = self.current()
        if pair is None:
            return False
        question = self.tr(
            "Merge « {1} » into « {0} »?\n\n"
            "Every list, programme role and note of « {1} » moves to « {0} », whose empty fields are "
            "filled from « {1} »; then « {1} » leaves the roster.\nYou can undo it (Ctrl+Z)."
        ).format(pair.keep_name, pair.merge_name)
        if not dialogs.confirm(self, question, self.tr("Merge")):
            return False
        keep_id, merge_id = pair.keep_id, pair.merge_id
        text = self.tr("Merge {0} into {1}").format(pair.merge_name, pair.keep_name)
        command = MergePeople(self._db, text, keep_id, merge_id, self._on_change)
        stored = run(self._stack, command, lambda message: dialogs.error(self, message))
        self.refresh()
        return stored


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
