"""CommonMark text (the notes of a meeting) rendered as Word paragraphs and runs.

Emphasis, links and line breaks become run formatting, w:hyperlink and w:br;
lists become paragraphs numbered through the template's list styles, each
numbered list with its own w:num so that it counts from its own start.
Raw HTML is off: what a user types as « <sup> » prints as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from lxml.etree import _Element
from markdown_it import MarkdownIt
from markdown_it.token import Token

from exporters.ooxml import PLAIN, Fmt, Segment
from exporters.word import WordDocument
from exporters.word_template import BULLET_STYLE, NUMBER_STYLE

QUOTE_STYLE = "Minutier Quote"
LINK_STYLE = "Hyperlink"
LIST_INDENT = 360  # matches the template's numbering levels, in twentieths of a point
LINK_SCHEMES = ("http:", "https:", "mailto:", "ftp:")


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


class _List(NamedTuple):
    style: str
    num_id: int
    level: int


class MarkdownWriter:
    """Writes Markdown texts into a :class:`WordDocument`."""

    def __init__(self, doc: WordDocument):
        self.doc = doc
        doc.require([BULLET_STYLE, NUMBER_STYLE, QUOTE_STYLE, LINK_STYLE])
        self._link_style = doc.style(LINK_STYLE)
        self._formats: dict[tuple[bool, bool, str], Fmt] = {}

    def _fmt(self, bold: bool, italic: bool, link: str) -> Fmt:
        key = (bold, italic, link)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = Fmt(bold=bold, italic=italic, style=self._link_style if link else "", link=link)
            fmt = self._formats[key] = PLAIN if fmt == PLAIN else fmt
        return fmt

    def _segments(self, children: Sequence[Token], bold: bool = False) -> list[Segment]:
        out: list[Segment] = []
        strong = 1 if bold else 0
        emphasis = 0
        link = ""
        for tok in children:
            kind = tok.type
            if kind in ("text", "code_inline", "html_inline"):
                out.append((tok.content, self._fmt(strong > 0, emphasis > 0, link)))
            elif kind == "softbreak":
                out.append((" ", self._fmt(strong > 0, emphasis > 0, link)))
            elif kind == "hardbreak":
                out.append(("\n", self._fmt(strong > 0, emphasis > 0, link)))
            elif kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                emphasis += 1
            elif kind == "em_close":
                emphasis -= 1
            elif kind == "link_open":
                href = str(tok.attrGet("href") or "")
                # Only absolute links can open from a document; others stay plain text.
                link = href if href.lower().startswith(LINK_SCHEMES) else ""
            elif kind == "link_close":
                link = ""
            elif kind == "image":
                out.append((tok.content, self._fmt(strong > 0, emphasis > 0, link)))
        return out

    def write(
        self,
        text: str,
        parent: _Element,
        *,
        style: str = "Normal",
        lead: Sequence[Segment] = (),
        lead_style: str = "Normal",
    ) -> None:
        """Paragraphs for ``text`` at the end of ``parent``.

        ``lead`` (a speaker's name and colon) starts the first paragraph, after
        a space, when the text opens with one; else it gets its own paragraph
        in ``lead_style``.
        """
        tokens = _parser().parse(text) if text.strip() else []
        pending = list(lead)
        lists: list[_List] = []
        quotes = 0
        first_in_item = False
        heading = False
        doc = self.doc
        for tok in tokens:
            kind = tok.type
            if kind == "inline" or kind in ("code_block", "fence"):
                if kind == "inline":
                    segments = self._segments(tok.children or (), bold=heading)
                else:
                    segments = [(tok.content.rstrip("\n"), PLAIN)]
                num = indent = None
                if lists:
                    current = lists[-1]
                    if first_in_item:
                        para_style, num = current.style, (current.num_id, current.level)
                        first_in_item = False
                    else:
                        para_style, indent = style, LIST_INDENT * (current.level + 1)
                elif quotes:
                    para_style = QUOTE_STYLE
                else:
                    para_style = style
                if pending:
                    if lists or quotes or heading or kind != "inline":
                        doc.paragraph(parent, lead_style, pending)
                    else:
                        segments = [*pending, (" ", PLAIN), *segments]
                    pending = []
                doc.paragraph(parent, para_style, segments, num=num, indent=indent)
            elif kind == "bullet_list_open":
                lists.append(_List(BULLET_STYLE, doc.bullet_num, len(lists)))
            elif kind == "ordered_list_open":
                start = int(tok.attrGet("start") or 1)
                lists.append(_List(NUMBER_STYLE, doc.restarted_list(len(lists), start), len(lists)))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                first_in_item = True
            elif kind == "blockquote_open":
                quotes += 1
            elif kind == "blockquote_close":
                quotes -= 1
            elif kind == "heading_open":
                heading = True
            elif kind == "heading_close":
                heading = False
        if pending:
            doc.paragraph(parent, lead_style, pending)
