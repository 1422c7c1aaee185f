"""Each field of a person (models.person_fields.NAMES) has its word in ui.person_labels, and the
screens that list a person's fields follow NAMES: the Participants table, the add-participant
form, the import dialog, the search hits and the duplicates' cards.

A field added to person_fields fails here until ui/person_labels.py has its label (and the French
its translation: tests/test_ui_translations.py). Real widgets offscreen, a real SQLite file.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFormLayout, QLabel

from models import tabular
from models.person_fields import NAMES
from models.services import attendance, people
from ui import i18n, person_labels
from ui.participants.add_dialog import AddParticipantDialog
from ui.participants.columns import PERSON_COLUMNS, TOOLTIP_FIELDS
from ui.participants.tab import ParticipantsTab
from ui.settings import Settings
from ui.year.duplicates import DuplicatesDialog
from ui.year.import_columns import field_names
from ui.year.import_people import ImportDialog
from ui.year.search import SearchPanel

HORIZONTAL = Qt.Orientation.Horizontal
# What the Participants table and the add dialog showed before the labels were gathered in
# ui/person_labels.py. (The import dialog said « Civility » in English; it now says « Title » too.)
WORDS = {
    "en": ("Title", "First name", "Last name", "Function", "Organisation", "Email"),
    "fr": ("Civilité", "Prénom", "Nom", "Fonction", "Organisation", "E-mail"),
}
AFTER_PERSON = {
    "en": ("Mode", "Status", "Role", "Represented by", "Arrival", "Departure"),
    "fr": ("Mode", "Statut", "Rôle", "Représenté·e par", "Arrivée", "Départ"),
}


@pytest.fixture
def language(qapp):
    """Install a language for one test; English (the source strings) again afterwards."""
    yield lambda code: i18n.install(qapp, code)
    i18n.install(qapp, "en")


@pytest.fixture
def tab(qtbot, db, sample_id):
    widget = ParticipantsTab(db, QUndoStack())
    qtbot.addWidget(widget)
    widget.set_meeting(sample_id)
    return widget


def headers(model) -> list[str]:
    return [model.headerData(c, HORIZONTAL) for c in range(model.columnCount())]


def form_rows(dialog: AddParticipantDialog) -> list[tuple[str, object]]:
    """The add dialog's form as shown: (label text, field widget), top to bottom."""
    form = dialog.form
    rows = []
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel)
        rows.append((label.text(), field))
    return rows


def test_every_person_field_has_a_label():
    missing = [name for name in NAMES if not person_labels.has_label(name)]
    assert not missing, f"add the label of {missing} to ui/person_labels.py (and its French)"
    assert list(person_labels.labels()) == list(NAMES)
    assert all(text.strip() for text in person_labels.labels().values())


def test_participants_columns_follow_the_person_fields(tab):
    model = tab.model
    columns = [model.headerData(c, HORIZONTAL) for c in range(model.columnCount())]
    for name in NAMES:
        if name in TOOLTIP_FIELDS:
            continue
        assert person_labels.label(name) in columns, f"{name} has no column in the Participants table"
    # The person's columns come first, in NAMES' order; a field not in a column is a tooltip.
    assert list(PERSON_COLUMNS) == [n for n in NAMES if n not in TOOLTIP_FIELDS]
    assert columns[: len(PERSON_COLUMNS)] == [person_labels.label(n) for n in PERSON_COLUMNS]
    for c, name in enumerate(PERSON_COLUMNS):
        assert [model.index(r, c).data() for r in range(3)] == [
            getattr(model.rows[r], name) for r in range(3)
        ]
    # The email: the tooltip of the person's cells.
    row = model.rows[0]
    tab.model.edit_person(row.id, email="sami@example.org")
    assert [model.index(0, c).data(Qt.ItemDataRole.ToolTipRole) for c in range(len(PERSON_COLUMNS))] == [
        "sami@example.org"
    ] * len(PERSON_COLUMNS)
    assert set(TOOLTIP_FIELDS) <= set(NAMES)


