"""Raw WordprocessingML elements: paragraphs, runs, hyperlinks, tables, list numbering.

Built with lxml directly rather than through python-docx's proxies: those insert
each paragraph by scanning the body for its sectPr and look cells up by walking
the grid, which makes a 5,000-row table or 10,000 paragraphs quadratic. Child
order inside pPr, rPr and tblPr follows the schema, which Word enforces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from lxml.etree import SubElement, _Element

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def qn(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


VAL = qn("val")
P, PPR, PSTYLE, KEEP_NEXT, NUMPR, ILVL, NUMID, IND = (
    qn(t) for t in ("p", "pPr", "pStyle", "keepNext", "numPr", "ilvl", "numId", "ind")
)
R, RPR, RSTYLE, BOLD_TAG, ITALIC_TAG, U, T, BR = (
    qn(t) for t in ("r", "rPr", "rStyle", "b", "i", "u", "t", "br")
)
HYPERLINK = qn("hyperlink")
TR_HEIGHT, H_RULE, V_ALIGN = qn("trHeight"), qn("hRule"), qn("vAlign")
TBL, TBLPR, TBLSTYLE, TBLW, TBLLAYOUT, TBLLOOK, TBLGRID, GRIDCOL = (
    qn(t) for t in ("tbl", "tblPr", "tblStyle", "tblW", "tblLayout", "tblLook", "tblGrid", "gridCol")
)
TR, TRPR, CANT_SPLIT, TBL_HEADER, TC, TCPR, TCW = (
    qn(t) for t in ("tr", "trPr", "cantSplit", "tblHeader", "tc", "tcPr", "tcW")
)
NUM, ABSTRACT_NUM_ID, LVL_OVERRIDE, START_OVERRIDE = (
    qn(t) for t in ("num", "abstractNumId", "lvlOverride", "startOverride")
)
W_W, W_TYPE, W_LEFT, W_HISTORY = qn("w"), qn("type"), qn("left"), qn("history")
R_ID = f"{{{R_NS}}}id"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Characters XML 1.0 cannot carry; lxml refuses them, so they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Fmt(NamedTuple):
    """How a piece of text is printed: direct emphasis, a character style, a link."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    style: str = ""
    link: str = ""


PLAIN = Fmt()
BOLD = Fmt(bold=True)
ITALIC = Fmt(italic=True)
UNDERLINE = Fmt(underline=True)

Segment = tuple[str, Fmt]


def clean(text: str) -> str:
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def paragraph(
    parent: _Element,
    style_id: str | None = None,
    *,
    num: tuple[int, int] | None = None,
    indent: int | None = None,
    keep_next: bool = False,
) -> _Element:
    """A new w:p at the end of ``parent``; ``num`` is (numId, level)."""
    p = SubElement(parent, P)
    if style_id or num or indent is not None or keep_next:
        ppr = SubElement(p, PPR)
        if style_id:
            SubElement(ppr, PSTYLE).set(VAL, style_id)
        if keep_next:
            SubElement(ppr, KEEP_NEXT)
        if num is not None:
            numpr = SubElement(ppr, NUMPR)
            SubElement(numpr, ILVL).set(VAL, str(num[1]))
            SubElement(numpr, NUMID).set(VAL, str(num[0]))
        if indent is not None:
            SubElement(ppr, IND).set(W_LEFT, str(indent))
    return p


def _run(parent: _Element, text: str, fmt: Fmt) -> None:
    r = SubElement(parent, R)
    if fmt is not PLAIN:
        rpr = SubElement(r, RPR)
        if fmt.style:
            SubElement(rpr, RSTYLE).set(VAL, fmt.style)
        if fmt.bold:
            SubElement(rpr, BOLD_TAG)
        if fmt.italic:
            SubElement(rpr, ITALIC_TAG)
        if fmt.underline:
            SubElement(rpr, U).set(VAL, "single")
    first = True
    for piece in text.split("\n"):
        if not first:
            SubElement(r, BR)
        first = False
        if piece:
            t = SubElement(r, T)
            t.text = piece
            if piece[0] in " \t" or piece[-1] in " \t":
                t.set(XML_SPACE, "preserve")


