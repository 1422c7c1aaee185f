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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
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

LINE_BREAK = "\u2028"  # what Shift+Enter puts in a QTextDocument block
_OBJECT = "\ufffc"  # an embedded object (image): no text to keep
_ALWAYS = frozenset("\\`*_[]<")
_LINE_START = frozenset("#>+-=~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_ORDINAL = re.compile(r"[0-9]{1,9}[.)]")
_QUOTE_INDENT = 1
_PARAGRAPH_GAP = 6  # pixels below a paragraph, as in the exported document


@cache
def parser() -> MarkdownIt:
    # The exporter's settings (exporters.markdown_docx): raw HTML is text.
    return MarkdownIt("commonmark", {"html": False})


# Writing -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


def is_bold(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() >= QFont.Weight.DemiBold


def block_runs(block: QTextBlock) -> list[Run]:
    """The block's text as runs of the formatting Markdown keeps (adjacent equal runs joined)."""
    runs: list[Run] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        text = fragment.text().replace(_OBJECT, "")
        href = fmt.anchorHref() if fmt.isAnchor() else ""
        run = Run(text, is_bold(fmt), fmt.fontItalic(), href)
        if not text:
            continue
        if runs and (runs[-1].bold, runs[-1].italic, runs[-1].href) == (run.bold, run.italic, run.href):
            runs[-1] = Run(runs[-1].text + text, run.bold, run.italic, run.href)
        else:
            runs.append(run)
    return runs


def normal_runs(runs: list[Run]) -> list[Run]:
    """``runs`` as they come back from storage: what Markdown cannot carry taken out.

    Leading and trailing line breaks go; a space or line break between two
    formatted spans keeps only the formatting both sides share.
    """
    text = "".join(r.text for r in runs)
    head = len(text) - len(text.lstrip(LINE_BREAK))
    tail = len(text.rstrip(LINE_BREAK))
    trimmed: list[Run] = []
    at = 0
    for run in runs:
        low, high = max(head, at), min(tail, at + len(run.text))
        if low < high:
            trimmed.append(Run(text[low:high], run.bold, run.italic, run.href))
        at += len(run.text)
    return _space_marks(trimmed)


def _nearest(chars, i: int, step: int, href: str):
    j = i + step
    while 0 <= j < len(chars) and chars[j][3] == href:
        if not chars[j][0].isspace():
            return chars[j]
        j += step
    return None


def _space_marks(runs: list[Run]) -> list[Run]:
    """Spaces take the marks both neighbouring letters share, so no span opens or closes on a space."""
    chars = [(c, r.bold, r.italic, r.href) for r in runs for c in r.text]
    out: list[Run] = []
    for i, (c, bold, italic, href) in enumerate(chars):
        if c.isspace():
            left, right = _nearest(chars, i, -1, href), _nearest(chars, i, 1, href)
            bold = bool(left and right and left[1] and right[1])
            italic = bool(left and right and left[2] and right[2])
        if out and (out[-1].bold, out[-1].italic, out[-1].href) == (bold, italic, href):
            out[-1] = Run(out[-1].text + c, bold, italic, href)
        else:
            out.append(Run(c, bold, italic, href))
    return out


def _replacements(text: str, at_line_start: bool) -> dict[int, str]:
    """Where ``text`` needs escaping to read back as exactly these characters: position → what to write.

    Decided on the whole text of a link or of the stretch between links, never
    on one run of it, so the same characters are always written the same way.
    """
    out: dict[int, str] = {}
    for i, c in enumerate(text):
        if c in _ALWAYS or (c == "&" and _ENTITY.match(text, i)):  # « &amp; » would read as « & »
            out[i] = "\\" + c
    starts = [0] if at_line_start else []
    starts += [m.end() for m in re.finditer("\n", text)]
    for i in starts:
        while i < len(text) and text[i] in " \t":
            out[i] = f"&#{ord(text[i])};"  # leading blanks would be dropped, or make a code block
            i += 1
        if i < len(text) and text[i] in _LINE_START:
            out[i] = "\\" + text[i]
        elif ordinal := _ORDINAL.match(text, i):
            out[ordinal.end() - 1] = "\\" + text[ordinal.end() - 1]  # « 1. » would start a list
    return out


def escape(text: str, at_line_start: bool) -> str:
    """``text`` as CommonMark that reads back as exactly these characters, nothing else."""
    replacements = _replacements(text, at_line_start)
    return "".join(replacements.get(i, c) for i, c in enumerate(text))


def _trailing_blanks(line: str) -> str:
    stripped = line.rstrip(" \t")
    return stripped + "".join(f"&#{ord(c)};" for c in line[len(stripped) :])


def _destination(url: str) -> str:
    if any(c.isspace() for c in url) or not url:
        return "<" + re.sub(r"([<>\\])", r"\\\1", url) + ">"
    url = re.sub(r"([()\\])", r"\\\1", url)
    return re.sub(r"&(?=(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);)", r"\\&", url)


def _marks(run: Run) -> set[str]:
    return {m for m, on in (("**", run.bold), ("*", run.italic)) if on}


def _emphasis(runs: list[Run], at_line_start: bool) -> str:
    """Runs of one link (or of no link) with ``*`` and ``**`` opened and closed around them.

    Delimiters must never touch (``*`` closing then ``**`` opening reads as
    one run of three): the mark lasting longer opens first, and where an
    inner mark would have to close and reopen on a space, everything closes
    before the space and reopens after it.
    """
    runs = [
        Run(piece, run.bold, run.italic, run.href)
        for run in runs
        for piece in re.split(r"(\s+)", run.text)
        if piece
    ]
    wanted = [_marks(run) for run in runs]
    replacements = _replacements("".join(run.text for run in runs), at_line_start)
    out: list[str] = []
    stack: list[str] = []  # innermost last
    at = 0
    for n, run in enumerate(runs):
        marks = wanted[n]
        closing = [m for m in stack if m not in marks]
        if closing:
            depth = min(stack.index(m) for m in closing)
            if any(m in marks for m in stack[depth:]) and not run.text.strip():
                marks = set()  # a space: drop its marks rather than close and reopen around it
                depth = 0
            while len(stack) > depth:
                out.append(stack.pop())

        def lasts(mark: str, n: int = n) -> int:
            end = n
            while end < len(wanted) and mark in wanted[end]:
                end += 1
            return end

        for mark in sorted(marks - set(stack), key=lambda m: (-lasts(m), m)):
            stack.append(mark)
            out.append(mark)
        out.extend(replacements.get(at + k, c) for k, c in enumerate(run.text))
        at += len(run.text)
    while stack:
        out.append(stack.pop())
    return "".join(out)


def _inline_lines(runs: list[Run]) -> list[str]:
    pieces: list[str] = []
    i = 0
    at_start = True
    while i < len(runs):
        href = runs[i].href
        group = []
        while i < len(runs) and runs[i].href == href:
            group.append(runs[i])
            i += 1
        text = _emphasis(group, at_start and not href)
        if href:
            pieces.append(f"[{text}]({_destination(href)})")
        else:
            if i < len(runs) and text.endswith("!"):
                text = text[:-1] + "\\!"  # before a link it would make an image
            pieces.append(text)
        at_start = group[-1].text.endswith("\n")
    return [_trailing_blanks(line) for line in "".join(pieces).split("\n")]


def _visible(runs: list[Run]) -> list[tuple[str, bool, bool, str]]:
    """Per character, the formatting that shows: bold and italic on spaces do not."""
    return [
        (c, r.bold and not c.isspace(), r.italic and not c.isspace(), r.href) for r in runs for c in r.text
    ]


def parsed_runs(inline: str) -> list[Run]:
    """What the exporter's parser reads in one paragraph's ``inline`` Markdown."""
    runs: list[Run] = []
    bold = italic = 0
    href = ""
    for tok in parser().parseInline(inline)[0].children or []:
        kind = tok.type
        if kind in ("text", "code_inline", "softbreak", "hardbreak"):
            text = {"softbreak": " ", "hardbreak": "\n"}.get(kind, tok.content)
            runs.append(Run(text, bold > 0, italic > 0, href))
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            href = str(tok.attrGet("href") or "")
        elif kind == "link_close":
            href = ""
    return runs


def inline_markdown(runs: list[Run], continuation: str = "") -> str:
    """One block's runs as CommonMark inline text; line breaks go on to lines led by ``continuation``.

    Bold or italic that CommonMark cannot open or close where it lies (next
    to punctuation inside a word: « x**(y)**z ») would come back as
    asterisks in the text; such marks are dropped, the text is kept.
    """
    runs = [Run(r.text.replace(LINE_BREAK, "\n"), r.bold, r.italic, r.href) for r in normal_runs(runs)]
    want = _visible(runs)
    lines = _inline_lines(runs)
    if _visible(parsed_runs("\\\n".join(lines))) != want:
        lines = _without_unwritable_marks(runs)
    return ("\\\n" + continuation).join(lines)


def _without_unwritable_marks(runs: list[Run]) -> list[str]:
    """The lines with as few marks dropped as it takes for the text to read back unchanged."""
    for n, run in enumerate(runs):
        if not (run.bold or run.italic):
            continue
        tried = [*runs[:n], Run(run.text, href=run.href), *runs[n + 1 :]]
        lines = _inline_lines(tried)
        if _visible(parsed_runs("\\\n".join(lines))) == _visible(tried):
            return lines
    return _inline_lines([Run(r.text, href=r.href) for r in runs])


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
