"""The body of a .docx as plain records: paragraphs (runs with their formatting) and tables.

Styles are resolved here (a paragraph's style name, whether it is bold or
large through its style, a heading's level), so the readers above never
look at XML. Built for speed: one pass over the body with lxml, no
python-docx objects (a 5,000-row table would cost seconds through them).

The parts: ``records`` (what the readers above receive), ``names`` (XML
namespaces and relationship types), ``styles`` and ``numbering`` (resolved
once), ``body`` (the one pass over the body), ``language``.
"""

from __future__ import annotations

from models.word_import.document.body import _Reader
from models.word_import.document.language import _language, _styles_language
from models.word_import.document.names import _W, CORE_TYPE, HYPERLINK_TYPE, IMAGE_TYPE, R, W
from models.word_import.document.numbering import _read_numbering
from models.word_import.document.records import Document, Para, Run, Style, Table
from models.word_import.document.styles import _read_styles
from models.word_import.safe_open import Package

__all__ = [
    "CORE_TYPE",
    "HYPERLINK_TYPE",
    "IMAGE_TYPE",
    "Document",
    "Para",
    "R",
    "Run",
    "Style",
    "Table",
    "W",
    "read_document",
]


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
