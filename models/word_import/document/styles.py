"""A .docx's paragraph styles, each resolved through the ones it is based on (bold, size, heading level)."""

from __future__ import annotations

import re

from lxml import etree

from models.word_import.document.names import _W
from models.word_import.document.records import Style
from models.word_import.safe_open import Package

_FALSE = {"0", "false", "off", "none"}
_HEADING = re.compile(r"^(?:heading|titre|título|titulo|überschrift)\s*([1-9])$", re.IGNORECASE)


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
