"""Edit › Document settings…: the committee settings changed from the window, printed, and undone."""

from __future__ import annotations

import io
import json

import docx
from editor_helpers import make_window

from exporters.compte_rendu import export_meeting
from models import interchange
from models.sample import committee_text
from models.services import committee, meetings
from models.services.reading import meeting_record

NBSP = ("\u00a0", "\u202f")


def printed(db, meeting_id):
    """(style, text) of every paragraph of the French Word export, as the command line makes it."""
    with db.reading() as session:
        record = meeting_record(session, meeting_id)
    document = docx.Document(io.BytesIO(export_meeting(record, "fr")))
    lines = []
    for p in document.paragraphs:
        text = p.text
        for space in NBSP:
            text = text.replace(space, " ")
        lines.append((p.style.name, text))
    return lines


def headings(lines, level):
    return [text for style, text in lines if style == f"Heading {level}"]


def test_the_dialog_opens_on_the_meetings_settings(qtbot, db, committee_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, committee_id)
    window.committee_settings.open()
    dialog = window.committee_settings.dialog
    assert dialog.kind.currentData() == "proces_verbal"
    assert dialog.numbering.isChecked()
    assert dialog.quorum_rule.currentData() == "majority"
    assert not dialog.quorum_number.isEnabled()
    assert [n for n, box in dialog.lists.items() if box.isChecked()] == ["present", "excused", "guests"]
    assert dialog.changes() == {}
    dialog.reject()


def test_settings_change_the_export_and_undo_brings_it_back(qtbot, db, committee_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, committee_id)
    participants = window.show_tab("participants")
    assert "more than half" in participants.quorum_label.text()
    before = printed(db, committee_id)
    assert "Ordre du jour" in headings(before, 1)
    assert "Absent·e·s" not in headings(before, 2)

    window.committee_settings.open()
    dialog = window.committee_settings.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("releve_de_decisions"))
    dialog.numbering.setChecked(False)
    dialog.quorum_rule.setCurrentIndex(dialog.quorum_rule.findData("two_thirds"))
    dialog.lists["absent"].setChecked(True)
    dialog.columns["function"].setChecked(False)
    dialog.accept()

    assert window.undo_stack.count() == 1  # every change of the dialog: one step
    with db.reading() as session:
        settings = committee.settings(meetings.get_meeting(session, committee_id))
    assert settings["quorum"] == "two_thirds"
    assert settings["printed_lists"].columns == ("civility", "organisation")
    after = printed(db, committee_id)
    assert "Points examinés" in headings(after, 1)
    assert "Absent·e·s" in headings(after, 2)
    level2 = headings(after, 2)
    assert "Ouverture de la séance et adoption de l'ordre du jour" in level2  # no number any more
    assert any("deux tiers" in text for _, text in after)
    assert "two thirds" in participants.quorum_label.text()  # the open tab follows at once

    window.undo()
    assert printed(db, committee_id) == before
    assert "more than half" in participants.quorum_label.text()
    window.redo()
    assert "Absent·e·s" in headings(printed(db, committee_id), 2)


def test_a_number_of_members_as_quorum(qtbot, db, committee_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, committee_id)
    window.committee_settings.open()
    dialog = window.committee_settings.dialog
    dialog.quorum_rule.setCurrentIndex(dialog.quorum_rule.findData("number"))
    assert dialog.quorum_number.isEnabled()
    dialog.quorum_number.setValue(10)
    assert dialog.changes() == {"quorum": 10}
    dialog.accept()
    assert any("au moins 10" in text and "non atteint" in text for _, text in printed(db, committee_id))


def test_a_caption_reworded_is_printed_and_undone(qtbot, db, committee_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, committee_id)
    window.committee_settings.open()
    dialog = window.committee_settings.dialog
    row = dialog.caption_keys.index("programme_heading")
    assert dialog.captions.item(row, 0).text() == "Ordre du jour"  # the procès-verbal's wording
    dialog.kind.setCurrentIndex(dialog.kind.findData("compte_rendu"))
    assert dialog.captions.item(row, 0).text() == "Rappel du Programme"  # follows the kind chosen
    dialog.kind.setCurrentIndex(dialog.kind.findData("proces_verbal"))
    dialog.captions.item(row, 1).setText("  Points à l'ordre du jour ")
    assert dialog.changes() == {"label_overrides": {"programme_heading": "Points à l'ordre du jour"}}
    dialog.accept()
    assert "Points à l'ordre du jour" in headings(printed(db, committee_id), 1)
    window.undo()
    assert "Ordre du jour" in headings(printed(db, committee_id), 1)


def test_a_caption_of_a_newer_minutier_is_kept_through_the_dialog(qtbot, db, tmp_path):
    data = json.loads(committee_text())
    data["meeting"]["labels"] = {"future_caption": "Kept"}
    with db.transaction() as session:
        meeting_id = interchange.loads(session, json.dumps(data)).id
    window = make_window(qtbot, db, tmp_path, meeting_id)
    window.committee_settings.open()
    dialog = window.committee_settings.dialog
    assert dialog.changes() == {}
    dialog.numbering.setChecked(False)
    dialog.accept()
    with db.reading() as session:
        settings = committee.settings(meetings.get_meeting(session, meeting_id))
    assert settings["agenda_numbering"] is False
    assert settings["label_overrides"] == {"future_caption": "Kept"}


def test_where_the_decisions_print_is_chosen_in_the_dialog(qtbot, db, committee_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, committee_id)
    before = headings(printed(db, committee_id), 1)
    assert before.index("Relevé de décisions") > before.index("Délibérations")

    window.committee_settings.open()
    dialog = window.committee_settings.dialog
    assert dialog.decisions_at.currentData() == "after_report"
    dialog.decisions_at.setCurrentIndex(dialog.decisions_at.findData("after_programme"))
    dialog.accept()
    after = headings(printed(db, committee_id), 1)
    assert after.index("Relevé de décisions") < after.index("Délibérations")

    window.undo()
    assert headings(printed(db, committee_id), 1) == before
