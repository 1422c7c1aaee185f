"""How big a participant list may be: the bounds, and the budget that counts rows and cells against them."""

from __future__ import annotations

from models.tabular.table import TableError

# Larger files are refused rather than read into memory (a list of 100,000 people is far below).
MAX_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 1_000
MAX_ROWS = 200_000
# Cells held in memory, counting the empty ones up to each row's last value.
MAX_CELLS = 2_000_000
# XLSX: what the workbook's parts may hold once decompressed, all parts read together; the cells
# and texts of a sheet are counted in one fast pass before it is parsed (parsing takes a few
# microseconds a cell, so these bounds are also what keeps a refusal within seconds).
MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_XLSX_CELLS = 1_000_000
MAX_SHARED_STRINGS = 1_000_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
# Excel's grid: column XFD, row 1,048,576.
EXCEL_COLUMNS = 16_384
EXCEL_ROWS = 1_048_576


class _Budget:
    """Counts rows and cells as they are read, and refuses once a participant list could not be that big."""

    def __init__(self) -> None:
        self.rows = 0
        self.cells = 0

    def take(self, width: int, where: str) -> None:
        if width > MAX_COLUMNS:
            raise TableError(
                f"{where} has {width:,} cells; a participant list may have at most {MAX_COLUMNS:,} columns."
            )
        self.rows += 1
        self.cells += width
        if self.rows > MAX_ROWS:
            raise TableError(f"The file has more than {MAX_ROWS:,} rows; a participant list has fewer.")
        if self.cells > MAX_CELLS:
            raise TableError(f"The file has more than {MAX_CELLS:,} cells; a participant list has fewer.")
