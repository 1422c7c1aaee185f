"""A .docx's language: from its core properties, else from its styles' default run properties."""

from __future__ import annotations

from lxml import etree

from models.word_import.document.names import _W, CORE_TYPE
from models.word_import.safe_open import Package


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
