"""The reference template: reproducible from its script, with every style the exporter names."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from exporters import compte_rendu, markdown_docx, participants, programme
from exporters.errors import ExportError
from exporters.ooxml import PLAIN
from exporters.typography import for_language
from exporters.word import WordDocument, template_bytes
from models.services.reading import record_of

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "resources" / "templates" / "make_template.py"


def test_script_reproduces_the_committed_template(tmp_path):
    spec = importlib.util.spec_from_file_location("make_template", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path / "t.docx")
    assert (tmp_path / "t.docx").read_bytes() == template_bytes()


def test_every_style_the_exporter_uses_is_there():
    document = docx.Document(io.BytesIO(template_bytes()))
    names = {s.name for s in document.styles}
    used = {
        *compte_rendu.STYLES,
        *programme.STYLES,
        *participants.STYLES,
        markdown_docx.QUOTE_STYLE,
        markdown_docx.LINK_STYLE,
        "Minutier Bullet",
        "Minutier Number",
    }
    assert used <= names
    assert {"Minutier Programme", "Minutier Participants"} <= {
        s.name for s in document.styles if s.type == docx.enum.style.WD_STYLE_TYPE.TABLE
    }
    assert document.styles["Minutier Speaker Name"].type == docx.enum.style.WD_STYLE_TYPE.CHARACTER
    assert document.styles["Hyperlink"].type == docx.enum.style.WD_STYLE_TYPE.CHARACTER


def test_french_default_language_and_page_numbers():
    document = docx.Document(io.BytesIO(template_bytes()))
    lang = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "fr-FR"
    footer = document.sections[0].footer._element
    assert "PAGE" in "".join(t.text for t in footer.iter(qn("w:instrText")))
    assert document.paragraphs == [] or all(not p.text for p in document.paragraphs)


def test_a_template_without_a_style_is_one_clear_error():
    doc = WordDocument(template_bytes(), for_language("fr"))
    with pytest.raises(ExportError, match='no style named "Minutier Inconnu"'):
        doc.paragraph(doc.body, "Minutier Inconnu", [("x", PLAIN)])


def test_a_damaged_template_is_one_clear_error():
    with pytest.raises(ExportError, match=r"not a usable \.docx"):
        WordDocument(b"PK not a zip", for_language("fr"))


def test_synthetic_meeting_exports(db):
    sys.path.insert(0, str(ROOT))
    try:
        from bench.synthetic import make_meeting
    finally:
        sys.path.remove(str(ROOT))
    with db.transaction() as session:
        meeting_id = make_meeting(session, participants=40, items=8, interventions=24, seed=7).id
    with db.reading() as session:
        from models.services import meetings

        data = compte_rendu.export_meeting(record_of(meetings.resolve(session, str(meeting_id))))
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Réunion synthétique" in text and "*" not in text
    participants_rows = sum(len(t.rows) - 1 for t in document.tables[1:])
    assert 30 <= participants_rows <= 40
