"""Reading a participant list: CSV (any delimiter, UTF-8 with or without BOM, Windows-1252) or XLSX.

The result is a header row and data rows, each with the line (CSV) or row
(XLSX) number a user sees in their spreadsheet, so bad rows can be named.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from models.errors import MinutierError

DELIMITERS = ",;\t|"
# Larger files are refused rather than read into memory (a list of 100,000 people is far below).
MAX_BYTES = 50 * 1024 * 1024


class TableError(MinutierError):
    """The file cannot be read as a table; one sentence for the user."""


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # as the user's spreadsheet numbers it (the header is usually line 1)
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str = ""  # CSV only: "utf-8", "utf-8-sig", "utf-16", "cp1252"… (see decode)
    delimiter: str = ""  # CSV only

    def preview(self, count: int = 10) -> list[dict[str, str]]:
        """The first rows as header → value, for a mapping dialog's preview."""
        return [dict(zip(self.headers, r.values, strict=False)) for r in self.rows[:count]]


# Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """« utf-16-le » or « utf-16-be » when NUL bytes fill every other byte (Latin text in UTF-16)."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.3 * len(head[1::2]) and even == 0:
        return "utf-16-le"
    if even > 0.3 * len(head[0::2]) and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: by its byte-order mark (UTF-8, UTF-16 as Excel's « Unicode text »,
    UTF-32), else UTF-16 without mark, else UTF-8, else Windows-1252 (Excel's « CSV » on Windows).

    Extra marks at the start (a file saved twice with one) are dropped.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)  # each of these codecs reads and drops the mark
            except UnicodeDecodeError:
                continue
            return text.lstrip("\ufeff"), encoding
    # Before UTF-8: Latin text in UTF-16 is also valid UTF-8, with a NUL after every letter.
    wide = _utf16_without_bom(data)
    if wide is not None:
        try:
            return data.decode(wide).lstrip("\ufeff"), wide
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8").lstrip("\ufeff"), "utf-8"
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; latin-1 maps them to control characters instead of failing.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter of ``text``: the one giving the same number (> 1) of columns on the first lines."""
    sample_lines = [line for line in text[: 64 * 1024].splitlines() if line.strip()][:20]
    sample = "\n".join(sample_lines)
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    # Fallback: the candidate most frequent in the header line.
    header = sample_lines[0] if sample_lines else ""
    best = max(DELIMITERS, key=header.count)
    return best if header.count(best) else ","


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


def _table(raw_rows, **extra) -> Table:
    headers: tuple[str, ...] | None = None
    rows: list[Row] = []
    for line, values in raw_rows:
        cleaned = tuple(_clean(v) for v in values)
        if not any(cleaned):
            continue
        if headers is None:
            headers = cleaned
            continue
        rows.append(Row(line, cleaned))
    if headers is None:
        raise TableError("The file holds no rows.")
    while headers and not headers[-1]:
        headers = headers[:-1]
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


def read_csv_bytes(data: bytes) -> Table:
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def numbered():
        line = 1
        try:
            for values in reader:
                yield line, values
                line = reader.line_num + 1
        except csv.Error as exc:
            raise TableError(f"Line {reader.line_num} of the file cannot be read as CSV ({exc}).") from None

    return _table(numbered(), encoding=encoding, delimiter=delimiter)


def read_xlsx_bytes(data: bytes, sheet: str | None = None) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError(f"The file is not a readable Excel workbook ({exc}).") from None
    try:
        if sheet is not None:
            if sheet not in workbook.sheetnames:
                names = ", ".join(workbook.sheetnames)
                raise TableError(f'The workbook has no sheet "{sheet}" (sheets: {names}).')
            worksheet = workbook[sheet]
        else:
            worksheet = workbook.worksheets[0]
        rows = ((i, values) for i, values in enumerate(worksheet.iter_rows(values_only=True), start=1))
        return _table(rows)
    finally:
        workbook.close()


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
