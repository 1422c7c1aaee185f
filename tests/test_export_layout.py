"""Layout rules on hand-built meetings: blocks, heading levels, logo, participants, empty parts."""

from __future__ import annotations

import base64
import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn

from exporters.compte_rendu import render
from exporters.errors import ExportError
from models.errors import MinutierError
from models.records import Block, MeetingData, Participant, ProgrammeItem, ProgrammePerson, Section

# A 2×1 pixel PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAHAwEA0r9CSQAAAABJRU5ErkJggg=="
)


def meeting(**fields) -> MeetingData:
    base = {"language": "fr", "title": "Réunion", "date": dt.date(2024, 3, 1)}
    return MeetingData(**{**base, **fields})


def document(data: MeetingData, language: str | None = None):
    return docx.Document(io.BytesIO(render(data, language)))


def styled(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs]


def test_minimal_meeting_has_only_its_header():
    doc = document(meeting())
    assert styled(doc) == [("Minutier Meeting Title", "Réunion"), ("Minutier Date", "1er mars 2024")]
    assert doc.tables == []


def test_section_depth_gives_the_heading_level():
    deep = Section("Quatre", 3)
    for depth in range(2, -1, -1):
        deep = Section(["Un", "Deux", "Trois"][depth], depth, sections=(deep,))
    tree = (deep, Section("Profond", 9))
    headings = [(s, t) for s, t in styled(document(meeting(sections=tree))) if s.startswith("Heading")]
    assert headings == [
        ("Heading 1", "Compte-rendu de la réunion"),
        ("Heading 2", "Un"),
        ("Heading 3", "Deux"),
        ("Heading 4", "Trois"),
        ("Heading 5", "Quatre"),
        ("Heading 9", "Profond"),
    ]


def test_blocks_of_every_kind():
    blocks = (
        Block("paragraph", text="Un paragraphe."),
        Block("intervention", speaker="M. Sans Texte"),
        Block("intervention", speaker="Mme En Ligne", online=True, text="Propos."),
        Block("intervention", subtitle="Sans orateur", text="Propos."),
        Block("intervention", speaker="M. Liste", text="- point un\n- point deux"),
        Block("intervention", text="Anonyme."),
        Block("debate", text="Débat sans question."),
        Block("conclusions", text="Conclusions libres."),
    )
    doc = document(meeting(sections=(Section("Partie", 0, blocks=blocks),)))
    assert styled(doc)[3:] == [
        ("Heading 2", "Partie"),
        ("Normal", "Un paragraphe."),
        ("Minutier Speaker", "M. Sans Texte\u00a0:"),
        ("Minutier Speaker", "Mme En Ligne (en ligne)\u00a0:"),
        ("Normal", "Propos."),
        ("Minutier Speaker", "Sans orateur\u00a0:"),
        ("Normal", "Propos."),
        ("Minutier Speaker", "M. Liste\u00a0:"),
        ("Minutier Bullet", "point un"),
        ("Minutier Bullet", "point deux"),
        ("Normal", "Anonyme."),
        ("Heading 3", "Session Débat"),
        ("Normal", "Débat sans question."),
        ("Heading 3", "Conclusions"),
        ("Normal", "Conclusions libres."),
    ]


def test_conclusions_heading_is_left_out_under_the_conclusions_item():
    section = Section(
        "Conclusions et recommandations", 0, "conclusions", (Block("conclusions", text="Fin."),)
    )
    texts = [t for _, t in styled(document(meeting(sections=(section,))))]
    assert "Conclusions" not in texts and "Fin." in texts


def test_logo_opens_the_header_block():
    doc = document(meeting(logo=PNG, organisation="CGLU"))
    first = doc.paragraphs[0]
    assert first.style.name == "Minutier Logo"
    assert first._p.find(f".//{qn('w:drawing')}") is not None
    assert len(doc.inline_shapes) == 1
    assert doc.inline_shapes[0].width <= docx.shared.Cm(4)


def test_a_broken_logo_is_one_clear_error():
    with pytest.raises(ExportError) as caught:
        render(meeting(logo=b"not an image"))
    assert isinstance(caught.value, MinutierError)
    assert "logo" in str(caught.value) and "\n" not in str(caught.value)


def test_participants_listed_by_mode_and_status():
    people = (
        Participant("Ana", "Présente", "Org", "present", "remote"),
        Participant("Ben", "Invité", "Org", "invited", "remote"),
        Participant("Cléo", "Excusée", "Org", "excused", "remote"),
        Participant("Dan", "Absent", "Org", "absent", "remote"),
    )
    doc = document(meeting(participants=people))
    assert [t for s, t in styled(doc) if s.startswith("Heading")] == [
        "Liste des participant.e.s",
        "A distance",
    ]
    [table] = doc.tables
    assert [[c.text for c in row.cells] for row in table.rows][1:] == [
        ["Ana", "Présente", "Org"],
        ["Ben", "Invité", "Org"],
    ]


def test_nobody_listed_means_no_participants_part():
    people = (Participant("Cléo", "Excusée", "Org", "excused", "in_person"),)
    doc = document(meeting(participants=people))
    assert doc.tables == [] and "Liste des participant.e.s" not in [t for _, t in styled(doc)]


def test_programme_times_people_and_kinds():
    items = (
        ProgrammeItem(None, None, "Sans horaire", "other", "", False),
        ProgrammeItem(dt.time(9, 5), None, "Début seul", "session", "Atelier", True,
                      moderators=(ProgrammePerson("", "Mme Sans Libellé", "", False),),
                      speakers=(ProgrammePerson("", "M. Distant", "", True),)),
        ProgrammeItem(dt.time(12, 0), dt.time(13, 0), "Repas", "meal", "", False),
    )  # fmt: skip
    [table] = document(meeting(programme=items)).tables
    rows = [[c for c in row.cells] for row in table.rows][1:]
    assert [r[0].text for r in rows] == ["", "9:05", "12:00-13:00"]
    session = [p.text for p in rows[1][1].paragraphs]
    assert session == ["Début seul", "Mme Sans Libellé", "M. Distant (à distance)", "Débat"]
    assert rows[2][1].paragraphs[0].runs[0].bold is not True


def test_labels_and_typography_follow_the_language_argument():
    data = meeting(
        objectives="Quoi ?",
        sections=(Section("Partie", 0, blocks=(Block("debate", question="Pourquoi ?", text="Texte."),)),),
        participants=(Participant("A", "B", "C", "present", "in_person"),),
        photo_album_url="https://example.org/photos",
    )
    english = styled(document(data, "en"))
    texts = [t for _, t in english]
    assert "Objectives" in texts and "Debate Session" in texts and "In Person" in texts
    assert "Report of the Meeting" in texts and "List of Participants" in texts
    assert "Quoi ?" in texts and "Pourquoi ?" in texts  # no French spacing in an English document
    assert ("Minutier Date", "1 March 2024") in english
    assert (
        "Photos of this working day are available at the following link:\nhttps://example.org/photos" in texts
    )
    spanish = [t for _, t in styled(document(data, "es"))]
    assert "Objetivos" in spanish and "Sesión de Debate" in spanish and "Presencial" in spanish
    assert "1 de marzo de 2024" in spanish
    french = [t for _, t in styled(document(data))]
    assert "Quoi\u202f?" in french and "Pourquoi\u202f?" in french


def test_unknown_language_is_one_clear_error():
    with pytest.raises(ExportError, match='no label table for the language "de"'):
        render(meeting(), "de")
