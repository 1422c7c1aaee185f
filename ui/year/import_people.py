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

The columns page's parts are in ``ui.year.import_columns``, the check
page's in ``ui.year.import_plan``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
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
from models.person_fields import NAME_PARTS
from models.services import meetings
from models.tabular import Table
from ui import dialogs
from ui.list_views import list_table
from ui.settings import Settings
from ui.year.import_columns import PreviewModel, field_names, remember_mapping, remembered_mapping
from ui.year.import_plan import ACTIONS, BAD, ActionFilter, PlanModel


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
        named = {*NAME_PARTS, "organisation"} & set(mapping)
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
        self.mapping_hint.setStyleSheet(f"color: {BAD.name()};" if not named or twice else "")
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
        self.plan_view = list_table(
            self.plan_filter, stretch=4, selection=QAbstractItemView.SelectionMode.ExtendedSelection
        )
        self.plan_view.horizontalHeader().setMaximumSectionSize(300)
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
                f"<span style='color:{BAD.name()}'>"
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
