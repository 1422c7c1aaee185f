"""« Use the styles of a Word file »: the export takes its look from the user's document.

The Word files are built here with python-docx, as a secretariat's own
document would be: another font, another page size and margins, a header
with a logo image, a table in a table style of their own.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips

from exporters.compte_rendu import export_meeting
from exporters.template_check import layout_warnings
from exporters.word import template_bytes
from models import interchange
from models.database import open_database
from models.services import meetings, rollover
from models.services.reading import meeting_record, record_of
from models.services.templates import (
    TemplateRefused,
    clear_template,
    get_template,
    restore_template,
    set_template,
)
from models.transfer import copy_all

ROOT = Path(__file__).resolve().parents[1]
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
LETTER = (Cm(21.59), Cm(27.94))


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def their_document() -> bytes:
    """Last year's minutes as a secretariat typed them: Georgia, US Letter, a logo in the header."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(12)
    document.styles["Heading 1"].font.color.rgb = RGBColor(0x8B, 0, 0)
    section = document.sections[0]
    section.page_width, section.page_height = LETTER
    section.left_margin = section.right_margin = Cm(3.5)
    section.top_margin = Cm(3)
    header = section.header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(png(120, 40, (200, 30, 30))), width=Cm(3))
    header.add_run("Ville de Test — Secrétariat")
    document.add_heading("Compte-rendu 2022", 1)
    document.add_paragraph("Texte de l'an dernier, qui ne doit pas reparaître.")
    document.add_picture(io.BytesIO(png(30, 30, (0, 0, 200))))
    table = document.add_table(rows=1, cols=2)
    table.style = document.styles["Light Grid Accent 1"]
    table.cell(0, 0).text = "Cellule de l'an dernier"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def texts(data: bytes) -> list[str]:
    """Every paragraph's text in document order, those in table cells included."""
    body = docx.Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


@pytest.fixture(scope="module")
def reference() -> bytes:
    return their_document()


def test_the_export_takes_the_look_and_keeps_the_content(db, sample_id, reference):
    with db.reading() as session:
        meeting = meetings.get_meeting(session, sample_id)
        plain = export_meeting(record_of(meeting))
        styled = export_meeting(record_of(meeting), reference=reference)

    assert texts(styled) == texts(plain)
    document = docx.Document(io.BytesIO(styled))
    section = document.sections[-1]
    theirs = docx.Document(io.BytesIO(reference)).sections[-1]
    assert (section.page_width, section.page_height) == (theirs.page_width, theirs.page_height)
    assert (section.left_margin, section.right_margin, section.top_margin) == (
        theirs.left_margin,
        theirs.right_margin,
        theirs.top_margin,
    )
    assert abs(section.left_margin - Cm(3.5)) < Cm(0.01) and abs(section.top_margin - Cm(3)) < Cm(0.01)
    header = section.header
    assert not header.is_linked_to_previous
    assert "Ville de Test — Secrétariat" in header.paragraphs[0].text
    image_ids = [rid for rid, rel in header.part.rels.items() if rel.reltype == IMAGE_REL]
    assert len(image_ids) == 1
    blips = header.part.element.xpath(".//a:blip/@r:embed")
    assert blips == image_ids
    assert header.part.related_parts[image_ids[0]].blob.startswith(b"\x89PNG")

    styles = document.styles
    assert styles["Normal"].font.name == "Georgia"
    assert styles["Normal"].font.size == Pt(12)
    assert styles["Heading 1"].font.color.rgb == RGBColor(0x8B, 0, 0)
    # Minutier's own styles, added, sit on the file's Normal and name no font of their own.
    speaker = styles["Minutier Speaker"]
    assert speaker.base_style.name == "Normal" and speaker.font.name is None
    table_styles = {t.style.name for t in document.tables}
    assert table_styles == {"Light Grid Accent 1"}
    # Last year's text and body picture are gone; only the meeting's own logo is in the body.
    assert not any("an dernier" in text for text in texts(styled))
    body_images = [r for r in document.part.rels.values() if r.reltype == IMAGE_REL]
    plain_images = [r for r in docx.Document(io.BytesIO(plain)).part.rels.values() if r.reltype == IMAGE_REL]
    assert len(body_images) == len(plain_images)
    # Nor does the file's thumbnail (a picture of last year's first page) come along.
    assert not [r for r in document.part.package.rels.values() if r.reltype.endswith("/thumbnail")]