def add_runs(p: _Element, segments: Iterable[Segment], link_id: Callable[[str], str]) -> None:
    """Runs for ``segments``; equal neighbours merge, linked ones go inside w:hyperlink.

    A "\\n" in a text is a line break (w:br) inside its run.
    """
    merged: list[list] = []
    for text, fmt in segments:
        if not text:
            continue
        if merged and merged[-1][1] == fmt:
            merged[-1][0] += text
        else:
            merged.append([text, fmt])
    link_el: _Element | None = None
    link_url = ""
    for text, fmt in merged:
        text = clean(text)
        if fmt.link:
            if link_el is None or fmt.link != link_url:
                link_el = SubElement(p, HYPERLINK)
                link_el.set(R_ID, link_id(fmt.link))
                link_el.set(W_HISTORY, "1")
                link_url = fmt.link
            _run(link_el, text, fmt)
        else:
            link_el = None
            _run(p, text, fmt)


def table(parent: _Element, style_id: str, widths: Sequence[int]) -> _Element:
    """An empty w:tbl with fixed column ``widths`` (twentieths of a point)."""
    tbl = SubElement(parent, TBL)
    tblpr = SubElement(tbl, TBLPR)
    SubElement(tblpr, TBLSTYLE).set(VAL, style_id)
    tblw = SubElement(tblpr, TBLW)
    tblw.set(W_W, str(sum(widths)))
    tblw.set(W_TYPE, "dxa")
    # Fixed layout: Word and LibreOffice need not measure every cell of a long table.
    SubElement(tblpr, TBLLAYOUT).set(W_TYPE, "fixed")
    look = SubElement(tblpr, TBLLOOK)
    for key, value in (
        ("val", "04A0"),
        ("firstRow", "1"),
        ("lastRow", "0"),
        ("firstColumn", "0"),
        ("lastColumn", "0"),
        ("noHBand", "1"),
        ("noVBand", "1"),
    ):
        look.set(qn(key), value)
    grid = SubElement(tbl, TBLGRID)
    for width in widths:
        SubElement(grid, GRIDCOL).set(W_W, str(width))
    return tbl


def row(tbl: _Element, *, header: bool = False, cant_split: bool = False, min_height: int = 0) -> _Element:
    """A new w:tr; a header row repeats at the top of each page; ``min_height`` in twips."""
    tr = SubElement(tbl, TR)
    if header or cant_split or min_height:
        trpr = SubElement(tr, TRPR)
        if header or cant_split:
            SubElement(trpr, CANT_SPLIT)
        if min_height:
            height = SubElement(trpr, TR_HEIGHT)
            height.set(VAL, str(min_height))
            height.set(H_RULE, "atLeast")
        if header:
            SubElement(trpr, TBL_HEADER)
    return tr


def cell(tr: _Element, width: int, *, v_center: bool = False) -> _Element:
    """A new w:tc; the caller adds at least one paragraph, as Word requires."""
    tc = SubElement(tr, TC)
    tcpr = SubElement(tc, TCPR)
    tcw = SubElement(tcpr, TCW)
    tcw.set(W_W, str(width))
    tcw.set(W_TYPE, "dxa")
    if v_center:
        SubElement(tcpr, V_ALIGN).set(VAL, "center")
    return tc


def restarted_num(numbering: _Element, num_id: int, abstract_id: str, level: int, start: int) -> None:
    """A w:num over ``abstract_id`` whose ``level`` counts again from ``start``."""
    num = SubElement(numbering, NUM)
    num.set(qn("numId"), str(num_id))
    SubElement(num, ABSTRACT_NUM_ID).set(VAL, abstract_id)
    override = SubElement(num, LVL_OVERRIDE)
    override.set(ILVL, str(level))
    SubElement(override, START_OVERRIDE).set(VAL, str(start))
