"""The one pass over a .docx body: paragraphs with their runs and formatting, and tables."""

from __future__ import annotations

from lxml import etree

from models.word_import.document.names import _A, _MC_FALLBACK, _R, _W
from models.word_import.document.numbering import _Numbering
from models.word_import.document.records import Para, Run, Style, Table
from models.word_import.document.styles import _FALSE, _on


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
