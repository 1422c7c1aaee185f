"""An XLSX workbook's zip and XML parts, each read within bounds and without entities; which sheet to read."""

from __future__ import annotations

import io
import struct
import zipfile
from posixpath import dirname, join, normpath

from models.tabular.limits import MAX_XLSX_UNCOMPRESSED, MAX_ZIP_ENTRIES
from models.tabular.table import TableError, _one_line

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
_CHUNK = 256 * 1024
_SUSPECT = (b"<!DOCTYPE", b"<!ENTITY")


def _local(tag: object) -> str:
    """« {namespace}row » → « row » (transitional and strict namespaces alike)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


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
