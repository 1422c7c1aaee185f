"""A user's Word file as the template, the way pandoc's ``--reference-doc`` takes one.

The file's body is emptied and its look kept (styles, numbering, page,
headers and footers); what Minutier prints and the file lacks is added from
Minutier's template (:func:`adopt_reference`). :func:`check_reference` says
what is missing before an export (exporters/template_check.py words it).
"""

from __future__ import annotations

from copy import deepcopy
from typing import NamedTuple

from lxml.etree import SubElement, _Element

from exporters import ooxml
from exporters.ooxml import qn
from exporters.word_template import (
    BULLET_STYLE,
    NUMBER_STYLE,
    REFERENCE_LABEL,
    TEMPLATE_LABEL,
    open_docx,
    template_bytes,
)

# Styles the exporter adds silently when missing: Word's own defaults, and the footer
# of Minutier's template, which a reference file replaces by its own.
QUIET_STYLES = frozenset({"default paragraph font", "normal table", "no list", "footer"})
TABLE_STYLES = ("Minutier Programme", "Minutier Participants")
LIST_STYLES = (BULLET_STYLE, NUMBER_STYLE, "Minutier Table Bullet")
# What the body pointed at: last year's photos, links, charts and comments are
# not carried into every export made with the file.
BODY_RELATIONSHIPS = frozenset(
    {
        "image",
        "hyperlink",
        "chart",
        "oleObject",
        "package",
        "comments",
        "commentsExtended",
        "commentsIds",
        "commentsExtensible",
        "diagramData",
        "diagramLayout",
        "diagramQuickStyle",
        "diagramColors",
        "diagramDrawing",
        "video",
        "audio",
        "media",
    }
)
# A picture of the file's first page, and its own custom properties: not the export's.
PACKAGE_RELATIONSHIPS = frozenset({"thumbnail", "custom-properties"})
# Settings that would make every export protected, tracked or mail-merged like the file was.
DROPPED_SETTINGS = (
    "documentProtection",
    "writeProtection",
    "trackRevisions",
    "mailMerge",
    "attachedTemplate",
)
R_NS_PREFIX = "{" + ooxml.R_NS + "}"
# What follows w:numPr inside w:pPr, in the schema's order (Word refuses a file out of order).
_AFTER_NUMPR = frozenset(
    qn(t)
    for t in [
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)


class ReferenceFit(NamedTuple):
    """How a user's Word file fits what Minutier prints (names as Minutier spells them)."""

    missing: tuple[str, ...]  # styles it lacks: Minutier's own are added
    unnumbered: tuple[str, ...]  # list styles it has whose numbering is gone: Minutier's is put back
    table_style: str  # its own table style, used for Minutier's tables it lacks; "" if none
    has_page: bool  # whether it sets a page size and margins


def _styles_by_name(doc) -> dict[str, _Element]:
    out = {}
    for style in doc.styles.element.iter(qn("style")):
        name = style.find(qn("name"))
        if name is not None:
            out.setdefault(name.get(ooxml.VAL).lower(), style)
    return out


def _style_names(doc) -> dict[str, str]:
    """Style id → name, as the file spells it."""
    return {el.get(qn("styleId")): el.find(qn("name")).get(ooxml.VAL) for el in _styles_by_name(doc).values()}


def _numbered(doc, style: _Element) -> bool:
    num = style.find(f"{qn('pPr')}/{qn('numPr')}/{qn('numId')}")
    if num is None:
        return False
    numbering = doc.part.numbering_part.element
    for n in numbering.iter(qn("num")):
        if n.get(qn("numId")) == num.get(ooxml.VAL):
            abstract = n.find(qn("abstractNumId"))
            wanted = abstract.get(ooxml.VAL) if abstract is not None else None
            return any(a.get(qn("abstractNumId")) == wanted for a in numbering.iter(qn("abstractNum")))
    return False


def _first_table_style(doc) -> str:
    names = _style_names(doc)
    for tbl in doc.element.body.iter(qn("tbl")):
        style = tbl.find(f"{qn('tblPr')}/{qn('tblStyle')}")
        if style is not None and names.get(style.get(ooxml.VAL)):
            return names[style.get(ooxml.VAL)]
    return ""


def reference_fit(reference, template) -> ReferenceFit:
    """What ``reference`` (a python-docx Document, body not yet emptied) lacks of ``template``."""
    have, need = _styles_by_name(reference), _styles_by_name(template)
    original = {
        el.find(qn("name")).get(ooxml.VAL).lower(): el.find(qn("name")).get(ooxml.VAL) for el in need.values()
    }
    missing = tuple(original[name] for name in need if name not in have)
    unnumbered = tuple(
        name for name in LIST_STYLES if name.lower() in have and not _numbered(reference, have[name.lower()])
    )
    return ReferenceFit(
        missing=missing,
        unnumbered=unnumbered,
        table_style=_first_table_style(reference),
        has_page=reference.element.body.find(qn("sectPr")) is not None,
    )


def _empty_body(doc) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("sectPr"):
            body.remove(child)
    part = doc.part
    referenced = {v for el in doc.element.iter() for k, v in el.attrib.items() if k.startswith(R_NS_PREFIX)}
    for rid, rel in list(part.rels.items()):
        if rid not in referenced and rel.reltype.rsplit("/", 1)[-1] in BODY_RELATIONSHIPS:
            del part.rels[rid]
    package = part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in PACKAGE_RELATIONSHIPS:
            del package.rels[rid]
    settings = doc.settings.element
    for tag in DROPPED_SETTINGS:
        for el in settings.findall(qn(tag)):
            settings.remove(el)


class _NumberingCopier:
    """Copies list definitions of Minutier's template into the reference's numbering, under fresh ids."""

    def __init__(self, reference, template):
        self._to = reference.part.numbering_part.element
        self._from = template.part.numbering_part.element
        self._done: dict[str, str] = {}

    def _next(self, tag: str, attr: str) -> int:
        return 1 + max((int(el.get(qn(attr))) for el in self._to.iter(qn(tag))), default=0)

    def copy(self, num_id: str) -> str:
        if num_id in self._done:
            return self._done[num_id]
        num = next(n for n in self._from.iter(qn("num")) if n.get(qn("numId")) == num_id)
        abstract_id = num.find(qn("abstractNumId")).get(ooxml.VAL)
        abstract = next(
            a for a in self._from.iter(qn("abstractNum")) if a.get(qn("abstractNumId")) == abstract_id
        )
        new_abstract, new_num = deepcopy(abstract), deepcopy(num)
        abstract_no = str(self._next("abstractNum", "abstractNumId"))
        new_abstract.set(qn("abstractNumId"), abstract_no)
        new_num.set(qn("numId"), str(self._next("num", "numId")))
        new_num.find(qn("abstractNumId")).set(ooxml.VAL, abstract_no)
        # The schema puts every abstractNum before the first num, and numIdMacAtCleanup last.
        first_num = self._to.find(qn("num"))
        cleanup = self._to.find(qn("numIdMacAtCleanup"))
        if first_num is not None:
            first_num.addprevious(new_abstract)
        elif cleanup is not None:
            cleanup.addprevious(new_abstract)
        else:
            self._to.append(new_abstract)
        if cleanup is not None:
            cleanup.addprevious(new_num)
        else:
            self._to.append(new_num)
        self._done[num_id] = new_num.get(qn("numId"))
        return self._done[num_id]


def _set_num(style: _Element, num_id: str) -> None:
    num = style.find(f"{qn('pPr')}/{qn('numPr')}/{qn('numId')}")
    if num is not None:
        num.set(ooxml.VAL, num_id)


def adopt_reference(reference, template) -> dict[str, str]:
    """Make ``reference`` ready to be written into: the pandoc --reference-doc approach.

    Its body is emptied (its last section's page, margins, headers and footers stay),
    every style of ``template`` it lacks is added with Minutier's definition (whose
    fonts, unset, come from the reference's defaults), list styles that lost their
    numbering get Minutier's back. Minutier's tables it lacks take the style of its
    own first table. Returns those aliases: style name (lower case) → style id.
    """
    fit = reference_fit(reference, template)
    _empty_body(reference)
    body = reference.element.body
    if not fit.has_page:
        sect = deepcopy(template.element.body.find(qn("sectPr")))
        for ref in sect.findall(qn("headerReference")) + sect.findall(qn("footerReference")):
            sect.remove(ref)
        body.append(sect)

    have = _styles_by_name(reference)
    aliases = {}
    if fit.table_style:
        for name in TABLE_STYLES:
            if name.lower() not in have:
                aliases[name.lower()] = have[fit.table_style.lower()].get(qn("styleId"))
    numbering = _NumberingCopier(reference, template)
    styles_el = reference.styles.element
    used_ids = {el.get(qn("styleId")) for el in styles_el.iter(qn("style"))}
    defaults = {
        el.get(qn("type")) for el in styles_el.iter(qn("style")) if el.get(qn("default")) in ("1", "true")
    }
    id_map: dict[str, str] = {}
    to_copy = []
    for name, style in _styles_by_name(template).items():
        base_id = style.get(qn("styleId"))
        if name in have:
            id_map[base_id] = have[name].get(qn("styleId"))
        elif name not in aliases:
            new_id, n = base_id, 1
            while new_id in used_ids:
                new_id, n = f"{base_id}{n}", n + 1
            used_ids.add(new_id)
            id_map[base_id] = new_id
            to_copy.append(style)
    for style in to_copy:
        new = deepcopy(style)
        new.set(qn("styleId"), id_map[style.get(qn("styleId"))])
        if new.get(qn("type")) in defaults and new.get(qn("default")) is not None:
            del new.attrib[qn("default")]
        for tag in ("basedOn", "next", "link"):
            for ref_el in new.findall(qn(tag)):
                target = id_map.get(ref_el.get(ooxml.VAL))
                if target is None:
                    new.remove(ref_el)
                else:
                    ref_el.set(ooxml.VAL, target)
        num = new.find(f"{qn('pPr')}/{qn('numPr')}/{qn('numId')}")
        if num is not None:
            _set_num(new, numbering.copy(num.get(ooxml.VAL)))
        styles_el.append(new)
    template_styles = _styles_by_name(template)
    for name in fit.unnumbered:
        style = have[name.lower()]
        source = template_styles[name.lower()].find(f"{qn('pPr')}/{qn('numPr')}")
        num_id = numbering.copy(source.find(qn("numId")).get(ooxml.VAL))
        ppr = style.find(qn("pPr"))
        if ppr is None:
            ppr = SubElement(style, qn("pPr"))
        for old in ppr.findall(qn("numPr")):
            ppr.remove(old)
        num_pr = deepcopy(source)
        follower = next((el for el in ppr if el.tag in _AFTER_NUMPR), None)
        if follower is not None:
            follower.addprevious(num_pr)
        else:
            ppr.append(num_pr)
        _set_num(style, num_id)
    # A w:lang in the defaults, so WordDocument.set_properties can state the document's language.
    ooxml.ensure_default_language(reference.styles.element, "fr-FR")
    return aliases


def check_reference(reference: bytes, template: bytes | None = None) -> ReferenceFit:
    """How the Word file ``reference`` fits Minutier's template (``template`` by default)."""
    return reference_fit(
        open_docx(reference, REFERENCE_LABEL), open_docx(template or template_bytes(), TEMPLATE_LABEL)
    )
