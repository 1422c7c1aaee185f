"""The comparison of a meeting with an earlier one: what changed, and what is left to confirm.

A tree of groups (not invited this year, new names, programme items added
and dropped, speakers and texts still as last year), each listing its
lines. A person who attended last year and is not on the new list has an
« Invite » button: one undoable command per person (Ctrl+Z takes them off
again). Double-clicking a programme line or a text opens it in its tab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import MinutierError
from models.services import attendance, compare, meetings
from ui import dialogs, labels
from ui.commands import Add
from ui.list_views import list_tree
from ui.table_models import GroupsModel
from ui.undo import run

Index = QModelIndex | QPersistentModelIndex

GROUPS = (
    "not_invited",
    "new_names",
    "items_added",
    "items_dropped",
    "speakers_to_confirm",
    "texts_unchanged",
)


@dataclass(frozen=True, slots=True)
class Line:
    group: str
    text: str
    detail: str
    target: tuple[str, int] | None = None  # ("person", id), ("item", id), ("text", 0)
    field: str = ""


def _time(value) -> str:
    return value.strftime("%H:%M") if value is not None else ""


class ComparisonModel(GroupsModel):
    """Groups at the top, their lines below; read-only, rebuilt from a ``Comparison``."""

    COLUMN_COUNT = 2
    groups: list[tuple[str, list[Line]]]

    def group_title(self, group: str) -> str:
        return {
            "not_invited": self.tr("Attended last time, not invited this time"),
            "new_names": self.tr("New names on the list"),
            "items_added": self.tr("Programme items added"),
            "items_dropped": self.tr("Programme items dropped"),
            "speakers_to_confirm": self.tr("Moderators and speakers as last time: to confirm"),
            "texts_unchanged": self.tr("Texts as last time: to rewrite or confirm"),
        }[group]

    def text_name(self, name: str) -> str:
        return {
            "introduction": self.tr("Introduction"),
            "co_organisers": self.tr("Co-organisers sentence"),
            "objectives": self.tr("Objectives"),
        }.get(name, name)

    def set_comparison(self, comparison: compare.Comparison | None) -> None:
        self.beginResetModel()
        self.groups = [] if comparison is None else self._lines(comparison)
        self.endResetModel()

    def _lines(self, c: compare.Comparison) -> list[tuple[str, list[Line]]]:
        statuses, modes = labels.attendance_statuses(), labels.attendance_modes()
        roles = labels.roles()

        feminine = labels.attendance_statuses_feminine()

        def person(group: str, p: compare.PersonLine) -> Line:
            words = feminine if p.name.startswith("Mme ") else statuses  # « Mme … — Présente »
            mark = words.get(p.status, p.status)
            if p.status == "present":
                mark += f" ({modes.get(p.mode, p.mode)})"
            org = p.organisation if p.organisation != p.name else ""
            detail = " · ".join(x for x in (org, mark) if x)
            return Line(group, p.name, detail, ("person", p.person_id))

        def item(group: str, i: compare.ItemLine) -> Line:
            times = "–".join(t for t in (_time(i.start), _time(i.end)) if t)
            under = self.tr("under « {0} »").format(i.parent_title) if i.parent_title else ""
            detail = " · ".join(x for x in (times, under) if x)
            return Line(group, i.title, detail, ("item", i.item_id) if group == "items_added" else None)

        groups = [
            ("not_invited", [person("not_invited", p) for p in c.not_invited]),
            ("new_names", [person("new_names", p) for p in c.new_names]),
            ("items_added", [item("items_added", i) for i in c.items_added]),
            ("items_dropped", [item("items_dropped", i) for i in c.items_dropped]),
            (
                "speakers_to_confirm",
                [
                    Line(
                        "speakers_to_confirm",
                        s.name,
                        f"{roles.get(s.role, s.role)} · {s.item_title}",
                        ("item", s.item_id),
                    )
                    for s in c.speakers_to_confirm
                ],
            ),
            (
                "texts_unchanged",
                [
                    Line("texts_unchanged", self.text_name(n), "", ("text", 0), field=n)
                    for n in c.texts_unchanged
                ],
            ),
        ]
        return groups

    # ------------------------------------------------------------ Qt model

    def lines_of(self, group: tuple[str, list[Line]]) -> list[Line]:
        return group[1]

    def header_names(self) -> tuple[str, ...]:
        return (self.tr("What"), self.tr("Details"))

    def line(self, index: Index) -> Line | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group, lines = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{self.group_title(group)} ({len(lines)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        line = self.line(index)
        assert line is not None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return line.text if index.column() == 0 else line.detail
        return None


class ComparisonDialog(QDialog):
    """Non-modal: the user can edit the meeting beside it; it follows undo and redo."""

    open_item = Signal(int, int)  # meeting id, programme item id
    open_texts = Signal(int)  # meeting id

    def __init__(
        self,
        db: Database,
        undo_stack,
        new_id: int,
        old_id: int | None = None,
        parent: QWidget | None = None,
        on_change=None,
    ):
        super().__init__(parent)
        self._db = db
        self._stack = undo_stack
        self._on_change = on_change
        self.new_id = new_id
        self.comparison: compare.Comparison | None = None
        self.setWindowTitle(self.tr("Comparison with an earlier meeting"))

        with db.reading() as session:
            new = meetings.get_meeting(session, new_id)
            self._new_label = f"{new.date.year} — {new.title}"
            others = [m for m in meetings.list_meetings(session) if m.id != new_id]
            if old_id is None:
                previous = compare.previous_meeting(session, new_id)
                old_id = previous.id if previous is not None else None
            self._others = [(m.id, f"{m.date.year} — {m.title}") for m in others]

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.old = QComboBox()
        self.old.setMinimumContentsLength(40)
        self.old.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for mid, label in self._others:
            self.old.addItem(label, mid)
        self.old.setCurrentIndex(max(self.old.findData(old_id), 0))

        self.model = ComparisonModel(self)
        self.tree = list_tree(self.model, widths=(330,))
        self.tree.doubleClicked.connect(self._activated)
        self.invite_buttons: dict[int, QToolButton] = {}

        self.invite_all = QPushButton()
        self.invite_all.clicked.connect(self.invite_everyone)
        self.empty = QLabel(self.tr("Nothing differs: same people, same programme."))
        self.empty.hide()
        hint = QLabel(
            self.tr("Double-click a programme line or a text to open it. Inviting someone can be undone.")
        )
        hint.setEnabled(False)
        hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Compared with:")))
        top.addWidget(self.old, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.invite_all, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(hint)
        layout.addWidget(buttons)

        self.old.currentIndexChanged.connect(self.refresh)
        undo_stack.indexChanged.connect(self.refresh)
        self.refresh()
        self.resize(820, 620)

    def old_id(self) -> int | None:
        return self.old.currentData()

    def refresh(self, *_args) -> None:
        old_id = self.old_id()
        self.comparison = None
        if old_id is not None:
            try:
                with self._db.reading() as session:
                    self.comparison = compare.compare(session, old_id, self.new_id)
            except MinutierError:  # a meeting was deleted meanwhile
                self.comparison = None
        expanded = {
            self.model.groups[r][0]
            for r in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(r, 0))
        }
        first = not self.model.groups
        self.model.set_comparison(self.comparison)
        for row, (group, lines) in enumerate(self.model.groups):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            if (first and lines) or group in expanded:
                self.tree.expand(self.model.index(row, 0))
        self._add_invite_buttons()
        old_label = self.old.currentText() or self.tr("(no earlier meeting)")
        self.heading.setText(self.tr("{0}\ncompared with {1}").format(self._new_label, old_label))
        missing = len(self.comparison.not_invited) if self.comparison else 0
        self.invite_all.setText(self.tr("Invite all %n", "", missing))
        self.invite_all.setEnabled(missing > 0)
        self.empty.setVisible(self.comparison is not None and self.comparison.is_empty)

    def _add_invite_buttons(self) -> None:
        self.invite_buttons = {}
        if not self.model.groups:
            return
        group = self.model.index(0, 0)
        for row, line in enumerate(self.model.groups[0][1]):
            assert line.target is not None
            person_id = line.target[1]
            button = QToolButton()
            button.setText(self.tr("Invite"))
            button.setToolTip(self.tr("Put {0} on this meeting's list, as invited").format(line.text))
            button.clicked.connect(
                lambda _checked=False, pid=person_id, name=line.text: self.invite(pid, name)
            )
            self.tree.setIndexWidget(self.model.index(row, 1, group), self._right(button))
            self.invite_buttons[person_id] = button

    @staticmethod
    def _right(button: QToolButton) -> QWidget:
        holder = QWidget()
        layout = QHBoxLayout(holder)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addStretch(1)
        layout.addWidget(button)
        return holder

    # ------------------------------------------------------------ inviting

    def _command(self, person_id: int, name: str):
        meeting_id = self.new_id

        def create(session):
            return attendance.add_attendance(session, meeting_id, person_id, status="invited")

        def delete(session, attendance_id):
            return attendance.remove_attendances(session, [attendance_id])

        return Add(
            self._db,
            self.tr("Invite {0}").format(name),
            create,
            delete,
            attendance.restore_attendances,
            on_done=self._on_change,
        )

    def invite(self, person_id: int, name: str) -> bool:
        stored = run(
            self._stack, self._command(person_id, name), lambda message: dialogs.error(self, message)
        )
        self.refresh()
        return stored

    def invite_everyone(self) -> None:
        if self.comparison is None or not self.comparison.not_invited:
            return
        people = self.comparison.not_invited
        self._stack.beginMacro(self.tr("Invite %n people", "", len(people)))
        untold: list[str] = []  # one message box for the whole macro, naming the first refusal
        for person in people:
            run(self._stack, self._command(person.person_id, person.name), untold.append)
        self._stack.endMacro()
        if untold:
            dialogs.error(self, untold[0])
        self.refresh()

    # ------------------------------------------------------------ opening lines

    def _activated(self, index: QModelIndex) -> None:
        line = self.model.line(index)
        if line is None or line.target is None:
            return
        kind, target = line.target
        if kind == "item":
            self.open_item.emit(self.new_id, target)
        elif kind == "text":
            self.open_texts.emit(self.new_id)
