"""import-docx: Minutier's own export reads back to a meeting that exports the same text, and a
document typed by hand with Word's built-in styles reads into the right fields."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from sqlalchemy import func, select

from exporters.compte_rendu import export_meeting
from models import interchange
from models.entities import Meeting, Person
from models.services import meetings
from models.services.reading import meeting_record
from models.word_import import add_meeting, read_docx

ROOT = Path(__file__).resolve().parents[1]


def texts(data: bytes) -> list[str]:
    """The document's text as python-docx reads it: paragraph by paragraph, cell by cell."""
    out: list[str] = []

    def walk(container) -> None:
        for block in container.iter_inner_content():
            if hasattr(block, "rows"):
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell)
            else:
                out.append(block.text)

    walk(docx.Document(BytesIO(data)))
    return out


def round_trip(db, meeting_id: int) -> tuple[bytes, bytes, int]:
    """(first export, export of the meeting imported from it, the new meeting's id).

    Imported into the same database, on the date the meeting already has: asked ``again``."""
    with db.reading() as session:
        first = export_meeting(meeting_record(session, meeting_id))
    reading = read_docx(first, "export.docx")
    with db.transaction() as session:
        new_id = add_meeting(session, reading, again=True).meeting_id
    with db.reading() as session:
        second = export_meeting(meeting_record(session, new_id))
    return first, second, new_id


