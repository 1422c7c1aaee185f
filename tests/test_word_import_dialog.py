"""File › Import a Word compte-rendu…: the report is shown before anything is written; Import adds
the meeting and opens it; a refused file says so in one message."""

from __future__ import annotations

from editor_helpers import answering, make_window
from sqlalchemy import func, select

from exporters.compte_rendu import export_meeting
from models.entities import Meeting
from models.services.reading import meeting_record
from ui.year import files


def meeting_count(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Meeting))


def test_the_report_shows_first_and_import_adds_the_meeting(qtbot, db, sample_id, tmp_path):
    source = tmp_path / "cr-2023.docx"
    with db.reading() as session:
        source.write_bytes(export_meeting(meeting_record(session, sample_id)))
    window = make_window(qtbot, db, tmp_path, sample_id)
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if "Word" in a.text())
    with files.choosing(source) as asked:
        action.trigger()
    assert asked and asked[0][0] == "open"
    dialog = window.word_import.dialog
    assert dialog is not None and dialog.isVisible()
    report = dialog.report.toPlainText()
    assert "Interventions: 16" in report and "Participants found in the roster: 43; new people: 0" in report
    assert meeting_count(db) == 1  # shown, not written

    # The 2023 meeting is on the document's date already (tests/test_word_import_dates.py).
    with answering("yes"):
        dialog.import_button.click()
    assert meeting_count(db) == 2
    assert window.meeting_id == dialog.meeting_id != sample_id
    assert "imported" in window.statusBar().currentMessage()


def test_cancel_writes_nothing(qtbot, db, sample_id, tmp_path):
    source = tmp_path / "cr.docx"
    with db.reading() as session:
        source.write_bytes(export_meeting(meeting_record(session, sample_id)))
    window = make_window(qtbot, db, tmp_path, sample_id)
    with files.choosing(source):
        window.word_import.action.trigger()
    window.word_import.dialog.reject()
    assert meeting_count(db) == 1


def test_a_doc_file_is_refused_in_one_message(qtbot, db, sample_id, tmp_path):
    source = tmp_path / "old.doc"
    source.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "WordDocument".encode("utf-16-le")
    )
    window = make_window(qtbot, db, tmp_path, sample_id)
    with files.choosing(source), answering() as seen:
        window.word_import.action.trigger()
    assert len(seen) == 1 and ".doc" in seen[0]
    assert window.word_import.dialog is None and meeting_count(db) == 1


def test_the_report_reads_as_french_in_french(qtbot, qapp, db, sample_id, tmp_path):
    # Every « what: how many » line is translated whole, so French gets its space before the colon.
    from ui import i18n

    source = tmp_path / "cr.docx"
    with db.reading() as session:
        source.write_bytes(export_meeting(meeting_record(session, sample_id)))
    i18n.install(qapp, "fr")
    try:
        window = make_window(qtbot, db, tmp_path, sample_id)
        with files.choosing(source):
            window.word_import.action.trigger()
        lines = window.word_import.dialog.report.toPlainText().splitlines()
        window.word_import.dialog.reject()
    finally:
        i18n.install(qapp, "en")
    assert "Interventions : 16" in lines
    counted = [line for line in lines if line and line[-1].isdigit()]
    assert len(counted) >= 12
    assert all(" : " in line for line in counted), counted
