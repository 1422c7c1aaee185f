"""The table a participant list is read into: a header, numbered rows; and its one-sentence errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.errors import MinutierError


def _one_line(error: object, limit: int = 160) -> str:
    """A library's message (libxml2's end in a line break) fit for one line of ours."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class TableError(MinutierError):
    """The file cannot be read as a table; one sentence for the user."""


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # as the user's spreadsheet numbers it (the header is usually line 1)
    values: tuple[str, ...]
    # Why the row cannot be read as written (« 6 cells, the header has 12 », a formula without its
    # result): the import makes it a bad row rather than guess.
    problem: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str = ""  # CSV only: "utf-8", "utf-8-sig", "utf-16", "cp1252", "utf-8+cp1252"… (see decode)
    delimiter: str = ""  # CSV only
    warnings: tuple[str, ...] = ()  # how the file was read, when the user should know (one sentence each)

    def preview(self, count: int = 10) -> list[dict[str, str]]:
        """The first rows as header → value, for a mapping dialog's preview."""
        return [dict(zip(self.headers, r.values, strict=False)) for r in self.rows[:count]]


def _clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _table(raw_rows, *, check_width: bool = False, **extra) -> Table:
    """Header and rows from (line, values, problem) triples; the first non-empty row is the header.

    ``check_width`` (CSV): a row with fewer cells than the header, or more, has lost or
    gained a delimiter, so its cells are not under their headers (even when its last cell is
    empty: « Lyon » may have moved the email under « Mode »): such a row gets a problem
    rather than being read shifted.
    """
    headers: tuple[str, ...] | None = None
    width = full_width = 0
    rows: list[Row] = []
    for line, values, problem in raw_rows:
        cleaned = tuple(_clean(v) for v in values)
        if not any(cleaned) and not problem:
            continue
        if headers is None:
            if problem:
                raise TableError(f"The header row (line {line}) cannot be read: {problem}.")
            headers = cleaned
            full_width = len(headers)  # with its blank cells at the end, which rows may fill or not
            while headers and not headers[-1]:
                headers = headers[:-1]
            width = len(headers)
            continue
        if check_width and not problem and not width <= len(cleaned) <= full_width:
            header = width if len(cleaned) < width else full_width
            problem = f"{len(cleaned)} cells, the header has {header}"
        rows.append(Row(line, cleaned, problem))
    if headers is None:
        raise TableError("The file holds no rows.")
    return Table(_unique(headers), tuple(rows), **extra)


def _unique(headers: tuple[str, ...]) -> tuple[str, ...]:
    """Blank or repeated headers get a number so each column can be named: « Column 3 », « Nom (2) »."""
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(headers):
        h = h or f"Column {i + 1}"
        seen[h] = seen.get(h, 0) + 1
        out.append(h if seen[h] == 1 else f"{h} ({seen[h]})")
    return tuple(out)
