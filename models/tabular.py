"""Reading a participant list: CSV (any delimiter, UTF-8 with or without BOM, Windows-1252) or XLSX.

The result is a header row and data rows, each with the line (CSV) or row
(XLSX) number a user sees in their spreadsheet, so bad rows can be named.

A participant list is small; a file that is not one (a zip bomb, a sheet
claiming a million rows, a million columns, binary data) is refused with one
sentence before it can take minutes or gigabytes. The bounds below are far
above any real list (100,000 people with 30 columns fit), and each is
checked before the work it bounds, not after.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from posixpath import dirname, join, normpath

from models import text_rules
from models.cells import FORMULA_STARTS, protect, unprotect  # noqa: F401  (their home before models.cells)
from models.errors import MinutierError

DELIMITERS = ",;\t|"
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
    UTF-32), else UTF-16 without mark, else UTF-8, else UTF-8 and Windows-1252 line by line
    (a list pasted together from two sources), else Windows-1252 (Excel's « CSV » on Windows).

    Extra marks at the start (a file saved twice with one) are dropped.
    """
    text, encoding, _ = decode_lines(data)
    return text, encoding


def decode_lines(data: bytes) -> tuple[str, str, list[int]]:
    """As ``decode``, with the (1-based) lines read as Windows-1252 when the others are UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)  # each of these codecs reads and drops the mark
            except UnicodeDecodeError:
                continue
            return text.lstrip("\ufeff"), encoding, []
    # Before UTF-8: Latin text in UTF-16 is also valid UTF-8, with a NUL after every letter.
    wide = _utf16_without_bom(data)
    if wide is not None:
        try:
            return data.decode(wide).lstrip("\ufeff"), wide, []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8").lstrip("\ufeff"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    # cp1252 leaves five bytes undefined; latin-1 maps them to control characters instead of failing.
    try:
        return data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", []


def _mixed_utf8(data: bytes) -> tuple[str, str, list[int]] | None:
    """Each line in UTF-8 when it is, else in Windows-1252 — when some non-ASCII line is UTF-8.

    Decoding the whole file as Windows-1252 would turn its UTF-8 lines into « JÃ©rÃ´me ». A
    Windows-1252 line is almost never valid UTF-8 by chance (an accented letter followed by
    one or two symbols of a narrow range), so a line that decodes as UTF-8 is UTF-8.
    """
    lines = data.split(b"\n")
    utf8_lines = 0
    decoded: list[str] = []
    legacy: list[int] = []
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8")
            utf8_lines += not raw.isascii()
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace") if _cp1252_ok(raw) else raw.decode("latin-1")
            legacy.append(number)
        decoded.append(text)
    if not utf8_lines:
        return None
    return "\n".join(decoded).lstrip("\ufeff"), "utf-8+cp1252", legacy


def _cp1252_ok(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def sniff_delimiter(text: str) -> str:
    """The delimiter of ``text``: the one splitting the header into most cells (at least two) while
    giving the first rows the same number of cells, quotes understood.

    The header decides first because its cells (« Prénom », « Organisation ») rarely hold a
    delimiter, while values (« ','A », « Mairie de Montréal; service international ») may:
    csv.Sniffer, which counts characters, was misled by them.
    """
    sample_lines = [line for line in text[: 64 * 1024].splitlines(keepends=True) if line.strip()][:50]
    best: tuple[float, int] | None = None
    chosen = ""
    for delimiter in DELIMITERS:
        try:
            records = list(csv.reader(sample_lines, delimiter=delimiter))
        except csv.Error:
            continue
        widths = [len(r) for r in records if any(cell.strip() for cell in r)]
        if len(widths) > 2:
            widths = widths[:-1]  # the last record may be cut by the sample's end
        if not widths or widths[0] < 2:
            continue
        score = (sum(w == widths[0] for w in widths) / len(widths), widths[0])
        if best is None or score > best:
            best, chosen = score, delimiter
    if chosen:
        return chosen
    sample = "".join(sample_lines[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    # Fallback: the candidate most frequent in the header line.
    header = sample_lines[0] if sample_lines else ""
    most = max(DELIMITERS, key=header.count)
    return most if header.count(most) else ","


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


# ---------------------------------------------------------------- CSV


def _refuse_binary(text: str) -> None:
    """A file whose start is mostly control characters (NUL bytes, a picture, an archive) is no table.

    One NUL in a cell stays a bad row named by its line (see models.text_rules); a file made
    of them has no line worth naming.
    """
    sample = text[: 64 * 1024]
    if not sample:
        return
    odd = len(text_rules.FORBIDDEN.findall(sample)) + sample.count("\ufffd")
    if odd > 0.05 * len(sample):
        raise TableError(
            "The file is not a text table (CSV): it holds binary data or NUL bytes. "
            "Save the list as CSV or XLSX."
        )


def _list_lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


def read_csv_bytes(data: bytes) -> Table:
    text, encoding, legacy = decode_lines(data)
    _refuse_binary(text)
    warnings = []
    if legacy:
        warnings.append(
            f"Line(s) {_list_lines(legacy)} are in Windows-1252 and the others in UTF-8: "
            "each line was read in its own encoding."
        )
    delimiter = sniff_delimiter(text)
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter)
    budget = _Budget()
    last_start = 0

    def numbered():
        nonlocal last_start
        line = 1
        try:
            for values in reader:
                last_start = line
                budget.take(len(values), f"Line {line}")
                yield line, values, ""
                line = reader.line_num + 1
        except csv.Error as exc:
            raise TableError(
                f"Line {reader.line_num} of the file cannot be read as CSV ({_one_line(exc)})."
            ) from None

    table = _table(
        numbered(), check_width=True, encoding=encoding, delimiter=delimiter, warnings=tuple(warnings)
    )
    _refuse_open_quote(lines, last_start, reader.line_num, delimiter)
    return table


def _refuse_open_quote(lines: list[str], start: int, end: int, delimiter: str) -> None:
    """Refuse a last record whose quote never closes: it would swallow the rest of the file as one cell."""
    if not start or end <= start:
        return  # the last record is on one line: nothing swallowed
    try:
        for _ in csv.reader(lines[start - 1 :], delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        if "unexpected end of data" not in str(exc):
            return  # another oddity (« "a"b »), which the lenient reading handles
        raise TableError(
            f'Line {start}: a quote (") opens a cell that is never closed, so the {end - start + 1} lines '
            "from there to the end of the file would be read as one cell. Close or remove that quote."
        ) from None


# ---------------------------------------------------------------- XLSX
#
# Read with lxml's pull parser straight from the zip, one row at a time, with every bound
# checked as it is reached: openpyxl (used to write the lists) pads each row to the
# dimension a sheet claims, loads all shared strings up front and reads entity
# declarations, so a few kilobytes could take hours or gigabytes.

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_STRICT_MAIN = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"
_R_ID = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}id",
)
_CELL_REF = re.compile(r"([A-Z]{1,4})([0-9]{1,8})")
_CHUNK = 256 * 1024
_SUSPECT = (b"<!DOCTYPE", b"<!ENTITY")


def _local(tag: object) -> str:
    """« {namespace}row » → « row » (transitional and strict namespaces alike)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


