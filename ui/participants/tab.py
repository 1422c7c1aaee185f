"""The Participants tab: the attendance list, filtered as you type, marked on the day.

On the day, the secretary types a name in the filter, presses Enter (or
Down) to reach the table, then one key on the selection: P present on
site, D or R remote, E excused, A absent, I back to invited; L arrived
late, now (which marks present), O left, now — the time written as the
document prints it, corrected in its cell if « now » was not the moment.
Escape goes back to the filter (and clears it there). Every change is one
undo step, stored at once. A committee's quorum is counted under the
figures after every change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.services import attendance, meetings, quorum
from ui.labels import attendance_roles
from ui.participants.add_dialog import AddParticipantDialog
from ui.participants.filter_proxy import ParticipantsFilter
from ui.participants.table_model import ParticipantsModel
from ui.participants.table_setup import setup_table, size_columns
from ui.passing_message import PassingMessage


def time_now(language: str, now: dt.datetime | None = None) -> str:
    """The time as the document's language writes it on the day: « 10h30 » in French, « 10:30 » else."""
    now = now or dt.datetime.now()
    return f"{now.hour}h{now.minute:02d}" if language == "fr" else f"{now.hour}:{now.minute:02d}"


class ParticipantsTab(QWidget):
    stored = Signal()

    def __init__(self, db: Database, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.model = ParticipantsModel(db, undo_stack, self)
        self.proxy = ParticipantsFilter(self.model, self)
        self.add_dialog: AddParticipantDialog | None = None
        self._counts = self.model.counts()

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by name or organisation (Ctrl+F), then ↓ or Enter to reach the list")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.filter_edit.installEventFilter(self)
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.quorum_label = QLabel()
        self.quorum_label.setTextFormat(Qt.TextFormat.RichText)
        self.quorum_label.hide()
        self._quorum_rule = "none"
        self._language = "fr"
        self.role_filter = QComboBox()
        self.role_filter.addItem(self.tr("Every role"), None)
        for code, label in attendance_roles().items():
            self.role_filter.addItem(label or self.tr("(no role)"), code)
        self.role_filter.setToolTip(self.tr("Show only the participants of one role"))
        self.role_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_role(self.role_filter.currentData())
        )

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self._setup_table()

        self.message = PassingMessage()

        self._make_actions()
        self._layout()

        self.model.stored.connect(self.stored)
        self.model.failed.connect(self.show_message)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_counts)
        self.model.dataChanged.connect(self._update_counts)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._show_counts)
        self.set_meeting(None)

    # Building -----------------------------------------------------------------

    def _setup_table(self) -> None:
        setup_table(self.table, self.model)
        self.table.installEventFilter(self)

    def _action(self, text: str, keys: list[str], slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        # Only while the table has focus: the same letters must type in the filter and editors.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    def _make_actions(self) -> None:
        def mark(status: str, mode: str | None = None):
            return lambda: self.mark_selection(status, mode)

        self.mark_actions = {
            "present": self._action(
                self.tr("Present (P)"),
                ["P"],
                mark("present", "in_person"),
                self.tr("Present on site (key P)"),
            ),
            "remote": self._action(
                self.tr("Remote (R)"),
                ["D", "R"],
                mark("present", "remote"),
                self.tr("Present remotely (key R or D)"),
            ),
            "excused": self._action(
                self.tr("Excused (E)"), ["E"], mark("excused"), self.tr("Excused (key E)")
            ),
            "absent": self._action(self.tr("Absent (A)"), ["A"], mark("absent"), self.tr("Absent (key A)")),
            "invited": self._action(
                self.tr("Invited (I)"),
                ["I"],
                mark("invited"),
                self.tr("Back to “invited”, not marked yet (key I)"),
            ),
        }
        self.arrival_action = self._action(
            self.tr("Arrived (L)"),
            ["L"],
            lambda: self.arrive_selection("arrival"),
            self.tr("Arrived late, now: writes the time and marks present (key L)"),
        )
        self.departure_action = self._action(
            self.tr("Left (O)"),
            ["O"],
            lambda: self.arrive_selection("departure"),
            self.tr("Left early, now: writes the time (key O)"),
        )
        self.add_action = self._action(
            self.tr("Add…"),
            ["Ins"],
            self.open_add_dialog,
            self.tr("Add a participant (Ins)"),
        )
        self.remove_action = self._action(
            self.tr("Remove"),
            ["Del"],
            self.remove_selection,
            self.tr("Remove the selected participants from the list (Del); can be undone"),
        )
        focus_filter = QAction(self)
        focus_filter.setShortcut(QKeySequence.StandardKey.Find)
        focus_filter.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus_filter.triggered.connect(self.focus_filter)
        self.addAction(focus_filter)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.role_filter)
        top.addWidget(self._button(self.add_action))
        top.addWidget(self._button(self.remove_action))
        marks = QHBoxLayout()
        marks.addWidget(QLabel(self.tr("Mark the selection:")))
        self.mark_buttons = {code: self._button(action) for code, action in self.mark_actions.items()}
        for button in self.mark_buttons.values():
            marks.addWidget(button)
        marks.addWidget(self._button(self.arrival_action))
        marks.addWidget(self._button(self.departure_action))
        # The buttons say their keys; the hint says only what no button shows.
        self.keys_hint = QLabel(self.tr("Esc: back to the filter"))
        self.keys_hint.setToolTip(self.keys_hint.text())
        self.keys_hint.setEnabled(False)  # greyed: a hint, not a control
        self.keys_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Takes the room left and never widens the window: on a narrow one the hint is cut.
        self.keys_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        marks.addWidget(self.keys_hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.quorum_label)
        layout.addLayout(marks)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    # Contract with the window ----------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show ``meeting_id`` (None: nothing); the same meeting again keeps filter, sort and selection."""
        changed = meeting_id != self.model.meeting_id
        if changed:
            self.filter_edit.clear()
            self.role_filter.setCurrentIndex(0)
        self._quorum_rule, self._language = "none", "fr"
        if meeting_id is not None:
            with self._db.reading() as session:
                meeting = meetings.get_meeting(session, meeting_id)
                self._quorum_rule, self._language = meeting.quorum_rule, meeting.language
        self.model.set_meeting(meeting_id)
        if changed and meeting_id is not None:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self._size_columns()
        enabled = meeting_id is not None
        for action in (
            *self.mark_actions.values(),
            self.arrival_action,
            self.departure_action,
            self.add_action,
            self.remove_action,
        ):
            action.setEnabled(enabled)
        self.filter_edit.setEnabled(enabled)
        self.role_filter.setEnabled(enabled)
        self._update_counts()

    def flush(self) -> None:
        """Store a cell being edited (the window is about to undo, switch meeting or close)."""
        editor = QApplication.focusWidget()
        if self.table.state() == QAbstractItemView.State.EditingState and self.table.isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _size_columns(self) -> None:
        size_columns(self.table, self.model)

    # Actions -------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        selection = self.table.selectionModel()
        rows = {index.row() for index in selection.selectedRows()}
        if not rows and selection.currentIndex().isValid():
            rows = {selection.currentIndex().row()}
        source = (self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in sorted(rows))
        return [self.model.rows[r].id for r in source]

    def mark_selection(self, status: str, mode: str | None = None) -> None:
        if self.model.mark(self.selected_ids(), status=status, mode=mode):
            self.message.hide()
            # Sorted by status, the row moved: keep it in sight.
            self.table.scrollTo(self.table.currentIndex())

    def arrive_selection(self, field: str) -> None:
        """Arrival or departure of the selection, at the time it is now."""
        if self.model.arrive(self.selected_ids(), field, time_now(self._language)):
            self.message.hide()

    def remove_selection(self) -> None:
        self.model.remove(self.selected_ids())

    def open_add_dialog(self) -> None:
        if self.model.meeting_id is None:
            return
        with self._db.reading() as session:
            roster = attendance.roster_outside(session, self.model.meeting_id)
            held = meetings.get_meeting(session, self.model.meeting_id).date <= dt.date.today()
        # Someone added on or after the day was there: present is the likelier answer.
        # The name being looked for in the filter is most likely the one to add.
        self.add_dialog = AddParticipantDialog(
            roster, "present" if held else "invited", self, text=self.filter_edit.text()
        )
        self.add_dialog.accepted.connect(self._add_from_dialog)
        self.add_dialog.open()

    def _add_from_dialog(self) -> None:
        assert self.add_dialog is not None
        new_id = self.model.add(**self.add_dialog.values())
        if new_id is not None:
            self.select_participant(new_id)

    def select_participant(self, attendance_id: int) -> None:
        """Select and show a row, clearing the filter if it hides it."""
        row = self.model.row_of(attendance_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self.table.setFocus()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def show_message(self, text: str) -> None:
        self.message.say(text)

    # Keyboard between filter and table -------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if watched is self.filter_edit:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down) and self.proxy.rowCount():
                self._enter_table()
                return True
            if key == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
        elif watched is self.table and key == Qt.Key.Key_Escape:
            self.focus_filter()
            return True
        return False

    def _enter_table(self) -> None:
        selection = self.table.selectionModel()
        if not selection.selectedRows():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(self.proxy.index(0, 0), flags)
        self.table.setFocus()

    # Counts ------------------------------------------------------------------------------

    def _update_counts(self, *_args) -> None:
        """Recount after a change to the rows (not needed when only the filter changes)."""
        self._counts = self.model.counts()
        self._show_counts()
        self._show_quorum()

    def _show_quorum(self) -> None:
        """The quorum line, read again after every change: only a meeting with a rule shows one."""
        if self.model.meeting_id is None or self._quorum_rule == "none":
            self.quorum_label.hide()
            return
        with self._db.reading() as session:
            count = quorum.quorum(session, self.model.meeting_id)
        if count.required is None:
            self.quorum_label.hide()
            return
        rule = {
            "majority": self.tr("more than half"),
            "two_thirds": self.tr("two thirds"),
        }.get(count.rule, self.tr("at least %n", "", count.required))
        if count.reached:
            colour, word = "#1b7a2f", self.tr("reached")
        else:
            colour, word = "#b3261e", self.tr("not reached")
        reached = f"<b style='color:{colour}'>{word}</b>"
        self.quorum_label.setText(
            self.tr(
                "Quorum ({0}): <b>{1}</b> members present or represented out of {2}, {3} required: {4}"
            ).format(rule, count.counted, count.members, count.required, reached)
        )
        self.quorum_label.show()

    def _show_counts(self, *_args) -> None:
        if self.model.meeting_id is None:
            self.counts_label.setText("")
            return
        c = self._counts
        # One %n per string, so that each number agrees with its word in French.
        parts = [
            self.tr("Participants: <b>%n</b>", "", c["total"]),
            self.tr("Present: <b>%n</b>", "", c["present"])
            + " "
            + self.tr("(on site {0}, remote {1})").format(c["present_in_person"], c["present_remote"]),
            self.tr("Excused: %n", "", c["excused"]),
            self.tr("Absent: %n", "", c["absent"]),
            self.tr("Invited: %n", "", c["invited"]),
        ]
        text = " · ".join(parts)
        shown = self.proxy.rowCount()
        if shown != c["total"]:
            text += " — " + self.tr("Shown: <b>%n</b>", "", shown)
        self.counts_label.setText(text)