def test_lists_keep_their_numbering_with_the_users_file(db, sample_id, reference):
    with db.reading() as session:
        styled = export_meeting(meeting_record(session, sample_id), reference=reference)
    document = docx.Document(io.BytesIO(styled))
    numbering = document.part.numbering_part.element
    nums = {n.get(qn("w:numId")) for n in numbering.iter(qn("w:num"))}
    bullet = document.styles["Minutier Bullet"].element
    num_id = bullet.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    assert num_id in nums
    bulleted = document.element.body.xpath(f'.//w:p[w:pPr/w:pStyle/@w:val="{bullet.get(qn("w:styleId"))}"]')
    assert bulleted, "the 2023 minutes have bullet points"


def test_the_layout_check_names_what_the_file_lacks(reference):
    warnings = layout_warnings(reference)
    assert any('no style "Minutier Speaker"' in w and "Minutier's own" in w for w in warnings)
    assert any('"Minutier Programme"' in w and '"Light Grid Accent 1" is used' in w for w in warnings)
    assert any('list style "Minutier Bullet"' in w for w in warnings)
    assert all("\n" not in w for w in warnings)
    # Minutier's own template lacks nothing.
    assert layout_warnings(template_bytes()) == []


def test_a_list_style_that_lost_its_numbering_is_reported_and_mended(db, sample_id):
    document = docx.Document(io.BytesIO(template_bytes()))
    bullet = document.styles["Minutier Bullet"].element
    num_pr = bullet.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    num_pr.getparent().remove(num_pr)
    out = io.BytesIO()
    document.save(out)
    warnings = layout_warnings(out.getvalue())
    assert warnings == [
        "the Word file's style \"Minutier Bullet\" has lost its list numbering; Minutier's is put back."
    ]
    with db.reading() as session:
        styled = export_meeting(meeting_record(session, sample_id), reference=out.getvalue())
    mended = docx.Document(io.BytesIO(styled)).styles["Minutier Bullet"].element
    assert mended.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}") is not None


def test_the_template_is_stored_copied_and_rolled_forward(db, sample_id, reference, tmp_path):
    with db.transaction() as session:
        assert set_template(session, sample_id, reference, "/home/x/CR 2022.docx") == (None, "")
    with db.reading() as session:
        assert get_template(session, sample_id) == (reference, "CR 2022.docx")
        meeting = meetings.get_meeting(session, sample_id)
        stored_export = export_meeting(record_of(meeting))
        dump = interchange.dumps(meeting)
    section = docx.Document(io.BytesIO(stored_export)).sections[-1]
    assert abs(section.page_width - LETTER[0]) < Cm(0.01) and abs(section.page_height - LETTER[1]) < Cm(0.01)

    # The JSON format stays version 1: the Word file does not travel in it.
    with db.reading() as session:
        assert "CR 2022" not in dump and dump == interchange.dumps(meetings.get_meeting(session, sample_id))

    with db.transaction() as session:
        next_year = rollover.new_meeting_from(session, sample_id, "2024-12-10").id
    with db.reading() as session:
        assert get_template(session, next_year) == (reference, "CR 2022.docx")
    with db.transaction() as session:
        duplicate = meetings.duplicate_meeting(session, next_year).id
    with db.reading() as session:
        assert get_template(session, duplicate) == (reference, "CR 2022.docx")
    with db.transaction() as session:
        meetings.delete_meeting(session, duplicate)

    target = open_database(tmp_path / "copy.sqlite")
    try:
        copy_all(db, target)
        with target.reading() as session:
            copied = {m.date.year: get_template(session, m.id) for m in meetings.list_meetings(session)}
    finally:
        target.close()
    assert copied == {2023: (reference, "CR 2022.docx"), 2024: (reference, "CR 2022.docx")}

    with db.transaction() as session:
        previous = clear_template(session, sample_id)
    with db.reading() as session:
        assert get_template(session, sample_id) == (None, "")
        assert texts(export_meeting(meeting_record(session, sample_id))) == texts(stored_export)
    with db.transaction() as session:
        restore_template(session, sample_id, previous)
    with db.reading() as session:
        assert get_template(session, sample_id) == (reference, "CR 2022.docx")


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