def test_2023_export_reads_back_to_the_same_text(db, sample_id):
    with db.reading() as session:
        people_before = session.scalar(select(func.count()).select_from(Person))
    first, second, new_id = round_trip(db, sample_id)
    assert texts(second) == texts(first)
    with db.reading() as session:
        old = interchange.meeting_to_data(meetings.get_meeting(session, sample_id))
        new = interchange.meeting_to_data(meetings.get_meeting(session, new_id))
        # Every participant was matched in the roster: nobody was added twice.
        assert session.scalar(select(func.count()).select_from(Person)) == people_before
    for field in ("title", "date", "start_time", "end_time", "timezone", "venue", "body", "photo_album_url"):
        assert new["meeting"][field] == old["meeting"][field], field
    assert [(a["person"], a["mode"]) for a in new["attendance"]] == [
        (a["person"], a["mode"]) for a in old["attendance"]
    ]
    assert [(i["start"], i["end"], i["title"], len(i["subtopics"])) for i in new["programme"]] == [
        (i["start"], i["end"], i["title"], len(i["subtopics"])) for i in old["programme"]
    ]
    moderator = new["programme"][2]["people"][0]
    assert (moderator["role"], moderator["role_label"], moderator["name"]) == (
        "moderator",
        "Animateur",
        "Mr. Andras Szorenyi",
    )
    remote = new["programme"][2]["people"][1]
    assert remote["remote"] and remote["function"] == "Coordinatrice de l'initiative Nicosie et Libye"

    def blocks(sections):
        for s in sections:
            yield from s["blocks"]
            yield from blocks(s["sections"])

    old_blocks, new_blocks = list(blocks(old["report"])), list(blocks(new["report"]))
    assert [(b["kind"], b["speaker"], b["subtitle"], b["online"]) for b in new_blocks] == [
        (b["kind"], b["speaker"], b["subtitle"], b["online"]) for b in old_blocks
    ]
    # Speakers are linked to the roster by name (« M. Knox Ryan » too); a name printed with
    # another spelling than the list's (« Sarıahmetoğlu ») stays unlinked rather than guessed.
    links = [(n["person"], o["person"]) for n, o in zip(new_blocks, old_blocks, strict=True) if o["person"]]
    assert all(new in (None, old) for new, old in links)
    assert sum(1 for new, _ in links if new) == len(links) - 1
    assert [b["text"] for b in new_blocks] == [b["text"] for b in old_blocks]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_command_line_dry_run_writes_nothing_then_imports(db, sample_id, db_path, tmp_path):
    with db.reading() as session:
        source = tmp_path / "cr-2023.docx"
        source.write_bytes(export_meeting(meeting_record(session, sample_id)))
    db.close()
    before = db_path.read_bytes()
    dry = run("import-docx", str(source), "--dry-run", "--db", str(db_path))
    assert dry.returncode == 0, dry.stderr
    assert "interventions: 16" in dry.stdout
    assert "participants matched in the roster: 43, new people: 0" in dry.stdout
    assert "dry run: nothing was written" in dry.stdout
    assert db_path.read_bytes() == before
    # The 2023 meeting is in the database already, on the same date: the import asks --again.
    done = run("import-docx", str(source), "--again", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().isdigit() and int(done.stdout) != sample_id
    assert done.stderr == ""


# ---------------------------------------------------------------- a document typed by hand


def hand_written() -> bytes:
    """A compte-rendu as a secretary types it: Word's built-in styles only, bullets typed by hand."""
    d = docx.Document()
    d.add_paragraph().add_run("Cités Unies France").bold = True
    d.add_paragraph().add_run("Groupe de travail Méditerranée").bold = True
    d.add_heading("COMPTE-RENDU", level=1)
    d.add_heading("Réunion du groupe de travail Méditerranée", level=2)
    d.add_paragraph("Hôtel de Ville de Marseille")
    d.add_paragraph().add_run("5 mars 2024, 10h-17h30").italic = True
    d.add_paragraph("La réunion a rassemblé les villes du pourtour méditerranéen.")
    d.add_heading("Objectifs", level=3)
    d.add_paragraph("Partager les pratiques d'accueil.")
    d.add_heading("Programme", level=1)
    table = d.add_table(rows=0, cols=3, style="Table Grid")
    cells = table.add_row().cells
    cells[0].text, cells[1].text, cells[2].text = "9h30-10h", "Accueil des participants", ""
    cells = table.add_row().cells
    cells[0].text = "10h-12h"
    session = cells[1]
    session.paragraphs[0].add_run("Les villes face aux crises").bold = True
    session.add_paragraph("Animatrice : Mme Hélène de La Tour, Directrice, Ville de Nice")
    session.add_paragraph("● M. Jean-Pierre Dupont, Maire adjoint, Marseille")
    session.add_paragraph("- Mme Zoë Ñúñez García, Conseillère, Barcelona (à distance)")
    session.add_paragraph("M. Karim Ben Salah, Tunis", style="List Bullet")
    cells[2].text = "Plénière"
    cells = table.add_row().cells
    cells[0].text, cells[1].text = "12h-13h15", "Déjeuner"
    d.add_heading("Compte-rendu", level=1)
    d.add_heading("Les villes face aux crises", level=2)
    p = d.add_paragraph()
    p.add_run("Mme Hélène de La Tour :").bold = True
    p.add_run(" Les villes sont en première ligne.")
    d.add_paragraph("Elles coopèrent entre elles.")
    p = d.add_paragraph()
    p.add_run("M. Jean-Pierre Dupont").bold = True
    p.add_run(" : Marseille accueille ")
    p.add_run("chaque année").italic = True
    p.add_run(" des milliers de personnes.")
    d.add_paragraph().add_run("Mme Zoë Ñúñez García – Le cas de Barcelone (en ligne) :").bold = True
    d.add_paragraph("Barcelone a ouvert trois centres.")
    d.add_paragraph("Un centre pour les familles", style="List Bullet")
    d.add_paragraph("Un centre pour les mineurs", style="List Bullet")
    d.add_heading("Session Débat", level=3)
    d.add_paragraph().add_run("Comment mieux coopérer ?").italic = True
    d.add_paragraph("● Partager les données")
    d.add_paragraph("● Former les agents")
    big = d.add_paragraph().add_run("Perspectives")
    big.bold, big.font.size = True, Pt(14)
    d.add_paragraph("Une note sans orateur.")
    d.add_heading("Liste des participants", level=1)
    d.add_heading("En présentiel", level=2)
    people = d.add_table(rows=0, cols=3, style="Table Grid")  # no header row
    for row in (
        ("Hélène", "de La Tour", "Ville de Nice"),
        ("Jean-Pierre", "Dupont", "Ville de Marseille"),
    ):
        cells = people.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    d.add_heading("A distance", level=2)
    remote = d.add_table(rows=0, cols=2, style="Table Grid")
    for row in (("Nom", "Organisation"), ("Zoë Ñúñez García", "Ajuntament de Barcelona")):
        cells = remote.add_row().cells
        cells[0].text, cells[1].text = row
    out = BytesIO()
    d.save(out)
    return out.getvalue()


def test_hand_written_document_with_built_in_styles(db):
    reading = read_docx(hand_written(), "cr.docx")
    head = reading.data["meeting"]
    assert (head["organisation"], head["body"]) == ("Cités Unies France", "Groupe de travail Méditerranée")
    assert (head["document_title"], head["title"]) == (
        "COMPTE-RENDU",
        "Réunion du groupe de travail Méditerranée",
    )
    assert (head["venue"], head["date"], head["start_time"], head["end_time"]) == (
        "Hôtel de Ville de Marseille",
        "2024-03-05",
        "10:00",
        "17:30",
    )
    assert head["introduction"] == "La réunion a rassemblé les villes du pourtour méditerranéen."
    assert head["objectives"] == "Partager les pratiques d'accueil."

    welcome, session, lunch = reading.data["programme"]
    assert (welcome["start"], welcome["end"], welcome["kind"]) == ("09:30", "10:00", "welcome")
    assert (lunch["kind"], session["kind"], session["format"]) == ("meal", "session", "Plénière")
    assert [
        (p["role"], p["role_label"], p["name"], p["function"], p["remote"]) for p in session["people"]
    ] == [
        ("moderator", "Animatrice", "Mme Hélène de La Tour", "Directrice, Ville de Nice", False),
        ("speaker", "", "M. Jean-Pierre Dupont", "Maire adjoint, Marseille", False),
        ("speaker", "", "Mme Zoë Ñúñez García", "Conseillère, Barcelona", True),
        ("speaker", "", "M. Karim Ben Salah", "Tunis", False),
    ]

    (section,) = reading.data["report"]
    assert section["title"] == "Les villes face aux crises" and section["programme_item"] == "t2"
    hel, dup, zoe, debate = section["blocks"]
    assert (hel["kind"], hel["speaker"]) == ("intervention", "Mme Hélène de La Tour")
    assert hel["text"] == "Les villes sont en première ligne.\n\nElles coopèrent entre elles."
    assert dup["speaker"] == "M. Jean-Pierre Dupont"
    assert dup["text"] == "Marseille accueille *chaque année* des milliers de personnes."
    assert (zoe["speaker"], zoe["subtitle"], zoe["online"]) == (
        "Mme Zoë Ñúñez García",
        "Le cas de Barcelone",
        True,
    )
    assert zoe["text"].endswith("- Un centre pour les familles\n- Un centre pour les mineurs")
    assert debate["kind"] == "debate" and debate["question"] == "Comment mieux coopérer ?"
    assert debate["text"] == "- Partager les données\n- Former les agents"
    (sub,) = section["sections"]
    assert sub["title"] == "Perspectives" and sub["blocks"][0]["text"] == "Une note sans orateur."

    assert [
        (p.values["first_name"], p.values["last_name"], p.values["organisation"], p.mode)
        for p in reading.participants
    ] == [
        ("Hélène", "de La Tour", "Ville de Nice", "in_person"),
        ("Jean-Pierre", "Dupont", "Ville de Marseille", "in_person"),
        ("Zoë", "Ñúñez García", "Ajuntament de Barcelona", "remote"),
    ]
    assert reading.understanding.missing == []

    with db.transaction() as session_:
        meeting_id = add_meeting(session_, reading).meeting_id
    with db.reading() as session_:
        data = interchange.meeting_to_data(meetings.get_meeting(session_, meeting_id))
    # The printed names point at the people of the participant list.
    linked = {p["ref"]: p["last_name"] for p in data["people"]}
    assert [linked.get(p["person"]) for p in data["programme"][1]["people"]] == [
        "de La Tour",
        "Dupont",
        "Ñúñez García",
        None,
    ]
    assert [linked.get(b["person"]) for b in data["report"][0]["blocks"][:3]] == [
        "de La Tour",
        "Dupont",
        "Ñúñez García",
    ]


def test_a_document_that_is_not_a_compte_rendu_imports_what_it_can(db):
    d = docx.Document()
    d.add_heading("Notes de la réunion de bureau", level=1)
    d.add_paragraph("12 janvier 2024")
    d.add_heading("Budget", level=2)
    d.add_paragraph("Le budget est adopté.")
    out = BytesIO()
    d.save(out)
    reading = read_docx(out.getvalue(), "notes.docx")
    assert reading.understanding.missing == [
        "programme (no programme table)",
        "participant list (no participant table)",
    ]
    with db.transaction() as session:
        meeting_id = add_meeting(session, reading).meeting_id
    with db.reading() as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.title, meeting.date.isoformat()) == ("Notes de la réunion de bureau", "2024-01-12")
        assert [s.title for s in meeting.sections] == ["Budget"]
        assert meeting.sections[0].blocks[0].text == "Le budget est adopté."


