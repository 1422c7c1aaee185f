"""Reading an XLSX participant list: the sheet's rows, as it is decompressed, with every bound checked."""

from __future__ import annotations

from models.tabular.cell_values import (
    _CELL_REF,
    _cell_value,
    _column_index,
    _date_styles,
    _letters,
    _shared_strings,
)
from models.tabular.limits import EXCEL_COLUMNS, EXCEL_ROWS, MAX_COLUMNS, MAX_XLSX_CELLS, _Budget
from models.tabular.table import Table, TableError, _one_line, _table
from models.tabular.workbook import _local, _sheet_part, _Workbook


def _rows(book: _Workbook, part: str, sheet: str, strings: list[str], dates: set[int], epoch):
    """(row number, values, problem) of each row of the sheet, read as it is decompressed."""
    budget = _Budget()
    what = f'sheet "{_one_line(sheet, 60)}"'
    cells = book.count(part, what, b"<c ", b"<c>", stop_after=MAX_XLSX_CELLS)
    if cells > MAX_XLSX_CELLS:
        raise TableError(
            f"The {what} holds more than {MAX_XLSX_CELLS:,} cells, more than a participant list "
            "read from a workbook may hold."
        )
    values: dict[int, object] = {}
    problem = ""
    row_number = 0
    column = 0
    in_data = False
    for event, elem in book.events(part, what):
        name = _local(elem.tag)
        if name == "sheetData":
            in_data = event == "start"
            continue
        if not in_data:
            if event == "end" and elem.getparent() is not None and name not in ("worksheet",):
                elem.clear()
            continue
        if event == "start":
            if name == "row":
                number = elem.get("r")
                row_number = int(number) if number and number.isdigit() else row_number + 1
                if row_number > EXCEL_ROWS:
                    raise TableError(f"The {what} has a row {row_number:,}, beyond the last row of a sheet.")
                values, problem, column = {}, "", 0
            continue
        if name == "c":
            ref = elem.get("r")
            if ref:
                m = _CELL_REF.fullmatch(ref)
                if m is None:
                    raise TableError(
                        f'The {what} has a cell named "{_one_line(ref, 20)}", which is not a cell.'
                    )
                column = _column_index(m.group(1))
            else:
                column += 1
                ref = f"{_letters(column)}{row_number}"
            if column > EXCEL_COLUMNS:
                raise TableError(
                    f"Cell {ref[:20]} of the {what} is beyond column XFD, the last one of a sheet."
                )
            if column > MAX_COLUMNS:
                raise TableError(
                    f"Cell {ref} of the {what} is in column {column:,}; a participant list may have at most "
                    f"{MAX_COLUMNS:,} columns."
                )
            value, why = _cell_value(elem, ref, strings, dates, epoch)
            if value not in (None, ""):
                values[column] = value
            if why and not problem:
                problem = why
            elem.clear()
        elif name == "row":
            width = max(values, default=0)
            budget.take(width, f"Row {row_number}")
            row = [None] * width
            for i, v in values.items():
                row[i - 1] = v
            yield row_number, row, problem
            elem.clear()
            parent = elem.getparent()
            if parent is not None:
                while elem.getprevious() is not None:
                    del parent[0]


def read_xlsx_bytes(data: bytes, sheet: str | None = None) -> Table:
    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

    book = _Workbook(data)
    try:
        name, part, rels, date1904 = _sheet_part(book, sheet)
        targets = {kind: target for kind, target in rels.values()}
        strings_part = targets.get("sharedStrings")
        if strings_part is not None and strings_part not in book.names:
            strings_part = None
        strings = _shared_strings(book, strings_part)
        dates = _date_styles(book, targets.get("styles"))
        epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        return _table(_rows(book, part, name, strings, dates, epoch))
    finally:
        book.close()
