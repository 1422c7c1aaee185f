"""The committee sample (resources/samples/committee-2025.json) printed: lists, quorum, agenda, decisions."""

from __future__ import annotations

import dataclasses
import io
import json

import docx
import pytest

from exporters.compte_rendu import export_meeting
from exporters.labels import load_labels
from exporters.ooxml import qn
from models import entities, interchange, records
from models.entities import Meeting
from models.errors import FormatError
from models.records import MeetingData
from models.sample import committee_text, sample_text
from models.services import committee, rollover
from models.services.reading import meeting_record, record_of

FR_NBSP = "\u00a0"


@pytest.fixture
def record(db, committee_id) -> MeetingData:
    with db.reading() as session:
        return meeting_record(session, committee_id)


def read_back(data: MeetingData, language: str | None = None):
    document = docx.Document(io.BytesIO(export_meeting(data, language)))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return paragraphs, tables


def plain(text: str) -> str:
    # French typography puts (narrow) no-break spaces before « : » and « ; ».
    return text.replace(FR_NBSP, " ").replace("\u202f", " ")


def headings(paragraphs, level: int) -> list[str]:
    return [plain(text) for style, text in paragraphs if style == f"Heading {level}"]


EXPECTED = {
    "fr": {
        "title": "PROCÈS-VERBAL",
        "level1": ["Présences", "Ordre du jour", "Délibérations", "Relevé de décisions"],
        "lists": ["En présentiel", "A distance", "Excusé·e·s", "Invité·e·s"],
        "quorum": "Quorum : 9 membres présents ou représentés sur 12 ; quorum atteint (plus de la moitié)",
        "columns": ["N°", "Décision", "Responsable", "Échéance", "Statut"],
        "statuses": ["Réalisée", "En cours", "Ouverte", "Ouverte", "Ouverte", "Abandonnée"],
        "due": "30 juin 2025",
        "represented": [
            "Lanza (représenté·e par Mme Lucie Moreau)",
            "Solberg (représenté·e par Mme Aïssatou Ndiaye)",
        ],
        "late": "Benali (arrivée 10h30)",
        "late_guest": "Kowalska (arrivée à partir du point 3)",
    },
    "en": {
        "title": "MINUTES",
        "level1": ["Attendance", "Agenda", "Proceedings", "Record of Decisions"],
        "lists": ["In Person", "Remote", "Apologies", "Guests"],
        "quorum": "Quorum: 9 members present or represented out of 12; quorum reached (more than half)",
        "columns": ["No.", "Decision", "Owner", "Due", "Status"],
        "statuses": ["Done", "In progress", "Open", "Open", "Open", "Dropped"],
        "due": "30 June 2025",
        "represented": [
            "Lanza (represented by Mme Lucie Moreau)",
            "Solberg (represented by Mme Aïssatou Ndiaye)",
        ],
        "late": "Benali (arrived 10h30)",
        "late_guest": "Kowalska (arrived à partir du point 3)",
    },
    "es": {
        "title": "ACTA",
        "level1": ["Asistencia", "Orden del día", "Deliberaciones", "Relación de decisiones"],
        "lists": ["Presencial", "A distancia", "Ausencias justificadas", "Personas invitadas"],
        "quorum": "Quórum: 9 miembros presentes o representados de 12; quórum alcanzado (más de la mitad)",
        "columns": ["N.º", "Decisión", "Responsable", "Plazo", "Estado"],
        "statuses": ["Realizada", "En curso", "Abierta", "Abierta", "Abierta", "Abandonada"],
        "due": "30 de junio de 2025",
        "represented": [
            "Lanza (representado/a por Mme Lucie Moreau)",
            "Solberg (representado/a por Mme Aïssatou Ndiaye)",
        ],
        "late": "Benali (llegada 10h30)",
        "late_guest": "Kowalska (llegada à partir du point 3)",
    },
}


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_committee_sample_prints_its_lists_quorum_numbered_agenda_and_decisions(record, language):
    expected = EXPECTED[language]
    paragraphs, tables = read_back(record, language)
    texts = [plain(t) for _, t in paragraphs]
    assert [t for s, t in paragraphs if s == "Title"] == [expected["title"]]
    assert headings(paragraphs, 1) == expected["level1"]
    level2 = headings(paragraphs, 2)
    assert level2[:4] == expected["lists"]
    # The report's sections carry the agenda's numbers; the stored titles do not.
    assert level2[4:7] == [
        "1. Ouverture de la séance et adoption de l'ordre du jour",
        "2. Approbation du procès-verbal de la réunion du 10 décembre 2024",
        "3. Programme de travail 2025",
    ]
    assert headings(paragraphs, 3)[:2] == [
        "3.1 Réseau d'alerte précoce entre villes",
        "3.2 Formation des équipes municipales",
    ]
    assert not any(s.title[0].isdigit() for s in record.sections)
    assert expected["quorum"] in texts
    # The quorum opens the attendance, which comes before the agenda in a procès-verbal.
    assert texts.index(expected["quorum"]) == texts.index(expected["level1"][0]) + 1

    in_person, remote, excused, guests, programme, decisions = tables
    assert in_person[0] == [
        load_labels(language).civility_column,
        *load_labels(language).participant_columns[:2],
        load_labels(language).function_column,
        load_labels(language).participant_columns[2],
    ]
    assert [plain(row[2]) for row in excused[1:]] == [*expected["represented"], "de Vries", "Hrytsenko"]
    assert [row[2] for row in guests[1:]] == ["Okafor", expected["late_guest"]]
    assert plain(expected["late"]) in [plain(row[2]) for row in in_person[1:]]
    assert not any("Okafor" in row[2] for row in in_person + remote)  # a guest is in the guests' list only
    assert not any("Rivera" in cell for table in tables for row in table for cell in row)  # absent: not asked

    sessions = [plain(row[1]) for row in programme[1:]]
    assert sessions[0].startswith("1. Ouverture de la séance")
    assert sessions[2].startswith("3. Programme de travail 2025\n3.1 Réseau d'alerte")
    assert sessions[3] == "Pause"  # a break is no item of a numbered agenda
    assert sessions[4].startswith("4. Budget")

    assert decisions[0] == expected["columns"]
    assert [row[0] for row in decisions[1:]] == [f"2025-0{n}" for n in range(1, 7)]
    assert [row[4] for row in decisions[1:]] == expected["statuses"]
    assert plain(decisions[2][1]).startswith("3.1 Réseau d'alerte précoce entre villes\nLancer un réseau")
    assert decisions[2][2:4] == ["M. Erik Lindqvist", expected["due"]]
    assert decisions[3][2] == "Cités Unies France"