@pytest.mark.parametrize("language", ["en", "es"])
def test_exports_in_english_and_spanish_read_back(db, sample_id, language):
    with db.reading() as session:
        first = export_meeting(meeting_record(session, sample_id), language=language)
    reading = read_docx(first, "export.docx")
    assert reading.understanding.language == language
    with db.transaction() as session:
        new_id = add_meeting(session, reading, again=True).meeting_id
    with db.reading() as session:
        second = export_meeting(meeting_record(session, new_id))
    assert texts(second) == texts(first)


def typed_like_2023() -> bytes:
    """The 2023 minutes as they were typed: bold header lines, headings holding speaker lines,
    an underlined « Animateur », « 13 :15 », an empty programme row, « (en ligne) » in italics."""
    d = docx.Document()
    d.add_paragraph().add_run("CGLU").bold = True
    d.add_paragraph().add_run("Groupe de travail").bold = True
    p = d.add_paragraph()
    line = p.add_run("Prevention")
    line.bold = True
    line.add_break()
    p.add_run("Territoriale et gestion des crises").bold = True
    d.add_heading("COMPTE-RENDU", 2)
    d.add_heading("Réunion annuelle du groupe de travail de CGLU", 3)
    d.add_paragraph("Palais Anna et Jean-Gabriel Eynard, Genève, Suisse & en ligne")
    d.add_paragraph().add_run("12 décembre 2023, 10:00-17:30 CET").italic = True
    d.add_paragraph("Le groupe de travail a pour but de fournir une plateforme.")
    d.add_paragraph("La réunion a été co-organisée par Cités Unies France et la Ville de Genève.")
    d.add_heading("Rappel du Programme", 2)
    table = d.add_table(rows=1, cols=3, style="Table Grid")
    for cell, head in zip(table.rows[0].cells, ("Programme", "Session", "Format"), strict=True):
        cell.text = head
    row = table.add_row().cells
    row[0].text, row[1].text = "9:30-10:00", "Accueil et café de bienvenue"
    row = table.add_row().cells
    row[0].text, row[2].text = "10:30-11:45", "Plénière"
    row[1].paragraphs[0].add_run("État des lieux : comment les territoires font face").bold = True
    moderator = row[1].add_paragraph()
    moderator.add_run("Animateur").underline = True
    moderator.add_run(" : Mr. Andras Szorenyi, Conseiller politique, Global Cities Hub")
    row[1].add_paragraph("● Mme Benedetta Oddo, Coordinatrice de l'initiative Nicosie et Libye (à distance)")
    row[1].add_paragraph("Débat")
    table.add_row()
    row = table.add_row().cells
    row[0].text, row[1].text = "12:00-13 :15", "Déjeuner au Palais Eynard"
    row = table.add_row().cells
    row[0].text, row[2].text = "17:00-17:30", "Plénière"
    row[1].paragraphs[0].add_run("Conclusions et recommandations").bold = True
    d.add_heading("Compte-rendu de la réunion", 1)
    d.add_heading("I. L'importance de la diplomatie des villes", 2)
    d.add_paragraph().add_run("État des lieux : Comment les territoires font face à des crises ?").bold = True
    p = d.add_paragraph()
    p.add_run("Mme Benedetta Oddo - Le cas libyen (").bold = True
    online = p.add_run("en ligne")
    online.bold = online.italic = True
    p.add_run(") :").bold = True
    d.add_paragraph("En Libye, l'absence de bonne gouvernance.")
    d.add_heading("", 3).add_run("Mme Clare Hart – Vers de nouveaux modèles de partenariats :").bold = True
    d.add_paragraph("Le niveau local est en première ligne.")
    d.add_heading("", 3).add_run("Session Débat").bold = True
    d.add_paragraph().add_run("Selon vous, quels sont les défis ?").italic = True
    d.add_paragraph("La peur de l'immigration est un défi.", style="List Bullet")
    d.add_heading("", 3).add_run("Conclusions et recommandations").bold = True
    p = d.add_paragraph()
    p.add_run("Mme Emilia Saiz").bold = True
    p.add_run(" : Ce mouvement municipaliste doit rompre.")
    p = d.add_paragraph("Les photos de cette journée de travail sont disponibles au lien suivant :")
    p.add_run().add_break()
    p.add_run("https://www.flickr.com/photos/uclg/albums/1")
    d.add_heading("Liste des participant.e.s", 2)
    for heading, rows in (
        ("En présentiel", [("Sami", "Kanaan", "Ville de Genève")]),
        ("A distance", [("Véronique", "Lamontagne", ""), ("", "", "Global Cities Hub")]),
    ):
        d.add_heading(heading, 3)
        people = d.add_table(rows=0, cols=3, style="Table Grid")
        for values in rows:
            for cell, value in zip(people.add_row().cells, values, strict=True):
                cell.text = value
    out = BytesIO()
    d.save(out)
    return out.getvalue()


