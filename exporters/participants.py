"""« Liste des participant.e.s »: one table per attendance mode (first name | last name | organisation).

Everyone not known to be missing is listed: "present", and also "invited"
because that is the status a row keeps when nobody ticked it. "excused" and
"absent" rows are left out. Rows keep the attendance order.
"""

from __future__ import annotations

from lxml.etree import _Element

from exporters.labels import Labels
from exporters.plain import Participant
from exporters.word import WordDocument

TABLE_STYLE = "Minutier Participants"
HEADING_STYLE = "Minutier Table Heading"
TEXT_STYLE = "Minutier Table Text"
STYLES = (TABLE_STYLE, HEADING_STYLE, TEXT_STYLE)
WIDTHS = (2268, 2835, 3969)
LEFT_OUT = frozenset({"excused", "absent"})


def listed(participants: tuple[Participant, ...], mode: str) -> list[Participant]:
    return [p for p in participants if p.mode == mode and p.status not in LEFT_OUT]


def add_participants(
    doc: WordDocument, parent: _Element, participants: tuple[Participant, ...], labels: Labels, level: int
) -> None:
    """The list's heading at ``level``, then a heading and a table per mode that has anyone."""
    groups = [
        (labels.in_person_heading, listed(participants, "in_person")),
        (labels.remote_heading, listed(participants, "remote")),
    ]
    if not any(rows for _, rows in groups):
        return
    doc.require(STYLES)
    doc.text(parent, f"Heading {level}", labels.participants_heading)
    for heading, rows in groups:
        if not rows:
            continue
        doc.text(parent, f"Heading {level + 1}", heading)
        tbl = doc.table(parent, TABLE_STYLE, WIDTHS)
        tr = doc.row(tbl, header=True)
        for width, head in zip(WIDTHS, labels.participant_columns, strict=True):
            doc.text(doc.cell(tr, width), HEADING_STYLE, head)
        for person in rows:
            tr = doc.row(tbl, cant_split=True)
            for width, value in zip(
                WIDTHS, (person.first_name, person.last_name, person.organisation), strict=True
            ):
                doc.text(doc.cell(tr, width), TEXT_STYLE, value)
