"""Label tables: every fixed caption of the compte-rendu, one JSON file per language.

The files live in resources/labels/<language>.json so a translator edits text,
not code. Dates and times are written out here too, since their shape is as
much a matter of language as the captions.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib import resources
from typing import NamedTuple

from exporters.errors import ExportError

LABELS_PACKAGE = "resources.labels"
# Lists whose length the layout depends on.
LIST_LENGTHS = {"programme_columns": 3, "participant_columns": 3, "months": 12}


class Labels(NamedTuple):
    language_tag: str
    objectives_heading: str
    programme_heading: str
    programme_columns: tuple[str, ...]
    programme_debate: str
    remote: str
    report_heading: str
    online: str
    subtitle_separator: str
    colon: str
    debate_heading: str
    conclusions_heading: str
    photos: str
    participants_heading: str
    in_person_heading: str
    remote_heading: str
    participant_columns: tuple[str, ...]
    months: tuple[str, ...]
    date: str
    first_day: str
    time: str
    time_range: str
    date_line: str

    def write_date(self, day: dt.date) -> str:
        """« 12 décembre 2023 », « 1er mars 2024 »."""
        number = self.first_day if day.day == 1 else str(day.day)
        return self.date.format(day=number, month=self.months[day.month - 1], year=day.year)

    def write_time(self, value: dt.time) -> str:
        # Hours without a leading zero, as the programme prints them (« 9:30 »).
        return self.time.format(hour=value.hour, minute=f"{value.minute:02d}")

    def write_times(self, start: dt.time | None, end: dt.time | None) -> str:
        """« 9:30-10:00 », or the one time known, or ""."""
        if start is not None and end is not None:
            return self.time_range.format(start=self.write_time(start), end=self.write_time(end))
        known = start if start is not None else end
        return self.write_time(known) if known is not None else ""

    def write_date_line(self, day: dt.date, start: dt.time | None, end: dt.time | None, zone: str) -> str:
        """« 12 décembre 2023, 10:00-17:30 CET »."""
        times = self.write_times(start, end)
        if times and zone.strip():
            times = f"{times} {zone.strip()}"
        date = self.write_date(day)
        return self.date_line.format(date=date, times=times) if times else date


def available_languages() -> tuple[str, ...]:
    folder = resources.files(LABELS_PACKAGE)
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


@cache
def load_labels(language: str) -> Labels:
    """The label table of ``language`` (« fr », « en », « es »), checked whole."""
    name = f"{language}.json"
    if not language.isalpha() or not resources.files(LABELS_PACKAGE).joinpath(name).is_file():
        known = ", ".join(available_languages())
        raise ExportError(f'There is no label table for the language "{language}" (available: {known}).')
    try:
        raw = json.loads(resources.files(LABELS_PACKAGE).joinpath(name).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"The label table {name} cannot be read ({exc}).") from None
    wanted = set(Labels._fields)
    if not isinstance(raw, dict) or set(raw) != wanted:
        problem = sorted(wanted - set(raw)) if isinstance(raw, dict) else ["(not an object)"]
        extra = sorted(set(raw) - wanted) if isinstance(raw, dict) else []
        detail = f"missing {', '.join(problem)}" if problem else f"unknown {', '.join(extra)}"
        raise ExportError(f"The label table {name} is incomplete or wrong ({detail}).")
    values = {}
    for key, value in raw.items():
        if key in LIST_LENGTHS:
            if not (
                isinstance(value, list)
                and len(value) == LIST_LENGTHS[key]
                and all(isinstance(v, str) for v in value)
            ):
                raise ExportError(f'In the label table {name}, "{key}" must list {LIST_LENGTHS[key]} texts.')
            value = tuple(value)
        elif not isinstance(value, str):
            raise ExportError(f'In the label table {name}, "{key}" must be a text.')
        values[key] = value
    labels = Labels(**values)
    try:
        labels.write_date_line(dt.date(2000, 1, 1), dt.time(9, 0), dt.time(10, 0), "UTC")
    except (KeyError, IndexError, ValueError) as exc:
        raise ExportError(f"The label table {name} has a broken date or time pattern ({exc}).") from None
    return labels
