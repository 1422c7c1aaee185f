"""A Word document started from the template: styles by name, lists, links, pictures, the page.

Everything printed goes through :meth:`WordDocument.paragraph`, which applies
the document's typography, so no caller can forget it. The XML itself is
written by :mod:`exporters.ooxml`; Minutier's template is
:mod:`exporters.word_template`, a user's Word file :mod:`exporters.user_template`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm
from lxml.etree import _Element

from exporters import ooxml
from exporters.errors import ExportError
from exporters.ooxml import PLAIN, Fmt, Segment, qn
from exporters.user_template import adopt_reference
from exporters.word_template import (
    BULLET_STYLE,
    NUMBER_STYLE,
    REFERENCE_LABEL,
    TEMPLATE_LABEL,
    open_docx,
    template_bytes,
)

__all__ = ["WordDocument", "template_bytes"]  # template_bytes: the tests take it from here

LOGO_MAX_WIDTH = Cm(4)
LOGO_MAX_HEIGHT = Cm(2.5)
DEFAULT_TEXT_WIDTH = 9070  # twips, when the template states no page


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
            self._doc = open_docx(template, TEMPLATE_LABEL)
        else:
            self._doc = open_docx(reference, REFERENCE_LABEL)
            aliases = adopt_reference(self._doc, open_docx(template, TEMPLATE_LABEL))
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
        # The default w:val 04A0 also switches on the first column, which LibreOffice follows
        # over the attributes; a user's table style (bold first column, banded rows) would
        # then print the first names bold. 0620: header row only, no banding, as the attributes say.
        look = ooxml.LOOK_HEADER_ONLY if self._from_reference else ooxml.LOOK_DEFAULT
        return ooxml.table(parent, self.style(style), widths, look=look)

    def row(
        self, tbl: _Element, *, header: bool = False, cant_split: bool = False, min_height: int = 0
    ) -> _Element:
        """A table row; a header row repeats on each page; ``min_height`` in twips."""
        return ooxml.row(tbl, header=header, cant_split=cant_split, min_height=min_height)

    def cell(self, tr: _Element, width: int, *, v_center: bool = False) -> _Element:
        """A cell ``width`` twips wide, its text centred vertically if ``v_center``."""
        return ooxml.cell(tr, width, v_center=v_center)

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
        ooxml.picture(ooxml.paragraph(parent, self.style(style)), inline)

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
        ooxml.set_default_language(self._doc.styles.element, language_tag)

    def set_page(self, *, landscape: bool, margin: int) -> None:
        """A4 upright or on its side, with ``margin`` twips on every side; keeps the footer."""
        if self._sect_pr is not None:
            ooxml.page_setup(self._sect_pr, landscape=landscape, margin=margin)

    def text_width(self) -> int:
        """The width between the margins, in twips."""
        return ooxml.text_width(self._sect_pr, DEFAULT_TEXT_WIDTH)

    def to_bytes(self) -> bytes:
        if self._sect_pr is not None:
            self.body.append(self._sect_pr)
            self._sect_pr = None
        out = io.BytesIO()
        self._doc.save(out)
        return out.getvalue()
