"""Reading a participant list: CSV (any delimiter, UTF-8 with or without BOM, Windows-1252) or XLSX.

The result is a header row and data rows, each with the line (CSV) or row
(XLSX) number a user sees in their spreadsheet, so bad rows can be named.

A participant list is small; a file that is not one (a zip bomb, a sheet
claiming a million rows, a million columns, binary data) is refused with one
sentence before it can take minutes or gigabytes. The bounds (``limits``) are far
above any real list (100,000 people with 30 columns fit), and each is
checked before the work it bounds, not after.

The parts: ``table`` (the rows read, and the errors), ``limits`` (the
bounds and the budget counting against them), ``encoding`` (a CSV file's
text), ``csv_file`` (CSV), ``workbook`` (an XLSX file's zip parts),
``cell_values`` (what an XLSX cell holds), ``xlsx`` (an XLSX sheet, row
by row). This package keeps the names callers import.
"""

from __future__ import annotations

from pathlib import Path

# protect, unprotect and FORMULA_STARTS: their home before models.cells.
from models.cells import FORMULA_STARTS, protect, unprotect
from models.tabular.csv_file import DELIMITERS, read_csv_bytes, sniff_delimiter
from models.tabular.encoding import decode, decode_lines
from models.tabular.limits import (
    EXCEL_COLUMNS,
    EXCEL_ROWS,
    MAX_BYTES,
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SHARED_STRINGS,
    MAX_XLSX_CELLS,
    MAX_XLSX_UNCOMPRESSED,
    MAX_ZIP_ENTRIES,
)
from models.tabular.table import Row, Table, TableError
from models.tabular.xlsx import read_xlsx_bytes

__all__ = [
    "DELIMITERS",
    "EXCEL_COLUMNS",
    "EXCEL_ROWS",
    "FORMULA_STARTS",
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_SHARED_STRINGS",
    "MAX_XLSX_CELLS",
    "MAX_XLSX_UNCOMPRESSED",
    "MAX_ZIP_ENTRIES",
    "Row",
    "Table",
    "TableError",
    "decode",
    "decode_lines",
    "protect",
    "read_csv_bytes",
    "read_table",
    "read_table_bytes",
    "read_xlsx_bytes",
    "sniff_delimiter",
    "unprotect",
]


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """A CSV or XLSX file as a table; XLSX recognised by its content, not only its name."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TableError(f"{path} is too large to be a participant list ({size // 1_000_000} MB).")
        data = path.read_bytes()
    except OSError as exc:
        raise TableError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    return read_table_bytes(data, path.name, sheet=sheet)


def read_table_bytes(data: bytes, name: str = "", *, sheet: str | None = None) -> Table:
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx_bytes(data, sheet)
    if name.lower().endswith((".xlsx", ".xlsm")):
        raise TableError(f"{name} is not a valid Excel workbook.")
    if name.lower().endswith(".xls"):
        raise TableError(f"{name} is an old Excel file (.xls); save it as .xlsx or CSV.")
    return read_csv_bytes(data)
