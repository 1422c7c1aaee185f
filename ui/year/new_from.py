"""File › New meeting from…: next year's meeting built from one of the meetings.

The dialog only gathers the choices; ``command`` makes the undoable
creation (ui/meeting_commands.NewMeetingFrom), which runs
``rollover.new_meeting_from`` in one transaction.
The title offered is the old one with its date moved on; a date still in
it that is not the new one is pointed out under the title. When a meeting
is on the chosen date already, « Create » asks before making a second one
(No by default) and, on No, leaves the dialog open to pick another date.
Like creating a meeting from the list, Ctrl+Z takes the new meeting out
again and shows the one it was built from.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.services import meetings, rollover
from ui.meeting_commands import NewMeetingFrom
from ui.year import date_taken


def next_year(day: dt.date) -> dt.date:
    """The same day a year later; 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


class NewFromDialog(QDialog):
    def __init__(self, db: Database, source_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("New meeting from…"))
        with db.reading() as session:
            self._meetings = [(m.id, m.date, m.title, m.language) for m in meetings.list_meetings(session)]
        self._title_edited = False
        self._again = False  # the user confirmed a second meeting on a date that has one

        self.source = QComboBox()
        for mid, date, title, _language in self._meetings:
            self.source.addItem(f"{date.year} — {title}", mid)
        self.source.setMinimumContentsLength(40)
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        at = self.source.findData(source_id)
        self.source.setCurrentIndex(max(at, 0))

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.title = QLineEdit()
        self.title.textEdited.connect(self._title_typed)
        self.date_left = QLabel()
        self.date_left.setWordWrap(True)
        self.date_left.hide()
        self.objectives = QCheckBox(self.tr("Copy the objectives text"))
        self.objectives.setToolTip(self.tr("Leave unticked when each year's objectives are written afresh."))

        explanation = QLabel(
            self.tr(
                "Copied: organisation, body, venue, times, language, logo, introduction (with the date "
                "moved on), the programme with its moderators and speakers, and everyone who attended, "
                "as invited.\nLeft empty: the notes, the attendance marks and the conclusions.\n"
                "The moderators and speakers are last year's: the comparison lists them to confirm."
            )
        )
        explanation.setWordWrap(True)
        explanation.setEnabled(False)  # greyed: an explanation, not a control

        form = QFormLayout()
        form.addRow(self.tr("From the meeting:"), self.source)
        form.addRow(self.tr("New date:"), self.date)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow("", self.date_left)
        form.addRow("", self.objectives)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.buttons)

        self.source.currentIndexChanged.connect(self._source_changed)
        self.date.dateChanged.connect(self._suggest_title)
        self.title.textChanged.connect(self._check)
        self.date.dateChanged.connect(self._check)
        self._source_changed()
        self.resize(620, self.sizeHint().height())

    # ------------------------------------------------------------ choices

    def _source(self) -> tuple[int, dt.date, str, str] | None:
        i = self.source.currentIndex()
        return self._meetings[i] if 0 <= i < len(self._meetings) else None

    def _source_changed(self, *_args) -> None:
        source = self._source()
        if source is None:
            return
        day = next_year(source[1])
        self.date.setDate(QDate(day.year, day.month, day.day))
        self._suggest_title()

    def _title_typed(self, _text: str) -> None:
        self._title_edited = True

    def _suggest_title(self, *_args) -> None:
        source = self._source()
        if source is None or self._title_edited:
            return
        _id, day, title, language = source
        self.title.setText(rollover.follow_title(title, day, self.new_date(), language))

    def _check(self, *_args) -> None:
        ok = self._source() is not None and bool(self.title.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        left = rollover.title_dates_left(self.title.text(), self.new_date())
        self.date_left.setText(
            self.tr("The title still gives another date: {0}.").format(", ".join(f"« {d} »" for d in left))
            if left
            else ""
        )
        self.date_left.setVisible(bool(left))

    def _confirm(self) -> None:
        """« Create »: a second meeting on a date that has one only when the user says so."""
        answer = date_taken.ask_another(
            self,
            self._db,
            self.new_date(),
            self.tr("There is already a meeting on {0}:\n{1}\n\nCreate another one on that date?"),
            self.tr("Create another"),
        )
        if answer is False:
            self.date.setFocus()
            return
        self._again = bool(answer)
        self.accept()

    def new_date(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())

    def source_id(self) -> int | None:
        source = self._source()
        return source[0] if source else None

    # ------------------------------------------------------------ doing it

    def command(self, text: str, show) -> NewMeetingFrom:
        """The undoable creation of the meeting as chosen; ``show`` opens a meeting after each step."""
        source_id = self.source_id()
        assert source_id is not None
        return NewMeetingFrom(
            self._db,
            text,
            source_id,
            self.new_date(),
            show,
            shown_before=source_id,
            title=self.title.text().strip(),
            copy_objectives=self.objectives.checkState() == Qt.CheckState.Checked,
            again=self._again,
        )
