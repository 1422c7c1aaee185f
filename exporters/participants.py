"""« Liste des participant.e.s »: the lists a meeting prints, each a table of names.

The 2023 list (the default, ``PrintedLists()``): one table per attendance
mode (first name | last name | organisation) of everyone not known to be
missing — "present", and also "invited" because that is the status a row
keeps when nobody ticked it. "excused" and "absent" rows are left out.

A committee may also print the excused, the absent and the guests, each
under its own heading, and choose the columns beside the name (civility,
function, organisation). When the guests are printed apart, a guest is in
no other list (an excused or absent guest is not printed: observers are
not expected). A role that is an office (chair, vice-chair, secretary,
staff), a proxy, an arrival or a departure is noted after the last name:
« Martin (président·e, arrivée 10h30) ». Rows keep the attendance order.
"""

from __future__ import annotations

from lxml.etree import _Element

from exporters.labels import Labels
from exporters.word import WordDocument
from models.records import Participant, PrintedLists

TABLE_STYLE = "Minutier Participants"
HEADING_STYLE = "Minutier Table Heading"
TEXT_STYLE = "Minutier Table Text"
STYLES = (TABLE_STYLE, HEADING_STYLE, TEXT_STYLE)
WIDTHS = (2268, 2835, 3969)
LEFT_OUT = frozenset({"excused", "absent"})
# Relative widths of every column a list may have; the 2023 three keep WIDTHS exactly.
COLUMN_WIDTHS = {"civility": 1650, "first": 2268, "last": 2835, "function": 3000, "organisation": 3969}
# Members and guests are said by the list they are in; an office is worth a note.
NOTED_ROLES = frozenset({"chair", "vice_chair", "secretary", "staff"})
THE_2023_LISTS = PrintedLists()


def listed(participants: tuple[Participant, ...], mode: str) -> list[Participant]:
    return [p for p in participants if p.mode == mode and p.status not in LEFT_OUT]


def note(person: Participant, labels: Labels) -> str:
    """« (président·e, arrivée 10h30) », or "" when there is nothing to note."""
    parts = []
    if person.role in NOTED_ROLES:
        parts.append(labels.role(person.role))
    if person.represented_by.strip():
        parts.append(labels.proxy.format(name=person.represented_by.strip()))
    if person.arrival.strip():
        parts.append(labels.arrival.format(time=person.arrival.strip()))
    if person.departure.strip():
        parts.append(labels.departure.format(time=person.departure.strip()))
    return f"({', '.join(parts)})" if parts else ""


def groups(
    participants: tuple[Participant, ...], printed: PrintedLists, labels: Labels
) -> list[tuple[str, list[Participant]]]:
    """(heading, rows) of each list the meeting prints, in printed order, empty ones included."""
    apart = "guests" in printed.lists
    people = [p for p in participants if not (apart and p.role == "guest")]
    out = []
    if "present" in printed.lists:
        out += [
            (labels.in_person_heading, listed(tuple(people), "in_person")),
            (labels.remote_heading, listed(tuple(people), "remote")),
        ]
    if "excused" in printed.lists:
        out.append((labels.excused_heading, [p for p in people if p.status == "excused"]))
    if "absent" in printed.lists:
        out.append((labels.absent_heading, [p for p in people if p.status == "absent"]))
    if apart:
        guests = [p for p in participants if p.role == "guest" and p.status not in LEFT_OUT]
        out.append((labels.guests_heading, guests))
    return out


def _columns(printed: PrintedLists, labels: Labels) -> list[tuple[str, str, int]]:
    names = [
        *(["civility"] if "civility" in printed.columns else []),
        "first",
        "last",
        *(c for c in ("function", "organisation") if c in printed.columns),
    ]
    heads = {
        "civility": labels.civility_column,
        "first": labels.participant_columns[0],
        "last": labels.participant_columns[1],
        "function": labels.function_column,
        "organisation": labels.participant_columns[2],
    }
    total = sum(COLUMN_WIDTHS[n] for n in names)
    text_width = sum(WIDTHS)
    widths = [COLUMN_WIDTHS[n] * text_width // total for n in names]
    widths[-1] += text_width - sum(widths)  # the rounding's remainder, so the table spans the text
    return [(n, heads[n], w) for n, w in zip(names, widths, strict=True)]


def _value(person: Participant, column: str, labels: Labels) -> str:
    if column == "last":
        extra = note(person, labels)
        return f"{person.last_name} {extra}" if extra and person.last_name else person.last_name or extra
    return {
        "civility": person.civility,
        "first": person.first_name,
        "function": person.function,
        "organisation": person.organisation,
    }[column]


def add_participants(
    doc: WordDocument,
    parent: _Element,
    participants: tuple[Participant, ...],
    labels: Labels,
    level: int,
    printed: PrintedLists = THE_2023_LISTS,
    first_line: str = "",
) -> None:
    """The list's heading at ``level``, ``first_line`` (the quorum), then a heading and a table per list.

    The quorum goes under the heading rather than after the last table: a paragraph right after
    a table would stick to it, the template having no style with space before for it.
    """
    chosen = groups(participants, printed, labels)
    if not any(rows for _, rows in chosen) and not first_line:
        return
    doc.require(STYLES)
    doc.text(parent, f"Heading {level}", labels.participants_heading)
    if first_line:
        doc.text(parent, "Normal", first_line)
    columns = _columns(printed, labels)
    for heading, rows in chosen:
        if not rows:
            continue
        doc.text(parent, f"Heading {level + 1}", heading)
        tbl = doc.table(parent, TABLE_STYLE, [w for _, _, w in columns])
        tr = doc.row(tbl, header=True)
        for _, head, width in columns:
            doc.text(doc.cell(tr, width), HEADING_STYLE, head)
        for person in rows:
            tr = doc.row(tbl, cant_split=True)
            for name, _, width in columns:
                doc.text(doc.cell(tr, width), TEXT_STYLE, _value(person, name, labels))
