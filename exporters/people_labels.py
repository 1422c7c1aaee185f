"""Captions of the attendance table and the sign-in sheet: resources/attendance_labels/<language>.json.

Kept apart from the compte-rendu's label tables (resources/labels/) so each
file has one owner; the date line still comes from those, so the sign-in
sheet writes the date exactly as the compte-rendu does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from exporters.errors import ExportError
from models.person_fields import NAMES
from models.records import ATTENDANCE_FIELDS, ATTENDANCE_MODES, ATTENDANCE_ROLES, ATTENDANCE_STATUSES

PACKAGE = "resources.attendance_labels"
# The attendance table's columns: the person's fields, then what the attendance row records.
# The files' "table_columns" give each its caption, keyed by these names.
TABLE_COLUMNS = (*NAMES, *ATTENDANCE_FIELDS)
SHEET_COLUMNS = 5


@dataclass(frozen=True, slots=True)
class PeopleLabels:
    language: str
    sheet_title: str
    sheet_columns: tuple[str, ...]  # civility, name, organisation, in person / remote, signature
    count: str  # {total} {in_person} {remote}
    table_columns: tuple[str, ...]  # the captions of TABLE_COLUMNS, in its order
    statuses: dict[str, str]
    modes: dict[str, str]
    roles: dict[str, str]  # every role but the empty one
    sheet_name: str


def languages() -> tuple[str, ...]:
    folder = resources.files(PACKAGE)
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


@cache
def load(language: str) -> PeopleLabels:
    name = f"{language}.json"
    if not language.isalpha() or not resources.files(PACKAGE).joinpath(name).is_file():
        raise ExportError(
            f'There are no attendance labels for the language "{language}" '
            f"(available: {', '.join(languages())})."
        )
    try:
        raw = json.loads(resources.files(PACKAGE).joinpath(name).read_text("utf-8"))
        if len(raw["sheet_columns"]) != SHEET_COLUMNS:
            raise ValueError(f'"sheet_columns" must list {SHEET_COLUMNS} texts')
        if set(raw["table_columns"]) != set(TABLE_COLUMNS):
            raise ValueError(f'"table_columns" must name {", ".join(TABLE_COLUMNS)}')
        if set(raw["statuses"]) != set(ATTENDANCE_STATUSES) or set(raw["modes"]) != set(ATTENDANCE_MODES):
            raise ValueError('"statuses" or "modes" does not name every value')
        if set(raw["roles"]) != {r for r in ATTENDANCE_ROLES if r}:
            raise ValueError('"roles" does not name every role')
        raw["count"].format(total=0, in_person=0, remote=0)
        return PeopleLabels(
            language=language,
            sheet_title=str(raw["sheet_title"]),
            sheet_columns=tuple(raw["sheet_columns"]),
            count=str(raw["count"]),
            table_columns=tuple(str(raw["table_columns"][name]) for name in TABLE_COLUMNS),
            statuses=dict(raw["statuses"]),
            modes=dict(raw["modes"]),
            roles=dict(raw["roles"]),
            sheet_name=str(raw["sheet_name"]),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ExportError(f"The attendance labels {name} are incomplete or wrong ({exc}).") from None
