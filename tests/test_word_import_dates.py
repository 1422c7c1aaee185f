"""import-docx: one meeting per date unless asked, as new-from.

Importing last year's minutes twice made two identical meetings. A date that
has a meeting already is refused (``meetings.DateTaken``) with nothing
written; ``--again`` / ``again=True`` imports all the same; the dry run and
the editor's report say the date is taken, and the editor's « Import » asks.
"""

from __future__ import annotations

import datetime as dt

import pytest
from editor_helpers import answering, make_window
from sqlalchemy import func, select

import main
from exporters.compte_rendu import export_meeting
from models import word_import
from models.database import open_database
from models.entities import Attendance, Meeting, Person
from models.errors import MinutierError
from models.services import meetings, rollover
from models.services.reading import meeting_record
from ui.year import files

SAMPLE_DAY = dt.date(2023, 12, 12)


def state(db) -> tuple:
    """Every meeting (id, date, title, version) and the number of people and attendance rows."""
    with db.reading() as session:
        rows = tuple((m.id, m.date, m.title, m.version) for m in meetings.list_meetings(session))
        people = session.scalar(select(func.count()).select_from(Person))
        attendance = session.scalar(select(func.count()).select_from(Attendance))
    return rows, people, attendance


def on(db, day: dt.date) -> list[int]:
    with db.reading() as session:
        return list(session.scalars(select(Meeting.id).where(Meeting.date == day).order_by(Meeting.id)))


def exported(db, meeting_id: int) -> bytes:
    with db.reading() as session:
        return export_meeting(meeting_record(session, meeting_id))


def sample_title(db, sample_id: int) -> str:
    with db.reading() as session:
        meeting = meetings.get_meeting(session, sample_id)
        assert meeting.date == SAMPLE_DAY
        return meeting.title


# ---------------------------------------------------------------- the service


@pytest.mark.both_backends
def test_the_service_refuses_a_taken_date_and_writes_nothing_unless_asked(db, sample_id):
    reading = word_import.read_docx(exported(db, sample_id), "cr-2023.docx")
    assert word_import.meeting_date(reading) == SAMPLE_DAY
    before = state(db)
    with pytest.raises(meetings.DateTaken) as caught, db.transaction() as session:
        word_import.add_meeting(session, reading)
    # The same error as new-from's, one sentence naming the date, the meeting there and --again.
    assert rollover.DateTaken is meetings.DateTaken
    assert isinstance(caught.value, MinutierError)
    assert caught.value.taken == [sample_id] and caught.value.day == SAMPLE_DAY
    message = str(caught.value)
    assert "2023-12-12" in message and f"id {sample_id}" in message and "--again" in message
    assert "\n" not in message
    assert state(db) == before

    with db.transaction() as session:
        new_id = word_import.add_meeting(session, reading, again=True).meeting_id
    assert on(db, SAMPLE_DAY) == [sample_id, new_id]


def test_a_free_date_imports_without_asking(db, sample_id):
    reading = word_import.read_docx(exported(db, sample_id), "cr-2023.docx")
    with db.transaction() as session:
        meetings.update_meeting(session, sample_id, date=dt.date(2023, 12, 13))
    with db.transaction() as session:
        new_id = word_import.add_meeting(session, reading).meeting_id
    assert on(db, SAMPLE_DAY) == [new_id]


def test_the_preview_notes_a_taken_date_without_refusing(db, sample_id):
    title = sample_title(db, sample_id)
    reading = word_import.read_docx(exported(db, sample_id), "cr-2023.docx")
    before = state(db)
    with db.reading() as session:
        word_import.preview(session, reading)
    u = reading.understanding
    assert u.taken is not None and u.taken.meetings == [(sample_id, title)]
    assert u.roster["update"] == 43  # the matching was worked out all the same
    line = f"date taken: a meeting is on 2023-12-12 already (id {sample_id}, « {title} »)"
    assert f"{line}; importing needs --again" in u.lines()
    assert state(db) == before

    free = word_import.read_docx(exported(db, sample_id), "cr-2023.docx")
    with db.transaction() as session:
        meetings.update_meeting(session, sample_id, date=dt.date(2023, 12, 13))
    with db.reading() as session:
        word_import.preview(session, free)
    assert free.understanding.taken is None
    assert not any(line.startswith("date taken") for line in free.understanding.lines())


