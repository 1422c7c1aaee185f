"""Text folded for matching and sorting: case, accents and punctuation ignored.

« Öznur Sarahmetoğlu », « OZNUR sarahmetoglu » and « Oznur Sarahmetoglu »
share one key. The program's only folding: the roster (duplicates, import
matching), the sign-in sheet's sort order, the search and the Participants
tab's filter all use it, so the filter and the search find the same people
(a second folding once drifted: « Sigurðsson » was out of the filter's reach
from « sigurdsson »).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not split into base + accent, typed without it on a French keyboard.
_PLAIN = {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "œ": "oe", "æ": "ae"}
_HAS_PLAIN = re.compile("[" + "".join(_PLAIN) + "]")
# Combining marks left by NFKD (accents, cedillas, breves…); a regex runs at C speed.
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NOT_WORD = re.compile(r"[\W_]+")
_RECORD = "\x1e"  # ASCII record separator: joins texts for key_many
_NOT_WORD_KEEP_RECORD = re.compile(r"(?:[^\w\x1e]|_)+")


def _fold_any(text: str) -> str:
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    if _HAS_PLAIN.search(text):  # rare; str.replace runs in C, str.translate with a dict does not
        for letter, plain in _PLAIN.items():
            text = text.replace(letter, plain)
    return text


def _latin1_table() -> tuple[bytes, dict[str, str]]:
    """A byte table folding each Latin-1 character as ``_fold_any`` does, and the few it cannot
    (« ß » → « ss », « æ » → « ae », « µ » → « μ »…: left as they are by the table, replaced after)."""
    table = bytearray(range(256))
    longer = {}
    for code in range(256):
        folded = _fold_any(chr(code))
        if len(folded) == 1 and ord(folded) < 256:
            table[code] = ord(folded)
        else:
            longer[chr(code)] = folded
    return bytes(table), longer


_LATIN1, _LATIN1_LONGER = _latin1_table()
_HAS_LONGER = re.compile("[" + re.escape("".join(_LATIN1_LONGER)) + "]")
_NOT_LATIN1 = re.compile(r"[^\x00-\xff]+")


@lru_cache(maxsize=4096)
def _fold_run(run: str) -> str:
    return _fold_any(run)


def fold(text: str) -> str:
    """Lower case without accents: « Genève » → « geneve ». Keeps spaces and punctuation.

    Folding works character by character, so a long text is folded fast:
    its rare characters beyond Latin-1 (« ş », « ł ») one by one, then the
    whole through a byte table (C speed, no Unicode normalisation). Text in
    another script takes the general way.
    """
    if text.isascii():
        return text.lower()
    if len(text) < 512:
        return _fold_any(text)
    try:
        latin = _NOT_LATIN1.sub(lambda m: _fold_run(m.group()), text).encode("latin-1")
    except UnicodeEncodeError:  # Cyrillic, Greek, Arabic…
        return _fold_any(text)
    text = latin.translate(_LATIN1).decode("latin-1")
    if _HAS_LONGER.search(text):
        for letter, folded in _LATIN1_LONGER.items():
            text = text.replace(letter, folded)
    return text


def key(text: str) -> str:
    """``fold`` with punctuation and runs of spaces reduced to one space: « Anne-Lise » → « anne lise »."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


def tokens(text: str) -> list[str]:
    return key(text).split()


def sort_key(last_name: str, first_name: str = "", organisation: str = "") -> tuple[str, str, str]:
    """Order of a list of people by last name, as a reader expects it (accents and case ignored).

    A row with an organisation and no name sorts by the organisation.
    """
    return (key(last_name) or key(organisation), key(first_name), key(organisation))


def key_many(texts: list[str]) -> list[str]:
    """``key`` of each text, in a few C-speed passes over their concatenation."""
    keys = _NOT_WORD_KEEP_RECORD.sub(" ", fold(_RECORD.join(texts))).split(_RECORD)
    if len(keys) != len(texts):  # a text held the separator itself
        return [key(t) for t in texts]
    return [k.strip() for k in keys]
