"""A meeting's attendance as a spreadsheet: CSV (UTF-8 with BOM, for Excel) or XLSX.

Every cell that a spreadsheet would read as a formula (starting with
= + - @, a tab or a carriage return) is written with a leading apostrophe,
so opening the file never runs anything (CWE-1236). The import recognises
these headers and values and takes that apostrophe off (models.cells.protect
and unprotect), so an exported list imports back unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from exporters.errors import ExportError
from exporters.people_labels import TABLE_COLUMNS, PeopleLabels, load
from models.cells import FORMULA_STARTS, protect
from models.records import AttendanceList, Attendee

__all__ = ["FORMULA_STARTS", "export_attendance", "neutralise", "to_csv", "to_xlsx"]

# XLSX column widths (characters) by column; a column not named here gets DEFAULT_WIDTH.
WIDTHS = {
    "civility": 10,
    "first_name": 18,
    "last_name": 22,
    "function": 30,
    "organisation": 30,
    "email": 30,
    "status": 12,
    "mode": 14,
    "role": 16,
    "represented_by": 26,
    "arrival": 14,
    "departure": 14,
}
DEFAULT_WIDTH = 20


def neutralise(value: str) -> str:
    """« =HYPERLINK(…) » → « '=HYPERLINK(…) »: shown as text, never evaluated."""
    return protect(value)


def _cells(p: Attendee, labels: PeopleLabels) -> list[str]:
    """``p``'s values in TABLE_COLUMNS's order; status, mode and role in words."""
    words = {"status": labels.statuses, "mode": labels.modes, "role": labels.roles}
    cells = []
    for column in TABLE_COLUMNS:
        value = getattr(p, column)
        cells.append(words[column].get(value, value) if column in words else value)
    return cells


def _table(rows: Sequence[Attendee], language: str) -> list[list[str]]:
    labels = load(language)
    lines = [list(labels.table_columns)]
    lines.extend(_cells(p, labels) for p in rows)
    return [[neutralise(cell) for cell in line] for line in lines]


def to_csv(rows: Sequence[Attendee], language: str = "fr", delimiter: str = ";") -> bytes:
    """UTF-8 with a BOM (Excel then reads accents right), ``;`` by default (Excel in French)."""
    if delimiter not in (",", ";", "\t"):
        raise ExportError(f'"{delimiter}" cannot separate CSV columns; use "," ";" or a tab.')
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(_table(rows, language))
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def to_xlsx(rows: Sequence[Attendee], language: str = "fr") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    labels = load(language)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(labels.sheet_name[:31])
    sheet.freeze_panes = "A2"
    for i, column in enumerate(TABLE_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(column, DEFAULT_WIDTH)
    bold = Font(bold=True)
    for i, line in enumerate(_table(rows, language)):
        cells = []
        for value in line:
            # Control characters cannot be stored in a workbook: dropped.
            cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
            # Text, always: openpyxl would store a string starting with « = » as a formula.
            cell.data_type = "s"
            if i == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_attendance(
    attendance: AttendanceList, fmt: str, *, language: str | None = None, delimiter: str = ";"
) -> bytes:
    """``attendance`` as ``fmt`` ("csv" or "xlsx") bytes, captions in ``language`` or the meeting's."""
    language = language or attendance.language
    rows = attendance.rows
    if fmt == "csv":
        return to_csv(rows, language, delimiter)
    if fmt == "xlsx":
        return to_xlsx(rows, language)
    raise ExportError(f'Cannot write the attendance as "{fmt}"; use .csv or .xlsx.')
