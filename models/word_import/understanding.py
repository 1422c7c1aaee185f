"""What the reader understood a document as: counts per kind, what was missing, what it did not recognise.

Shown by ``import-docx --dry-run`` and the editor's import dialog before
anything is written, and kept with the result of a real import. The preview
also notes a date that already has a meeting (``taken``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.services.meetings import DateTaken

SHOWN_CHARS = 100
# The order and wording of the counts, as the report prints them.
KINDS = (
    ("header", "header fields"),
    ("programme_items", "programme items"),
    ("subtopics", "sub-topics"),
    ("programme_people", "programme people"),
    ("sections", "report sections"),
    ("interventions", "interventions"),
    ("debates", "debates"),
    ("conclusions", "conclusions"),
    ("paragraphs", "plain paragraph blocks"),
    ("in_person", "participants in person"),
    ("remote", "participants remote"),
    ("unrecognised", "unrecognised paragraphs (kept as plain blocks)"),
)


@dataclass
class Understanding:
    language: str = "fr"
    counts: dict[str, int] = field(default_factory=lambda: {k: 0 for k, _ in KINDS})
    missing: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)
    roster: dict[str, int] = field(
        default_factory=dict
    )  # « add », « update », « skip », « bad » when planned
    taken: DateTaken | None = None  # the meetings already on the document's date, when previewed

    def count(self, kind: str, n: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + n

    def not_recognised(self, text: str) -> None:
        self.count("unrecognised")
        text = " ".join(text.split())
        self.unrecognised.append(text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…")

    def lines(self) -> list[str]:
        """The report as lines of text, for the command line and the dialog."""
        out = [f"language: {self.language}"]
        out += [f"{label}: {self.counts.get(kind, 0)}" for kind, label in KINDS]
        if self.roster:
            r = self.roster
            out.append(
                f"participants matched in the roster: {r.get('update', 0)}, new people: {r.get('add', 0)}, "
                f"listed twice: {r.get('skip', 0)}, unusable rows: {r.get('bad', 0)}"
            )
        if self.taken is not None:
            listed = "; ".join(f"id {meeting_id}, « {title} »" for meeting_id, title in self.taken.meetings)
            out.append(
                f"date taken: a meeting is on {self.taken.day.isoformat()} already ({listed}); "
                "importing needs --again"
            )
        out += [f"missing: {what}" for what in self.missing]
        out += [f"unrecognised: {text}" for text in self.unrecognised]
        return out