def test_add_dialog_asks_every_person_field_in_order(qtbot, db, sample_id):
    with db.reading() as session:
        roster = attendance.roster_outside(session, sample_id)
    dialog = AddParticipantDialog(roster)
    qtbot.addWidget(dialog)
    rows = form_rows(dialog)
    person_rows = rows[: len(NAMES)]
    assert [text for text, _ in person_rows] == [person_labels.label(n) for n in NAMES]
    assert [field for _, field in person_rows] == [dialog.editors[n] for n in NAMES]
    assert [field for _, field in rows[len(NAMES) :]] == [dialog.status, dialog.mode]
    # Every field typed reaches the participant added.
    for name, edit in dialog.fields.items():
        edit.setText(f"  {name}  ")
    dialog.civility.setEditText("Mme")
    values = dialog.values()
    assert {n: values[n] for n in NAMES} == {n: "Mme" if n == "civility" else n for n in NAMES}


def test_a_roster_pick_fills_every_person_field(qtbot, db, sample_id):
    fields = {"civility": "M.", "first_name": "Jan", "last_name": "Novak", "function": "Maire"}
    fields |= {"organisation": "Praha", "email": "jan@example.org"}
    assert set(fields) == set(NAMES), "give the new field a value here"
    with db.transaction() as session:
        people.add_person(session, **fields)
    with db.reading() as session:
        roster = attendance.roster_outside(session, sample_id)
    dialog = AddParticipantDialog(roster)
    qtbot.addWidget(dialog)
    dialog.choose("Jan Novak — Praha")
    assert {n: v for n, v in dialog.values().items() if n in NAMES} == fields
    assert not any(dialog.editors[n].isEnabled() for n in NAMES)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_words_shown_are_those_of_before(qtbot, db, sample_id, language, code):
    language(code)
    widget = ParticipantsTab(db, QUndoStack())
    qtbot.addWidget(widget)
    assert tuple(headers(widget.model)) == (*WORDS[code][:5], *AFTER_PERSON[code])
    dialog = AddParticipantDialog([])
    qtbot.addWidget(dialog)
    assert tuple(text for text, _ in form_rows(dialog)) == (*WORDS[code], *AFTER_PERSON[code][1::-1])
    names = field_names()
    assert tuple(names[n] for n in NAMES) == WORDS[code]


def test_the_import_dialog_names_every_person_field(qtbot, db, sample_id, tmp_path):
    source = tmp_path / "liste.csv"
    source.write_text("Prénom;Nom;Organisation\nAwa;Ndiaye;Dakar\n", encoding="utf-8")
    dialog = ImportDialog(
        db, Settings(tmp_path / "settings.ini"), sample_id, source, tabular.read_table(source)
    )
    qtbot.addWidget(dialog)
    for name in NAMES:
        assert name in dialog.combos, f"{name} cannot be imported"
        assert dialog.names[name] == person_labels.label(name)
    form = next(
        layout
        for layout in dialog.findChildren(QFormLayout)
        if any(layout.indexOf(combo) >= 0 for combo in dialog.combos.values())
    )
    shown = {
        form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget(): form.itemAt(
            row, QFormLayout.ItemRole.LabelRole
        )
        .widget()
        .text()
        for row in range(form.rowCount())
    }
    assert [shown[dialog.combos[n]] for n in NAMES] == [person_labels.label(n) for n in NAMES]
    assert dialog.preview.headerData(0, HORIZONTAL) == f"Prénom\n→ {person_labels.label('first_name')}"


def test_search_hits_name_a_person_field_by_its_label(qtbot, db, sample_id):
    panel = SearchPanel(db)
    qtbot.addWidget(panel)
    panel.field.setText("Secrétaire général")
    panel.run()
    hits = [hit for group in panel.model.groups for hit in group.hits if hit.field == "function"]
    assert hits
    assert panel.model.where(hits[0]) == f"Participants · {person_labels.in_sentence('function')}"
    for name in NAMES:
        shown = panel.model.where(dataclasses.replace(hits[0], field=name))
        assert shown == f"Participants · {person_labels.in_sentence(name)}"


def test_the_duplicates_card_shows_the_person_fields(qtbot, db, sample_id):
    fields = {"civility": "Mme", "first_name": "Lucy", "last_name": "Earle", "function": "Cheffe"}
    fields |= {"organisation": "IIED Londres", "email": "lucy@example.org"}
    with db.transaction() as session:
        twin = people.add_person(session, **fields).id
    dialog = DuplicatesDialog(db, QUndoStack(), person_id=twin)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() >= 1
    text = dialog.keep_card.text() + dialog.merge_card.text()
    for name in ("function", "organisation", "email"):
        assert fields[name] in text
