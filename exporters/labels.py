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
from models.label_keys import overridable
from models.records import ATTENDANCE_ROLES, DECISION_STATUSES, DOCUMENT_KINDS

LABELS_PACKAGE = "resources.labels"
# Lists whose length the layout depends on.
LIST_LENGTHS = {
    "programme_columns": 3,
    "participant_columns": 3,
    "months": 12,
    "roles": len(ATTENDANCE_ROLES) - 1,  # every role but none
    "quorum_rules": 3,  # majority, two_thirds, number
    "decision_columns": 5,
    "decision_statuses": len(DECISION_STATUSES),
}
# What a kind of document other than the compte-rendu may word its own way.
KIND_KEYS = frozenset(
    {"document_title", "programme_heading", "report_heading", "participants_heading", "decisions_heading"}
)


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
    excused_heading: str
    absent_heading: str
    guests_heading: str
    civility_column: str
    function_column: str
    roles: tuple[str, ...]
    arrival: str
    departure: str
    proxy: str
    quorum_line: str
    quorum_line_one: str
    quorum_reached: str
    quorum_not_reached: str
    quorum_rules: tuple[str, ...]
    decisions_heading: str
    follow_up_heading: str
    decision_columns: tuple[str, ...]
    decision_statuses: tuple[str, ...]
    follow_up: str
    # Kind of document → its own wording of some captions (KIND_KEYS); the compte-rendu uses the table's.
    kinds: dict[str, dict[str, str]]

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

    def role(self, role: str) -> str:
        return self.roles[ATTENDANCE_ROLES.index(role) - 1] if role in ATTENDANCE_ROLES[1:] else ""

    def status(self, status: str) -> str:
        return (
            self.decision_statuses[DECISION_STATUSES.index(status)] if status in DECISION_STATUSES else status
        )

    def document_title(self, kind: str) -> str:
        """The title a kind of document prints when the meeting gives none; "" for the compte-rendu."""
        return self.kinds.get(kind, {}).get("document_title", "")

    def for_meeting(self, kind: str, overrides: tuple[tuple[str, str], ...] = ()) -> Labels:
        """This table as a meeting prints it: its kind's wording, then its own overrides.

        Keys that may not be overridden are ignored here: the settings refuse them when they are
        set (models/services/committee.py), so only a record made by hand can hold one.
        """
        changes = {k: v for k, v in self.kinds.get(kind, {}).items() if k != "document_title"}
        allowed = overridable()
        changes.update((k, v) for k, v in overrides if k in allowed)
        return self._replace(**changes) if changes else self


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
        if key == "kinds":
            value = _kinds(value, name)
        elif key in LIST_LENGTHS:
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
    try:
        for pattern in (labels.quorum_line, labels.quorum_line_one):
            pattern.format(counted=1, members=2, result="")
        for pattern in labels.quorum_rules:
            pattern.format(required=1)
        for pattern in (labels.arrival, labels.departure):
            pattern.format(time="")
        labels.proxy.format(name="")
    except (KeyError, IndexError, ValueError) as exc:
        raise ExportError(f"The label table {name} has a broken pattern ({exc}).") from None
    return labels


def _kinds(value, name: str) -> dict[str, dict[str, str]]:
    others = set(DOCUMENT_KINDS) - {"compte_rendu"}
    if not isinstance(value, dict) or set(value) != others:
        raise ExportError(f'In the label table {name}, "kinds" must word {", ".join(sorted(others))}.')
    for kind, words in value.items():
        if (
            not isinstance(words, dict)
            or not set(words) <= KIND_KEYS
            or not all(isinstance(v, str) and v for v in words.values())
        ):
            raise ExportError(f'In the label table {name}, "kinds.{kind}" must map captions to texts.')
    return value
