"""What a .docx body is read into: paragraphs of runs, tables, resolved styles, the document."""

from __future__ import annotations

from typing import NamedTuple


class Run(NamedTuple):
    text: str
    bold: bool
    italic: bool
    underline: bool
    link: str
    style: str  # character style name, "" for none


class Para(NamedTuple):
    style: str  # paragraph style name (« Heading 2 », « Minutier Speaker », « Normal »)
    level: int  # heading level 1–9, 0 when not a heading
    runs: tuple[Run, ...]
    list_level: int  # -1 when not a list item
    numbered: bool
    start: int  # a numbered list's first number
    num_id: str  # list instance, to tell two lists apart
    bold: bool  # every visible letter is bold (by run or style)
    size: float  # largest font size in points (0 when unknown)
    text: str  # the runs' text, joined once (read many times)
    images: tuple[str, ...] = ()  # package part names of the pictures it holds (a logo)

    def with_runs(self, runs: tuple[Run, ...]) -> Para:
        return self._replace(runs=runs, text="".join(r.text for r in runs))


class Table(NamedTuple):
    rows: tuple[tuple[tuple[Para, ...], ...], ...]  # row → cell → paragraphs
    header_rows: int  # rows marked « repeat as header row »
    style: str


class Style(NamedTuple):
    name: str
    bold: bool | None
    italic: bool | None
    size: float
    level: int
    num_id: str
    ilvl: int


class Document(NamedTuple):
    body: tuple[Para | Table, ...]
    language: str  # from the core properties or the default run properties (« fr-FR »), or ""