def test_both_read_paths_agree_on_the_committee(db, committee_id, record):
    with db.reading() as session:
        meeting = session.get(Meeting, committee_id)
        assert record_of(meeting, from_objects=True) == record
    assert record.quorum == records.Quorum("majority", 12, 7, 2, 7)
    assert record.printed_lists == records.PrintedLists(
        ("present", "excused", "guests"), ("civility", "function", "organisation")
    )
    assert [d.carried for d in record.decisions] == [False] * 6
    assert record.sections[2].sections[1].item == (2, 1)


def test_the_records_vocabulary_is_the_databases():
    assert records.ATTENDANCE_ROLES == entities.ATTENDANCE_ROLES
    assert records.DOCUMENT_KINDS == entities.DOCUMENT_KINDS
    assert records.DECISION_STATUSES == entities.DECISION_STATUSES


def test_the_sample_is_canonical_version_2_and_not_seeded(db, committee_id):
    data = json.loads(committee_text())
    interchange.validate(data)
    assert data["version"] == 2
    with db.reading() as session:
        assert interchange.dumps(session.get(Meeting, committee_id)) == committee_text()
    assert committee_text() != sample_text()


def test_numbering_off_prints_the_titles_as_typed(db, committee_id):
    with db.transaction() as session:
        committee.set_settings(session, committee_id, agenda_numbering=False)
    with db.reading() as session:
        paragraphs, tables = read_back(meeting_record(session, committee_id))
    assert headings(paragraphs, 2)[4] == "Ouverture de la séance et adoption de l'ordre du jour"
    assert tables[4][1][1].startswith("Ouverture de la séance")


def test_label_overrides_reword_the_document_and_unknown_keys_are_refused(db, committee_id):
    with db.transaction() as session:
        committee.set_settings(
            session, committee_id, label_overrides={"programme_heading": "Points à l'ordre du jour"}
        )
        with pytest.raises(FormatError, match='"programme_headnig" is not a caption'):
            committee.set_settings(session, committee_id, label_overrides={"programme_headnig": "X"})
        # A pattern cannot be overridden: a wrong one would break every export of the meeting.
        with pytest.raises(FormatError, match='"quorum_line" is not a caption'):
            committee.set_settings(session, committee_id, label_overrides={"quorum_line": "{oops}"})
    with db.reading() as session:
        paragraphs, _ = read_back(meeting_record(session, committee_id), "en")
    assert headings(paragraphs, 1)[1] == "Points à l'ordre du jour"


def test_the_quorum_line_says_when_it_is_not_reached(db, committee_id):
    with db.transaction() as session:
        committee.set_settings(session, committee_id, quorum=10)
    with db.reading() as session:
        paragraphs, _ = read_back(meeting_record(session, committee_id))
    assert "Quorum : 9 membres présents ou représentés sur 12 ; quorum non atteint (au moins 10)" in [
        plain(t) for _, t in paragraphs
    ]


