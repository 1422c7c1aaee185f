"""A person's history: find anyone on the roster and see each meeting they took part in.

The dialog finds anyone on the roster (case and accents ignored) and
shows, newest first, each meeting they were listed in (and how), were in
the programme of, or are quoted in the notes of.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.records import RosterLine
from models.services import roster
from models.services.reading import read_roster
from models.text_keys import fold
from ui import labels
from ui.list_views import list_table
from ui.table_models import RowsModel

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_SHOWN = 500  # roster people listed at most; typing narrows


class RosterModel(QAbstractListModel):
    """The roster filtered by words typed (all must appear; case and accents ignored)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[RosterLine] = []
        self.rows: list[RosterLine] = []
        self.more = 0  # people matching beyond those shown

    def load(self, lines: list[RosterLine]) -> None:
        self._all = lines
        self.set_filter("")

    def set_filter(self, text: str) -> None:
        words = fold(text).split()
        found = [r for r in self._all if all(w in r.haystack for w in words)]
        self.beginResetModel()
        self.rows = found[:_SHOWN]
        self.more = len(found) - len(self.rows)
        self.endResetModel()

    def row_of(self, person_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == person_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.text
        if role == ID_ROLE:
            return row.id
        return None


class HistoryModel(RowsModel):
    """``roster.person_history`` as a table: date, meeting, on the list as, in the programme, notes."""

    COLUMN_COUNT = 5
    rows: list[roster.HistoryEntry]

    def set_rows(self, rows: list[roster.HistoryEntry]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def header_names(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Meeting"),
            self.tr("On the list"),
            self.tr("In the programme"),
            self.tr("Interventions"),
        )

    def listed(self, entry: roster.HistoryEntry) -> str:
        if entry.status is None:
            return self.tr("not on the list")
        text = labels.attendance_statuses().get(entry.status, entry.status)
        if entry.status == "present" and entry.mode:
            text += f" ({labels.attendance_modes().get(entry.mode, entry.mode)})"
        return text

    def roles(self, entry: roster.HistoryEntry) -> str:
        names = labels.roles()
        out = []
        for text in entry.roles:
            role, _sep, title = text.partition(": ")
            out.append(self.tr("{0}: {1}").format(names.get(role, role), title))
        return "; ".join(out)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return f"{entry.date:%d/%m/%Y}"
            if column == 1:
                return entry.title
            if column == 2:
                return self.listed(entry)
            if column == 3:
                return self.roles(entry)
            if column == 4:
                return str(entry.interventions) if entry.interventions else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return entry.meeting_id
        return None


class PersonHistoryDialog(QDialog):
    """Pick someone on the roster; see each meeting they took part in. Double-click opens it."""

    open_meeting = Signal(int)
    find_duplicates = Signal(int)

    def __init__(self, db: Database, person_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.person_id: int | None = None
        self.setWindowTitle(self.tr("Person history"))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find someone: name, function, organisation or email"))
        self.search.setClearButtonEnabled(True)
        self.people = RosterModel(self)
        self.people_view = QListView()
        self.people_view.setModel(self.people)
        self.people_view.setUniformItemSizes(True)
        self.more = QLabel()
        self.more.setEnabled(False)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._filter)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._filter)

        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.name.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.history = HistoryModel(self)
        self.table = list_table(self.history, stretch=1)
        self.table.doubleClicked.connect(self._open)
        self.duplicates_button = QPushButton(self.tr("Possible duplicates…"))
        self.duplicates_button.clicked.connect(self._duplicates)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.people_view, 1)
        left_layout.addWidget(self.more)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.name)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Double-click a meeting to open it."))
        hint.setEnabled(False)
        right_layout.addWidget(hint)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 620])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.duplicates_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.people_view.selectionModel().currentChanged.connect(self._person_chosen)
        self.reload(person_id)
        self.resize(940, 520)

    def reload(self, person_id: int | None = None) -> None:
        with self._db.reading() as session:
            self.people.load(read_roster(session))
        self._filter()
        self.show_person(person_id if person_id is not None else self.person_id)

    def _filter(self) -> None:
        self._timer.stop()
        keep = self.person_id
        self.people.set_filter(self.search.text())
        self.more.setText(
            self.tr("%n more: type to narrow", "", self.people.more) if self.people.more else ""
        )
        self.more.setVisible(bool(self.people.more))
        if keep is not None and self.people.row_of(keep) >= 0:
            self._select_row(self.people.row_of(keep))
        elif self.people.rowCount() and self.search.text().strip():
            self._select_row(0)

    def _select_row(self, row: int) -> None:
        index = self.people.index(row, 0)
        self.people_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.people_view.scrollTo(index)

    def _person_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_person(current.data(ID_ROLE))

    def show_person(self, person_id: int | None) -> None:
        if person_id is not None and self.people.row_of(person_id) < 0 and self.search.text():
            self.search.clear()
            self._filter()
        row = self.people.row_of(person_id) if person_id is not None else -1
        line = self.people.rows[row] if row >= 0 else None
        if line is None:
            self.person_id = None
            self.name.setText(self.tr("Choose someone on the left."))
            self.summary.setText("")
            self.history.set_rows([])
            self.duplicates_button.setEnabled(False)
            return
        if self.people_view.currentIndex().row() != row:
            self._select_row(row)
        self.person_id = person_id
        with self._db.reading() as session:
            entries = roster.person_history(session, line.id)
        self.name.setText(line.text)
        listed = sum(1 for e in entries if e.status is not None)
        present = sum(1 for e in entries if e.status == "present")
        spoke = sum(1 for e in entries if e.roles or e.interventions)
        self.summary.setText(
            self.tr("On the list of %n meeting(s)", "", listed)
            + " · "
            + self.tr("present %n time(s)", "", present)
            + " · "
            + self.tr("in the programme or the notes of %n", "", spoke)
        )
        self.history.set_rows(entries)
        self.duplicates_button.setEnabled(True)

    def _open(self, index: QModelIndex) -> None:
        meeting_id = index.siblingAtColumn(0).data(ID_ROLE)
        if meeting_id is not None:
            self.open_meeting.emit(meeting_id)

    def _duplicates(self) -> None:
        if self.person_id is not None:
            self.find_duplicates.emit(self.person_id)
