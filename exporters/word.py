"""A Word document started from the reference template: styles by name, lists, links, pictures.

Everything printed goes through :meth:`WordDocument.paragraph`, which applies
the document's typography, so no caller can forget it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

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
NUMBER_STYLE = "Minutier Number"


@cache
def template_bytes() -> bytes:
    try:
        return resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FILE).read_bytes()
    except OSError as exc:
        raise ExportError(f"The Word template {TEMPLATE_FILE} cannot be read ({exc}).") from None


class WordDocument:
    def __init__(self, template: bytes, transform: Callable[[Sequence[str]], list[str]]):
        try:
            self._doc = docx.Document(io.BytesIO(template))
        except Exception as exc:  # python-docx raises a variety of types for a bad package
            raise ExportError(f"The Word template is not a usable .docx file ({exc}).") from None
        self._part = self._doc.part
        self._transform = transform
        self._links: dict[str, str] = {}
        self.body = self._doc.element.body
        self._sect_pr = self.body.find(qn("sectPr"))
        for child in list(self.body):
            self.body.remove(child)
        self._styles = self._read_styles()
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
    ) -> _Element:
        """A paragraph in the named ``style`` holding ``segments`` after typography."""
        p = ooxml.paragraph(parent, self.style(style) if style else None, num=num, indent=indent)
        if segments:
            texts = self._transform([text for text, _ in segments])
            ooxml.add_runs(p, zip(texts, (fmt for _, fmt in segments), strict=True), self.link)
        return p

    def text(self, parent: _Element, style: str | None, text: str, fmt: Fmt = PLAIN) -> _Element:
        return self.paragraph(parent, style, [(text, fmt)] if text else [])

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

    def set_properties(self, title: str, language_tag: str) -> None:
        props = self._doc.core_properties
        props.title = ooxml.clean(title)[:255]
        props.language = language_tag
        lang = self._doc.styles.element.find(
            f"{qn('docDefaults')}/{qn('rPrDefault')}/{qn('rPr')}/{qn('lang')}"
        )
        if lang is not None:
            lang.set(ooxml.VAL, language_tag)

    def to_bytes(self) -> bytes:
        if self._sect_pr is not None:
            self.body.append(self._sect_pr)
            self._sect_pr = None
        out = io.BytesIO()
        self._doc.save(out)
        return out.getvalue()
