"""The body of a .docx as plain records: paragraphs (runs with their formatting) and tables.

Styles are resolved here (a paragraph's style name, whether it is bold or
large through its style, a heading's level), so the readers above never
look at XML. Built for speed: one pass over the body with lxml, no
python-docx objects (a 5,000-row table would cost seconds through them).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from models.word_import.safe_open import Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W}}}"
_R = f"{{{R}}}"
HYPERLINK_TYPE = R + "/hyperlink"
IMAGE_TYPE = R + "/image"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
CORE_TYPE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_FALSE = {"0", "false", "off", "none"}
_HEADING = re.compile(r"^(?:heading|titre|título|titulo|überschrift)\s*([1-9])$", re.IGNORECASE)


class Run(NamedTuple):
    text: str
    bold: bool
    italic: bool
    underline: bool
    link: str
    style: str  # character style name, "" for none


class Para(NamedTuple):
    style: str  # paragraph style name (« Heading 2 », « Minutier Speaker », « Normal »)
    level: int  # heading level 1–9, 0 when not a heading
    runs: tuple[Run, ...]
    list_level: int  # -1 when not a list item
    numbered: bool
    start: int  # a numbered list's first number
    num_id: str  # list instance, to tell two lists apart
    bold: bool  # every visible letter is bold (by run or style)
    size: float  # largest font size in points (0 when unknown)
    text: str  # the runs' text, joined once (read many times)
    images: tuple[str, ...] = ()  # package part names of the pictures it holds (a logo)

    def with_runs(self, runs: tuple[Run, ...]) -> Para:
        return self._replace(runs=runs, text="".join(r.text for r in runs))


class Table(NamedTuple):
    rows: tuple[tuple[tuple[Para, ...], ...], ...]  # row → cell → paragraphs
    header_rows: int  # rows marked « repeat as header row »
    style: str


class Style(NamedTuple):
    name: str
    bold: bool | None
    italic: bool | None
    size: float
    level: int
    num_id: str
    ilvl: int


class Document(NamedTuple):
    body: tuple[Para | Table, ...]
    language: str  # from the core properties or the default run properties (« fr-FR »), or ""


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(_W + "val", "true").lower() not in _FALSE


def _read_styles(package: Package, rels: dict) -> dict[str, Style]:
    name = next((t for k, t in rels.values() if k.endswith("/styles")), None)
    if name is None or not package.has(name):
        return {}
    root = package.xml(name)
    raw: dict[str, tuple] = {}
    for st in root.iter(_W + "style"):
        sid = st.get(_W + "styleId", "")
        name_el = st.find(_W + "name")
        based = st.find(_W + "basedOn")
        rpr = st.find(_W + "rPr")
        ppr = st.find(_W + "pPr")
        bold = italic = None
        size = 0.0
        if rpr is not None:
            bold = _on(rpr.find(_W + "b"))
            italic = _on(rpr.find(_W + "i"))
            sz = rpr.find(_W + "sz")
            if sz is not None and (sz.get(_W + "val") or "").isdigit():
                size = int(sz.get(_W + "val")) / 2
        level, num_id, ilvl = 0, "", 0
        if ppr is not None:
            outline = ppr.find(_W + "outlineLvl")
            if outline is not None and (outline.get(_W + "val") or "").isdigit():
                value = int(outline.get(_W + "val"))
                level = value + 1 if value < 9 else 0
            num = ppr.find(_W + "numPr")
            if num is not None:
                nid = num.find(_W + "numId")
                lvl = num.find(_W + "ilvl")
                num_id = nid.get(_W + "val", "") if nid is not None else ""
                ilvl = int(lvl.get(_W + "val", "0")) if lvl is not None else 0
        style_name = name_el.get(_W + "val", sid) if name_el is not None else sid
        match = _HEADING.match(style_name.strip())
        if match:
            level = int(match.group(1))
        raw[sid] = (
            style_name,
            based.get(_W + "val") if based is not None else None,
            bold,
            italic,
            size,
            level,
            num_id,
            ilvl,
        )

    resolved: dict[str, Style] = {}

    def resolve(sid: str, depth: int = 0) -> Style:
        if sid in resolved:
            return resolved[sid]
        name, based, bold, italic, size, level, num_id, ilvl = raw[sid]
        if based in raw and based != sid and depth < 20:
            parent = resolve(based, depth + 1)
            bold = parent.bold if bold is None else bold
            italic = parent.italic if italic is None else italic
            size = size or parent.size
            level = level or (parent.level if not _HEADING.match(name) and name.lower() != "title" else 0)
            if not num_id:
                num_id, ilvl = parent.num_id, parent.ilvl
        style = Style(_canonical(name), bold, italic, size, level, num_id, ilvl)
        resolved[sid] = style
        return style

    for sid in raw:
        resolve(sid)
    return resolved


def _canonical(name: str) -> str:
    # Word stores built-in names in lower case (« heading 1 »); python-docx and users say « Heading 1 ».
    lower = name.lower()
    if _HEADING.match(lower) and lower.startswith("heading"):
        return "Heading " + lower[-1]
    builtin = {
        "normal": "Normal",
        "title": "Title",
        "list bullet": "List Bullet",
        "list number": "List Number",
    }
    return builtin.get(lower, name)


class _Numbering(NamedTuple):
    formats: dict[tuple[str, int], str]  # (numId, level) → numFmt
    starts: dict[tuple[str, int], int]


def _read_numbering(package: Package, rels: dict) -> _Numbering:
    name = next((t for k, t in rels.values() if k.endswith("/numbering")), None)
    formats: dict[tuple[str, int], str] = {}
    starts: dict[tuple[str, int], int] = {}
    if name is None or not package.has(name):
        return _Numbering(formats, starts)
    root = package.xml(name)
    abstract: dict[str, dict[int, tuple[str, int]]] = {}
    for ab in root.iter(_W + "abstractNum"):
        levels = {}
        for lvl in ab.iter(_W + "lvl"):
            fmt = lvl.find(_W + "numFmt")
            start = lvl.find(_W + "start")
            ilvl = int(lvl.get(_W + "ilvl", "0"))
            value = start.get(_W + "val", "1") if start is not None else "1"
            levels[ilvl] = (
                fmt.get(_W + "val", "bullet") if fmt is not None else "bullet",
                int(value) if value.lstrip("-").isdigit() else 1,
            )
        abstract[ab.get(_W + "abstractNumId", "")] = levels
    for num in root.iter(_W + "num"):
        nid = num.get(_W + "numId", "")
        ref = num.find(_W + "abstractNumId")
        levels = abstract.get(ref.get(_W + "val", "") if ref is not None else "", {})
        overrides = {}
        for over in num.iter(_W + "lvlOverride"):
            so = over.find(_W + "startOverride")
            if so is not None and (so.get(_W + "val") or "").isdigit():
                overrides[int(over.get(_W + "ilvl", "0"))] = int(so.get(_W + "val"))
        for ilvl, (fmt, start) in levels.items():
            formats[nid, ilvl] = fmt
            starts[nid, ilvl] = overrides.get(ilvl, start)
    return _Numbering(formats, starts)


class _Reader:
    def __init__(
        self, styles: dict[str, Style], numbering: _Numbering, links: dict[str, str], images: dict[str, str]
    ):
        self.styles = styles
        self.numbering = numbering
        self.links = links
        self.images = images
        self.default_para = next((s for s in styles.values() if s.name == "Normal"), None)

    def runs(self, parent: etree._Element, link: str, out: list[Run]) -> None:
        for child in parent:
            tag = child.tag
            if tag == _W + "r":
                self.run(child, link, out)
            elif tag == _W + "hyperlink":
                rid = child.get(_R + "id")
                target = self.links.get(rid, "") if rid else ""
                self.runs(child, target or link, out)
            elif tag in (
                _W + "ins",
                _W + "smartTag",
                _W + "fldSimple",
                _W + "customXml",
                _W + "dir",
                _W + "bdo",
            ):
                self.runs(child, link, out)
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.runs(content, link, out)

    def run(self, r: etree._Element, link: str, out: list[Run]) -> None:
        rpr = r.find(_W + "rPr")
        bold = italic = None
        underline = False
        char_style = ""
        if rpr is not None:
            bold = _on(rpr.find(_W + "b"))
            italic = _on(rpr.find(_W + "i"))
            u = rpr.find(_W + "u")
            underline = u is not None and u.get(_W + "val", "single").lower() not in _FALSE
            rs = rpr.find(_W + "rStyle")
            if rs is not None:
                style = self.styles.get(rs.get(_W + "val", ""))
                if style is not None:
                    char_style = style.name
                    bold = style.bold if bold is None else bold
                    italic = style.italic if italic is None else italic
        parts = []
        for child in r:
            tag = child.tag
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "tab":
                parts.append("\t")
            elif tag == _W + "br":
                if child.get(_W + "type", "textWrapping") == "textWrapping":
                    parts.append("\n")
            elif tag == _W + "cr":
                parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
        text = "".join(parts)
        if text:
            out.append(Run(text, bool(bold), bool(italic), underline, link, char_style))

    def paragraph(self, p: etree._Element) -> Para:
        ppr = p.find(_W + "pPr")
        style = self.default_para
        num_id, ilvl = "", 0
        level = 0
        if ppr is not None:
            ps = ppr.find(_W + "pStyle")
            if ps is not None:
                style = self.styles.get(ps.get(_W + "val", ""), style)
            num = ppr.find(_W + "numPr")
            if num is not None:
                nid = num.find(_W + "numId")
                lvl = num.find(_W + "ilvl")
                num_id = nid.get(_W + "val", "") if nid is not None else ""
                ilvl = (
                    int(lvl.get(_W + "val", "0"))
                    if lvl is not None and lvl.get(_W + "val", "0").isdigit()
                    else 0
                )
            outline = ppr.find(_W + "outlineLvl")
            if (
                outline is not None
                and (outline.get(_W + "val") or "").isdigit()
                and int(outline.get(_W + "val")) < 9
            ):
                level = int(outline.get(_W + "val")) + 1
        if style is not None:
            level = level or style.level
            if not num_id and style.num_id:
                num_id, ilvl = style.num_id, style.ilvl
        runs: list[Run] = []
        self.runs(p, "", runs)
        # Runs keep their own formatting only (a bold heading style is not « bold text »);
        # whether the paragraph looks bold counts its style too, for hand-made headings.
        style_bold = bool(style and style.bold)
        visible = [r for r in runs if r.text.strip()]
        bold = bool(visible) and all(r.bold or style_bold for r in visible)
        size = style.size if style is not None else 0.0
        for rr in p.iter(_W + "sz"):
            value = rr.get(_W + "val", "")
            if value.isdigit():
                size = max(size, int(value) / 2)
        list_level, numbered, start = -1, False, 1
        if num_id and num_id != "0":
            list_level = ilvl
            fmt = self.numbering.formats.get((num_id, ilvl), "bullet")
            numbered = fmt not in ("bullet", "none")
            start = self.numbering.starts.get((num_id, ilvl), 1)
        name = style.name if style is not None else "Normal"
        text = "".join(r.text for r in runs)
        images = ()
        if self.images:
            found = (self.images.get(b.get(_R + "embed", "")) for b in p.iter(_A + "blip"))
            images = tuple(name for name in found if name)
        return Para(name, level, tuple(runs), list_level, numbered, start, num_id, bold, size, text, images)

    def table(self, tbl: etree._Element) -> Table:
        rows = []
        header_rows = 0
        counting_header = True
        for tr in tbl.iterchildren(_W + "tr"):
            trpr = tr.find(_W + "trPr")
            is_header = trpr is not None and _on(trpr.find(_W + "tblHeader")) is True
            if counting_header and is_header:
                header_rows += 1
            else:
                counting_header = False
            cells = []
            for tc in tr.iterchildren(_W + "tc", _W + "sdt"):
                cells.append(tuple(self.block_paragraphs(tc)))
            rows.append(tuple(cells))
        tblpr = tbl.find(_W + "tblPr")
        style_name = ""
        if tblpr is not None:
            ts = tblpr.find(_W + "tblStyle")
            if ts is not None:
                found = self.styles.get(ts.get(_W + "val", ""))
                style_name = found.name if found else ts.get(_W + "val", "")
        return Table(tuple(rows), header_rows, style_name)

    def block_paragraphs(self, parent: etree._Element) -> list[Para]:
        """Paragraphs of a cell, nested tables flattened (their paragraphs in reading order)."""
        out = []
        for child in parent.iter(_W + "p"):
            out.append(self.paragraph(child))
        return out

    def body(self, parent: etree._Element, out: list) -> None:
        for child in parent:
            tag = child.tag
            if tag == _W + "p":
                out.append(self.paragraph(child))
                # Text boxes hang off a run's drawing: their paragraphs follow the anchor's, once
                # (Word writes each box twice, the second as a fallback for older readers).
                for box in child.iter(_W + "txbxContent"):
                    if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
                        self.body(box, out)
            elif tag == _W + "tbl":
                out.append(self.table(child))
            elif tag in (_W + "sdt", _W + "customXml"):
                content = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
                if content is not None:
                    self.body(content, out)


def _language(package: Package, root: etree._Element, styles_root_lang: str) -> str:
    for kind, target in package.rels("").values():
        if kind == CORE_TYPE and package.has(target):
            core = package.xml(target)
            for el in core.iter("{http://purl.org/dc/elements/1.1/}language"):
                if el.text and el.text.strip():
                    return el.text.strip()
    return styles_root_lang


def _styles_language(package: Package, rels: dict) -> str:
    name = next((t for k, t in rels.values() if k.endswith("/styles")), None)
    if name is None or not package.has(name):
        return ""
    root = package.xml(name)
    defaults = root.find(f"{_W}docDefaults")
    if defaults is not None:
        for lang in defaults.iter(_W + "lang"):
            return lang.get(_W + "val", "")
    return ""


def read_document(package: Package) -> Document:
    main = package.main_part()
    rels = package.rels(main)
    links = {rid: target for rid, (kind, target) in rels.items() if kind == HYPERLINK_TYPE}
    images = {rid: target for rid, (kind, target) in rels.items() if kind == IMAGE_TYPE}
    reader = _Reader(_read_styles(package, rels), _read_numbering(package, rels), links, images)
    root = package.xml(main)
    body = root.find(_W + "body")
    out: list = []
    if body is not None:
        reader.body(body, out)
    return Document(tuple(out), _language(package, root, _styles_language(package, rels)))
