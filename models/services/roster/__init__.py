"""The roster across years: a person's history, duplicate suggestions, merging.

Duplicates are only ever suggested; ``merge_people`` runs when the user
confirms one. Suggestions compare people within small blocks sharing a
folded key (last name, first name + initial of the last, the set of name
words, the email) and never all pairs, so 20,000 people take well under a
second.

The parts: ``history`` (``person_history``), ``duplicates``
(``suggest_duplicates``, ``duplicates_of``), ``merging`` (``merge_people``,
``unmerge_people``). This package keeps the names callers import.
"""

from __future__ import annotations

from models.services.roster.duplicates import (
    FIRST_NAME_RATIO,
    LAST_NAME_RATIO,
    SAME_CAP,
    DuplicateSuggestion,
    duplicates_of,
    suggest_duplicates,
)
from models.services.roster.history import HistoryEntry, person_history
from models.services.roster.merging import MERGE_FIELDS, STATUS_STRENGTH, Merged, merge_people, unmerge_people

__all__ = [
    "FIRST_NAME_RATIO",
    "LAST_NAME_RATIO",
    "MERGE_FIELDS",
    "SAME_CAP",
    "STATUS_STRENGTH",
    "DuplicateSuggestion",
    "HistoryEntry",
    "Merged",
    "duplicates_of",
    "merge_people",
    "person_history",
    "suggest_duplicates",
    "unmerge_people",
]
