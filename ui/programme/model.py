"""The programme as a Qt tree model: items at the top, their sub-topics as children.

A thin adapter: every change goes to the services as one undoable command,
then the model rereads the programme and reconciles (ui.sync), so views see
precise insert/remove/move/dataChanged signals, after undo and redo too.
Indexes carry the parent item's id (0 at the top), never a Python pointer.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack

from models.database import Database
from models.services import programme
from ui import commands, labels, times
from ui.programme.rows import ItemRow, adopt_item, read_programme
from ui.sync import reconcile
from ui.undo import run

MIME = "application/x-minutier-programme-item"
TIME, TITLE, KIND, FORMAT, DEBATE = range(5)
PROBLEM_COLOUR = QColor("#c62828")

# The invisible root, as a default argument (Qt passes one in; Python callers may not).
ROOT = QModelIndex()


class ProgrammeModel(QAbstractItemModel):
    stored = Signal()
    refreshed = Signal()
    failed = Signal(str)
    # A typed value that cannot be read: the reason, for the tab to show beside the cell.
    refused = Signal(str)

    def __init__(self, db: Database, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self.meeting_id: int | None = None
        self.rows: list[ItemRow] = []

    # ------------------------------------------------------------ reading

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.beginResetModel()
            self.meeting_id = meeting_id
            self.rows = read_programme(self._db, meeting_id)
            self.endResetModel()
            self.refreshed.emit()
        else:
            self.refresh()

    def refresh(self) -> None:
        fresh = read_programme(self._db, self.meeting_id)
        reconcile(self, QModelIndex(), self.rows, fresh, adopt_item)
        for row, item in enumerate(self.rows):
            new = next(f for f in fresh if f.id == item.id)
            if new is not item:
                reconcile(self, self.index(row, 0), item.children, new.children, adopt_item)
        self.refreshed.emit()

    def row_for(self, index: QModelIndex) -> ItemRow | None:
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if parent_id == 0:
            return self.rows[index.row()] if index.row() < len(self.rows) else None
        parent = self._top(parent_id)
        if parent is None or index.row() >= len(parent[1].children):
            return None
        return parent[1].children[index.row()]

    def _top(self, item_id: int) -> tuple[int, ItemRow] | None:
        for row, item in enumerate(self.rows):
            if item.id == item_id:
                return row, item
        return None

    def index_of(self, item_id: int, column: int = 0) -> QModelIndex:
        for row, item in enumerate(self.rows):
            if item.id == item_id:
                return self.createIndex(row, column, 0)
            for sub_row, child in enumerate(item.children):
                if child.id == item_id:
                    return self.createIndex(sub_row, column, item.id)
        return QModelIndex()

    def problem_count(self) -> int:
        return sum(1 for item in self.rows if item.problems)

    # ------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: QModelIndex = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, self.rows[parent.row()].id)

    def parent(self, index: QModelIndex | None = None):
        if index is None:
            return super().parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        found = self._top(index.internalId())
        return self.createIndex(found[0], 0, 0) if found else QModelIndex()

    def rowCount(self, parent: QModelIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self.rows)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self.rows[parent.row()].children) if parent.row() < len(self.rows) else 0

    def columnCount(self, parent: QModelIndex = ROOT) -> int:
        return 5

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("Title"), self.tr("Kind"), self.tr("Format"), self.tr("Debate"))[
            section
        ]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled
        if index.internalId() == 0:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == DEBATE:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    # ------------------------------------------------------------ data

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        item = self.row_for(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TIME:
                text = times.format_range(item.start, item.end)
                return f"⚠ {text}" if item.problems else text
            if column == KIND:
                return labels.item_kinds().get(item.kind, item.kind)
            return self._plain(item, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == TIME:
                return times.format_range(item.start, item.end)
            return item.kind if column == KIND else self._plain(item, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == DEBATE:
            return Qt.CheckState.Checked if item.debate else Qt.CheckState.Unchecked
        if item.problems and column == TIME:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(PROBLEM_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(item.problems)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return item.title
        return None

    @staticmethod
    def _plain(item: ItemRow, column: int):
        if column == TITLE:
            return item.title
        if column == FORMAT:
            return item.format
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        item = self.row_for(index)
        if item is None:
            return False
        column = index.column()
        if column == DEBATE and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._update(item, {"debate": checked}, self.tr("Change débat"))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == TIME:
            try:
                start, end = times.parse_range(str(value))
            except times.TimeError as exc:
                self.refused.emit(str(exc))
                return False
            self.refused.emit("")
            return self._update(item, {"start_time": start, "end_time": end}, self.tr("Change times"))
        if column == TITLE:
            return self._update(item, {"title": str(value)}, self.tr("Change title"))
        if column == KIND:
            return self._update(item, {"kind": str(value)}, self.tr("Change kind"))
        if column == FORMAT:
            return self._update(item, {"format": str(value)}, self.tr("Change format"))
        return False

    # ------------------------------------------------------------ changes

    def _run(self, command) -> bool:
        return run(self._stack, command, self.failed.emit)

    def _done(self) -> None:
        self.refresh()
        self.stored.emit()

    def _update(self, item: ItemRow, fields: dict, text: str) -> bool:
        current = {
            "start_time": item.start,
            "end_time": item.end,
            "title": item.title,
            "kind": item.kind,
            "format": item.format,
            "debate": item.debate,
        }
        if all(current[name] == value for name, value in fields.items()):
            return True
        return self._run(commands.Edit(self._db, text, programme.update_item, item.id, fields, self._done))

    def add_item(self, after: QModelIndex = ROOT) -> QModelIndex:
        """A new item after the selected top-level item (or at the end), starting when it ends."""
        if self.meeting_id is None:
            return QModelIndex()
        top = after.parent() if after.isValid() and after.internalId() != 0 else after
        position = top.row() + 1 if top.isValid() else len(self.rows)
        previous = self.rows[position - 1] if position > 0 else None
        fields = {"title": self.tr("New item"), "kind": "session"}
        if previous is not None and previous.end is not None:
            fields["start_time"] = previous.end
        meeting_id = self.meeting_id
        command = commands.Add(
            self._db,
            self.tr("Add item"),
            lambda s: programme.add_item(s, meeting_id, position=position, **fields),
            programme.delete_item,
            programme.restore_item,
            self._done,
        )
        return self.index_of(command.obj_id) if self._run(command) else QModelIndex()

    def add_subtopic(self, at: QModelIndex) -> QModelIndex:
        """A new sub-topic of the selected item, after the selected sub-topic (or at the end)."""
        if not at.isValid():
            return QModelIndex()
        if at.internalId() == 0:
            parent, position = at.siblingAtColumn(0), None
        else:
            parent, position = at.parent(), at.row() + 1
        parent_id = self.rows[parent.row()].id
        meeting_id = self.meeting_id
        command = commands.Add(
            self._db,
            self.tr("Add sub-topic"),
            lambda s: programme.add_item(
                s, meeting_id, parent_id=parent_id, position=position, title=self.tr("New sub-topic")
            ),
            programme.delete_item,
            programme.restore_item,
            self._done,
        )
        return self.index_of(command.obj_id) if self._run(command) else QModelIndex()

    def delete(self, index: QModelIndex) -> bool:
        item = self.row_for(index)
        if item is None:
            return False
        text = self.tr("Delete “{0}”").format(_short(item.title))
        return self._run(
            commands.Delete(
                self._db, text, programme.delete_item, programme.restore_item, item.id, self._done
            )
        )

    def move(self, index: QModelIndex, delta: int) -> bool:
        """Alt+Up / Alt+Down: one place up or down among its siblings."""
        if not index.isValid():
            return False
        target = index.row() + delta
        if not 0 <= target < self.rowCount(index.parent()):
            return False
        destination = target + 1 if delta > 0 else target
        return self.moveRows(index.parent(), index.row(), 1, index.parent(), destination)

    def moveRows(self, source_parent, source_row, count, destination_parent, destination_child) -> bool:
        """Qt's move: ``destination_child`` is the row it goes before, counted before the move."""
        if count != 1 or QModelIndex(source_parent) != QModelIndex(destination_parent):
            return False
        item = self.row_for(self.index(source_row, 0, source_parent))
        if item is None:
            return False
        position = destination_child - 1 if destination_child > source_row else destination_child
        if position == source_row:
            return False
        text = self.tr("Move “{0}”").format(_short(item.title))
        return self._run(commands.Move(self._db, text, programme.move_item, item.id, position, self._done))

    # ------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = sorted({self.row_for(i).id for i in indexes if self.row_for(i) is not None})
        data = QMimeData()
        data.setData(MIME, QByteArray(json.dumps(ids).encode()))
        return data

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex) -> tuple[QModelIndex, int] | None:
        """The dragged item's index and the row it goes before, when the drop keeps it among its siblings."""
        if not data.hasFormat(MIME):
            return None
        ids = json.loads(bytes(data.data(MIME)).decode() or "[]")
        if len(ids) != 1:
            return None
        source = self.index_of(ids[0])
        if not source.isValid():
            return None
        if row < 0 and parent.isValid():
            # Dropped onto an item: take the place of that item when it is a sibling.
            row, parent = parent.row(), parent.parent()
        if row < 0:
            row = self.rowCount(parent)
        if QModelIndex(parent) != source.parent():
            return None
        return source, row

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        source, before = target
        # The move is done here; removeRows is not implemented, so the view's
        # clean-up after a MoveAction drop removes nothing.
        self.moveRows(source.parent(), source.row(), 1, source.parent(), before)
        return True


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
