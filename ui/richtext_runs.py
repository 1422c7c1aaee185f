"""A rich-text block's text as runs of the formatting Markdown keeps: bold, italic, link.

``block_runs`` reads them from a QTextDocument block's fragments;
``normal_runs`` takes out what Markdown cannot carry (leading and trailing
line breaks, bold or italic on the spaces at the edge of a span), so the
runs are those the stored text gives back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat

LINE_BREAK = "\u2028"  # what Shift+Enter puts in a QTextDocument block
_OBJECT = "\ufffc"  # an embedded object (image): no text to keep


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
