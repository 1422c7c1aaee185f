"""« Rappel du Programme »: the agenda as a three-column table (time | session | format)."""

from __future__ import annotations

from lxml.etree import _Element

from exporters.labels import Labels
from exporters.ooxml import BOLD, PLAIN, UNDERLINE, Segment
from exporters.word import WordDocument
from models.records import ProgrammeItem, ProgrammePerson

TABLE_STYLE = "Minutier Programme"
HEADING_STYLE = "Minutier Table Heading"
TEXT_STYLE = "Minutier Table Text"
BULLET_STYLE = "Minutier Table Bullet"
STYLES = (TABLE_STYLE, HEADING_STYLE, TEXT_STYLE, BULLET_STYLE)
# Of 16 cm of text width: the session column takes what the times and format leave.
WIDTHS = (1300, 6472, 1300)
# Breaks and meals are not sessions: their title prints plain, as in the programme.
PLAIN_KINDS = frozenset({"welcome", "break", "meal"})
# A numbered agenda numbers what is discussed: a break or a meal is no item of it.
UNNUMBERED_KINDS = frozenset({"break", "meal"})


def item_numbers(items: tuple[ProgrammeItem, ...]) -> dict[tuple[int, ...], str]:
    """« 1. », « 2. », « 2.1 » for each numbered item's place ((i,) or (i, j), as Section.item)."""
    numbers: dict[tuple[int, ...], str] = {}
    n = 0
    for i, item in enumerate(items):
        if item.kind in UNNUMBERED_KINDS:
            continue
        n += 1
        numbers[(i,)] = f"{n}."
        for j, _sub in enumerate(item.subtopics):
            numbers[(i, j)] = f"{n}.{j + 1}"
    return numbers


def numbered(number: str, title: str) -> str:
    return f"{number} {title}" if number and title else title


def _person(person: ProgrammePerson, labels: Labels) -> str:
    text = ", ".join(part for part in (person.name, person.function) if part)
    return f"{text} {labels.remote}" if person.remote else text


def _moderator(person: ProgrammePerson, labels: Labels) -> list[Segment]:
    if not person.role_label:
        return [(_person(person, labels), PLAIN)]
    return [(person.role_label, UNDERLINE), (f"{labels.colon} {_person(person, labels)}", PLAIN)]


def _session(
    doc: WordDocument,
    cell: _Element,
    item: ProgrammeItem,
    labels: Labels,
    plain: bool,
    numbers: dict[tuple[int, ...], str],
    place: tuple[int, ...],
) -> None:
    if item.title or not (item.moderators or item.speakers or item.subtopics):
        doc.text(cell, TEXT_STYLE, numbered(numbers.get(place, ""), item.title), PLAIN if plain else BOLD)
    for person in item.moderators:
        doc.paragraph(cell, TEXT_STYLE, _moderator(person, labels))
    for person in item.speakers:
        doc.text(cell, BULLET_STYLE, _person(person, labels))
    for j, sub in enumerate(item.subtopics):
        _session(doc, cell, sub, labels, plain, numbers, (*place, j))
    if item.debate:
        doc.text(cell, TEXT_STYLE, labels.programme_debate)


def add_programme(
    doc: WordDocument,
    parent: _Element,
    items: tuple[ProgrammeItem, ...],
    labels: Labels,
    numbers: dict[tuple[int, ...], str] | None = None,
) -> None:
    """The table; ``numbers`` (item_numbers) when the agenda is numbered."""
    numbers = numbers or {}
    doc.require(STYLES)
    tbl = doc.table(parent, TABLE_STYLE, WIDTHS)
    tr = doc.row(tbl, header=True)
    for width, head in zip(WIDTHS, labels.programme_columns, strict=True):
        doc.text(doc.cell(tr, width), HEADING_STYLE, head)
    for i, item in enumerate(items):
        # A session moved whole to the next page reads better than one cut between its speakers.
        tr = doc.row(tbl, cant_split=True)
        doc.text(doc.cell(tr, WIDTHS[0]), TEXT_STYLE, labels.write_times(item.start, item.end))
        _session(doc, doc.cell(tr, WIDTHS[1]), item, labels, item.kind in PLAIN_KINDS, numbers, (i,))
        doc.text(doc.cell(tr, WIDTHS[2]), TEXT_STYLE, item.format)
