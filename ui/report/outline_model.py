"""The report outline as a tree model: sections (nested) holding blocks.

A thin adapter: ``sync`` takes a fresh ``report.outline`` read and brings
the tree in line with fine-grained remove/move/insert/dataChanged signals,
so the view keeps its selection, expanded sections and scroll position
across edits, undo and redo. Under a section its blocks come first, then
its sub-sections, as the document prints them.

Drag and drop moves an item among its siblings (a block may also go to
another section); the model only decodes the drop and hands it to
``move_requested``, the tab turns it into an undo command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from models.services.report import BlockData, SectionData

MIME = "application/x-minutier-outline"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, int]  # ("section" | "block", id)
Data = SectionData | BlockData


class Node:
    __slots__ = ("children", "data", "kind", "parent")

    def __init__(self, kind: str, data: Data | None, parent: Node | None):
        self.kind = kind
        self.data = data
        self.parent = parent
        self.children: list[Node] = []

    @property
    def key(self) -> Key:
        assert self.data is not None
        return (self.kind, self.data.id)

    def row(self) -> int:
        assert self.parent is not None
        return self.parent.children.index(self)


def _shown(data: Data) -> tuple:
    if isinstance(data, SectionData):
        return (data.title, data.programme_item_id)
    return (data.kind, data.speaker, data.person_id, data.subtitle, data.online, data.question, data.text)


def _child_specs(data: SectionData) -> list[tuple[str, Data]]:
    return [("block", b) for b in data.blocks] + [("section", s) for s in data.sections]


class OutlineModel(QAbstractItemModel):
    def __init__(self, labels: Callable[[BlockData], str], parent: QObject | None = None):
        super().__init__(parent)
        self._label = labels
        self.root = Node("root", None, None)
        self._by_key: dict[Key, Node] = {}
        # PySide does not own the objects behind internalPointer(); removed
        # nodes are kept until the next reset so no index can dangle.
        self._retired: list[Node] = []
        self.move_requested: Callable[[Key, int, int | None], None] = lambda key, position, section: None
        self._bold = QFont()
        self._bold.setBold(True)

    # Loading ------------------------------------------------------------------

    def _build(self, kind: str, data: Data, parent: Node) -> Node:
        node = Node(kind, data, parent)
        self._by_key[node.key] = node
        if isinstance(data, SectionData):
            node.children = [self._build(k, d, node) for k, d in _child_specs(data)]
        return node

    def reset(self, sections: list[SectionData]) -> None:
        self.beginResetModel()
        self._by_key.clear()
        self._retired.clear()
        self.root.children = [self._build("section", s, self.root) for s in sections]
        self.endResetModel()

    def sync(self, sections: list[SectionData]) -> None:
        """Make the tree equal to ``sections``, signalling only what changed."""
        self._sync_children(self.root, [("section", s) for s in sections])

    def _index_of(self, node: Node) -> QModelIndex:
        if node is self.root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def _sync_children(self, parent: Node, specs: list[tuple[str, Data]]) -> None:
        wanted = [(kind, data.id) for kind, data in specs]
        wanted_set = set(wanted)
        parent_index = self._index_of(parent)
        for row in range(len(parent.children) - 1, -1, -1):
            if parent.children[row].key not in wanted_set:
                self.beginRemoveRows(parent_index, row, row)
                gone = parent.children.pop(row)
                self._forget(gone)
                self.endRemoveRows()
        kept = [key for key in wanted if any(c.key == key for c in parent.children)]
        for target, key in enumerate(kept):
            row = next(i for i, c in enumerate(parent.children) if c.key == key)
            if row != target:
                # Qt's destination row counts before the move.
                self.beginMoveRows(parent_index, row, row, parent_index, target)
                parent.children.insert(target, parent.children.pop(row))
                self.endMoveRows()
        for row, (kind, data) in enumerate(specs):
            if row < len(parent.children) and parent.children[row].key == (kind, data.id):
                continue
            stale = self._by_key.get((kind, data.id))
            if stale is not None:  # moved here from a parent not synced yet
                self._forget(stale, detach=True)
            self.beginInsertRows(parent_index, row, row)
            parent.children.insert(row, self._build(kind, data, parent))
            self.endInsertRows()
        for child, (_kind, data) in zip(parent.children, specs, strict=True):
            if child.data is not data:
                changed = _shown(child.data) != _shown(data)
                child.data = data
                if changed:
                    index = self._index_of(child)
                    self.dataChanged.emit(index, index)
            if isinstance(data, SectionData):
                self._sync_children(child, _child_specs(data))

    def _forget(self, node: Node, detach: bool = False) -> None:
        if detach and node.parent is not None and node in node.parent.children:
            row = node.row()
            parent_index = self._index_of(node.parent)
            self.beginRemoveRows(parent_index, row, row)
            node.parent.children.pop(row)
            self.endRemoveRows()
        self._retired.append(node)
        if self._by_key.get(node.key) is node:
            del self._by_key[node.key]
        for child in node.children:
            self._forget(child)

    # Lookups -------------------------------------------------------------------

    def node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index_of(self, key: Key) -> QModelIndex:
        node = self._by_key.get(key)
        return self._index_of(node) if node is not None else QModelIndex()

    def node_of(self, key: Key) -> Node | None:
        return self._by_key.get(key)

    # Qt model interface -----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self.node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index | None = None):
        if index is None:  # QObject.parent(), which this name also covers
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        if parent is None or parent is self.root:
            return QModelIndex()
        return self._index_of(parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        data = node.data
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(data, SectionData):
                return data.title or self.tr("(untitled section)")
            return self._label(data)
        if role == Qt.ItemDataRole.FontRole and node.kind == "section":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(data, SectionData):
                return data.title or None
            if data.text:
                return data.text[:300] + ("…" if len(data.text) > 300 else "")
        if role == KEY_ROLE:
            return node.key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled
        if self.node(index).kind == "section":
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        else:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("Outline of the compte-rendu")
        return None

    # Drag and drop ------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        keys = {self.node(i).key for i in indexes if i.isValid()}
        if len(keys) == 1:
            kind, item_id = keys.pop()
            mime.setData(MIME, QByteArray(f"{kind}:{item_id}".encode()))
        return mime

    def _decode(self, mime: QMimeData) -> Node | None:
        if not mime.hasFormat(MIME):
            return None
        kind, _, item_id = bytes(mime.data(MIME).data()).decode().partition(":")
        return self._by_key.get((kind, int(item_id))) if item_id.isdigit() else None

    def drop_target(self, mime: QMimeData, row: int, parent: Index) -> tuple[Key, int, int | None] | None:
        """Where a drop lands: (moved key, position among its kind, new section for a block) or None."""
        node = self._decode(mime)
        target = self.node(parent)
        if node is None or node.parent is None:
            return None
        if node.kind == "section":
            # Sections move among their siblings only: no service moves them across.
            if target is not node.parent:
                return None
        elif target.kind != "section":
            return None
        if row < 0:
            row = len(target.children)  # dropped onto a section: at the end of its kind
        before = [c for c in target.children[:row] if c.kind == node.kind and c is not node]
        section = None
        if node.kind == "block" and target is not node.parent:
            assert target.data is not None
            section = target.data.id
        return node.key, len(before), section

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self.drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self.drop_target(data, row, parent)
        if target is None:
            return False
        # The move happens through an undo command that resyncs this model. The
        # view's own "remove the dragged rows" then finds no removeRows here.
        self.move_requested(*target)
        return True
