"""Search over every meeting, in a dock: results grouped by meeting, each opening its place.

Typing searches after a short pause (Enter at once). A meeting's row counts
its hits; a hit shows what it is, where it was found, and the text around
the words. Activating a hit (double-click or Enter) emits ``open_hit``;
the window opens the meeting, the tab, and the object when the tab can
select it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import MinutierError
from models.person_fields import NAMES
from ui import person_labels
from ui.list_views import list_tree
from ui.table_models import GroupsModel

if TYPE_CHECKING:  # the search service loads with the first search, not at start-up
    from models.services import search

Index = QModelIndex | QPersistentModelIndex
DELAY_MS = 250


class SearchModel(GroupsModel):
    """Meetings at the top (newest first, then roster people on no list), their hits below."""

    COLUMN_COUNT = 3
    groups: list[search.MeetingHits]

    def set_results(self, results: search.SearchResults | None) -> None:
        self.beginResetModel()
        self.groups = list(results.groups) if results is not None else []
        self.endResetModel()

    def hit(self, index: Index) -> tuple[search.MeetingHits, search.Hit] | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self.groups[index.internalId() - 1]
        return group, group.hits[index.row()]

    def group(self, index: Index) -> search.MeetingHits | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self.groups[index.row()]
        return self.groups[index.internalId() - 1]

    def where(self, hit: search.Hit) -> str:
        tabs = {
            "meeting": self.tr("General"),
            "participants": self.tr("Participants"),
            "programme": self.tr("Programme"),
            "report": self.tr("Compte-rendu"),
            "decisions": self.tr("Decisions"),
        }
        fields = {
            # A person's fields by their labels (a meeting's organisation reads the same);
            # « name » is the first and last name, searched together.
            **{name: person_labels.in_sentence(name) for name in NAMES},
            "name": self.tr("name"),
            "title": self.tr("title"),
            "venue": self.tr("venue"),
            "body": self.tr("body"),
            "introduction": self.tr("introduction"),
            "co_organisers": self.tr("co-organisers"),
            "objectives": self.tr("objectives"),
            "format": self.tr("format"),
            "text": self.tr("text"),
            "speaker": self.tr("speaker"),
            "subtitle": self.tr("subtitle"),
            "question": self.tr("question"),
            "number": self.tr("number"),
            "owner_text": self.tr("owner"),
            "follow_up": self.tr("follow-up"),
        }
        return f"{tabs.get(hit.tab, hit.tab)} · {fields.get(hit.field, hit.field)}"

    def group_title(self, group: search.MeetingHits) -> str:
        if group.meeting_id is None:
            return self.tr("On the roster, on no meeting's list")
        year = f"{group.date.year} — " if group.date is not None else ""
        return f"{year}{group.title}"

    # ------------------------------------------------------------ Qt model

    def lines_of(self, group: search.MeetingHits) -> list[search.Hit]:
        return group.hits

    def header_names(self) -> tuple[str, ...]:
        return (self.tr("Found"), self.tr("Where"), self.tr("Text"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{self.group_title(group)} ({len(group.hits)})"
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
                return self.group_title(group)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        found = self.hit(index)
        assert found is not None
        _group, hit = found
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # A meeting's own text is labelled with the meeting's title: the field says more.
            label = self.where(hit).split(" · ")[-1].capitalize() if hit.kind == "meeting" else hit.label
            return (label, self.where(hit), hit.snippet)[index.column()]
        return None


class SearchPanel(QWidget):
    """The field, a status line and the results; ``open_hit(meeting_id or None, hit)``."""

    open_hit = Signal(object, object)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search all meetings: people, organisations, programme, notes"))
        self.field.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = SearchModel(self)
        self.tree = list_tree(self.model, widths=(140, 140))
        self.tree.activated.connect(self.activate)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        self.results: search.SearchResults | None = None

    def run(self) -> None:
        self._timer.stop()
        from models.services import search

        text = self.field.text()
        try:
            with self._db.reading() as session:
                self.results = search.search(session, text) if text.strip() else None
        except MinutierError as exc:
            self.results = None
            self.status.setText(str(exc))
            self.model.set_results(None)
            return
        self.model.set_results(self.results)
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)  # the meeting's title, whole
        self.tree.expandAll()
        r = self.results
        if r is None:
            self.status.setText("")
        elif not r.total:
            self.status.setText(self.tr("Nothing found."))
        else:
            text = self.tr("%n result(s)", "", r.total) + " " + self.tr("in %n place(s)", "", len(r.groups))
            if r.truncated:
                text += " " + self.tr("(the first {0} shown: add a word to narrow)").format(
                    sum(len(g.hits) for g in r.groups)
                )
            self.status.setText(text)

    def _enter(self) -> None:
        self.run()
        first = self.model.index(0, 0)
        if first.isValid() and self.model.rowCount(first):
            self.tree.setCurrentIndex(self.model.index(0, 0, first))
            self.tree.setFocus()

    def activate(self, index: QModelIndex) -> None:
        found = self.model.hit(index)
        if found is not None:
            group, hit = found
            self.open_hit.emit(group.meeting_id, hit)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()


class SearchDock(QDockWidget):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search"))
        self.setObjectName("search-dock")  # saveState/restoreState find it by name
        self.panel = SearchPanel(db, self)
        self.setWidget(self.panel)