def test_the_2023_minutes_as_typed_by_hand():
    reading = read_docx(typed_like_2023(), "cr-2023.docx")
    head = reading.data["meeting"]
    assert head["body"] == "Groupe de travail\nPrevention Territoriale et gestion des crises"
    assert (head["document_title"], head["date"], head["timezone"]) == ("COMPTE-RENDU", "2023-12-12", "CET")
    assert head["co_organisers"].startswith("La réunion a été co-organisée")
    assert head["photo_album_url"] == "https://www.flickr.com/photos/uclg/albums/1"
    welcome, session, lunch, conclusions = reading.data["programme"]
    assert (welcome["kind"], lunch["kind"], lunch["end"], conclusions["kind"]) == (
        "welcome",
        "meal",
        "13:15",
        "conclusions",
    )
    assert session["debate"] and [(p["role_label"], p["name"], p["remote"]) for p in session["people"]] == [
        ("Animateur", "Mr. Andras Szorenyi", False),
        ("", "Mme Benedetta Oddo", True),
    ]
    (part,) = reading.data["report"]
    state, closing = part["sections"]
    assert state["title"].startswith("État des lieux")
    assert [
        (b["kind"], b["speaker"], b["subtitle"], b["online"], b["question"]) for b in state["blocks"]
    ] == [
        ("intervention", "Mme Benedetta Oddo", "Le cas libyen", True, ""),
        ("intervention", "Mme Clare Hart", "Vers de nouveaux modèles de partenariats", False, ""),
        ("debate", "", "", False, "Selon vous, quels sont les défis ?"),
    ]
    assert closing["programme_item"] == conclusions["ref"]
    assert closing["blocks"][0]["speaker"] == "Mme Emilia Saiz"
    assert closing["blocks"][0]["text"] == "Ce mouvement municipaliste doit rompre."
    assert [(p.values["last_name"], p.values["organisation"], p.mode) for p in reading.participants] == [
        ("Kanaan", "Ville de Genève", "in_person"),
        ("Lamontagne", "", "remote"),
        ("", "Global Cities Hub", "remote"),
    ]
    assert reading.understanding.unrecognised == []


