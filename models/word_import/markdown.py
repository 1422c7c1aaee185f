"""Word paragraphs back to the CommonMark that Minutier stores: bold, italic, links, lists, quotes.

Plain text is escaped where CommonMark would read it as markup (« * », « _ »,
« [ », a line starting with « - » or « 1. »…), so that the text prints back
exactly as it was read. The typography the exporter adds (no-break spaces
before « : » and inside « « » ») is undone: it is added again on export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from models.word_import.document import Para, Run

QUOTE_STYLES = frozenset({"Minutier Quote", "Quote", "Intense Quote"})
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]<]")
_LINE_MARK = re.compile(r"(?m)^(\s*)(#{1,6}(?=\s|$)|[>+=~-](?=\s|$|[=~-]))")
_NUMBER_MARK = re.compile(r"(?m)^(\s*\d{1,9})([.)])(?=\s|$)")
_TYPO_BEFORE = re.compile("[\u00a0\u202f](?=[:;!?»])")
_TYPO_AFTER = re.compile("(?<=«)\u00a0")


def plain(text: str) -> str:
    """Text as it was typed: the exporter's French no-break spaces back to plain spaces."""
    if "\u00a0" not in text and "\u202f" not in text:
        return text
    return _TYPO_AFTER.sub(" ", _TYPO_BEFORE.sub(" ", text))


def inline(runs: Sequence[Run]) -> str:
    """Markdown of runs: bold and italic as ** and *, links as [text](url), line breaks kept."""
    merged: list[list] = []
    for run in runs:
        text = plain(run.text)
        if merged and merged[-1][1:] == [run.bold, run.italic, run.link]:
            merged[-1][0] += text
        else:
            merged.append([text, run.bold, run.italic, run.link])
    out: list[str] = []
    i = 0
    while i < len(merged):
        link = merged[i][3]
        j = i
        while j < len(merged) and merged[j][3] == link:
            j += 1
        inner = _emphasis(merged[i:j])
        if link and inner.strip():
            out.append(f"[{inner}]({_url(link)})")
        else:
            out.append(inner)
        i = j
    text = "".join(out)
    # A line break is a hard break; each line is stripped so no indent turns into code.
    lines = [line.strip() for line in text.split("\n")]
    return _fix_numbers("\\\n".join(lines))


def _fix_numbers(text: str) -> str:
    # « 2023. » at a line start would open a numbered list: escape its dot.
    if not (text[:1].isdigit() or "\n" in text):
        return text
    return _NUMBER_MARK.sub(r"\1\\\2", text)


def _url(link: str) -> str:
    if re.search(r"[\s()<>]", link):
        return "<" + link.replace("<", "%3C").replace(">", "%3E") + ">"
    return link


def _emphasis(parts: list[list]) -> str:
    out: list[str] = []
    for text, bold, italic, _link in parts:
        body = _escape_inline(text)
        core = body.strip()
        if not core or not (bold or italic):
            out.append(body)
            continue
        lead = body[: len(body) - len(body.lstrip())]
        tail = body[len(body.rstrip()) :]
        mark = "***" if bold and italic else "**" if bold else "*"
        out.append(f"{lead}{mark}{core}{mark}{tail}")
    return "".join(out)


def _escape_inline(text: str) -> str:
    # Most text needs nothing: look before running each substitution.
    if _NEEDS_ESCAPE.search(text):
        text = _INLINE_SPECIAL.sub(r"\\\1", text)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if text[:1] in "#>+=~- \t" or "\n" in text:
        text = _LINE_MARK.sub(r"\1\\\2", text)
    return text


def strip_typed_bullet(runs: tuple[Run, ...]) -> tuple[Run, ...] | None:
    """The runs without a bullet typed by hand (« ● », « • », « - »), or None when there is none."""
    if not runs:
        return None
    first = runs[0]
    match = re.match(r"^\s*([●•◦○■▪·–\-*])[\s\u00a0]+", first.text)
    if not match:
        return None
    rest = first.text[match.end() :]
    tail = runs[1:]
    return ((first._replace(text=rest),) if rest else ()) + tail


def to_markdown(paragraphs: Iterable[Para]) -> str:
    """The paragraphs as one Markdown text: blank lines between blocks, lists as lists."""
    blocks: list[str] = []
    list_lines: list[str] = []
    list_key = None
    indents: list[int] = []
    bullet_char = "-"
    quote_lines: list[str] = []

    def flush_list() -> None:
        nonlocal list_lines, indents
        if list_lines:
            blocks.append("\n".join(list_lines))
            list_lines = []
            indents = []

    def flush_quote() -> None:
        nonlocal quote_lines
        if quote_lines:
            blocks.append("\n>\n".join(quote_lines))
            quote_lines = []

    for para in paragraphs:
        runs = para.runs
        level = para.list_level
        text = inline(runs)
        if not text.strip():
            continue
        if level >= 0:
            flush_quote()
            key = (para.num_id, para.numbered)
            if list_lines and key != list_key and level == 0:
                flush_list()
                # Two lists in a row stay two lists when their markers differ.
                bullet_char = "*" if bullet_char == "-" else "-"
            list_key = key
            while len(indents) > level + 1:
                indents.pop()
            base = (
                indents[level - 1]
                if level > 0 and len(indents) >= level
                else (indents[-1] if indents and level > 0 else 0)
            )
            if para.numbered:
                number = para.start if not list_lines or len(indents) <= level else 1
                marker = f"{number}. "
                if number != 1 and list_lines:
                    # Only a list counting from 1 may interrupt the line above: a blank line first.
                    list_lines.append("")
            else:
                marker = f"{bullet_char} "
            list_lines.append(" " * base + marker + text.replace("\\\n", "\\\n" + " " * (base + len(marker))))
            if len(indents) <= level:
                indents.append(base + len(marker))
            else:
                indents[level] = base + len(marker)
            continue
        flush_list()
        if para.style in QUOTE_STYLES:
            quote_lines.append("> " + text.replace("\\\n", "\\\n> "))
            continue
        flush_quote()
        blocks.append(text)
    flush_list()
    flush_quote()
    return "\n\n".join(blocks)
