"""Markdown as Qt writes it, made fit to store: no hard wrapping, stable ends.

``QTextDocument.toMarkdown`` wraps paragraphs at 80 columns and writes
numbered items as ``1.  x``. Stored text is read by the exporter and by
people diffing the interchange files, so one paragraph stays one line and
an unedited block saves to exactly what it loaded. Pure Python: no Qt here.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark")
_NUMBERED_ITEM = re.compile(r"^(\s*\d+[.)]) {2,}(?=\S)")


def _hard_break(line: str) -> bool:
    return line.endswith(("  ", "\\"))


def unwrap(text: str) -> str:
    """Join the soft-wrapped lines of each paragraph; hard breaks stay."""
    lines = text.split("\n")
    joins: set[int] = set()  # indexes of lines to append to the line before
    quoted = 0
    for token in _PARSER.parse(text):
        if token.type == "blockquote_open":
            quoted += 1
        elif token.type == "blockquote_close":
            quoted -= 1
        elif token.type == "paragraph_open" and token.map and not quoted:
            # Continuation lines carry a "> " prefix in quotes; left wrapped there.
            start, end = token.map
            joins.update(i for i in range(start + 1, end) if not _hard_break(lines[i - 1]))
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in joins:
            out[-1] = f"{out[-1].rstrip()} {line.lstrip()}"
        else:
            out.append(line)
    return "\n".join(out)


def normalise(text: str) -> str:
    """The form Minutier stores: unwrapped, ``1. x`` items, no trailing blank lines."""
    lines = [_NUMBERED_ITEM.sub(r"\1 ", line) for line in unwrap(text).split("\n")]
    return "\n".join(line.rstrip() if not _hard_break(line) else line for line in lines).strip("\n")
