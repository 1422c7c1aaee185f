"""Text folded for matching: case and accents ignored (« Öznur » matches « oznur »)."""

from __future__ import annotations

import unicodedata

# Letters NFKD does not split into base + accent, typed without it on a French keyboard.
_PLAIN = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "œ": "oe", "æ": "ae"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_PLAIN)
