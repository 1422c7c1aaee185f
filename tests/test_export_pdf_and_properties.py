"""PDF through LibreOffice, document properties of every .docx, pagination hints, the sign-in sheet.

Everything is read back from real files: python-docx for the .docx, the PDF's
own bytes, and LibreOffice itself when it is installed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from exporters import pdf, sign_in_sheet
from exporters.compte_rendu import export_meeting, render
from exporters.errors import ExportError
from models.records import MeetingData, ProgrammeItem, Section
from models.services import meetings
from models.services.attendance import add_attendance
from models.services.reading import attendance_list, record_of

ROOT = Path(__file__).resolve().parents[1]
SOFFICE = pdf.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, **(env or {})},
    )


def compte_rendu(db, meeting_id: int) -> docx.document.Document:
    with db.reading() as session:
        return docx.Document(
            io.BytesIO(export_meeting(record_of(meetings.resolve(session, str(meeting_id)))))
        )


def sheet(db, meeting_id: int, **options) -> docx.document.Document:
    with db.reading() as session:
        data = sign_in_sheet.export_sign_in_sheet(attendance_list(session, meeting_id), **options)
    return docx.Document(io.BytesIO(data))


# ---------------------------------------------------------------- PDF


def test_no_libreoffice_is_one_clear_sentence_with_the_way_to_get_it():
    assert pdf.find_soffice(search_path="", folders=()) is None
    assert pdf.find_soffice(search_path="", folders=(Path("/nowhere/soffice"),)) is None
    hint = pdf.install_hint()
    assert "LibreOffice" in hint and pdf.DOWNLOAD_URL in hint


def test_cli_pdf_without_libreoffice_says_so_and_writes_nothing(db, sample_id, db_path, tmp_path):
    output = tmp_path / "cr.pdf"
    # PATH emptied and the program named by $MINUTIER_SOFFICE absent: as on a machine without it.
    done = run_main(
        "export",
        "2023",
        "-o",
        str(output),
        "--db",
        str(db_path),
        env={"PATH": "", pdf.ENV_VARIABLE: str(tmp_path / "no-soffice")},
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "LibreOffice" in lines[0] and pdf.DOWNLOAD_URL in lines[0] and ".docx" in lines[0]
    assert list(tmp_path.glob("cr*")) == []


def test_a_program_that_is_not_libreoffice_fails_in_one_sentence(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'no such option' >&2\nexit 3\n")
    fake.chmod(0o755)
    if sys.platform == "win32":
        pytest.skip("a shell script stands in for soffice")
    with pytest.raises(ExportError, match="could not convert the document to PDF: no such option"):
        pdf.docx_to_pdf(b"PK", soffice=fake)


@needs_soffice
def test_cli_exports_the_2023_meeting_as_pdf(db, sample_id, db_path, tmp_path):
    output = tmp_path / "cr.pdf"
    done = run_main("export", "2023", "-o", str(output), "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    data = output.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    assert data.count(b"/Type /Page\n") + data.count(b"/Type/Page") >= 8 or len(data) > 50_000
    # Nothing left beside it: the temporary file of the atomic write is renamed over the target.
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("cr")) == ["cr.pdf"]


# ---------------------------------------------------------------- properties


def test_compte_rendu_properties_are_the_meetings_and_the_time_of_export(db, sample_id):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = compte_rendu(db, sample_id).core_properties
    after = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert props.title.startswith("Réunion annuelle du groupe de travail de CGLU")
    assert props.subject == "COMPTE-RENDU – 12 décembre 2023"
    assert props.author == props.last_modified_by == "CGLU"
    assert props.language == "fr-FR"
    for stamp in (props.created, props.modified):
        assert before <= stamp.replace(tzinfo=None) <= after
    assert props.revision == 1
    assert "python-docx" not in (props.author, props.last_modified_by, props.comments)


def test_render_writes_the_time_it_is_given():
    when = dt.datetime(2025, 6, 2, 9, 30, tzinfo=dt.UTC)
    data = MeetingData(language="en", title="AGM", date=dt.date(2025, 6, 2), organisation="ACME")
    props = docx.Document(io.BytesIO(render(data, when=when))).core_properties
    assert (
        props.created.replace(tzinfo=None)
        == props.modified.replace(tzinfo=None)
        == dt.datetime(2025, 6, 2, 9, 30)
    )
    assert (props.author, props.language, props.subject) == (
        "ACME",
        "en-GB",
        "Report of the Meeting – 2 June 2025",
    )


def test_sign_in_sheet_properties_come_from_the_meeting_not_python_docx(db, sample_id):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    document = sheet(db, sample_id)
    props = document.core_properties
    assert props.title.startswith("Feuille d'émargement – Réunion annuelle")
    assert props.subject == "Feuille d'émargement – 12 décembre 2023, 10:00-17:30 CET"
    assert props.author == props.last_modified_by == "CGLU"
    assert props.language == "fr-FR"
    assert props.created.replace(tzinfo=None) >= before
    assert "python-docx" not in (props.author, props.last_modified_by, props.comments)
    package = document.part.package
    assert not [p for p in package.iter_parts() if "thumbnail" in str(p.partname)]


# ---------------------------------------------------------------- pagination


def test_programme_rows_do_not_split_and_headings_keep_with_next(db, sample_id):
    document = compte_rendu(db, sample_id)
    programme = document.tables[0]
    trs = programme._tbl.findall(qn("w:tr"))
    assert len(trs) == 1 + 9
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in trs)
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) > 15
    # On the paragraph itself, so a template restyled in Word keeps it too.
    assert all(p._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in headings)


def test_a_heading_in_a_restyled_template_still_keeps_with_next():
    data = MeetingData(
        language="fr",
        title="Réunion",
        date=dt.date(2024, 3, 1),
        programme=(ProgrammeItem(None, None, "Accueil", "welcome", "", False),),
        sections=(Section("Un", 0),),
    )
    document = docx.Document(io.BytesIO(render(data)))
    kept = {p.text: p.paragraph_format.keep_with_next for p in document.paragraphs}
    assert kept["Rappel du Programme"] and kept["Un"] and kept["Compte-rendu de la réunion"]


# ---------------------------------------------------------------- sign-in sheet


def _widths(document) -> list[int]:
    grid = document.tables[0]._tbl.find(qn("w:tblGrid"))
    return [int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol"))]


def _page(document) -> tuple[int, int, int, int]:
    sect = document.sections[0]._sectPr
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    return width, height, int(margins.get(qn("w:left"))), int(margins.get(qn("w:right")))


def test_sign_in_sheet_uses_the_template_and_widths_that_fit(db, sample_id):
    document = sheet(db, sample_id)
    names = [p.style.name for p in document.paragraphs[:4]]
    assert names == ["Minutier Organisation", "Minutier Header Line", "Title", "Minutier Meeting Title"]
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Arial"
    assert document.tables[0].style.name == "Minutier Programme"
    width, height, left, right = _page(document)
    assert width < height
    widths = _widths(document)
    assert sum(widths) == width - left - right
    # Each header word, and each mode, fits its column on one line.
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header == ["Civilité", "Nom", "Organisation", "Participation", "Signature"]
    for column, text in enumerate(header):
        for word in text.split():
            assert sign_in_sheet.text_width(word, bold=True) + sign_in_sheet.CELL_MARGINS <= widths[column]
    assert sign_in_sheet.text_width("À distance") + sign_in_sheet.CELL_MARGINS <= widths[3]
    assert widths[4] >= 0.25 * sum(widths)  # room to sign


def test_sign_in_sheet_landscape_is_wider(db, sample_id, db_path, tmp_path):
    output = tmp_path / "sheet.docx"
    done = run_main("attendance-sheet", "2023", "--landscape", "-o", str(output), "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(output))
    width, height, left, right = _page(document)
    assert width > height
    assert document.sections[0]._sectPr.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    assert sum(_widths(document)) == width - left - right
    upright = sheet(db, sample_id)
    assert _widths(document)[1] > _widths(upright)[1]


def test_sign_in_sheet_mode_is_the_attendance_mode(db, sample_id):
    with db.transaction() as session:
        add_attendance(session, sample_id, first_name="Zoé", last_name="Zyx", mode="remote")
    rows = [[c.text for c in r.cells] for r in sheet(db, sample_id).tables[0].rows]
    assert rows[-1][1:4] == ["Zyx Zoé", "", "À distance"]


def test_widow_control_is_stated_so_word_and_libreoffice_break_pages_alike(db, sample_id):
    # Left out, LibreOffice assumes it on and Word off: the same file paginated differently.
    defaults = compte_rendu(db, sample_id).styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}"
    )
    widow = defaults.find(qn("w:widowControl"))
    assert widow is not None and widow.get(qn("w:val")) in (None, "1", "true", "on")


@pytest.mark.parametrize("total", [10204, 15137])
def test_sheet_columns_stay_positive_and_fill_the_width_whatever_is_typed(total):
    headers = ("Civilité", "Nom", "Organisation", "Participation", "Signature")
    cases = [
        [],
        [("M.", "Kanaan Sami", "Ville de Genève", "Présentiel")],
        [("Son Excellence Madame la", "A" * 90, "https://example.org/" + "x" * 200, "À distance")],
        [("", "Ali Watiin Abdullahi", "Conseil départemental de l'Essonne " * 6, "Présentiel")] * 50,
    ]
    for rows in cases:
        widths = sign_in_sheet.column_widths(headers, rows, total)
        assert sum(widths) == total and min(widths) > 500, (rows[:1], widths)
        assert widths[4] >= 0.25 * total