class _Workbook:
    def __init__(self, data: bytes):
        _check_zip_directory(data)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
            raise TableError(f"The file is not a readable Excel workbook ({_one_line(exc)}).") from None
        self.names = {info.filename: info for info in self.zip.infolist()}
        self.budget = MAX_XLSX_UNCOMPRESSED

    def close(self) -> None:
        self.zip.close()

    def _info(self, name: str, what: str, charge: bool = True) -> zipfile.ZipInfo:
        info = self.names.get(name)
        if info is None:
            raise TableError(f"The workbook is damaged: its {what} ({name}) is missing.")
        # The declared size bounds what zipfile will decompress (it stops there and checks the CRC).
        if info.file_size > self.budget:
            raise TableError(
                f"The workbook's {what} would take {info.file_size / 2**20:,.0f} MiB once decompressed; "
                f"a participant list takes far less (at most {MAX_XLSX_UNCOMPRESSED // 2**20} MiB are read)."
            )
        if charge:
            self.budget -= info.file_size
        return info

    def count(self, name: str, what: str, *markers: bytes, stop_after: int) -> int:
        """How many times the ``markers`` (of one length) occur in part ``name``: one pass in C,
        stopped as soon as there are more than ``stop_after``."""
        info = self._info(name, what, charge=False)
        found = 0
        carry = b""
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    # A marker across two chunks starts in the carried bytes, shorter than it.
                    window = carry + chunk
                    found += sum(window.count(m) for m in markers)
                    if found > stop_after:
                        break
                    carry = chunk[-(len(markers[0]) - 1) :]
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise TableError(f"The workbook's {what} cannot be read ({_one_line(exc)}).") from None
        return found

    def events(self, name: str, what: str, tags: tuple[str, ...] = ()):
        """(event, element) of part ``name`` as it is decompressed; entities and DTDs refused."""
        from lxml import etree

        info = self._info(name, what)
        parser = etree.XMLPullParser(
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        carry = b""
        try:
            with self.zip.open(info) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    window = carry + chunk
                    if any(s in window for s in _SUSPECT):
                        raise TableError(
                            f"The workbook's {what} declares XML entities or a DTD, which a workbook "
                            "saved by a spreadsheet never does; it is refused."
                        )
                    carry = chunk[-len(_SUSPECT[0]) :]
                    parser.feed(chunk)
                    yield from parser.read_events()
                parser.close()
                yield from parser.read_events()
        except etree.XMLSyntaxError as exc:
            raise TableError(f"The workbook's {what} is not valid XML ({_one_line(exc.msg)}).") from None
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise TableError(f"The workbook's {what} cannot be read ({_one_line(exc)}).") from None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id → (type's last word, target part) of ``part``'s relationships."""
        rels_name = join(dirname(part), "_rels", part.rsplit("/", 1)[-1] + ".rels")
        if rels_name not in self.names:
            return {}
        out = {}
        for event, elem in self.events(rels_name, "relationships"):
            if event == "end" and _local(elem.tag) == "Relationship":
                target = elem.get("Target", "")
                if elem.get("TargetMode") != "External":
                    target = target[1:] if target.startswith("/") else normpath(join(dirname(part), target))
                out[elem.get("Id", "")] = (elem.get("Type", "").rsplit("/", 1)[-1], target)
        return out


def _check_zip_directory(data: bytes) -> None:
    """Refuse a zip listing more entries than any workbook (its directory is read whole by zipfile)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65_535))
    if end < 0 or end + 22 > len(data):
        raise TableError("The file is not a readable Excel workbook (no zip directory).")
    entries, size = struct.unpack_from("<HI", data, end + 10)
    if entries > MAX_ZIP_ENTRIES or size > 64 * MAX_ZIP_ENTRIES:
        raise TableError(f"The workbook holds {entries:,} parts; a participant list holds a few dozen.")


