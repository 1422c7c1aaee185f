"""Import participants, check page: the plan row by row, in the interface's language.

``PlanModel`` shows what ``people_import.plan_import`` would do with each
row (and translates the plan's English reasons and warnings);
``ActionFilter`` shows one kind of row, or all.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from models import people_import
from ui import labels
from ui.table_models import RowsModel

Index = QModelIndex | QPersistentModelIndex
BAD = QColor("#b3261e")

ACTIONS = ("add", "update", "skip", "bad")


class PlanModel(RowsModel):
    """The plan row by row: line, what happens, name, organisation, details or reason."""

    COLUMN_COUNT = 5
    ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
    rows: list[people_import.PlanRow]

    def __init__(self, field_names: dict[str, str], parent=None):
        super().__init__(parent)
        self._field_names = field_names

    def set_plan(self, plan: people_import.ImportPlan | None) -> None:
        self.beginResetModel()
        self.rows = list(plan.rows) if plan is not None else []
        self.endResetModel()

    def action_name(self, action: str) -> str:
        return {
            "add": self.tr("Add"),
            "update": self.tr("Update"),
            "skip": self.tr("Skip"),
            "bad": self.tr("Bad row"),
        }[action]

    def reason(self, text: str) -> str:
        """The plan's English reasons, in the interface's language."""
        out = []
        for part in text.split("; "):
            fixed = {
                "no name and no organisation": self.tr("no name and no organisation"),
                "new person": self.tr("new person"),
                "same email": self.tr("matched by email"),
                "same name and organisation": self.tr("matched by name and organisation"),
                "same name": self.tr("matched by name"),
                "already on the list, nothing to change": self.tr("already on the list, nothing to change"),
                "already on the list": self.tr("already on the list"),
            }
            if part in fixed:
                out.append(fixed[part])
                continue
            m = re.fullmatch(r"same person as line (\d+)", part)
            if m:
                out.append(self.tr("same person as line {0}").format(m.group(1)))
                continue
            m = re.fullmatch(r"(\d+) cells, the header has (\d+)", part)
            if m:
                out.append(self.tr("{0} cells, the header has {1}").format(*m.groups()))
                continue
            m = re.fullmatch(r"(\w[\w ]*): is (\d+) characters long; this field holds at most (\d+)", part)
            if m:
                field = m.group(1).replace(" ", "_")
                name = self._field_names.get(field, m.group(1))
                out.append(self.tr("{0}: {1} characters, at most {2} fit").format(name, *m.groups()[1:]))
                continue
            m = re.fullmatch(r"cell (\w+) holds a formula without its result.*", part, re.DOTALL)
            if m:
                out.append(
                    self.tr(
                        "cell {0} holds a formula without its saved result: open and save the file in a spreadsheet, or paste the values"  # noqa: E501
                    ).format(m.group(1))
                )
                continue
            m = re.fullmatch(
                r'new person: the roster\'s (.*) has another email \("(.*)"\), so this is someone else', part
            )
            if m:
                out.append(
                    self.tr("new person: « {0} » in the roster has another email ({1})").format(*m.groups())
                )
                continue
            m = re.fullmatch(r'role: "(.*)" is not a role', part, re.DOTALL)
            if m:
                out.append(self.tr("role « {0} » is not a role").format(m.group(1)))
                continue
            m = re.fullmatch(r'(email|mode|status): "(.*)" is .*', part, re.DOTALL)
            if m:
                field, value = m.groups()
                out.append(
                    {
                        "email": self.tr("« {0} » is not an email address"),
                        "mode": self.tr("mode « {0} » is neither in person nor remote"),
                        "status": self.tr("status « {0} » is not invited, present, excused or absent"),
                    }[field].format(value)
                )
                continue
            out.append(part)
        return "; ".join(out)

    def warning(self, text: str) -> str:
        """A plan row's warning (what was left out of it), in the interface's language."""
        m = re.fullmatch(
            r'represented by: "(.*)" (is nobody else|names several people) on the list; left out', text
        )
        if m is None:
            return text
        if m.group(2) == "is nobody else":
            said = self.tr("represented by « {0} »: nobody else on the list has that name; left out")
        else:
            said = self.tr("represented by « {0} »: several people on the list have that name; left out")
        return said.format(m.group(1))

    def details(self, row: people_import.PlanRow) -> str:
        if row.action in ("bad", "skip"):
            return "; ".join([self.reason(row.reason), *map(self.warning, row.warnings)])
        parts = []
        if row.action == "add" and row.reason != "new person":
            parts.append(self.reason(row.reason))
        if row.action == "update":
            parts.append(self.reason(row.reason))
        roles = labels.attendance_roles()
        marks_shown = {
            f: (roles.get(before, before), roles.get(after, after)) if f == "role" else (before, after)
            for f, (before, after) in row.marks.items()
        }
        for field, (before, after) in (*row.changes.items(), *marks_shown.items()):
            name = self._field_names.get(field, field)
            if before:
                parts.append(self.tr("{0}: « {1} » → « {2} »").format(name, before, after))
            else:
                parts.append(self.tr("{0}: « {1} »").format(name, after))
        if row.joins_meeting:
            parts.append(self.tr("joins the list"))
        marks = []
        if row.status is not None:
            marks.append(labels.attendance_statuses().get(row.status, row.status))
        if row.mode is not None:
            marks.append(labels.attendance_modes().get(row.mode, row.mode))
        if marks and (row.action == "update" or row.status not in (None, "invited") or row.mode == "remote"):
            parts.append(" · ".join(marks))
        parts += [self.warning(w) for w in row.warnings]
        return "; ".join(parts)

    def header_names(self) -> tuple[str, ...]:
        return (
            self.tr("Line"),
            self.tr("What happens"),
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Details"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(row.line)
            if column == 1:
                return self.action_name(row.action)
            if column == 2:
                return row.name if (row.values.get("first_name") or row.values.get("last_name")) else ""
            if column == 3:
                return row.values.get("organisation", "")
            if column == 4:
                return self.details(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.action == "bad":
            return QBrush(BAD)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ACTION_ROLE:
            return row.action
        return None


class ActionFilter(QSortFilterProxyModel):
    """Shows one kind of row (or all)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.action = ""

    def set_action(self, action: str) -> None:
        self.beginFilterChange()
        self.action = action
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.action:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(PlanModel.ACTION_ROLE) == self.action
