"""The Word template's styles read back as CSS, so the preview shows the document's own fonts.

Read from the same resources/templates/compte-rendu.docx the export starts
from: an organisation that restyles the template in Word sees its fonts,
sizes and colours in the preview too, with nothing to keep in step by hand.
Only what Qt's rich-text CSS subset can show is kept: font, size, weight,
slant, underline, colour, alignment, spacing before and after, left indent,
line height; for tables, the header row's fill and the border colour.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from typing import NamedTuple

from lxml import etree

from exporters.errors import ExportError
from exporters.ooxml import VAL, qn
from exporters.word_template import template_bytes

TWIPS_PER_PX = 15  # 1 px = 0.75 pt = 15 twentieths of a point
ALIGN = {"both": "justify", "center": "center", "right": "right", "left": "left", "start": "left"}
LIST_TYPES = {"●": "disc", "○": "circle", "■": "square", "decimal": "decimal"}
LIST_TYPES |= {"lowerLetter": "lower-alpha", "lowerRoman": "lower-roman", "upperLetter": "upper-alpha"}
LIST_TYPES |= {"upperRoman": "upper-roman"}


class TemplateLook(NamedTuple):
    paragraph: dict[str, str]  # style name (lower case) -> CSS declarations
    character: dict[str, str]
    numbered: dict[str, int]  # paragraph style name -> the numId its style carries
    list_types: dict[int, tuple[str, ...]]  # numId -> CSS list-style-type per level
    header_fill: dict[str, str]  # table style name -> header row background
    border: dict[str, str]  # table style name -> border colour
    body: str  # CSS of the document defaults


def _props(element: etree._Element | None) -> dict[str, str]:
    """The formatting a pPr/rPr states, as CSS property -> value."""
    out: dict[str, str] = {}
    if element is None:
        return out
    for child in element:
        tag = etree.QName(child).localname
        val = child.get(VAL)
        off = val in ("0", "false")
        if tag == "rFonts" and child.get(qn("ascii")):
            out["font-family"] = f"'{child.get(qn('ascii'))}'"
        elif tag == "sz" and val:
            out["font-size"] = f"{int(val) / 2:g}pt"
        elif tag == "b":
            out["font-weight"] = "400" if off else "700"
        elif tag == "i":
            out["font-style"] = "normal" if off else "italic"
        elif tag == "u":
            out["text-decoration"] = "none" if val == "none" else "underline"
        elif tag == "color" and val and val != "auto":
            out["color"] = f"#{val}"
        elif tag == "jc" and val in ALIGN:
            out["text-align"] = ALIGN[val]
        elif tag == "spacing":
            for side in ("before", "after"):
                if child.get(qn(side)) is not None:
                    px = round(int(child.get(qn(side))) / TWIPS_PER_PX)
                    out[f"margin-{'top' if side == 'before' else 'bottom'}"] = f"{px}px"
            line = child.get(qn("line"))
            if line and child.get(qn("lineRule"), "auto") == "auto":
                out["line-height"] = f"{round(int(line) / 2.4)}%"
        elif tag == "ind" and child.get(qn("left")) is not None:
            out["margin-left"] = f"{round(int(child.get(qn('left'))) / TWIPS_PER_PX)}px"
    return out


def _css(props: dict[str, str]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in props.items())


def _read(package: bytes) -> TemplateLook:
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
        numbering = (
            etree.fromstring(z.read("word/numbering.xml")) if "word/numbering.xml" in z.namelist() else None
        )
    by_id = {s.get(qn("styleId")): s for s in styles.iter(qn("style"))}

    def name_of(style: etree._Element) -> str:
        name = style.find(qn("name"))
        return (name.get(VAL) if name is not None else style.get(qn("styleId"))).lower()

    defaults = styles.find(qn("docDefaults"))
    body: dict[str, str] = {}
    # Qt gives a bare <p> 12 px above and below: every paragraph states its own.
    base = {"margin-top": "0px", "margin-bottom": "0px"}
    if defaults is not None:
        body = _props(defaults.find(f"{qn('rPrDefault')}/{qn('rPr')}"))
        base |= _props(defaults.find(f"{qn('pPrDefault')}/{qn('pPr')}"))

    def resolved(style: etree._Element, seen: frozenset = frozenset()) -> dict[str, str]:
        based = style.find(qn("basedOn"))
        parent_id = based.get(VAL) if based is not None else None
        props = dict(base) if style.get(qn("type")) == "paragraph" else {}
        if parent_id in by_id and parent_id not in seen:
            props = resolved(by_id[parent_id], seen | {parent_id})
        return props | _props(style.find(qn("pPr"))) | _props(style.find(qn("rPr")))

    paragraph, character, numbered, fills, borders = {}, {}, {}, {}, {}
    for style_id, style in by_id.items():
        kind = style.get(qn("type"))
        if kind == "paragraph":
            paragraph[name_of(style)] = _css(resolved(style, frozenset({style_id})))
            num = style.find(f"{qn('pPr')}/{qn('numPr')}/{qn('numId')}")
            if num is not None:
                numbered[name_of(style)] = int(num.get(VAL))
        elif kind == "character":
            character[name_of(style)] = _css(resolved(style, frozenset({style_id})))
        elif kind == "table":
            fill = style.find(f"{qn('tblStylePr')}/{qn('tcPr')}/{qn('shd')}")
            if fill is not None and fill.get(qn("fill")) not in (None, "auto"):
                fills[name_of(style)] = f"#{fill.get(qn('fill'))}"
            top = style.find(f"{qn('tblPr')}/{qn('tblBorders')}/{qn('top')}")
            if top is not None and top.get(qn("color")) not in (None, "auto"):
                borders[name_of(style)] = f"#{top.get(qn('color'))}"
    list_types: dict[int, tuple[str, ...]] = {}
    if numbering is not None:
        abstract = {}
        for a in numbering.iter(qn("abstractNum")):
            levels = []
            for lvl in a.iter(qn("lvl")):
                fmt = lvl.find(qn("numFmt"))
                text = lvl.find(qn("lvlText"))
                key = fmt.get(VAL) if fmt is not None else "decimal"
                if key == "bullet":
                    key = text.get(VAL) if text is not None else "●"
                levels.append(
                    LIST_TYPES.get(key, "disc" if fmt is not None and fmt.get(VAL) == "bullet" else "decimal")
                )
            abstract[a.get(qn("abstractNumId"))] = tuple(levels)
        for num in numbering.iter(qn("num")):
            ref = num.find(qn("abstractNumId"))
            if ref is not None and ref.get(VAL) in abstract:
                list_types[int(num.get(qn("numId")))] = abstract[ref.get(VAL)]
    return TemplateLook(paragraph, character, numbered, list_types, fills, borders, _css(body))


@cache
def template_look() -> TemplateLook:
    """The look of the compte-rendu template's styles."""
    try:
        return _read(template_bytes())
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise ExportError(f"The Word template's styles cannot be read ({exc}).") from None
