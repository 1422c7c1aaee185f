"""The editor's documents as stored CommonMark, and back.

Qt's own ``toMarkdown`` escapes incompletely (a typed ``**x**`` came back
bold, ``2*3*4`` italic), so both directions are written here: the writer
walks the document's blocks and fragments and escapes every character
that CommonMark could read as syntax, so only the formatting applied in
the editor (bold, italic, links, bullet and numbered lists) becomes
Markdown; the reader parses with the exporter's parser (markdown-it), so
the editor shows what the Word export prints.

Not representable, hence normalised: empty paragraphs, leading and
trailing line breaks of a paragraph, and bold or italic on the spaces at
the edge of a formatted span (they take the formatting of both sides, or
none). Headings and quotes from older texts are kept; code becomes text.

The pieces: ``ui.richtext_runs`` (a block's formatted runs),
``ui.richtext_escape`` and ``ui.richtext_inline`` (one block's inline
CommonMark); here, the walk over the blocks, both ways.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QBrush,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from ui.richtext_inline import inline_markdown, parser
from ui.richtext_runs import LINE_BREAK, block_runs

_QUOTE_INDENT = 1
_PARAGRAPH_GAP = 6  # pixels below a paragraph, as in the exported document


# Writing -----------------------------------------------------------------------------------------


def _list_marker(block: QTextBlock, bullet_alt: bool, number_alt: bool) -> str:
    text_list = block.textList()
    fmt = text_list.format()
    if fmt.style() in (
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    ):
        number = text_list.itemNumber(block) + max(fmt.start(), 0)
        return f"{number}{')' if number_alt else '.'} "
    return "* " if bullet_alt else "- "


def document_markdown(document: QTextDocument) -> str:
    """The stored form of ``document``: CommonMark, one line per paragraph, nothing around."""
    out: list[str] = []
    # Open list items: (list, content column); a block's list nests under the item above it.
    items: list[tuple[object, int, int]] = []  # (QTextList key, indent level, content column)
    alternate: dict[int, bool] = {}  # list key -> uses the other marker (so adjacent lists stay apart)
    last_list_key: dict[bool, int | None] = {True: None, False: None}  # ordered? -> key of last top list
    previous_list = None
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        runs = block_runs(block)
        fmt = block.blockFormat()
        quote = max(fmt.intProperty(QTextFormat.Property.BlockQuoteLevel), 0)
        quote_prefix = "> " * quote
        if text_list is not None:
            key = text_list.objectIndex()
            level = max(text_list.format().indent(), 1)
            while items and items[-1][1] >= level:
                items.pop()
            column = items[-1][2] if items else 0
            ordered = text_list.format().style() not in (
                QTextListFormat.Style.ListDisc,
                QTextListFormat.Style.ListCircle,
                QTextListFormat.Style.ListSquare,
            )
            if key not in alternate:
                # A list right after another of the same kind would join it: use the other marker.
                joined = not items and previous_list is not None and last_list_key[ordered] == previous_list
                alternate[key] = (not alternate.get(previous_list, False)) if joined else False
            if not items:
                last_list_key[ordered] = key
            marker = _list_marker(block, alternate[key], alternate[key])
            continuation = quote_prefix + " " * (column + len(marker))
            line = " " * column + marker + inline_markdown(runs, continuation)
            separator = "\n" if previous_list is not None else "\n\n"
            items.append((key, level, column + len(marker)))
            previous_list = key
        else:
            items.clear()
            if not "".join(r.text for r in runs).strip(LINE_BREAK):
                block = block.next()
                continue
            heading = max(fmt.headingLevel(), 0)
            if heading:
                text = re.sub(r"(?<!\\)#", r"\\#", inline_markdown(runs, quote_prefix))
                line = "#" * min(heading, 6) + " " + text.replace("\\\n", " ").replace("\n", " ")
            else:
                line = inline_markdown(runs, quote_prefix)
            separator = "\n\n"
            previous_list = None
        if quote:
            line = quote_prefix + line
        if out:
            out.append(separator)
        out.append(line.rstrip(" ") if not line.endswith("\\") else line)
        block = block.next()
    return "".join(out)


# Reading -----------------------------------------------------------------------------------------


def _char_format(bold: int, italic: int, href: str, link_brush: QBrush | None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(bool(italic))
    if href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        if link_brush is not None:
            fmt.setForeground(link_brush)
    return fmt


_ORDERED = QTextListFormat.Style.ListDecimal
_BULLET = QTextListFormat.Style.ListDisc


def load_markdown(document: QTextDocument, text: str, link_brush: QBrush | None = None) -> None:
    """Replace ``document``'s content with stored ``text``, the inverse of :func:`document_markdown`."""
    document.clear()
    cursor = QTextCursor(document)
    first = True
    lists: list[dict] = []  # open lists: style, start, indent, the QTextList once made
    item_first = False
    quote = 0
    heading = 0

    def new_block(block_format: QTextBlockFormat) -> None:
        nonlocal first
        if first:
            cursor.setBlockFormat(block_format)
            first = False
        else:
            cursor.insertBlock(block_format, QTextCharFormat())

    for tok in parser().parse(text) if text.strip() else []:
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrGet("start") or 1) if kind == "ordered_list_open" else 1
            lists.append({"style": _ORDERED if kind == "ordered_list_open" else _BULLET, "start": start})
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_first = True
        elif kind == "list_item_close" and item_first:
            _start_block(new_block, cursor, lists, True, quote, 0)  # an empty item
            item_first = False
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            heading = int(tok.tag[1:])
        elif kind == "heading_close":
            heading = 0
        elif kind == "inline":
            _start_block(new_block, cursor, lists, item_first, quote, heading)
            item_first = False
            _insert_inline(cursor, tok.children or [], link_brush)
        elif kind in ("code_block", "fence", "html_block"):
            for line in tok.content.rstrip("\n").split("\n"):
                _start_block(new_block, cursor, lists, item_first, quote, 0)
                item_first = False
                cursor.insertText(line, QTextCharFormat())
    document.setModified(False)


