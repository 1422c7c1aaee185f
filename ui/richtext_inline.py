"""One block's runs as CommonMark inline text: emphasis opened and closed, links, line breaks.

What is written is read back with the exporter's parser (``parsed_runs``)
and checked against the runs; marks CommonMark cannot write where they lie
are dropped, the text is kept.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

from ui.richtext_escape import escapes, link_destination, trailing_blanks
from ui.richtext_runs import LINE_BREAK, Run, normal_runs


@cache
def parser() -> MarkdownIt:
    # The exporter's settings (exporters.markdown_docx): raw HTML is text.
    return MarkdownIt("commonmark", {"html": False})


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
    replacements = escapes("".join(run.text for run in runs), at_line_start)
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
            pieces.append(f"[{text}]({link_destination(href)})")
        else:
            if i < len(runs) and text.endswith("!"):
                text = text[:-1] + "\\!"  # before a link it would make an image
            pieces.append(text)
        at_start = group[-1].text.endswith("\n")
    return [trailing_blanks(line) for line in "".join(pieces).split("\n")]


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
