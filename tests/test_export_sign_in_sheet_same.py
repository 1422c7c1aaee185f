"""The sign-in sheet's Word XML is the shared writer's (exporters/ooxml.py), as the compte-rendu's is.

Each test reads a real .docx back and rebuilds, with exporters.ooxml alone, the
elements it should hold; a sheet that wrote its own table, row, cell, paragraph
or page XML (a different order, a missing attribute) fails here.
"""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from lxml import etree

from exporters import compte_rendu, ooxml, sign_in_sheet
from exporters.labels import load_labels
from exporters.ooxml import BOLD, PLAIN, qn
from exporters.people_labels import load
from exporters.sign_in_sheet import HEADER_HEIGHT, MARGIN, ROW_HEIGHT, column_widths, sheet_data
from exporters.word import template_bytes
from models.records import AttendanceList, Attendee
from models.services.reading import meeting_record

WHEN = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
ATTENDANCE = AttendanceList(
    language="fr",
    title="Réunion annuelle",
    date=dt.date(2023, 12, 12),
    organisation="CGLU",
    body="Groupe de travail",
    venue="Genève",
    start_time=dt.time(10),
    end_time=dt.time(17, 30),
    timezone="Europe/Zurich",
    rows=(
        Attendee("Mme", "Laura", "Healy", "", "Ville de Genève", "", "present", "in_person"),
        Attendee("M.", "Émile", "Ékoué", "", "Ville de Lomé", "", "invited", "remote"),
        Attendee("", "anna", "van Dijk", "", "", "", "present", "in_person"),
        Attendee("M.", "Paul", "Absent", "", "", "", "absent", "in_person"),
        Attendee("", "Chris", "", "", "https://example.org/a-very-long-address", "", "invited", "remote"),
    ),
)


_TEXT = etree._Element.text  # python-docx's element classes redefine .text as their whole text


def c14n(element):
    """The element as data: tag, attributes in order, text, children (namespace declarations aside)."""
    text = _TEXT.__get__(element)
    return (element.tag, list(element.attrib.items()), text, [c14n(child) for child in element])


def read(data: bytes):
    document = docx.Document(io.BytesIO(data))
    return document, document.element.body


def scratch():
    return etree.Element(qn("body"), nsmap={"w": ooxml.W_NS})


def style_ids(document) -> dict[str, str]:
    return {s.name.lower(): s.style_id for s in document.styles}


def sheet(language: str = "fr", *, landscape: bool = False) -> bytes:
    data = sheet_data(ATTENDANCE, language)
    return sign_in_sheet.render(data, landscape=landscape, when=WHEN)


def template_sect_pr():
    _document, body = read(template_bytes())
    return body.find(qn("sectPr"))


@pytest.mark.parametrize("landscape", [False, True])
def test_the_sheet_table_is_written_by_ooxml(landscape):
    document, body = read(sheet(landscape=landscape))
    ids = style_ids(document)
    data = sheet_data(ATTENDANCE, "fr")
    labels = load("fr")
    tables = body.findall(qn("tbl"))
    assert len(tables) == 1
    tbl = tables[0]

    # The page the table is measured on: the template's, set up by ooxml.page_setup.
    page = template_sect_pr()
    ooxml.page_setup(page, landscape=landscape, margin=MARGIN)
    cells = [
        (
            r.civility,
            " ".join(p for p in (r.last_name, r.first_name) if p),
            r.organisation,
            labels.modes["remote" if r.remote else "in_person"],
        )
        for r in data.rows
    ]
    widths = column_widths(labels.sheet_columns, cells, ooxml.text_width(page, 0))

    expected = ooxml.table(scratch(), ids["minutier programme"], widths, look=ooxml.LOOK_DEFAULT)
    assert c14n(tbl.find(qn("tblPr"))) == c14n(expected.find(qn("tblPr")))
    assert c14n(tbl.find(qn("tblGrid"))) == c14n(expected.find(qn("tblGrid")))

    rows = tbl.findall(qn("tr"))
    assert len(rows) == 1 + len(data.rows) == 1 + 4  # the absent row is left out
    header = ooxml.row(expected, header=True, min_height=HEADER_HEIGHT)
    body_row = ooxml.row(expected, cant_split=True, min_height=ROW_HEIGHT)
    heading_p = ooxml.paragraph(scratch(), ids["minutier table heading"])
    text_p = ooxml.paragraph(scratch(), ids["minutier table text"])
    for i, tr in enumerate(rows):
        assert c14n(tr.find(qn("trPr"))) == c14n((header if i == 0 else body_row).find(qn("trPr")))
        tcs = tr.findall(qn("tc"))
        assert len(tcs) == len(widths)
        for tc, width in zip(tcs, widths, strict=True):
            want = ooxml.cell(etree.Element(qn("tr")), width, v_center=True)
            assert c14n(tc.find(qn("tcPr"))) == c14n(want.find(qn("tcPr")))
            paragraphs = tc.findall(qn("p"))
            assert len(paragraphs) == 1
            p_pr = (heading_p if i == 0 else text_p).find(qn("pPr"))
            assert c14n(paragraphs[0].find(qn("pPr"))) == c14n(p_pr)


