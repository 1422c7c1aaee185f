"""The sign-in sheet (feuille d'émargement) of a meeting, as .docx bytes.

The meeting heading, then one table of the people expected (invited or
present; excused and absent rows are left out) sorted by last name with
case and accents ignored: civility, name, organisation, in person / remote
(the mode recorded on each attendance row) and an empty signature cell
tall enough to sign in. The header row repeats on every page
(``w:tblHeader``) and no row is split across pages. A count ends the
document.

It is written through the compte-rendu's :class:`exporters.word.WordDocument`
on the same template, so it has the same fonts, styles and page numbers, the
same document properties and the same table XML (exporters/ooxml.py writes
all of it), on an A4 page upright or on its side (``landscape``) with
narrower margins. Column
widths are measured from the words they hold, so no header or mode is broken
mid-word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from exporters.errors import ExportError
from exporters.labels import load_labels
from exporters.ooxml import BOLD, PLAIN
from exporters.people_labels import load
from exporters.typography import for_language
from exporters.word import WordDocument
from exporters.word_template import template_bytes
from models.records import AttendanceList
from models.text_keys import sort_key

EXPECTED = ("invited", "present")
MARGIN = 851  # 1.5 cm: more room for the signatures than the compte-rendu's 2.5 cm
ROW_HEIGHT = 539  # 0.95 cm, room to sign
HEADER_HEIGHT = 397
CELL_MARGINS = 2 * 85  # the table style's left and right cell margins
TABLE_STYLE = "Minutier Programme"  # ruled on every side: boxes to sign in
HEADING_STYLE = "Minutier Table Heading"
TEXT_STYLE = "Minutier Table Text"
TABLE_FONT_PT = 9.5
STYLES = (
    TABLE_STYLE,
    HEADING_STYLE,
    TEXT_STYLE,
    "Minutier Organisation",
    "Minutier Header Line",
    "Title",
    "Minutier Meeting Title",
    "Minutier Date",
    "Minutier Venue",
    "Normal",
)
# Advance widths in thousandths of an em, by kind of character (Arial and its metric twins);
# close enough to size columns without reading font files.
_NARROW = frozenset("iljI.,;:!|'’ft()[]/- \u00a0\u202f")
_WIDE = frozenset("mwMW@%")


def text_width(text: str, *, bold: bool = False, size_pt: float = TABLE_FONT_PT) -> int:
    """The printed width of ``text`` in twips, estimated."""
    units = 0
    for char in text:
        if char in _NARROW:
            units += 280
        elif char in _WIDE:
            units += 860
        elif char.isupper():
            units += 690
        else:
            units += 560
    if bold:
        units = units * 108 // 100
    return int(units * size_pt * 20 // 1000)


def _widest_word(texts, *, bold: bool = False) -> int:
    return max((text_width(w, bold=bold) for t in texts for w in t.split()), default=0)


def column_widths(
    headers: tuple[str, ...], rows: list[tuple[str, str, str, str]], total: int
) -> tuple[int, ...]:
    """Widths (twips) for civility, name, organisation, mode, signature summing to ``total``.

    Civility and mode are as wide as their longest text on one line (at most an
    eighth and a sixth of the width); the signature
    gets 30% of the width (at least 4 cm); name and organisation share the
    rest in proportion to their longer texts, each at least as wide as its longest
    word.
    """
    civility_h, name_h, organisation_h, mode_h, signature_h = headers

    def single_line(header: str, values) -> int:
        widest = max((text_width(v) for v in values), default=0)
        return max(widest, text_width(header, bold=True)) + CELL_MARGINS + 40

    # Capped: a civility or mode typed as a sentence wraps rather than squeezing the names.
    civility = min(single_line(civility_h, [r[0] for r in rows]), total // 8)
    mode = min(single_line(mode_h, [r[3] for r in rows]), total // 6)
    signature = max(2268, total * 3 // 10, text_width(signature_h, bold=True) + CELL_MARGINS)
    rest = total - civility - mode - signature
    names = [r[1] for r in rows]
    organisations = [r[2] for r in rows]
    name_floor = max(_widest_word(names), _widest_word([name_h], bold=True)) + CELL_MARGINS + 40
    org_floor = (
        max(_widest_word(organisations), _widest_word([organisation_h], bold=True)) + CELL_MARGINS + 40
    )

    def typical(values) -> int:
        # The 90th percentile: one very long organisation should not squeeze the names.
        widths = sorted(text_width(v) for v in values) or [0]
        return max(widths[min(len(widths) - 1, len(widths) * 9 // 10)], 1)

    if name_floor + org_floor > rest:
        # A word longer than the page allows (a pasted URL): it breaks anyway; share the room.
        name = rest * name_floor // (name_floor + org_floor)
    else:
        name_share, org_share = typical(names), typical(organisations)
        name = min(max(name_floor, rest * name_share // (name_share + org_share)), rest - org_floor)
    organisation = rest - name
    return (civility, name, organisation, mode, signature)


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


def sheet_data(attendance: AttendanceList, language: str | None = None) -> SheetData:
    """What the sheet prints of ``attendance``, rows sorted by last name."""
    language = language or attendance.language
    try:
        date_line = load_labels(language).write_date_line(
            attendance.date, attendance.start_time, attendance.end_time, attendance.timezone
        )
    except ExportError:
        date_line = attendance.date.isoformat()
    rows = [
        SheetRow(a.civility, a.first_name, a.last_name, a.organisation, a.mode == "remote")
        for a in attendance.rows
        if a.status in EXPECTED
    ]
    rows.sort(key=lambda r: sort_key(r.last_name, r.first_name, r.organisation))
    return SheetData(
        attendance.organisation,
        attendance.body,
        attendance.title,
        date_line,
        attendance.venue,
        language,
        tuple(rows),
    )


def render(data: SheetData, *, landscape: bool = False, when: dt.datetime | None = None) -> bytes:
    """The .docx of ``data``; ``when`` (default now) is its creation time."""
    labels = load(data.language)
    doc = WordDocument(template_bytes(), for_language(data.language))
    doc.require(STYLES)
    doc.set_page(landscape=landscape, margin=MARGIN)
    try:
        tag = load_labels(data.language).language_tag
    except ExportError:
        tag = data.language
    title = " – ".join(p for p in (labels.sheet_title, data.title.strip()) if p)
    subject = " – ".join(p for p in (labels.sheet_title, data.date_line) if p)
    doc.set_properties(title, tag, subject=subject, author=data.organisation.strip(), when=when)
    body = doc.body

    if data.organisation.strip():
        doc.text(body, "Minutier Organisation", data.organisation.strip())
    lines = [line.strip() for line in data.body.splitlines() if line.strip()]
    if lines:
        doc.text(body, "Minutier Header Line", "\n".join(lines))
    doc.text(body, "Title", labels.sheet_title)
    doc.text(body, "Minutier Meeting Title", data.title)
    doc.text(body, "Minutier Date", data.date_line)
    if data.venue.strip():
        doc.text(body, "Minutier Venue", data.venue.strip())

    remote_word, in_person_word = labels.modes["remote"], labels.modes["in_person"]
    cells = [
        (
            row.civility,
            " ".join(p for p in (row.last_name, row.first_name) if p),
            row.organisation,
            remote_word if row.remote else in_person_word,
        )
        for row in data.rows
    ]
    widths = column_widths(labels.sheet_columns, cells, doc.text_width())
    tbl = doc.table(body, TABLE_STYLE, widths)
    tr = doc.row(tbl, header=True, min_height=HEADER_HEIGHT)
    for width, head in zip(widths, labels.sheet_columns, strict=True):
        doc.text(doc.cell(tr, width, v_center=True), HEADING_STYLE, head)
    for row, (civility, _name, organisation, mode) in zip(data.rows, cells, strict=True):
        tr = doc.row(tbl, cant_split=True, min_height=ROW_HEIGHT)
        doc.text(doc.cell(tr, widths[0], v_center=True), TEXT_STYLE, civility)
        name = [(row.last_name, BOLD), (" " + row.first_name if row.last_name else row.first_name, PLAIN)]
        doc.paragraph(doc.cell(tr, widths[1], v_center=True), TEXT_STYLE, name)
        doc.text(doc.cell(tr, widths[2], v_center=True), TEXT_STYLE, organisation)
        doc.text(doc.cell(tr, widths[3], v_center=True), TEXT_STYLE, mode)
        doc.text(doc.cell(tr, widths[4], v_center=True), TEXT_STYLE, "")
    remote = sum(r.remote for r in data.rows)
    count = labels.count.format(total=len(data.rows), in_person=len(data.rows) - remote, remote=remote)
    doc.text(body, "Normal", count, BOLD)
    return doc.to_bytes()


def export_sign_in_sheet(
    attendance: AttendanceList, *, language: str | None = None, landscape: bool = False
) -> bytes:
    """The sign-in sheet of ``attendance`` as .docx bytes; raises ExportError."""
    return render(sheet_data(attendance, language), landscape=landscape)
