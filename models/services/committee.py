"""A meeting's committee settings: kind of document, agenda numbering, printed lists, quorum, labels.

Their defaults print the 2023 compte-rendu unchanged. ``printed_lists`` and
``label_overrides`` are stored as JSON text, "" meaning the default, so a
meeting that never set them holds exactly what it held before.

No service imports here beyond ``_common``: models.interchange reads and
writes the settings through these functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from models.entities import DOCUMENT_KINDS, QUORUM_RULES, Meeting
from models.errors import FormatError
from models.label_keys import overridable
from models.services._common import check_version, get

# The lists a document may print, in printed order; "present" is today's list (invited or present).
LISTS = ("present", "excused", "absent", "guests")
# Columns beside the name.
COLUMNS = ("civility", "function", "organisation")
# Where the decisions (« Relevé de décisions », « Suivi des décisions ») print.
DECISIONS_AT = ("after_report", "after_programme", "end")


@dataclass(frozen=True)
class PrintedLists:
    lists: tuple[str, ...] = ("present",)
    columns: tuple[str, ...] = ("organisation",)
    decisions: str = DECISIONS_AT[0]

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"lists": list(self.lists), "columns": list(self.columns)}
        # Written only when chosen, so meetings that never chose keep their stored and dumped form.
        if self.decisions != DECISIONS_AT[0]:
            data["decisions"] = self.decisions
        return data


DEFAULT_LISTS = PrintedLists()


def _subset(value: Any, allowed: tuple[str, ...], where: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise FormatError(where, "is not a list of names")
    unknown = [v for v in value if v not in allowed]
    if unknown:
        raise FormatError(where, f'"{unknown[0]}" is not one of {", ".join(allowed)}')
    if len(set(value)) != len(value):
        raise FormatError(where, "names one entry twice")
    # Printed order is fixed, whatever order was given: one meaning, one stored form.
    return tuple(v for v in allowed if v in value)


def lists_from_data(data: Any, where: str = "printed_lists") -> PrintedLists:
    if not isinstance(data, dict) or set(data) - {"lists", "columns", "decisions"}:
        raise FormatError(where, 'is not {"lists": [...], "columns": [...], "decisions": "..."}')
    decisions = data.get("decisions", DECISIONS_AT[0])
    if decisions not in DECISIONS_AT:
        raise FormatError(f"{where}.decisions", f"is not one of {', '.join(DECISIONS_AT)}")
    return PrintedLists(
        _subset(data.get("lists", list(DEFAULT_LISTS.lists)), LISTS, f"{where}.lists"),
        _subset(data.get("columns", list(DEFAULT_LISTS.columns)), COLUMNS, f"{where}.columns"),
        decisions,
    )


def printed_lists(meeting: Meeting) -> PrintedLists:
    return lists_from_data(json.loads(meeting.printed_lists)) if meeting.printed_lists else DEFAULT_LISTS


def stored_lists(lists: PrintedLists) -> str:
    return "" if lists == DEFAULT_LISTS else json.dumps(lists.as_data(), separators=(",", ":"))


def overrides_from_data(data: Any, where: str = "labels") -> dict[str, str]:
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise FormatError(where, "is not an object of texts (label key → text)")
    bad = next((k for k in data if not k.strip()), None)
    if bad is not None:
        raise FormatError(where, "has an empty label key")
    return dict(sorted(data.items()))


def label_overrides(meeting: Meeting) -> dict[str, str]:
    return overrides_from_data(json.loads(meeting.label_overrides)) if meeting.label_overrides else {}


def stored_overrides(overrides: dict[str, str]) -> str:
    return json.dumps(dict(sorted(overrides.items())), ensure_ascii=False) if overrides else ""


def quorum_from_data(value: Any, where: str = "quorum") -> tuple[str, int | None]:
    """(rule, number) from the interchange value: a rule name, or a number of members."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FormatError(where, f"{json.dumps(value)} is not a quorum rule")
    if isinstance(value, str):
        if value not in QUORUM_RULES or value == "number":
            raise FormatError(where, f'"{value}" is not one of none, majority, two_thirds, or a number')
        return value, None
    if value != int(value) or not 1 <= value <= MAX_QUORUM:
        raise FormatError(where, f"{value} is not a number of members (1 to {MAX_QUORUM:,})")
    return "number", int(value)


def quorum_to_data(meeting: Meeting) -> str | int:
    return meeting.quorum_number if meeting.quorum_rule == "number" else meeting.quorum_rule


# Far above any list, and within every backend's INTEGER.
MAX_QUORUM = 100_000
SETTINGS = ("document_kind", "agenda_numbering", "printed_lists", "quorum", "label_overrides")


def settings(meeting: Meeting) -> dict[str, Any]:
    """The settings as plain values (what ``set_settings`` takes)."""
    return {
        "document_kind": meeting.document_kind,
        "agenda_numbering": meeting.agenda_numbering,
        "printed_lists": printed_lists(meeting),
        "quorum": quorum_to_data(meeting),
        "label_overrides": label_overrides(meeting),
    }


def set_settings(session: Session, meeting_id: int, expected_version: int | None = None, **fields) -> dict:
    """Change some settings; returns the previous values, which undo passes back."""
    meeting = get(session, Meeting, meeting_id)
    check_version(meeting, expected_version)
    unknown = set(fields) - set(SETTINGS)
    if unknown:
        raise ValueError(f"cannot set {', '.join(sorted(unknown))} on the meeting's settings")
    previous = settings(meeting)
    changes: dict[str, Any] = {}
    if "document_kind" in fields:
        if fields["document_kind"] not in DOCUMENT_KINDS:
            raise FormatError(
                "document_kind", f'"{fields["document_kind"]}" is not one of {", ".join(DOCUMENT_KINDS)}'
            )
        changes["document_kind"] = fields["document_kind"]
    if "agenda_numbering" in fields:
        changes["agenda_numbering"] = bool(fields["agenda_numbering"])
    if "printed_lists" in fields:
        lists = fields["printed_lists"]
        if not isinstance(lists, PrintedLists):
            lists = lists_from_data(lists)
        changes["printed_lists"] = stored_lists(lists)
    if "quorum" in fields:
        changes["quorum_rule"], changes["quorum_number"] = quorum_from_data(fields["quorum"])
    if "label_overrides" in fields:
        overrides = overrides_from_data(fields["label_overrides"], "label_overrides")
        unknown = next((k for k in overrides if k not in overridable()), None)
        if unknown is not None:
            # Typed here, a wrong key would be stored, travel in the JSON and change nothing, silently.
            # An imported file may hold one (written by a Minutier with more captions): it is kept,
            # and the export leaves it aside.
            raise FormatError(
                "label_overrides", f'"{unknown}" is not a caption of the label tables that can be reworded'
            )
        changes["label_overrides"] = stored_overrides(overrides)
    for name, value in changes.items():
        setattr(meeting, name, value)
    session.flush()
    return {name: previous[name] for name in fields}
