"""File › Import participants…: columns to fields, a preview, the plan, then (only then) the import.

1. The file is read (``tabular.read_table``): CSV of any delimiter and
   encoding, or XLSX.
2. Columns page: one combo per field listing the file's headers, set from
   the mapping remembered for this set of headers, else from
   ``guess_mapping``; the preview shows the first rows with the field each
   column feeds.
3. Check page: ``plan_import`` (which writes nothing) says row by row what
   would be added, updated, skipped, or is bad (line number and reason).
4. « Import » asks for confirmation, naming the rows left out and saying
   that the import cannot be undone, then ``apply_plan`` writes it all in one
   transaction.

The import is not an undoable command: it may create hundreds of people and
change roster records shared by every meeting, and replaying it after an
undo would have to plan again. The undo history is cleared after it, so
that no older step undoes over it.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import people_import
from models.database import Database
from models.errors import ConflictError, MinutierError
from models.services import meetings
from models.tabular import Table
from ui import dialogs, labels
from ui.settings import Settings

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
PREVIEW_ROWS = 8
_BAD = QColor("#b3261e")


# ---------------------------------------------------------------- the mapping remembered


def _store(settings: Settings):
    # ui.settings has named accessors only; a mapping per header set is keyed by a hash, so it
    # goes to the same QSettings store directly.
    return settings._q


def _headers_key(headers: tuple[str, ...]) -> str:
    digest = hashlib.sha1("\x1f".join(sorted(headers)).encode("utf-8")).hexdigest()[:16]
    return f"import/mappings/{digest}"


def remembered_mapping(settings: Settings, headers: tuple[str, ...]) -> dict[str, str] | None:
    """The mapping the user last confirmed for this set of headers (only headers still there)."""
    raw = _store(settings).value(_headers_key(headers), "")
    try:
        mapping = json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None
    if not isinstance(mapping, dict):
        return None
    return {
        f: h for f, h in mapping.items() if f in people_import.FIELDS and isinstance(h, str) and h in headers
    }


def remember_mapping(settings: Settings, headers: tuple[str, ...], mapping: dict[str, str]) -> None:
    _store(settings).setValue(_headers_key(headers), json.dumps(mapping, ensure_ascii=False))


# ---------------------------------------------------------------- the models


class PreviewModel(QAbstractTableModel):
    """The first rows of the file; each column's header names the field it feeds."""

    def __init__(self, table: Table, field_names: dict[str, str], parent=None):
        super().__init__(parent)
        self.headers = table.headers
        self.rows = [r.values for r in table.rows[:PREVIEW_ROWS]]
        self.lines = [r.line for r in table.rows[:PREVIEW_ROWS]]
        self._field_names = field_names
        self.fed: dict[str, str] = {}  # header -> field

    def set_mapping(self, mapping: dict[str, str]) -> None:
        self.fed = {h: f for f, h in mapping.items() if h}
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
            if self.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self.lines[section]) if 0 <= section < len(self.lines) else None
        if not 0 <= section < len(self.headers):
            return None
        header = self.headers[section]
        field = self.fed.get(header)
        return (
            f"{header}\n→ {self._field_names[field]}" if field else f"{header}\n({self.tr('not imported')})"
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        values = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return values[index.column()] if index.column() < len(values) else ""
        if role == Qt.ItemDataRole.ForegroundRole and self.headers[index.column()] not in self.fed:
            return QBrush(QColor("#888888"))
        return None


ACTIONS = ("add", "update", "skip", "bad")


class PlanModel(QAbstractTableModel):
    """The plan row by row: line, what happens, name, organisation, details or reason."""

    COLUMNS = 5
    ACTION_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, field_names: dict[str, str], parent=None):
        super().__init__(parent)
        self.rows: list[people_import.PlanRow] = []
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

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Line"),
            self.tr("What happens"),
            self.tr("Name"),
            self.tr("Organisation"),
            self.tr("Details"),
        )
        return names[section] if 0 <= section < len(names) else None

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
            return QBrush(_BAD)
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


# ---------------------------------------------------------------- the dialog


