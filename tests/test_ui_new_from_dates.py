"""The New-from dialog: the title's date moves on, a date left is pointed out, a taken date is asked about."""

from __future__ import annotations

import datetime as dt

import pytest
from editor_helpers import answering, make_window
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from models.entities import Meeting
from models.services import meetings, rollover

OLD, NEW = dt.date(2025, 3, 18), dt.date(2025, 6, 17)


@pytest.fixture
def source_id(db):
    with db.transaction() as session:
        return meetings.create_meeting(session, "Comité de coordination du 18 mars 2025", OLD).id


def on(db, day) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Meeting).where(Meeting.date == day))


def open_dialog(qtbot, db, tmp_path, source_id):
    window = make_window(qtbot, db, tmp_path, source_id)
    window.year.new_from_action.trigger()
    dialog = window.year.new_from_dialog
    dialog.date.setDate(QDate(NEW.year, NEW.month, NEW.day))
    return window, dialog


def test_the_title_offered_has_the_new_date(qtbot, db, tmp_path, source_id):
    _window, dialog = open_dialog(qtbot, db, tmp_path, source_id)
    assert dialog.title.text() == "Comité de coordination du 17 juin 2025"
    assert dialog.date_left.isHidden()
    dialog.title.setText("Comité des 17 et 18 juin 2025")
    assert not dialog.date_left.isHidden()
    assert "« 18 juin 2025 »" in dialog.date_left.text()


def test_a_taken_date_is_asked_about_and_no_keeps_the_dialog_open(qtbot, db, tmp_path, source_id):
    with db.transaction() as session:
        rollover.new_meeting_from(session, source_id, NEW)
    _window, dialog = open_dialog(qtbot, db, tmp_path, source_id)
    with answering("no") as seen:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(seen) == 1 and "already a meeting on 17/06/2025" in seen[0]
    assert "Comité de coordination du 17 juin 2025" in seen[0]
    assert dialog.isVisible() and on(db, NEW) == 1

    with answering("yes") as seen:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "already" in seen[0]
    assert on(db, NEW) == 2
