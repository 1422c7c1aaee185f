"""A table of text as CSV (UTF-8 with a BOM, for Excel) or XLSX, every cell kept as text.

The same rules as the attendance export (exporters/attendance_table.py):
a cell a spreadsheet would run as a formula gets a leading apostrophe
(``tabular.protect``), XLSX cells are typed as text. Kept apart from
exporters/ so that models-level commands (the decisions register) can
write a table without a Word template or labels.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from models.errors import MinutierError
from models.tabular import protect


def to_csv(lines: Sequence[Sequence[str]], delimiter: str = ";") -> bytes:
    if delimiter not in (",", ";", "\t"):
        raise MinutierError(f'"{delimiter}" cannot separate CSV columns; use "," ";" or a tab.')
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([protect(cell) for cell in line] for line in lines)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def to_xlsx(lines: Sequence[Sequence[str]], sheet_name: str, widths: Sequence[int] = ()) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name[:31])
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    for i, line in enumerate(lines):
        cells = []
        for value in line:
            # Control characters cannot be stored in a workbook (text_rules refuses them anyway).
            cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", protect(value)))
            cell.data_type = "s"  # openpyxl would store a text starting with « = » as a formula
            if i == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_table(
    lines: Sequence[Sequence[str]], fmt: str, *, sheet_name: str, widths: Sequence[int] = ()
) -> bytes:
    if fmt == "csv":
        return to_csv(lines)
    if fmt == "xlsx":
        return to_xlsx(lines, sheet_name, widths)
    raise MinutierError(f'Cannot write a table as "{fmt}"; use .csv or .xlsx.')