def test_a_name_cell_holds_the_runs_ooxml_writes():
    """The bold last name, then the first name: what ooxml.add_runs makes of the two segments."""
    document, body = read(sheet())
    ids = style_ids(document)
    data = sheet_data(ATTENDANCE, "fr")
    rows = body.find(qn("tbl")).findall(qn("tr"))[1:]

    def name_paragraph(person):
        return rows[data.rows.index(person)].findall(qn("tc"))[1].find(qn("p"))

    healy = next(r for r in data.rows if r.last_name == "Healy")
    want = ooxml.paragraph(scratch(), ids["minutier table text"])
    ooxml.add_runs(want, [(healy.last_name, BOLD), (" " + healy.first_name, PLAIN)], lambda url: "")
    assert c14n(name_paragraph(healy)) == c14n(want)
    assert [t.text for t in name_paragraph(healy).iter(qn("t"))] == ["Healy", " Laura"]
    # A row without a last name is the first name alone, plain.
    nameless = next(r for r in data.rows if not r.last_name)
    want = ooxml.paragraph(scratch(), ids["minutier table text"])
    ooxml.add_runs(want, [(nameless.first_name, PLAIN)], lambda url: "")
    assert c14n(name_paragraph(nameless)) == c14n(want)


def test_the_sheet_and_the_compte_rendu_write_their_tables_alike(db, sample_id):
    """Same writer, same table style: the programme's table and the sheet's differ only in widths."""
    with db.reading() as session:
        record = meeting_record(session, sample_id)
    _doc, cr_body = read(compte_rendu.render(record, "fr", when=WHEN))
    _doc, sheet_body = read(sheet())
    programme = cr_body.find(qn("tbl"))
    table = sheet_body.find(qn("tbl"))

    def shape(tbl):
        tbl_pr = tbl.find(qn("tblPr"))
        return (
            [child.tag for child in tbl_pr],
            tbl_pr.find(qn("tblStyle")).get(ooxml.VAL),
            dict(tbl_pr.find(qn("tblLook")).attrib),
            tbl_pr.find(qn("tblLayout")).get(qn("type")),
            [child.tag for child in tbl.find(qn("tr")).find(qn("trPr"))],
            [child.tag for child in tbl.findall(qn("tr"))[1].find(qn("trPr"))],
        )

    sheet_shape, programme_shape = shape(table), shape(programme)
    # The sheet's rows are tall enough to sign in: its trPr adds w:trHeight, nothing else.
    height = qn("trHeight")
    assert [t for t in sheet_shape[4] if t != height] == programme_shape[4]
    assert [t for t in sheet_shape[5] if t != height] == programme_shape[5]
    assert sheet_shape[:4] == programme_shape[:4]
    # Its cells add only the vertical centring to the compte-rendu's tcPr.
    cr_tc_pr = programme.find(qn("tr")).find(qn("tc")).find(qn("tcPr"))
    sheet_tc_pr = table.find(qn("tr")).find(qn("tc")).find(qn("tcPr"))
    assert [c.tag for c in sheet_tc_pr] == [c.tag for c in cr_tc_pr] + [qn("vAlign")]


@pytest.mark.parametrize("landscape", [False, True])
def test_the_page_is_the_templates_set_up_by_ooxml(landscape):
    _document, body = read(sheet(landscape=landscape))
    want = template_sect_pr()
    ooxml.page_setup(want, landscape=landscape, margin=MARGIN)
    got = body.find(qn("sectPr"))
    assert body[-1] is got  # the section ends the body, as Word requires
    for tag in ("pgSz", "pgMar"):
        assert c14n(got.find(qn(tag))) == c14n(want.find(qn(tag)))
    size = got.find(qn("pgSz"))
    wide = int(size.get(qn("w"))) > int(size.get(qn("h")))
    assert wide == landscape == (size.get(qn("orient")) == "landscape")
    # Headers and footers (the page number) are the template's.
    refs = [
        (r.tag, r.get(qn("type"))) for r in got if r.tag in (qn("headerReference"), qn("footerReference"))
    ]
    assert refs == [
        (r.tag, r.get(qn("type"))) for r in want if r.tag in (qn("headerReference"), qn("footerReference"))
    ]
    assert refs


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_document_language_is_set_by_ooxml(language):
    document, _body = read(sheet(language))
    want_doc, _ = read(template_bytes())
    ooxml.set_default_language(want_doc.styles.element, load_labels(language).language_tag)
    path = f"{qn('docDefaults')}/{qn('rPrDefault')}/{qn('rPr')}"
    got = document.styles.element.find(path)
    assert c14n(got) == c14n(want_doc.styles.element.find(path))
    assert got.find(qn("lang")).get(ooxml.VAL) == load_labels(language).language_tag
    assert document.core_properties.language == load_labels(language).language_tag
