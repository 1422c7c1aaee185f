"""One worker writes every file the editor makes from a meeting (ui/year/files.FileWriter).

The minutes (File › Export minutes…) and the year's lists (Export participants…, Sign-in
sheet…) go through the same class: the same progress dialog, the same store of what is
being typed, the same reading in the worker's own session, the same one-sentence message
when the file cannot be written. And the two helpers that own those actions are built from
the parts they use, without a MainWindow. Real widgets offscreen, a real SQLite file.
"""

from __future__ import annotations

import threading

from docx import Document
from editor_helpers import answering, make_window
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QTabWidget, QWidget

from models.errors import MinutierError
from models.services.reading import meeting_record
from ui.export_action import ExportAction
from ui.history import UndoStack
from ui.meetings_panel import MeetingsPanel
from ui.settings import Settings
from ui.year import files
from ui.year.actions import YearActions


def document_text(path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def watch(writer: files.FileWriter, parent: QWidget) -> list[tuple[type, list[str]]]:
    """At each start of ``writer``: its thread's class, the texts of the progress dialogs over ``parent``."""
    seen: list[tuple[type, list[str]]] = []

    def busy(now: bool) -> None:
        if now:
            texts = [d.labelText() for d in parent.findChildren(QProgressDialog)]
            seen.append((type(writer.thread), texts))

    writer.busy_changed.connect(busy)
    return seen


def test_the_minutes_and_the_sign_in_sheet_fail_through_the_same_worker(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    assert type(window.export.writer) is files.FileWriter
    assert type(window.year.writer) is files.FileWriter
    minutes_runs = watch(window.export.writer, window)
    sheet_runs = watch(window.year.writer, window)
    missing = tmp_path / "no-such-folder" / "written.docx"

    with (
        files.choosing(missing),
        answering() as minutes_said,
        qtbot.waitSignal(window.export.finished, timeout=30_000) as minutes,
    ):
        window.export.action.trigger()
    with (
        files.choosing(missing),
        answering() as sheet_said,
        qtbot.waitSignal(window.year.writer.finished, timeout=30_000) as sheet,
    ):
        window.year.sign_in_action.trigger()

    assert minutes.args == [""] and sheet.args == [""]
    assert len(minutes_said) == 1 and len(sheet_said) == 1
    minutes_head, _nl, minutes_reason = minutes_said[0].partition("\n")
    sheet_head, _nl, sheet_reason = sheet_said[0].partition("\n")
    assert minutes_head == "The minutes were not exported."
    assert sheet_head == "The sign-in sheet was not written."
    # The same failure told in the same words, one sentence and no traceback.
    assert minutes_reason == sheet_reason
    assert "does not exist" in minutes_reason and "\n" not in minutes_reason
    assert "Traceback" not in minutes_reason
    # Both ran in the one worker class, with the progress dialog up, and are ready again.
    assert [(thread, "Writing the minutes…" in texts) for thread, texts in minutes_runs] == [
        (files.WriteThread, True)
    ]
    assert [(thread, "Writing the sign-in sheet…" in texts) for thread, texts in sheet_runs] == [
        (files.WriteThread, True)
    ]
    assert window.export.writer.thread is None and window.year.writer.thread is None
    assert window.export.action.isEnabled() and window.year.sign_in_action.isEnabled()
    assert not missing.exists()


def test_both_show_the_progress_dialog_in_a_write_thread(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    minutes_runs = watch(window.export.writer, window)
    list_runs = watch(window.year.writer, window)
    with answering("no") as said, qtbot.waitSignal(window.export.finished, timeout=60_000):
        window.export.export_to(tmp_path / "cr.docx")
    with (
        files.choosing(tmp_path / "participants.csv"),
        answering("no") as said_too,
        qtbot.waitSignal(window.year.writer.finished, timeout=30_000),
    ):
        window.year.export_people_action.trigger()
    assert [(thread, "Writing the minutes…" in texts) for thread, texts in minutes_runs] == [
        (files.WriteThread, True)
    ]
    assert [(thread, "Writing the participant list…" in texts) for thread, texts in list_runs] == [
        (files.WriteThread, True)
    ]
    # Each offers to open what it wrote, naming it.
    assert said == [f"The minutes are written:\n{tmp_path / 'cr.docx'}\n\nOpen them?"]
    assert said_too == [f"The participant list is written:\n{tmp_path / 'participants.csv'}\n\nOpen it?"]
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))  # gone once the runs are over


def test_what_is_being_typed_is_in_every_file(qtbot, db, sample_id, tmp_path):
    """A title typed just now (its typing pause not over) is stored before the worker reads."""
    window = make_window(qtbot, db, tmp_path, sample_id)
    title = window.show_tab("general").widgets["title"]
    title.setFocus()

    title.setPlainText("Zanzibar assembly")
    minutes = tmp_path / "minutes.docx"
    with files.choosing(minutes), answering("no"), qtbot.waitSignal(window.export.finished, timeout=60_000):
        window.export.action.trigger()
    assert "Zanzibar assembly" in document_text(minutes)

    title.setPlainText("Zanzibar plenary")
    sheet = tmp_path / "sheet.docx"
    with (
        files.choosing(sheet),
        answering("no"),
        qtbot.waitSignal(window.year.writer.finished, timeout=30_000),
    ):
        window.year.sign_in_action.trigger()
    assert "Zanzibar plenary" in document_text(sheet)


def test_the_worker_reads_in_its_own_thread_and_tells_one_line(qtbot, db, sample_id, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    flushed: list[int] = []
    writer = files.FileWriter(db, parent, flush=lambda: flushed.append(threading.get_ident()))
    readers: list[int] = []

    def read(session, meeting_id):
        readers.append(threading.get_ident())
        return meeting_record(session, meeting_id)

    target = tmp_path / "title.txt"
    with answering("no") as said, qtbot.waitSignal(writer.finished, timeout=30_000) as done:
        assert writer.write(
            sample_id, target, read, lambda m: m.title.encode(), working="…", done="{0}", failed="No."
        )
        assert writer.busy
        # One file at a time: a second run is refused while the first one works.
        assert not writer.write(sample_id, target, read, bytes, working="", done="", failed="")
    assert done.args == [str(target)] and said == [str(target)]
    assert target.read_text(encoding="utf-8").startswith("Réunion")
    main = threading.get_ident()
    assert flushed == [main] and readers and readers[0] != main

    def broken(_records) -> bytes:
        raise ValueError("the table has no rows\nTraceback (most recent call last): …")

    def refused(_records) -> bytes:
        raise MinutierError("The template is damaged.")

    for render, reason in ((broken, "the table has no rows"), (refused, "The template is damaged.")):
        with answering() as said, qtbot.waitSignal(writer.finished, timeout=30_000) as done:
            writer.write(sample_id, tmp_path / "x.bin", read, render, working="…", done="{0}", failed="No.")
        assert done.args == [""] and said == ["No.\n" + reason]
    assert not (tmp_path / "x.bin").exists() and not writer.busy


def test_the_helpers_are_built_from_their_parts_without_a_main_window(qtbot, db, sample_id, tmp_path):
    """YearActions and ExportAction take the parts they use, so a plain QMainWindow will do."""
    host = QMainWindow()
    qtbot.addWidget(host)
    settings = Settings(tmp_path / "settings.ini")
    stack = UndoStack(host)
    flushed: list[str] = []
    shown: dict[str, int | None] = {"meeting": None}
    panel = MeetingsPanel(db, stack, lambda: flushed.append("panel"))
    tabs = QTabWidget()
    year = YearActions(
        host,
        db,
        settings,
        stack,
        panel,
        meeting_id=lambda: shown["meeting"],
        tabs=tabs,
        show_tab=lambda _key: None,
        status_bar=host.statusBar(),
        flush=lambda: flushed.append("year"),
        reload=lambda: None,
    )
    export = ExportAction(db, settings, host, flush=lambda: flushed.append("export"))
    assert not year.export_people_action.isEnabled() and not export.action.isEnabled()
    assert year.current_person() is None  # no Participants tab shown

    shown["meeting"] = sample_id
    panel.changed.emit()
    export.set_meeting(sample_id)
    assert year.export_people_action.isEnabled() and export.action.isEnabled()

    listed = tmp_path / "lists" / "people.csv"
    listed.parent.mkdir()
    with (
        files.choosing(listed),
        answering("no"),
        qtbot.waitSignal(year.writer.finished, timeout=30_000) as done,
    ):
        assert year.export_people()
    assert done.args == [str(listed)] and "Kanaan" in listed.read_text(encoding="utf-8-sig")
    assert settings.export_folder == str(listed.parent)

    with answering("no"), qtbot.waitSignal(export.finished, timeout=60_000) as done:
        export.export_to(tmp_path / "minutes.docx")
    assert done.args == [str(tmp_path / "minutes.docx")]
    assert "Kanaan" in document_text(tmp_path / "minutes.docx")
    assert "year" in flushed and "export" in flushed
