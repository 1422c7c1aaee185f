"""Escaping for CommonMark: text that reads back as exactly its characters, nothing else.

Every character CommonMark could read as syntax is escaped: always
(backslash, backquote, asterisk, underscore, brackets, ``<``, an entity's
``&``), or at the start of a line (heading, quote, list markers, leading
blanks). Link destinations and trailing blanks have their own forms.
"""

from __future__ import annotations

import re

_ALWAYS = frozenset("\\`*_[]<")
_LINE_START = frozenset("#>+-=~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_ORDINAL = re.compile(r"[0-9]{1,9}[.)]")


def escapes(text: str, at_line_start: bool) -> dict[int, str]:
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
    replacements = escapes(text, at_line_start)
    return "".join(replacements.get(i, c) for i, c in enumerate(text))


def trailing_blanks(line: str) -> str:
    stripped = line.rstrip(" \t")
    return stripped + "".join(f"&#{ord(c)};" for c in line[len(stripped) :])


def link_destination(url: str) -> str:
    if any(c.isspace() for c in url) or not url:
        return "<" + re.sub(r"([<>\\])", r"\\\1", url) + ">"
    url = re.sub(r"([()\\])", r"\\\1", url)
    return re.sub(r"&(?=(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);)", r"\\&", url)
