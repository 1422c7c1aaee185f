"""Spreadsheet cells that never run: the apostrophe an export puts before a formula-like value.

Kept apart from models.tabular (the readers, which check text with the
ORM-aware models.text_rules) so the exporters can use it without reaching SQLAlchemy.
"""

from __future__ import annotations

# A spreadsheet runs a cell starting with one of these as a formula (CWE-1236): exports put an
# apostrophe before it, and the import takes that apostrophe off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def protect(value: str) -> str:
    """« =HYPERLINK(…) » → « '=HYPERLINK(…) »: shown as text, never evaluated; ``unprotect`` undoes it.

    A value that ``unprotect`` would change (« '=x », « 't Hooft » is left alone) gets an
    apostrophe too, so that every value comes back exactly as it was.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) or _protected(value) else value


def unprotect(value: str) -> str:
    """The value before ``protect``: one leading apostrophe off, only where ``protect`` puts one."""
    return value[1:] if _protected(value) else value


def _protected(value: str) -> bool:
    return value.startswith("'") and value[1:2] != "" and value[1:].startswith((*FORMULA_STARTS, "'"))
