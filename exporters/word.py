"""A Word document started from the reference template: styles by name, lists, links, pictures.

Everything printed goes through :meth:`WordDocument.paragraph`, which applies
the document's typography, so no caller can forget it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from copy import deepcopy
from functools import cache
from importlib import resources
from typing import NamedTuple

import docx
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm
from lxml.etree import SubElement, _Element

from exporters import ooxml
from exporters.errors import ExportError
from exporters.ooxml import PLAIN, Fmt, Segment, qn

TEMPLATE_PACKAGE = "resources.templates"
TEMPLATE_FILE = "compte-rendu.docx"
LOGO_MAX_WIDTH = Cm(4)
LOGO_MAX_HEIGHT = Cm(2.5)
# Styles the exporter cannot do without; checked up front so a restyled template
# that lost one fails with its name rather than producing a half-styled file.
BULLET_STYLE = "Minutier Bullet"
W_W_ATTR, W_H_ATTR = qn("w"), qn("h")
NUMBER_STYLE = "Minutier Number"


@cache
def template_bytes() -> bytes:
    try:
        return resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FILE).read_bytes()
    except OSError as exc:
        raise ExportError(f"The Word template {TEMPLATE_FILE} cannot be read ({exc}).") from None


REFERENCE_LABEL = "The Word file chosen for the styles"


def _open(data: bytes, what: str) -> docx.document.Document:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety of types for a bad package
        raise ExportError(f"{what} is not a usable .docx file ({exc}).") from None


class WordDocument:
    """The document being written.

    With ``reference`` (a user's Word file, as pandoc's --reference-doc), the
    document starts from that file emptied of its text, so its styles, page,
    headers and footers are the export's; what Minutier needs and it lacks is
    added from ``template`` (see :func:`adopt_reference`).
    """

    def __init__(
        self,
        template: bytes,
        transform: Callable[[Sequence[str]], list[str]],
        *,
        reference: bytes | None = None,
    ):
        aliases: dict[str, str] = {}
        self._from_reference = reference is not None
        if reference is None:
            self._doc = _open(template, "The Word template")
        else:
            self._doc = _open(reference, REFERENCE_LABEL)
            aliases = adopt_reference(self._doc, _open(template, "The Word template"))
        self._part = self._doc.part
        self._transform = transform
        self._links: dict[str, str] = {}
        self.body = self._doc.element.body
        self._sect_pr = self.body.find(qn("sectPr"))
        for child in list(self.body):
            self.body.remove(child)
        self._styles = self._read_styles()
        self._styles.update(aliases)
        self._numbering = self._part.numbering_part.element
        self._next_num = 1 + max(
            (int(n.get(qn("numId"))) for n in self._numbering.iter(qn("num"))), default=0
        )
        self.bullet_num = self._style_num(BULLET_STYLE)
        self._number_abstract = self._abstract_of(self._style_num(NUMBER_STYLE))

    # ------------------------------------------------------------ styles

    def _read_styles(self) -> dict[str, str]:
        styles = {}
        for style in self._doc.styles.element.iter(qn("style")):
            name = style.find(qn("name"))
            if name is not None:
                # Word stores built-in names in lower case ("heading 1"); match regardless.
                styles[name.get(ooxml.VAL).lower()] = style.get(qn("styleId"))
        return styles

    def style(self, name: str) -> str:
        """The id of the template style called ``name``."""
        try:
            return self._styles[name.lower()]
        except KeyError:
            raise ExportError(f'The Word template has no style named "{name}".') from None

    def require(self, names: Sequence[str]) -> None:
        for name in names:
            self.style(name)

    # ------------------------------------------------------------ lists

    def _style_num(self, name: str) -> int:
        style_id = self.style(name)
        for style in self._doc.styles.element.iter(qn("style")):
            if style.get(qn("styleId")) == style_id:
                num = style.find(f"{qn('pPr')}/{qn('numPr')}/{qn('numId')}")
                if num is not None:
                    return int(num.get(ooxml.VAL))
        raise ExportError(f'The Word template\'s style "{name}" has no list numbering.')

    def _abstract_of(self, num_id: int) -> str:
        for num in self._numbering.iter(qn("num")):
            if num.get(qn("numId")) == str(num_id):
                return num.find(qn("abstractNumId")).get(ooxml.VAL)
        raise ExportError(f"The Word template's numbering {num_id} is missing.")

    def restarted_list(self, level: int, start: int = 1) -> int:
        """A fresh numbering for one numbered list, so each list counts from ``start``."""
        num_id = self._next_num
        self._next_num += 1
        ooxml.restarted_num(self._numbering, num_id, self._number_abstract, level, start)
        return num_id

    # ------------------------------------------------------------ content

    def link(self, url: str) -> str:
        rid = self._links.get(url)
        if rid is None:
            rid = self._links[url] = self._part.relate_to(url, RT.HYPERLINK, is_external=True)
        return rid

    def paragraph(
        self,
        parent: _Element,
        style: str | None,
        segments: Sequence[Segment],
        *,
        num: tuple[int, int] | None = None,
        indent: int | None = None,
        keep_next: bool = False,
    ) -> _Element:
        """A paragraph in the named ``style`` holding ``segments`` after typography.

        Headings are kept with the next paragraph on the paragraph itself, not only
        through the style: a template restyled in Word must not let a heading end a
        page away from what it introduces.
        """
        keep_next = keep_next or bool(style and style.lower().startswith("heading "))
        p = ooxml.paragraph(
            parent, self.style(style) if style else None, num=num, indent=indent, keep_next=keep_next
        )
        if segments:
            texts = self._transform([text for text, _ in segments])
            ooxml.add_runs(p, zip(texts, (fmt for _, fmt in segments), strict=True), self.link)
        return p

    def text(self, parent: _Element, style: str | None, text: str, fmt: Fmt = PLAIN) -> _Element:
        return self.paragraph(parent, style, [(text, fmt)] if text else [])

    def table(self, parent: _Element, style: str, widths: Sequence[int]) -> _Element:
        """An empty table in the named table ``style``, columns ``widths`` twips wide."""
        tbl = ooxml.table(parent, self.style(style), widths)
        if self._from_reference:
            # ooxml's w:val 04A0 also switches on the first column, which LibreOffice follows
            # over the attributes; a user's table style (bold first column, banded rows) would
            # then print the first names bold. 0620: header row only, no banding, as the attributes say.
            tbl.find(f"{qn('tblPr')}/{qn('tblLook')}").set(ooxml.VAL, "0620")
        return tbl

    def row(self, tbl: _Element, *, header: bool = False, cant_split: bool = False) -> _Element:
        return ooxml.row(tbl, header=header, cant_split=cant_split)

    def cell(self, tr: _Element, width: int) -> _Element:
        return ooxml.cell(tr, width)

    def anchor(self, kind: str, row_id: int | None) -> None:
        """Where a section or block starts; only the preview links them back to the editor."""

    def picture(self, parent: _Element, style: str, data: bytes) -> None:
        """A paragraph holding the image ``data``, scaled to fit the logo box."""
        try:
            image = Image.from_blob(data)
            width, height = image.scaled_dimensions(LOGO_MAX_WIDTH, None)
            if height > LOGO_MAX_HEIGHT:
                width, height = image.scaled_dimensions(None, LOGO_MAX_HEIGHT)
            inline = self._part.new_pic_inline(io.BytesIO(data), width, height)
        except UnrecognizedImageError:
            raise ExportError("The meeting's logo is not an image Word can show (PNG or JPEG).") from None
        except Exception as exc:  # a truncated or corrupt image fails in python-docx's parsers
            raise ExportError(f"The meeting's logo cannot be read ({type(exc).__name__}).") from None
        p = ooxml.paragraph(parent, self.style(style))
        SubElement(SubElement(p, ooxml.R), qn("drawing")).append(inline)

    # ------------------------------------------------------------ package

    def set_properties(
        self,
        title: str,
        language_tag: str,
        *,
        subject: str = "",
        author: str = "",
        when: dt.datetime | None = None,
    ) -> None:
        """Core properties: what the file is, who wrote it, when; and the document's language.

        Every field is written, so nothing is left from the template (its fixed
        2024-01-01 dates) or from python-docx's defaults.
        """
        props = self._doc.core_properties
        props.title = ooxml.clean(title)[:255]
        props.subject = ooxml.clean(subject)[:255]
        props.author = props.last_modified_by = ooxml.clean(author)[:255] or "Minutier"
        props.language = language_tag
        props.revision = 1
        # Second precision: the W3CDTF dates Word writes; the time of export, in UTC.
        stamp = (when or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = stamp
        lang = self._doc.styles.element.find(
            f"{qn('docDefaults')}/{qn('rPrDefault')}/{qn('rPr')}/{qn('lang')}"
        )
        if lang is not None:
            lang.set(ooxml.VAL, language_tag)

    def set_page(self, *, landscape: bool, margin: int) -> None:
        """A4 upright or on its side, with ``margin`` twips on every side; keeps the footer."""
        if self._sect_pr is None:
            return
        size = self._sect_pr.find(qn("pgSz"))
        if size is not None:
            short, long = sorted((int(size.get(W_W_ATTR)), int(size.get(W_H_ATTR))))
            width, height = (long, short) if landscape else (short, long)
            size.set(W_W_ATTR, str(width))
            size.set(W_H_ATTR, str(height))
            if landscape:
                size.set(qn("orient"), "landscape")
            elif size.get(qn("orient")) is not None:
                del size.attrib[qn("orient")]
        mar = self._sect_pr.find(qn("pgMar"))
        if mar is not None:
            for side in ("top", "right", "bottom", "left"):
                mar.set(qn(side), str(margin))

    def text_width(self) -> int:
        """The width between the margins, in twips."""
        size = self._sect_pr.find(qn("pgSz")) if self._sect_pr is not None else None
        mar = self._sect_pr.find(qn("pgMar")) if self._sect_pr is not None else None
        if size is None or mar is None:
            return 9070
        return int(size.get(W_W_ATTR)) - int(mar.get(qn("left"))) - int(mar.get(qn("right")))

    def to_bytes(self) -> bytes:
        if self._sect_pr is not None:
            self.body.append(self._sect_pr)
            self._sect_pr = None
        out = io.BytesIO()
        self._doc.save(out)
        return out.getvalue()


# ---------------------------------------------------------------- a user's file as the template

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
    _ensure_language(reference)
    return aliases


def _ensure_language(doc) -> None:
    """A w:lang in the defaults, so set_properties can state the document's language."""
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("docDefaults"))
    if defaults is None:
        defaults = SubElement(styles_el, qn("docDefaults"))
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("rPrDefault"))
    if rpr_default is None:
        rpr_default = SubElement(defaults, qn("rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("rPr"))
    if rpr is None:
        rpr = SubElement(rpr_default, qn("rPr"))
    if rpr.find(qn("lang")) is None:
        lang = SubElement(rpr, qn("lang"))
        lang.set(ooxml.VAL, "fr-FR")
        for later in ("eastAsianLayout", "specVanish", "oMath"):
            follower = rpr.find(qn(later))
            if follower is not None:
                follower.addprevious(lang)
                break


def check_reference(reference: bytes, template: bytes | None = None) -> ReferenceFit:
    """How the Word file ``reference`` fits Minutier's template (``template`` by default)."""
    return reference_fit(
        _open(reference, REFERENCE_LABEL), _open(template or template_bytes(), "The Word template")
    )
