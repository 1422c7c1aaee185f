"""Moderators and speakers of the selected programme item, as a table model.

Rows come from the programme model's copy of the item; every change is a
command whose completion rereads the programme, which hands the rows back here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack

from models.database import Database
from models.services import programme
from ui import commands, labels
from ui.programme.roster import Pick, split_name
from ui.programme.rows import ItemRow, PersonRow, adopt_person
from ui.sync import reconcile
from ui.undo import run

ROLE, LABEL, NAME, FUNCTION, REMOTE = range(5)
# setData with this role and a Pick links the row to a roster person.
LINK_ROLE = Qt.ItemDataRole.UserRole + 10

# The invisible root, as a default argument (Qt passes one in; Python callers may not).
ROOT = QModelIndex()


class PeopleModel(QAbstractTableModel):
    failed = Signal(str)

    def __init__(self, db: Database, undo_stack: QUndoStack, on_done: Callable[[], None], parent=None):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self._on_done = on_done
        self.item_id: int | None = None
        self.rows: list[PersonRow] = []

    def show_item(self, item: ItemRow | None) -> None:
        fresh = list(item.people) if item is not None else []
        new_id = item.id if item is not None else None
        if new_id != self.item_id:
            self.beginResetModel()
            self.item_id, self.rows = new_id, fresh
            self.endResetModel()
        else:
            reconcile(self, QModelIndex(), self.rows, fresh, adopt_person)

    def rowCount(self, parent: QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == LABEL:
            return self.tr("The word printed before the name in the document: Animateur, Animatrice…")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Role"),
            self.tr("Printed label"),
            self.tr("Name"),
            self.tr("Function"),
            self.tr("Remote"),
        )
        return names[section]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.column() == REMOTE:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == ROLE:
                return (
                    row.role if role == Qt.ItemDataRole.EditRole else labels.roles().get(row.role, row.role)
                )
            return {LABEL: row.role_label, NAME: row.name, FUNCTION: row.function}.get(column)
        if role == Qt.ItemDataRole.CheckStateRole and column == REMOTE:
            return Qt.CheckState.Checked if row.remote else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, FUNCTION):
            linked = self.tr("In the roster.") if row.person_id else self.tr("Not linked to the roster.")
            return f"{row.name}\n{row.function}\n{linked}" if column == NAME else row.function
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self.rows):
            return False
        row, column = self.rows[index.row()], index.column()
        if role == LINK_ROLE and isinstance(value, Pick):
            fields = {"person_id": value.person_id, "name": value.name}
            if not row.function:
                fields["function"] = value.function
            return self._update(row, fields, self.tr("Choose person"))
        if column == REMOTE and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._update(row, {"remote": checked}, self.tr("Change remote"))
        if role != Qt.ItemDataRole.EditRole:
            return False
        name = {ROLE: "role", LABEL: "role_label", NAME: "name", FUNCTION: "function"}.get(column)
        if name is None:
            return False
        return self._update(row, {name: str(value).strip()}, self.tr("Change speaker"))

    # ------------------------------------------------------------ changes

    def _run(self, command) -> bool:
        return run(self._stack, command, self.failed.emit)

    def _update(self, row: PersonRow, fields: dict, text: str) -> bool:
        if all(getattr(row, name) == value for name, value in fields.items()):
            return True
        return self._run(
            commands.Edit(self._db, text, programme.update_programme_person, row.id, fields, self._on_done)
        )

    def add(
        self, role: str, typed: str, pick: Pick | None, function: str = "", after_row: int | None = None
    ) -> int | None:
        """Add a moderator or speaker; a typed name not from the roster joins the roster. Returns its row."""
        if self.item_id is None:
            return None
        name, function = typed.strip(), function.strip()
        fields: dict = {"role": role, "name": name, "function": function}
        if pick is not None and pick.name == name:
            fields.update(person_id=pick.person_id, function=function or pick.function)
        elif name:
            fields["new_person"] = {**split_name(name), "function": function}
        item_id = self.item_id
        position = after_row + 1 if after_row is not None else None
        text = self.tr("Add moderator") if role == "moderator" else self.tr("Add speaker")
        command = commands.Add(
            self._db,
            text,
            lambda s: programme.add_programme_person(s, item_id, position=position, **fields),
            programme.delete_programme_person,
            programme.restore_programme_person,
            self._on_done,
        )
        if not self._run(command):
            return None
        return next((i for i, r in enumerate(self.rows) if r.id == command.obj_id), None)

    def delete(self, row_number: int) -> bool:
        if not 0 <= row_number < len(self.rows):
            return False
        row = self.rows[row_number]
        text = self.tr("Remove “{0}”").format(row.name)
        return self._run(
            commands.Delete(
                self._db,
                text,
                programme.delete_programme_person,
                programme.restore_programme_person,
                row.id,
                self._on_done,
            )
        )

    def move(self, row_number: int, delta: int) -> bool:
        target = row_number + delta
        if not (0 <= row_number < len(self.rows) and 0 <= target < len(self.rows)):
            return False
        row = self.rows[row_number]
        text = self.tr("Move “{0}”").format(row.name)
        return self._run(
            commands.Move(self._db, text, programme.move_programme_person, row.id, target, self._on_done)
        )