def _text_of(elem) -> str:
    """The text of a shared or inline string: its <t>, or its runs' <t>, without phonetic guides."""
    parts = []
    for child in elem:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def _unescape(text: str) -> str:
    """OOXML writes characters XML cannot hold as « _x000D_ »."""
    if "_x" not in text:
        return text
    from openpyxl.utils.escape import unescape

    return unescape(text)


def _shared_strings(book: _Workbook, part: str | None) -> list[str]:
    strings: list[str] = []
    if part is None:
        return strings
    # « <si> » and « <si  » (attributes are not allowed on it, but a space is): counted, not trusted.
    counted = book.count(part, "shared strings", b"<si>", b"<si ", stop_after=MAX_SHARED_STRINGS)
    if counted > MAX_SHARED_STRINGS:
        raise _too_many_strings()
    for event, elem in book.events(part, "shared strings", ()):
        name = _local(elem.tag)
        if event == "start":
            if name == "sst":
                declared = elem.get("uniqueCount") or elem.get("count") or "0"
                if declared.isdigit() and int(declared) > MAX_SHARED_STRINGS:
                    raise _too_many_strings()
            continue
        if name != "si":
            continue
        text = _unescape(_text_of(elem))
        if len(text) > MAX_CELL_CHARS:
            raise TableError(
                f"Shared string {len(strings)} of the workbook is {len(text):,} characters long; "
                f"a cell holds at most {MAX_CELL_CHARS:,}."
            )
        strings.append(text)
        if len(strings) > MAX_SHARED_STRINGS:
            raise _too_many_strings()
        elem.clear()
        parent = elem.getparent()
        if parent is not None:
            while elem.getprevious() is not None:
                del parent[0]
    return strings


def _too_many_strings() -> TableError:
    return TableError(
        f"The workbook holds more than {MAX_SHARED_STRINGS:,} different texts; a participant list "
        "holds far fewer."
    )