def _with_part(docx_bytes: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    parts[name] = data
    return _zip(parts)


def _content_types() -> bytes:
    with zipfile.ZipFile(io.BytesIO(template_bytes())) as zf:
        return zf.read("[Content_Types].xml")


BAD_FILES = {
    "not a zip": (b"just some text", "not a Word document"),
    "old .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"), ".doc"),
    "encrypted": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
        "password",
    ),
    "a zip of something else": (_zip({"hello.txt": b"hi"}), "not a Word document"),
    "a Word template (.dotx)": (
        _with_part(
            template_bytes(),
            "[Content_Types].xml",
            _content_types().replace(b"document.main+xml", b"template.main+xml"),
        ),
        ".dotx",
    ),
    "zip bomb": (
        _with_part(template_bytes(), "word/styles.xml", b"<w:styles/>" + b" " * (40 * 1024 * 1024)),
        "zip bomb",
    ),
    "entities": (
        _with_part(
            template_bytes(),
            "word/styles.xml",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        ),
        "entities",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_are_refused_in_one_line(db, sample_id, kind):
    data, fragment = BAD_FILES[kind]
    with pytest.raises(TemplateRefused) as raised, db.transaction() as session:
        set_template(session, sample_id, data, "bad.docx")
    message = str(raised.value)
    assert fragment in message and "\n" not in message and message.startswith("bad.docx: ")
    with db.reading() as session:
        assert get_template(session, sample_id) == (None, "")


def _export(db_path: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", "export", "2023", "-o", str(output), "--db", str(db_path), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("backend", ["sqlite"])
def test_command_line_template_warns_and_exports(db, sample_id, db_path, reference, tmp_path):
    their = tmp_path / "their.docx"
    their.write_bytes(reference)
    out = tmp_path / "cr.docx"
    done = _export(db_path, out, "--template", str(their))
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith("minutier: warning: ") for line in lines)
    assert any('"Minutier Speaker"' in line for line in lines)
    section = docx.Document(out).sections[-1]
    assert abs(section.page_width - LETTER[0]) < Cm(0.01) and abs(section.page_height - LETTER[1]) < Cm(0.01)

    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"))
    refused = _export(db_path, tmp_path / "never.docx", "--template", str(bad))
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and refused.stderr.startswith("minutier: bad.docx: ")
    assert not (tmp_path / "never.docx").exists()


def test_the_editor_setting_stores_undoes_and_warns_before_export(qtbot, db, sample_id, reference, tmp_path):
    from editor_helpers import answering, make_window

    window = make_window(qtbot, db, tmp_path, sample_id)
    setting = window.show_tab("general").template
    assert not setting.clear_button.isEnabled()
    path = tmp_path / "CR 2022.docx"
    path.write_bytes(reference)
    setting.choose_file(path)
    with db.reading() as session:
        assert get_template(session, sample_id) == (reference, "CR 2022.docx")
    assert setting.name.text() == "CR 2022.docx" and setting.clear_button.isEnabled()

    with answering("no") as seen:
        assert window.export.layout_accepted() is False
    assert len(seen) == 1 and "CR 2022.docx" in seen[0] and "Minutier" in seen[0]
    with answering("yes"):
        assert window.export.layout_accepted() is True

    window.undo()
    with db.reading() as session:
        assert get_template(session, sample_id) == (None, "")
    assert not setting.clear_button.isEnabled()
    assert window.export.layout_accepted() is True  # nothing to warn about: no dialog
    window.redo()
    assert setting.name.text() == "CR 2022.docx"

    bad = tmp_path / "old.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"))
    with answering() as seen:
        setting.choose_file(bad)
    assert len(seen) == 1 and ".doc" in seen[0]
    with db.reading() as session:
        assert get_template(session, sample_id)[1] == "CR 2022.docx"


def test_a_file_without_page_setup_prints_on_a4(db, sample_id):
    document = docx.Document()
    body = document.element.body
    body.remove(body.find(qn("w:sectPr")))
    out = io.BytesIO()
    document.save(out)
    assert "the Word file sets no page size or margins; A4 with 2.5 cm margins is used." in layout_warnings(
        out.getvalue()
    )
    with db.reading() as session:
        styled = export_meeting(meeting_record(session, sample_id), reference=out.getvalue())
    section = docx.Document(io.BytesIO(styled)).sections[-1]
    # Minutier's template's A4 and 2.5 cm, in the twips it writes them in.
    assert (section.page_width, section.page_height, section.left_margin) == (
        Twips(11906),
        Twips(16838),
        Twips(1418),
    )