def test_new_from_carries_the_open_decisions_into_the_follow_up(db, committee_id):
    with db.transaction() as session:
        new_id = rollover.new_meeting_from(session, committee_id, "2026-03-17").id
    with db.reading() as session:
        data = meeting_record(session, new_id)
    paragraphs, tables = read_back(data)
    level1 = headings(paragraphs, 1)
    assert "Suivi des décisions" in level1 and "Relevé de décisions" not in level1
    follow_up = tables[-1]
    assert follow_up[0] == EXPECTED["fr"]["columns"]
    assert [row[0] for row in follow_up[1:]] == ["2025-02", "2025-03", "2025-04", "2025-05"]
    assert [row[4] for row in follow_up[1:]] == ["En cours", "Ouverte", "Ouverte", "Ouverte"]
    assert plain(follow_up[1][1]).endswith(
        "Suivi : Trois villes pilotes volontaires : Lausanne, Lyon et Saint-Louis."
    )
    assert [row[2] for row in follow_up[1:]] == [
        "M. Erik Lindqvist",
        "Cités Unies France",
        "Mme Hélène Marchetti",
        "Mme Hélène Marchetti",
    ]


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_preview_prints_the_same_paragraphs_as_the_word_export(qapp, record, language):
    from PySide6.QtGui import QTextCursor, QTextDocument

    from exporters.compte_rendu import render
    from exporters.html_preview import render_html

    document = docx.Document(io.BytesIO(render(record, language)))
    word = [docx.text.paragraph.Paragraph(e, document).text for e in document.element.body.iter(qn("p"))]
    preview, qt = [], QTextDocument()
    qt.setHtml(render_html(record, language))
    block = qt.begin()
    while block.isValid():
        after_table = QTextCursor(block.previous()).currentTable() if block.previous().isValid() else None
        # Qt closes every table with an empty block of its own (as tests/test_export_preview.py).
        if not (after_table is not None and QTextCursor(block).currentTable() is None and not block.text()):
            preview.append(block.text().replace("\u2028", "\n"))
        block = block.next()
    assert len(word) > 150
    assert preview == word


def test_an_imported_unknown_label_key_is_kept_and_left_aside_by_the_export(db):
    # A file from a Minutier with more captions still imports and dumps back; the export ignores the key.
    data = json.loads(committee_text())
    data["meeting"]["labels"] = {"future_caption": "Plus tard", "report_heading": "Débats"}
    with db.transaction() as session:
        meeting_id = interchange.loads(session, json.dumps(data, ensure_ascii=False)).id
    with db.reading() as session:
        assert json.loads(interchange.dumps(session.get(Meeting, meeting_id)))["meeting"]["labels"] == {
            "future_caption": "Plus tard",
            "report_heading": "Débats",
        }
        paragraphs, _ = read_back(meeting_record(session, meeting_id))
    assert headings(paragraphs, 1)[2] == "Débats"
    assert "Plus tard" not in [text for _, text in paragraphs]


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("after_report", ["Présences", "Ordre du jour", "Délibérations", "Relevé de décisions"]),
        ("after_programme", ["Présences", "Ordre du jour", "Relevé de décisions", "Délibérations"]),
        ("end", ["Présences", "Ordre du jour", "Délibérations", "Relevé de décisions"]),
    ],
)
def test_the_decisions_print_where_the_meeting_chooses(db, committee_id, place, expected):
    with db.transaction() as session:
        lists = committee.settings(session.get(Meeting, committee_id))["printed_lists"]
        committee.set_settings(
            session, committee_id, printed_lists=dataclasses.replace(lists, decisions=place)
        )
        dumped = json.loads(interchange.dumps(session.get(Meeting, committee_id)))
    with db.reading() as session:
        paragraphs, _ = read_back(meeting_record(session, committee_id))
    assert headings(paragraphs, 1) == expected
    # Only a choice is written: meetings that never chose dump as before.
    assert dumped["meeting"]["printed_lists"].get("decisions") == (None if place == "after_report" else place)


def test_an_unknown_place_for_the_decisions_is_refused():
    with pytest.raises(FormatError, match=r"decisions.*after_report, after_programme, end"):
        committee.lists_from_data({"lists": ["present"], "decisions": "middle"})


@pytest.mark.parametrize("place", ["after_report", "end"])
def test_at_the_end_means_after_the_participants_of_a_compte_rendu(db, committee_id, place):
    # A compte-rendu prints its participant lists last; « end » puts the decisions after them.
    with db.transaction() as session:
        lists = committee.settings(session.get(Meeting, committee_id))["printed_lists"]
        committee.set_settings(
            session,
            committee_id,
            document_kind="compte_rendu",
            printed_lists=dataclasses.replace(lists, decisions=place),
        )
    with db.reading() as session:
        paragraphs, _ = read_back(meeting_record(session, committee_id))
    texts = [plain(t) for _, t in paragraphs]
    after_guests = texts.index("Relevé de décisions") > texts.index("Invité·e·s")
    assert after_guests == (place == "end")
