"""What the reader understood a document as: counts per kind, what was missing, what it did not recognise.

Shown by ``import-docx --dry-run`` and the editor's import dialog before
anything is written, and kept with the result of a real import.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
        out += [f"missing: {what}" for what in self.missing]
        out += [f"unrecognised: {text}" for text in self.unrecognised]
        return out