def png(width: int = 2, height: int = 1) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_the_logo_comes_back(db, sample_id):
    logo = png()
    with db.transaction() as session:
        meetings.get_meeting(session, sample_id).logo = logo
        meetings.get_meeting(session, sample_id).logo_media_type = "image/png"
    _first, _second, new_id = round_trip(db, sample_id)
    with db.reading() as session:
        meeting = meetings.get_meeting(session, new_id)
        assert (meeting.logo, meeting.logo_media_type) == (logo, "image/png")


def test_text_in_a_text_box_is_kept_once():
    from lxml import etree

    d = docx.Document()
    d.add_paragraph("12 janvier 2024")
    anchor = d.add_paragraph("Le bureau s'est réuni.")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>Encadré : budget adopté</w:t></w:r></w:p></w:txbxContent>"
    anchor._p.append(
        etree.fromstring(
            f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent>'
            f"<mc:Choice Requires='wps'><w:drawing>{box}</w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    out = BytesIO()
    d.save(out)
    reading = read_docx(out.getvalue(), "notes.docx")
    assert str(reading.data).count("Encadré : budget adopté") == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 décembre 2023, 10:00-17:30 CET", ("2023-12-12", "10:00", "17:30", "CET")),
        ("1er mars 2024, 10h-17h30", ("2024-03-01", "10:00", "17:30", "")),
        ("Lundi 5 février 2024 de 9h à 12h30", ("2024-02-05", "09:00", "12:30", "")),
        ("December 12, 2023, 10:00-17:30 CET", ("2023-12-12", "10:00", "17:30", "CET")),
        ("Tuesday, 12 December 2023 · 10:00–17:30 CET", ("2023-12-12", "10:00", "17:30", "CET")),
        ("12 de diciembre de 2023, 10:00-13 :15", ("2023-12-12", "10:00", "13:15", "")),
        ("12/12/2023", ("2023-12-12", None, None, "")),
    ],
)
def test_date_lines_in_three_languages(line, expected):
    from models.word_import.vocabulary import parse_date_line

    found = parse_date_line(line)
    assert found is not None
    times = tuple(t.strftime("%H:%M") if t else None for t in (found.start, found.end))
    assert (found.date.isoformat(), *times, found.timezone) == expected
