"""Which captions of the label tables (resources/labels/) a meeting may override.

Kept apart from exporters/labels.py so that models/services/committee.py can
refuse an unknown key when it is set (models import no exporter), and free
of SQLAlchemy so that the exporters can apply the same rule.

Overridable: every caption that is one text without a « {…} » pattern.
Patterns (dates, times, the quorum line, « arrivée {time} »), lists (table
columns, months) and the language tag are left out: an override there could
break the document rather than reword it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

LABELS_PACKAGE = "resources.labels"
NOT_CAPTIONS = frozenset({"language_tag", "first_day"})


@cache
def overridable() -> tuple[str, ...]:
    """The label keys a meeting's overrides may name, in the table's order."""
    raw = json.loads(resources.files(LABELS_PACKAGE).joinpath("fr.json").read_text("utf-8"))
    return tuple(k for k, v in raw.items() if isinstance(v, str) and "{" not in v and k not in NOT_CAPTIONS)
