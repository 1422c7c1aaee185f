"""A .docx's list numbering: each list level's format and first number."""

from __future__ import annotations

from typing import NamedTuple

from models.word_import.document.names import _W
from models.word_import.safe_open import Package


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
