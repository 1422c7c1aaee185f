"""What an XLSX cell holds: its text (inline or shared), its number, or the date its style makes of it."""

from __future__ import annotations

import datetime as dt
import math
import re

from models.tabular.limits import MAX_CELL_CHARS, MAX_SHARED_STRINGS
from models.tabular.table import TableError, _one_line
from models.tabular.workbook import _local, _Workbook

_CELL_REF = re.compile(r"([A-Z]{1,4})([0-9]{1,8})")


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


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
