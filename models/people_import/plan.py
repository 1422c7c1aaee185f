"""What an import would do, row by row (``ImportPlan``), what it did (``ImportResult``), told in lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from models.people_import.fields import _FIELD_NAMES, _shown

Action = Literal["add", "update", "skip", "bad"]


@dataclass(frozen=True, slots=True)
class PlanRow:
    line: int
    action: Action
    values: dict[str, str]  # the person fields as read (cleaned)
    person_id: int | None = None  # the roster match (None: a new person)
    person_version: int | None = None  # the match's version when planned, checked when applied
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (before, after)
    joins_meeting: bool = False  # not on the meeting's list yet
    status: str | None = None  # the attendance marks to set (None: leave / default)
    mode: str | None = None
    reason: str = ""  # why bad or skipped, or how matched
    # Role, arrival, departure, proxy to set on the list row: field -> (before, after) as shown;
    # a role is its code. Empty cells are not there: they never clear a value.
    marks: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The proxy to set: ("row", attendance id) already on the list, ("line", line) a row of this plan.
    proxy: tuple[str, int] | None = None
    warnings: tuple[str, ...] = ()  # what was left out of the row, the rest being imported

    @property
    def name(self) -> str:
        v = self.values
        return " ".join(p for p in (v.get("first_name"), v.get("last_name")) if p) or v.get(
            "organisation", ""
        )


@dataclass(frozen=True, slots=True)
class ImportPlan:
    meeting_id: int
    mapping: dict[str, str]
    rows: tuple[PlanRow, ...]
    warnings: tuple[str, ...] = ()  # how the file was read (models.tabular.Table.warnings)

    def of(self, action: Action) -> list[PlanRow]:
        return [r for r in self.rows if r.action == action]

    @property
    def counts(self) -> dict[str, int]:
        result = {"add": 0, "update": 0, "skip": 0, "bad": 0}
        for r in self.rows:
            result[r.action] += 1
        return result

    @property
    def bad(self) -> list[PlanRow]:
        return self.of("bad")


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int  # new roster people, put on the list
    updated: int  # roster people changed or put on the list
    skipped: int
    bad: int  # rows left out


def plan_lines(plan: ImportPlan, field_names: dict[str, str] | None = None) -> list[str]:
    """What a plan will do, for a command line: the file's warnings, each bad row, and each
    matched person's changes (« civility: "Mme" → "M." ») before anything is written."""
    names = field_names or _FIELD_NAMES
    out = list(plan.warnings)
    for row in plan.rows:
        if row.action == "bad" or (row.action == "add" and row.reason != "new person"):
            out.append(f"line {row.line}: {row.reason}")
        elif row.action == "update":
            what = [
                f'{names.get(f, f)}: "{_shown(before)}" → "{_shown(after)}"'
                for f, (before, after) in (*row.changes.items(), *row.marks.items())
            ]
            if row.joins_meeting:
                what.append("put on the list")
            if row.status is not None and not row.joins_meeting:
                what.append(f"status → {row.status}")
            if row.mode is not None and not row.joins_meeting:
                what.append(f"mode → {row.mode}")
            out.append(f"line {row.line}: update {_shown(row.name)} ({row.reason}): " + ", ".join(what))
        out += [f"line {row.line}: {warning}" for warning in row.warnings]
    return out
