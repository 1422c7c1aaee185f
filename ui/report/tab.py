"""The Compte-rendu tab: the report outline on the left, the selected item's editor on the right.

Sections nest (a top-level section with sub-sections is a part, « partie »);
blocks are interventions, debates, conclusions and paragraphs. Alt+Up /
Alt+Down or drag and drop reorder, Del deletes; every change is one undo
step, stored at once. Text is stored when the cursor leaves it and after a
second without typing; each save is an undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import MinutierError
from models.services import report
from ui import labels
from ui.passing_message import PassingMessage
from ui.report import commands
from ui.report.block_editor import BlockEditor
from ui.report.outline_model import Key, Node, OutlineModel
from ui.report.outline_tools import make_actions, outline_panel
from ui.report.outline_view import OutlineView
from ui.report.section_editor import SectionEditor
from ui.report.terms import block_label
from ui.undo import DataCommand, run


class ReportTab(QWidget):
    stored = Signal()
    # The outline's actions, made by ui.report.outline_tools.make_actions.
    add_section_action: QAction
    add_subsection_action: QAction
    add_block_actions: dict[str, QAction]
    move_up_action: QAction
    move_down_action: QAction
    delete_action: QAction
    from_programme_action: QAction

    def __init__(self, db: Database, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self.meeting_id: int | None = None
        self._current: Key | None = None
        self._pushing = False

        self.model = OutlineModel(block_label, self)
        self.model.move_requested = self.move_to
        self.tree = OutlineView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        for signal in (self.model.dataChanged, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._refresh_editor)

        self.section_editor = SectionEditor()
        self.section_editor.changed.connect(self.update_section)
        self.block_editor = BlockEditor()
        self.block_editor.changed.connect(self.update_block)
        self.block_editor.text_committed.connect(self.store_text)
        self.empty = QLabel(self.tr("Choose a section or a block in the outline, or add one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.editors = QStackedWidget()
        for page in (self.empty, self.section_editor, self.block_editor):
            self.editors.addWidget(page)

        self.message = PassingMessage()

        make_actions(self)
        self._layout()
        self.set_meeting(None)

    # Building ---------------------------------------------------------------------

    def _layout(self) -> None:
        left = outline_panel(self)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editors)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 580])  # scaled to the real width when first shown
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    # Contract with the window ----------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show ``meeting_id``'s report; the same meeting again keeps selection and expansion."""
        self.flush()
        same = meeting_id is not None and meeting_id == self.meeting_id
        self.meeting_id = meeting_id
        try:
            outline, programme, speakers = self._read_all()
        except MinutierError:  # the meeting was deleted meanwhile
            self.meeting_id = None
            outline, programme, speakers = [], [], []
        self.section_editor.set_choices(programme)
        self.block_editor.set_speakers(speakers)
        if same:
            self.model.sync(outline)
        else:
            self._current = None
            self.model.reset(outline)
            self.tree.expandAll()
            first = self._first_block_index()
            if first.isValid():
                # Open where writing happens rather than on an empty editor.
                self.tree.setCurrentIndex(first)
        self._refresh_editor()
        self._update_actions()

    def _first_block_index(self) -> QModelIndex:
        pending = [self.model.index(r, 0) for r in range(self.model.rowCount())]
        while pending:
            index = pending.pop(0)
            if self.model.node(index).kind == "block":
                return index
            pending[:0] = [self.model.index(r, 0, index) for r in range(self.model.rowCount(index))]
        return QModelIndex()

    def flush(self) -> None:
        """Store what is typed but not yet stored (called before undo, switching meeting, closing)."""
        page = self.editors.currentWidget()
        if page is self.block_editor:
            self.block_editor.flush()
        elif page is self.section_editor:
            self.section_editor.flush()

    def _read_all(self):
        if self.meeting_id is None:
            return [], [], []
        with self._db.reading() as session:
            return (
                report.outline(session, self.meeting_id),
                report.programme_choices(session, self.meeting_id),
                report.speaker_choices(session, self.meeting_id),
            )

    def showEvent(self, event) -> None:
        # Participants may have changed in their tab since: offer them as speakers.
        super().showEvent(event)
        if self.meeting_id is not None:
            with self._db.reading() as session:
                self.block_editor.set_speakers(report.speaker_choices(session, self.meeting_id))

    # Selection and editors -------------------------------------------------------------------

    def current_node(self) -> Node | None:
        return self.model.node_of(self._current) if self._current is not None else None

    def select(self, key: Key) -> None:
        index = self.model.index_of(key)
        if not index.isValid():
            return
        up = index.parent()
        while up.isValid():
            self.tree.expand(up)
            up = up.parent()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._pushing:  # a command's own resync moved the selection: nothing typed is pending
            self.flush()
        self._current = self.model.node(current).key if current.isValid() else None
        self._refresh_editor()
        self._update_actions()

    def _refresh_editor(self, *_args) -> None:
        node = self.current_node()
        if node is None:
            self._current = None
            self.editors.setCurrentWidget(self.empty)
        elif node.kind == "section":
            depth, up = 0, node.parent
            while up is not None and up is not self.model.root:
                depth, up = depth + 1, up.parent
            self.section_editor.show_section(node.data, depth)
            self.editors.setCurrentWidget(self.section_editor)
        else:
            self.block_editor.show_block(node.data)
            self.editors.setCurrentWidget(self.block_editor)
        self._update_actions()

    def _update_actions(self) -> None:
        open_meeting = self.meeting_id is not None
        node = self.current_node()
        self.add_section_action.setEnabled(open_meeting)
        self.from_programme_action.setEnabled(open_meeting)
        for action in (self.add_subsection_action, *self.add_block_actions.values(), self.delete_action):
            action.setEnabled(node is not None)
        siblings = [c for c in node.parent.children if c.kind == node.kind] if node and node.parent else []
        at = siblings.index(node) if node in siblings else -1
        self.move_up_action.setEnabled(at > 0)
        self.move_down_action.setEnabled(0 <= at < len(siblings) - 1)

    def show_message(self, text: str) -> None:
        self.message.say(text)

    # Changes --------------------------------------------------------------------------------

    def _done(self) -> None:
        """After every command, either way: reread the outline and show what changed."""
        if self.meeting_id is not None:
            try:
                with self._db.reading() as session:
                    self.model.sync(report.outline(session, self.meeting_id))
            except MinutierError:
                self.model.reset([])
        self._refresh_editor()
        self.stored.emit()

    def _push(self, command: DataCommand) -> bool:
        self._pushing = True
        try:
            stored = run(self._stack, command, self.show_message)
        finally:
            self._pushing = False
        if stored:
            self.message.hide()
        return stored

    def _section_of(self, node: Node | None) -> Node | None:
        if node is None:
            return None
        return node if node.kind == "section" else node.parent

    def add_section(self) -> int | None:
        """A section after the chosen one, at its level (nothing chosen: at the end)."""
        if self.meeting_id is None:
            return None
        self.flush()
        section = self._section_of(self.current_node())
        parent_id, position = None, None
        if section is not None and section.parent is not None:
            owner = section.parent
            parent_id = owner.data.id if owner is not self.model.root else None
            position = [c for c in owner.children if c.kind == "section"].index(section) + 1
        return self._add_section(parent_id, position)

    def add_subsection(self) -> int | None:
        section = self._section_of(self.current_node())
        if self.meeting_id is None or section is None:
            return None
        self.flush()
        return self._add_section(section.data.id, None)

    def _add_section(self, parent_id: int | None, position: int | None) -> int | None:
        title = self.tr("New section")
        command = commands.AddSection(
            self._db,
            self.tr("Add a section"),
            self.meeting_id,
            parent_id,
            position,
            self._done,
            title=title,
        )
        if not self._push(command):
            return None
        self.select(("section", command.section_id))
        self.section_editor.title.setFocus()
        self.section_editor.title.selectAll()
        return command.section_id

    def add_block(self, kind: str) -> int | None:
        """A block of ``kind`` after the chosen block, or at the end of the chosen section."""
        node = self.current_node()
        section = self._section_of(node)
        if section is None:
            return None
        self.flush()
        position = None
        if node is not None and node.kind == "block":
            position = [c for c in section.children if c.kind == "block"].index(node) + 1
        text = self.tr("Add « {0} »").format(labels.block_kinds()[kind])
        command = commands.AddBlock(self._db, text, section.data.id, position, self._done, kind=kind)
        if not self._push(command):
            return None
        self.select(("block", command.block_id))
        self.block_editor.focus_first()
        return command.block_id

    def delete_current(self) -> bool:
        node = self.current_node()
        if node is None:
            return False
        label = self.model.data(self.model.index_of(node.key))
        text = self.tr("Delete « {0} »").format(label)
        # Select a neighbour first so the editor does not show a vanished item.
        siblings = node.parent.children if node.parent else []
        row = siblings.index(node)
        neighbour = (
            siblings[row + 1] if row + 1 < len(siblings) else siblings[row - 1] if row else node.parent
        )
        if node.kind == "section":
            command = commands.DeleteSection(self._db, text, node.data.id, self._done)
        else:
            command = commands.DeleteBlock(self._db, text, node.data.id, self._done)
        self.flush()
        if not self._push(command):
            return False
        if neighbour is not None and neighbour is not self.model.root and neighbour.data is not None:
            self.select(neighbour.key)
        return True

    def move_by(self, step: int) -> bool:
        node = self.current_node()
        if node is None or node.parent is None:
            return False
        siblings = [c for c in node.parent.children if c.kind == node.kind]
        position = siblings.index(node) + step
        if not 0 <= position < len(siblings):
            return False
        return self.move_to(node.key, position, None)

    def move_to(self, key: Key, position: int, section_id: int | None) -> bool:
        """Move an item to ``position`` among its kind (a block may change section)."""
        node = self.model.node_of(key)
        if node is None:
            return False
        label = self.model.data(self.model.index_of(key))
        text = self.tr("Move « {0} »").format(label)
        kind, item_id = key
        if kind == "section":
            command = commands.MoveSection(self._db, text, item_id, position, self._done)
        else:
            command = commands.MoveBlock(self._db, text, item_id, position, section_id, self._done)
        self.flush()
        if not self._push(command):
            return False
        self.select(key)
        return True

    def update_section(self, section_id: int, fields: dict) -> bool:
        text = self.tr("Edit the section")
        return self._push(commands.UpdateSection(self._db, text, section_id, self._done, **fields))

    def update_block(self, block_id: int, fields: dict) -> bool:
        text = self.tr("Edit the block")
        return self._push(commands.UpdateBlock(self._db, text, block_id, self._done, **fields))

    def store_text(self, block_id: int, text: str) -> bool:
        label = self.tr("Edit the text")
        node = self.model.node_of(("block", block_id))
        # The version shown: a text changed in another window meanwhile is not overwritten.
        version = node.data.version if node is not None and node.data is not None else None
        command = commands.BlockText(self._db, label, block_id, text, self._done, expected_version=version)
        return self._push(command)

    def sections_from_programme(self) -> list[int]:
        if self.meeting_id is None:
            return []
        self.flush()
        text = self.tr("Create sections from the programme")
        command = commands.SectionsFromProgramme(self._db, text, self.meeting_id, self._done)
        if not self._push(command):
            return []
        if not command.section_ids:
            self.show_message(self.tr("Every programme item already has its section."))
            return []
        self.tree.expandAll()
        self.select(("section", command.section_ids[0]))
        return command.section_ids