def field_names() -> dict[str, str]:
    return {
        "civility": QCoreApplication.translate("ImportDialog", "Civility"),
        "first_name": QCoreApplication.translate("ImportDialog", "First name"),
        "last_name": QCoreApplication.translate("ImportDialog", "Last name"),
        "function": QCoreApplication.translate("ImportDialog", "Function"),
        "organisation": QCoreApplication.translate("ImportDialog", "Organisation"),
        "email": QCoreApplication.translate("ImportDialog", "Email"),
        "mode": QCoreApplication.translate("ImportDialog", "In person / remote"),
        "status": QCoreApplication.translate("ImportDialog", "Status"),
        "role": QCoreApplication.translate("ImportDialog", "Role"),
        "represented_by": QCoreApplication.translate("ImportDialog", "Represented by"),
        "arrival": QCoreApplication.translate("ImportDialog", "Arrival"),
        "departure": QCoreApplication.translate("ImportDialog", "Departure"),
    }


class ImportDialog(QDialog):
    """``imported(result)`` after a confirmed import; the dialog then closes."""

    imported = Signal(object)

    def __init__(
        self,
        db: Database,
        settings: Settings,
        meeting_id: int,
        path: Path,
        table: Table,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self.meeting_id = meeting_id
        self.path = Path(path)
        self.table = table
        self.plan: people_import.ImportPlan | None = None
        self.result: people_import.ImportResult | None = None
        self.names = field_names()
        with db.reading() as session:
            meeting = meetings.get_meeting(session, meeting_id)
            self.meeting_label = f"{meeting.date.year} — {meeting.title}"
        self.setWindowTitle(self.tr("Import participants"))

        self.pages = QStackedWidget()
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._check_page())

        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next: check the rows"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.make_plan)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(self.confirm_and_import)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Into « {0} », from {1} ({2} rows)").format(
                self.meeting_label, self.path.name, len(table.rows)
            )
        )
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        mapping = remembered_mapping(settings, table.headers)
        self.mapping_source = "remembered" if mapping else "guessed"
        self.set_mapping(mapping if mapping else people_import.guess_mapping(table.headers))
        self._show_page(0)
        self.resize(980, 640)

    # ------------------------------------------------------------ page 1: columns

    def _columns_page(self) -> QWidget:
        page = QWidget()
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in people_import.FIELDS:
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for header in self.table.headers:
                combo.addItem(header, header)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field] = combo
            form.addRow(self.names[field], combo)
        self.mapping_hint = QLabel()
        self.mapping_hint.setWordWrap(True)
        self.preview = PreviewModel(self.table, self.names, self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setWordWrap(False)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview_view.horizontalHeader().setMaximumSectionSize(240)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Which column holds each field?</b>")))
        left.addLayout(form)
        left.addWidget(self.mapping_hint)
        left.addStretch(1)
        columns.addLayout(left)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>The first rows of the file</b> (line numbers as in the file)")))
        right.addWidget(self.preview_view, 1)
        columns.addLayout(right, 1)
        QVBoxLayout(page).addLayout(columns)
        return page

    def mapping(self) -> dict[str, str]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData()}

    def set_mapping(self, mapping: dict[str, str]) -> None:
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(mapping.get(field, "")), 0))
            combo.blockSignals(False)
        self._mapping_changed()

    def _mapping_changed(self, *_args) -> None:
        mapping = self.mapping()
        self.preview.set_mapping(mapping)
        named = {"first_name", "last_name", "organisation"} & set(mapping)
        used = list(mapping.values())
        twice = sorted({h for h in used if used.count(h) > 1})
        if not named:
            text = self.tr("Choose the column of the first name, the last name or the organisation.")
        elif twice:
            text = self.tr("The column « {0} » is chosen for two fields.").format(twice[0])
        elif self.mapping_source == "remembered":
            text = self.tr("The columns chosen last time for a file like this one.")
        else:
            text = self.tr("Columns guessed from the headers: check them.")
        self.mapping_hint.setText(text)
        self.mapping_hint.setStyleSheet(f"color: {_BAD.name()};" if not named or twice else "")
        self.next_button.setEnabled(bool(named) and not twice)

    # ------------------------------------------------------------ page 2: the plan

    def _check_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.show_combo = QComboBox()
        self.plan_model = PlanModel(self.names, self)
        self.plan_filter = ActionFilter(self)
        self.plan_filter.setSourceModel(self.plan_model)
        self.plan_view = QTableView()
        self.plan_view.setModel(self.plan_filter)
        self.plan_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_view.setWordWrap(False)
        self.plan_view.verticalHeader().hide()
        header = self.plan_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(300)
        self.show_combo.currentIndexChanged.connect(
            lambda _i: self.plan_filter.set_action(self.show_combo.currentData() or "")
        )
        self.nothing_written = QLabel(self.tr("Nothing has been written yet."))
        self.nothing_written.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.show_combo)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.plan_view, 1)
        layout.addWidget(self.nothing_written)
        return page

    def warning(self, text: str) -> str:
        """How the file was read (models.tabular.Table.warnings), in the interface's language."""
        m = re.fullmatch(r"Line\(s\) (.*) are in Windows-1252 and the others in UTF-8: .*", text)
        if m:
            return self.tr(
                "Lines {0} are in Windows-1252, the others in UTF-8: each line was read in its own encoding."
            ).format(m.group(1))
        return text

    def make_plan(self) -> bool:
        """Plan with the chosen columns (reads only) and show it; False if the plan failed."""
        try:
            with self._db.reading() as session:
                self.plan = people_import.plan_import(session, self.table, self.mapping(), self.meeting_id)
        except MinutierError as exc:
            dialogs.error(self, str(exc))
            return False
        counts = self.plan.counts
        parts = [
            self.tr("To add: <b>%n</b>", "", counts["add"]),
            self.tr("to update: <b>%n</b>", "", counts["update"]),
            self.tr("unchanged or repeated (skipped): %n", "", counts["skip"]),
        ]
        text = " · ".join(parts)
        if counts["bad"]:
            text += "<br>" + (
                f"<span style='color:{_BAD.name()}'>"
                + self.tr(
                    "<b>%n</b> bad row(s), left out: see their line and reason below.", "", counts["bad"]
                )
                + "</span>"
            )
        for warning in self.plan.warnings:
            text += "<br>" + html.escape(self.warning(warning))
        self.summary.setText(text)
        self.plan_model.set_plan(self.plan)
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.addItem(self.tr("All rows (%n)", "", len(self.plan.rows)), "")
        for action in ACTIONS:
            if counts[action]:
                self.show_combo.addItem(f"{self.plan_model.action_name(action)} ({counts[action]})", action)
        self.show_combo.blockSignals(False)
        # The rows needing attention first, when there are any.
        self.show_combo.setCurrentIndex(max(self.show_combo.findData("bad"), 0))
        self.plan_filter.set_action(self.show_combo.currentData() or "")
        writes = counts["add"] + counts["update"]
        self.import_button.setText(self.tr("Import %n row(s)", "", writes))
        self.import_button.setEnabled(writes > 0)
        self._show_page(1)
        return True

    # ------------------------------------------------------------ moving and importing

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page == 1)
        self.import_button.setVisible(page == 1)
        self.next_button.setVisible(page == 0)
        (self.import_button if page == 1 else self.next_button).setDefault(True)

    def back(self) -> None:
        self._show_page(0)

    def confirmation_text(self) -> str:
        assert self.plan is not None
        counts = self.plan.counts
        text = self.tr("Import into « {0} »: %n new person(s)", "", counts["add"]).format(self.meeting_label)
        text += ", " + self.tr("%n updated or put on the list.", "", counts["update"])
        if counts["bad"]:
            text += "\n\n" + self.tr(
                "%n bad row(s) will be left out; fix them in the file and import it again to add them.",
                "",
                counts["bad"],
            )
        text += "\n\n" + self.tr(
            "The import cannot be undone (Ctrl+Z will not remove these people); it clears the undo history."
        )
        return text

    def confirm_and_import(self) -> bool:
        if self.plan is None:
            return False
        if not dialogs.confirm(self, self.confirmation_text(), self.tr("Import")):
            return False
        try:
            with self._db.transaction() as session:
                result = people_import.apply_plan(session, self.plan, accept_bad_rows=True)
        except ConflictError as exc:
            dialogs.error(self, self.tr("Nothing was imported.") + "\n" + str(exc))
            self.make_plan()  # the rows as they are now
            return False
        except MinutierError as exc:
            dialogs.error(self, self.tr("Nothing was imported.") + "\n" + str(exc))
            return False
        remember_mapping(self._settings, self.table.headers, self.plan.mapping)
        self.result = result
        self.imported.emit(result)
        self.accept()
        return True
