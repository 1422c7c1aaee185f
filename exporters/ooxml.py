"""Raw WordprocessingML: paragraphs, runs, hyperlinks, pictures, tables, list numbering, the page.

The one writer of Word XML: every exporter (the compte-rendu, the sign-in
sheet) and :class:`exporters.word.WordDocument` build their elements here.

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
DRAWING, W_H, ORIENT = qn("drawing"), qn("h"), qn("orient")
PGSZ, PGMAR = qn("pgSz"), qn("pgMar")
DOC_DEFAULTS, RPR_DEFAULT, LANG = qn("docDefaults"), qn("rPrDefault"), qn("lang")
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


# w:tblLook's w:val: 04A0 is Word's default (header row and first column); 0620 is
# the header row only, no banding, as the attributes written beside it say.
LOOK_DEFAULT = "04A0"
LOOK_HEADER_ONLY = "0620"


def table(parent: _Element, style_id: str, widths: Sequence[int], *, look: str = LOOK_DEFAULT) -> _Element:
    """An empty w:tbl with fixed column ``widths`` (twentieths of a point)."""
    tbl = SubElement(parent, TBL)
    tblpr = SubElement(tbl, TBLPR)
    SubElement(tblpr, TBLSTYLE).set(VAL, style_id)
    tblw = SubElement(tblpr, TBLW)
    tblw.set(W_W, str(sum(widths)))
    tblw.set(W_TYPE, "dxa")
    # Fixed layout: Word and LibreOffice need not measure every cell of a long table.
    SubElement(tblpr, TBLLAYOUT).set(W_TYPE, "fixed")
    look_el = SubElement(tblpr, TBLLOOK)
    for key, value in (
        ("val", look),
        ("firstRow", "1"),
        ("lastRow", "0"),
        ("firstColumn", "0"),
        ("lastColumn", "0"),
        ("noHBand", "1"),
        ("noVBand", "1"),
    ):
        look_el.set(qn(key), value)
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


def picture(p: _Element, inline: _Element) -> None:
    """A run at the end of ``p`` showing ``inline`` (a wp:inline, as python-docx builds it)."""
    SubElement(SubElement(p, R), DRAWING).append(inline)


# ---------------------------------------------------------------- the page and the defaults


def page_setup(sect_pr: _Element, *, landscape: bool, margin: int) -> None:
    """The page of ``sect_pr`` upright or on its side, ``margin`` twips on every side.

    The paper size is kept (only its sides swapped); headers and footers are untouched.
    """
    size = sect_pr.find(PGSZ)
    if size is not None:
        short, long = sorted((int(size.get(W_W)), int(size.get(W_H))))
        width, height = (long, short) if landscape else (short, long)
        size.set(W_W, str(width))
        size.set(W_H, str(height))
        if landscape:
            size.set(ORIENT, "landscape")
        elif size.get(ORIENT) is not None:
            del size.attrib[ORIENT]
    mar = sect_pr.find(PGMAR)
    if mar is not None:
        for side in ("top", "right", "bottom", "left"):
            mar.set(qn(side), str(margin))


def text_width(sect_pr: _Element | None, default: int) -> int:
    """The width between the margins of ``sect_pr``, in twips; ``default`` if it says none."""
    size = sect_pr.find(PGSZ) if sect_pr is not None else None
    mar = sect_pr.find(PGMAR) if sect_pr is not None else None
    if size is None or mar is None:
        return default
    return int(size.get(W_W)) - int(mar.get(W_LEFT)) - int(mar.get(qn("right")))


def _default_lang(styles: _Element) -> _Element | None:
    return styles.find(f"{DOC_DEFAULTS}/{RPR_DEFAULT}/{RPR}/{LANG}")


def set_default_language(styles: _Element, language_tag: str) -> None:
    """Set the w:lang of the document defaults in ``styles`` (w:styles), if there is one."""
    lang = _default_lang(styles)
    if lang is not None:
        lang.set(VAL, language_tag)


def ensure_default_language(styles: _Element, language_tag: str) -> None:
    """A w:lang in the document defaults of ``styles``, ``language_tag`` if there was none."""
    defaults = styles.find(DOC_DEFAULTS)
    if defaults is None:
        defaults = SubElement(styles, DOC_DEFAULTS)
        styles.insert(0, defaults)
    rpr_default = defaults.find(RPR_DEFAULT)
    if rpr_default is None:
        rpr_default = SubElement(defaults, RPR_DEFAULT)
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(RPR)
    if rpr is None:
        rpr = SubElement(rpr_default, RPR)
    if rpr.find(LANG) is None:
        lang = SubElement(rpr, LANG)
        lang.set(VAL, language_tag)
        for later in ("eastAsianLayout", "specVanish", "oMath"):
            follower = rpr.find(qn(later))
            if follower is not None:
                follower.addprevious(lang)
                break
