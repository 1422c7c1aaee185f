"""Filter-as-you-type over names and organisations, and by role.

``filterAcceptsRow`` runs once per row and keystroke (5,000 times over a
large meeting), so the words are matched against the model's prefolded
haystacks in one Python pass first, and the per-row call only reads the
answer. Sorting is handed to the source model (see table_model).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from models.text_keys import fold  # the search's folding too: both find the same people
from ui.participants.table_model import MODE_COLUMN, ROLE_COLUMN, ParticipantsModel


class ParticipantsFilter(QSortFilterProxyModel):
    def __init__(self, source: ParticipantsModel, parent=None):
        super().__init__(parent)
        self._source = source
        self._words: list[str] = []
        self._role: str | None = None  # None: every role
        self._answers: list[bool] | None = None  # only while re-filtering every row
        self.setSourceModel(source)

    def set_text(self, text: str) -> None:
        """Keep rows whose names or organisation contain every word typed, in any order."""
        words = fold(text).split()
        if words == self._words:
            return
        self._words = words
        self._refilter()

    def set_role(self, role: str | None) -> None:
        """Keep only the rows of ``role`` ("" : no role; None: every row)."""
        if role == self._role:
            return
        self._role = role
        self._refilter()

    def _refilter(self) -> None:
        self._answers = [self._accepts(i) for i in range(len(self._source.rows))]
        try:
            # A full invalidate is one layout change; a filter-only one would
            # remove thousands of scattered row ranges one by one, ten times slower.
            self.invalidate()
        finally:
            self._answers = None

    def _matches(self, hay: str) -> bool:
        return all(word in hay for word in self._words)

    def _accepts(self, source_row: int) -> bool:
        if self._role is not None and self._source.rows[source_row].role != self._role:
            return False
        return not self._words or self._matches(self._source.hay[source_row])

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._answers is not None:
            return self._answers[source_row]
        return self._accepts(source_row)

    def dataChangeRelevanceFlags(self, top_left, bottom_right, roles):
        # A mark changes mode or status, which the text filter ignores: no need to re-filter,
        # unless rows are kept by role and the change reaches that column.
        if self._role is not None and top_left.column() <= ROLE_COLUMN <= bottom_right.column():
            return QSortFilterProxyModel.DataChangeRelevanceFlag.RelevantForFiltering
        if top_left.column() >= MODE_COLUMN:
            return QSortFilterProxyModel.DataChangeRelevanceFlag(0)
        return QSortFilterProxyModel.DataChangeRelevanceFlag.RelevantForFiltering

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)