def _date_styles(book: _Workbook, part: str | None) -> set[int]:
    """Indexes of the cell styles showing dates or times (their numbers are read as dates)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    if part is None or part not in book.names:
        return set()
    custom: dict[int, str] = {}
    dates: set[int] = set()
    in_xfs = False
    index = 0
    for event, elem in book.events(part, "styles"):
        name = _local(elem.tag)
        if name == "cellXfs":
            in_xfs = event == "start"
        elif event == "end" and name == "numFmt":
            fid = elem.get("numFmtId", "")
            if fid.isdigit():
                custom[int(fid)] = elem.get("formatCode", "")
        elif event == "end" and name == "xf" and in_xfs:
            fid = elem.get("numFmtId", "0")
            code = custom.get(int(fid)) if fid.isdigit() else None
            if code is None and fid.isdigit():
                code = BUILTIN_FORMATS.get(int(fid), "")
            if code and is_date_format(code):
                dates.add(index)
            index += 1
        if event == "end" and name in ("numFmts", "cellXfs"):
            elem.clear()
    return dates


def _number(text: str, ref: str, date: bool, epoch: dt.datetime) -> object:
    try:
        value = float(text)
    except ValueError:
        raise TableError(f'Cell {ref} holds "{_one_line(text, 40)}" where a number should be.') from None
    if not math.isfinite(value):
        raise TableError(
            f'Cell {ref} holds "{_one_line(text, 40)}", which is not a number a spreadsheet can hold.'
        )
    if date:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(value, epoch)
        except (ValueError, OverflowError):
            return value
    if value.is_integer() and "e" not in text.lower() and "." not in text:
        return int(text.strip())
    return value


def _sheet_part(book: _Workbook, sheet: str | None) -> tuple[str, str, dict[str, tuple[str, str]], bool]:
    """(sheet name, its part, the workbook's relationships, 1904 dates) of the sheet to read."""
    rels = book.relationships("")  # the package's own: _rels/.rels
    main = next((target for kind, target in rels.values() if kind == "officeDocument"), "xl/workbook.xml")
    sheets: list[tuple[str, str]] = []
    date1904 = False
    for event, elem in book.events(main, "workbook"):
        if event != "end":
            continue
        name = _local(elem.tag)
        if name == "sheet":
            rid = next((elem.get(a) for a in _R_ID if elem.get(a)), "")
            sheets.append((elem.get("name", ""), rid))
        elif name == "workbookPr":
            date1904 = elem.get("date1904", "").lower() in ("1", "true")
    book_rels = book.relationships(main)
    worksheets = [(n, book_rels.get(rid, ("", ""))) for n, rid in sheets]
    if sheet is not None:
        found = [(n, rel) for n, rel in worksheets if n == sheet]
        if not found:
            names = _one_line(", ".join(n for n, _ in worksheets), 200)
            raise TableError(f'The workbook has no sheet "{_one_line(sheet, 60)}" (sheets: {names}).')
        name, (kind, target) = found[0]
        if kind != "worksheet":
            raise TableError(
                f'Sheet "{_one_line(sheet, 60)}" is a {kind or "part"} (a chart?), not a table of cells.'
            )
    else:
        cells = [(n, rel) for n, rel in worksheets if rel[0] == "worksheet"]
        if not cells:
            raise TableError("The workbook has no sheet of cells (only charts or other sheets).")
        name, (kind, target) = cells[0]
    if target not in book.names:
        raise TableError(f'The workbook is damaged: the part of sheet "{name}" ({target}) is missing.')
    return name, target, book_rels, date1904


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


def _letters(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell_value(elem, ref: str, strings: list[str], dates: set[int], epoch) -> tuple[object, str]:
    kind = elem.get("t", "n")
    v = f = inline = None
    for child in elem:
        name = _local(child.tag)
        if name == "v":
            v = child.text
        elif name == "f":
            f = child
        elif name == "is":
            inline = child
    if kind == "inlineStr":
        text = _unescape(_text_of(inline)) if inline is not None else ""
        if len(text) > MAX_CELL_CHARS:
            raise TableError(
                f"Cell {ref} holds {len(text):,} characters; a cell holds at most {MAX_CELL_CHARS:,}."
            )
        return text, ""
    if v is None or v == "":
        if f is not None:
            return None, (
                f"cell {ref} holds a formula without its result (the file was not saved by a spreadsheet); "
                "open and save it in one, or paste the values"
            )
        return None, ""
    if kind == "s":
        if not v.strip().isdigit() or int(v) >= len(strings):
            raise TableError(
                f'Cell {ref} points to shared text "{_one_line(v, 20)}", but the workbook has only '
                f"{len(strings):,}; the file is damaged."
            )
        return strings[int(v)], ""
    if kind in ("str", "e", "d"):
        return _unescape(v), ""
    if kind == "b":
        return v.strip() in ("1", "true"), ""
    style = elem.get("s", "0")
    date = style.isdigit() and int(style) in dates
    return _number(v.strip(), ref, date, epoch), ""


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
