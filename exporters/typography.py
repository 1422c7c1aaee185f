"""French typography: the spaces French puts before high punctuation and inside « ».

- no-break space (U+00A0) before « : » and « », and after « ;
- narrow no-break space (U+202F) before ; ! ?
- spaces already typed there are replaced, not doubled; none is added at a
  line start, inside « ?! », « (?) », times (« 10:00 ») or URLs.

Applied to the whole text of a paragraph at once, split into runs, because the
space and the mark often sit in different runs (« **Nom** : » or a bold
« Nom : » after a plain run). Runs are joined with a private-use marker that
the rewrite keeps in place, then split back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

NBSP = "\u00a0"
NNBSP = "\u202f"
_MARK = "\ue000"
_SPACES = frozenset(" \t\u00a0\u202f\u2009" + _MARK)
# A plain character class lets the regex engine skip straight from mark to mark.
_MARKS = re.compile("[:;!?»«]")
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.\-]*://|www\.|mailto:)[^\s«»<>\"]*", re.IGNORECASE)
_URL_HINTS = ("://", "www.", "mailto:")
# A mark right after these is not spaced: « (?) », « ?! », a line start.
_NO_SPACE_AFTER = frozenset("\n([{«!?/")


def _url_spans(text: str) -> tuple[list[int], list[int]]:
    if not any(hint in text for hint in _URL_HINTS):
        return [], []
    spans = [(m.start(), m.end()) for m in _URL.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def _in_url(pos: int, starts: list[int], ends: list[int]) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < ends[k]


def _french(text: str) -> str:
    starts, ends = _url_spans(text)
    out: list[str] = []
    done = 0  # text[:done] is already in out
    size = len(text)
    for match in _MARKS.finditer(text):
        i = match.start()
        if i < done or (starts and _in_url(i, starts, ends)):
            continue
        mark = text[i]
        if mark == "«":
            j = i + 1
            while j < size and text[j] in _SPACES:
                j += 1
            typed = text[i + 1 : j]
            markers = _MARK * typed.count(_MARK)
            if len(markers) == len(typed) and (j == size or text[j] in "\n»"):
                continue
            out += (text[done:i], "«", NBSP, markers)
            done = j
            continue
        j = i
        while j > done and text[j - 1] in _SPACES:
            j -= 1
        typed = text[j:i]
        markers = _MARK * typed.count(_MARK)
        if len(markers) == len(typed):  # nothing typed between the word and the mark
            previous = text[j - 1] if j else "\n"
            k = i + 1
            while k < size and text[k] == _MARK:
                k += 1
            following = text[k] if k < size else ""
            # (A space here was consumed by the « before, which already spaced it.)
            if previous in _NO_SPACE_AFTER or previous in _SPACES:
                continue
            # « 10:00 », « a:b »: a colon inside a word or number is not punctuation.
            if mark == ":" and following.isalnum():
                continue
        # The space joins the mark's run, so an underlined label keeps its underline short.
        out += (text[done:j], markers, NBSP if mark in ":»" else NNBSP, mark)
        done = i + 1
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def french_runs(texts: Sequence[str]) -> list[str]:
    """``texts`` (the runs of one paragraph) with French spacing, same number of runs."""
    if len(texts) == 1:
        text = texts[0].replace(_MARK, "")
        return [_french(text)] if _MARKS.search(text) else [text]
    joined = _MARK.join(t.replace(_MARK, "") for t in texts)
    if not _MARKS.search(joined):
        return list(texts)
    return _french(joined).split(_MARK)


def french(text: str) -> str:
    return french_runs([text])[0]


def _unchanged(texts: Sequence[str]) -> list[str]:
    return list(texts)


def for_language(language: str) -> Callable[[Sequence[str]], list[str]]:
    """The run transformation a document in ``language`` needs."""
    return french_runs if language == "fr" else _unchanged