# ---------------------------------------------------------------- the command line


def test_the_command_refuses_in_one_line_dry_run_says_so_and_again_imports(
    db, sample_id, db_path, tmp_path, capsys
):
    title = sample_title(db, sample_id)
    source = tmp_path / "cr-2023.docx"
    source.write_bytes(exported(db, sample_id))
    before = state(db)
    db.close()
    file_before = db_path.read_bytes()

    assert main.main(["import-docx", str(source), "--db", str(db_path)]) == 1
    refused = capsys.readouterr()
    assert refused.out == ""
    assert refused.err.startswith("minutier: There is already a meeting on 2023-12-12")
    assert f"« {title} »" in refused.err and "--again" in refused.err
    assert refused.err.count("\n") == 1 and "Traceback" not in refused.err
    assert db_path.read_bytes() == file_before

    assert main.main(["import-docx", str(source), "--dry-run", "--db", str(db_path)]) == 0
    dry = capsys.readouterr()
    assert f"date taken: a meeting is on 2023-12-12 already (id {sample_id}, « {title} »)" in dry.out
    assert "dry run: nothing was written" in dry.out and dry.err == ""

    check = open_database(str(db_path))  # the fixture's database was closed for the byte comparison
    try:
        assert state(check) == before
        assert main.main(["import-docx", str(source), "--again", "--db", str(db_path)]) == 0
        done = capsys.readouterr()
        assert done.out.strip().isdigit() and done.err == ""
        assert on(check, SAMPLE_DAY) == [sample_id, int(done.out)]
    finally:
        check.close()


# ---------------------------------------------------------------- the editor


def open_import(qtbot, db, tmp_path, sample_id):
    source = tmp_path / "cr-2023.docx"
    source.write_bytes(exported(db, sample_id))
    window = make_window(qtbot, db, tmp_path, sample_id)
    with files.choosing(source):
        window.word_import.action.trigger()
    dialog = window.word_import.dialog
    assert dialog is not None and dialog.isVisible()
    return window, dialog


def test_the_dialog_asks_no_keeps_it_open_yes_imports_and_undo_takes_it_out(qtbot, db, sample_id, tmp_path):
    title = sample_title(db, sample_id)
    window, dialog = open_import(qtbot, db, tmp_path, sample_id)
    assert f"Already a meeting on 12/12/2023: « {title} »" in dialog.report.toPlainText()
    before = state(db)

    with answering("no") as seen:
        dialog.import_button.click()
    assert len(seen) == 1 and "There is already a meeting on 12/12/2023" in seen[0]
    assert f"« {title} »" in seen[0] and "another" in seen[0]
    assert dialog.isVisible() and dialog.meeting_id is None
    assert state(db) == before and window.undo_stack.count() == 0

    with answering("yes") as seen:
        dialog.import_button.click()
    assert len(seen) == 1 and "already a meeting" in seen[0]
    new_id = dialog.meeting_id
    assert new_id is not None and on(db, SAMPLE_DAY) == [sample_id, new_id]
    assert window.meeting_id == new_id and window.undo_stack.count() == 1

    window.undo()
    assert state(db) == before and window.meeting_id == sample_id
    window.redo()
    assert on(db, SAMPLE_DAY) == [sample_id, new_id] and window.meeting_id == new_id


def test_the_dialog_does_not_ask_on_a_free_date(qtbot, db, sample_id, tmp_path):
    window, dialog = open_import(qtbot, db, tmp_path, sample_id)
    with db.transaction() as session:
        meetings.update_meeting(session, sample_id, date=dt.date(2023, 12, 13))
    with answering("no") as seen:
        dialog.import_button.click()
    assert seen == []
    assert on(db, SAMPLE_DAY) == [dialog.meeting_id] and window.meeting_id == dialog.meeting_id