def _start_block(
    new_block, cursor: QTextCursor, lists: list[dict], list_item: bool, quote: int, heading: int
) -> None:
    fmt = QTextBlockFormat()
    if quote:
        fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, quote)
        fmt.setIndent(quote * _QUOTE_INDENT)
    if heading:
        fmt.setHeadingLevel(heading)
    if lists and not list_item:
        fmt.setIndent(fmt.indent() + len(lists))  # a later paragraph of an item: under it
    if not lists:
        # Stored text keeps no empty paragraphs, so the gap between paragraphs is drawn instead.
        fmt.setBottomMargin(_PARAGRAPH_GAP)
    new_block(fmt)
    if lists and list_item:
        current = lists[-1]
        if current.get("list") is None:
            list_format = QTextListFormat()
            list_format.setStyle(current["style"])
            list_format.setIndent(len(lists))
            if current["start"] != 1:
                list_format.setStart(current["start"])
            current["list"] = cursor.createList(list_format)
        else:
            current["list"].add(cursor.block())


def _insert_inline(cursor: QTextCursor, children, link_brush: QBrush | None) -> None:
    bold = italic = 0
    href = ""
    for tok in children:
        kind = tok.type
        if kind in ("text", "code_inline", "html_inline", "image"):
            cursor.insertText(tok.content, _char_format(bold, italic, href, link_brush))
        elif kind == "softbreak":
            cursor.insertText(" ", _char_format(bold, italic, href, link_brush))
        elif kind == "hardbreak":
            cursor.insertText(LINE_BREAK, _char_format(bold, italic, href, link_brush))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(tok.attrGet("href") or "")
        elif kind == "link_close":
            href = ""
