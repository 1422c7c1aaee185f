"""The sign-in sheet (feuille d'émargement) of a meeting, as .docx bytes.

The meeting heading, then one table of the people expected (invited or
present; excused and absent rows are left out) sorted by last name with
case and accents ignored: civility, name, organisation, in person / remote
and an empty signature cell tall enough to sign in. The header row repeats
on every page (``w:tblHeader``) and no row is split across pages. A count
ends the document.

Rows are written as raw WordprocessingML rather than through python-docx's
``add_row``, which looks cells up by walking the grid and makes a list of
thousands quadratic.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from exporters.errors import ExportError
from exporters.labels import load_labels
from exporters.people_labels import load
from exporters.typography import for_language
from models.entities import Meeting
from models.text_keys import sort_key

EXPECTED = ("invited", "present")
# Column widths (cm) on an A4 portrait page with 1.5 cm margins (18 cm of text).
WIDTHS_CM = (1.9, 4.9, 4.9, 2.8, 3.5)
ROW_HEIGHT_CM = 0.95
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class SheetRow:
    civility: str
    first_name: str
    last_name: str
    organisation: str
    remote: bool


@dataclass(frozen=True, slots=True)
class SheetData:
    organisation: str
    body: str
    title: str
    date_line: str
    venue: str
    language: str
    rows: tuple[SheetRow, ...]  # sorted


def sheet_data(meeting: Meeting, language: str | None = None) -> SheetData:
    """The meeting reduced to what the sheet prints, rows sorted by last name."""
    language = language or meeting.language
    try:
        date_line = load_labels(language).write_date_line(
            meeting.date, meeting.start_time, meeting.end_time, meeting.timezone
        )
    except ExportError:
        date_line = meeting.date.isoformat()
    rows = [
        SheetRow(
            a.person.civility,
            a.person.first_name,
            a.person.last_name,
            a.person.organisation,
            a.mode == "remote",
        )
        for a in meeting.attendance
        if a.status in EXPECTED
    ]
    rows.sort(key=lambda r: sort_key(r.last_name, r.first_name, r.organisation))
    return SheetData(
        meeting.organisation,
        meeting.body,
        meeting.title,
        date_line,
        meeting.venue,
        language,
        tuple(rows),
    )


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _run(parent, text: str, *, bold: bool = False, size: float | None = None):
    r = OxmlElement("w:r")
    if bold or size:
        rpr = OxmlElement("w:rPr")
        if bold:
            rpr.append(OxmlElement("w:b"))
        if size:
            sz = OxmlElement("w:sz")
            sz.set(qn("w:val"), str(int(size * 2)))
            rpr.append(sz)
        r.append(rpr)
    t = OxmlElement("w:t")
    t.text = _xml_text(text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    parent.append(r)
    return r


def _cell(tr, width_cm: float, runs: list[tuple[str, bool]]):
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(int(width_cm * 567)))
    tcw.set(qn("w:type"), "dxa")
    tcpr.append(tcw)
    valign = OxmlElement("w:vAlign")
    valign.set(qn("w:val"), "center")
    tcpr.append(valign)
    tc.append(tcpr)
    p = OxmlElement("w:p")
    for text, bold in runs:
        if text:
            _run(p, text, bold=bold)
    tc.append(p)
    tr.append(tc)


def _row(tbl, cells: list[list[tuple[str, bool]]], *, header: bool = False):
    tr = OxmlElement("w:tr")
    trpr = OxmlElement("w:trPr")
    trpr.append(OxmlElement("w:cantSplit"))
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int((0.7 if header else ROW_HEIGHT_CM) * 567)))
    height.set(qn("w:hRule"), "atLeast")
    trpr.append(height)
    if header:
        trpr.append(OxmlElement("w:tblHeader"))
    tr.append(trpr)
    for width, runs in zip(WIDTHS_CM, cells, strict=True):
        _cell(tr, width, runs)
    tbl.append(tr)


def render(data: SheetData) -> bytes:
    """The .docx of ``data``: a pure function of its input."""
    labels = load(data.language)
    typo = for_language(data.language)

    def fix(text: str) -> str:
        return typo([text])[0] if text else text

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
    section.top_margin = section.bottom_margin = Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    document.core_properties.title = f"{labels.sheet_title} – {data.title}".strip(" –")
    document.core_properties.language = data.language

    def para(text: str, *, bold: bool = False, size: float | None = None, space_after: float = 2):
        p = document.add_paragraph()
        p.paragraph_format.space_after = Pt(space_after)
        lines = text.split("\n")
        for i, line in enumerate(lines):
            r = _run(p._p, fix(line), bold=bold, size=size)
            if i < len(lines) - 1:
                r.append(OxmlElement("w:br"))
        return p

    if data.organisation:
        para(data.organisation, bold=True, size=12)
    if data.body:
        para(data.body, size=11)
    para(labels.sheet_title, bold=True, size=16, space_after=6)
    para(data.title, bold=True, size=11)
    para(data.date_line)
    if data.venue:
        para(data.venue, space_after=10)

    table = document.add_table(rows=0, cols=len(WIDTHS_CM))
    table.style = document.styles["Table Grid"]
    table.autofit = False  # w:tblLayout fixed: the widths below hold
    for column, width in zip(table.columns, WIDTHS_CM, strict=True):
        column.width = Cm(width)
    tbl = table._tbl
    _row(tbl, [[(fix(h), True)] for h in labels.sheet_columns], header=True)
    remote_word, in_person_word = labels.modes["remote"], labels.modes["in_person"]
    for row in data.rows:
        name = [(row.last_name, True), (" " + row.first_name if row.last_name else row.first_name, False)]
        _row(
            tbl,
            [
                [(row.civility, False)],
                name,
                [(fix(row.organisation), False)],
                [(remote_word if row.remote else in_person_word, False)],
                [],
            ],
        )
    remote = sum(r.remote for r in data.rows)
    count = labels.count.format(total=len(data.rows), in_person=len(data.rows) - remote, remote=remote)
    spacer = document.add_paragraph()
    spacer.paragraph_format.space_before = Pt(8)
    _run(spacer._p, count, bold=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def export_sign_in_sheet(meeting: Meeting, *, language: str | None = None) -> bytes:
    """The sign-in sheet of ``meeting`` as .docx bytes; raises ExportError."""
    return render(sheet_data(meeting, language))
