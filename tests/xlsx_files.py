"""Hand-built XLSX files, well-formed or hostile, for the participant-import tests and the bomb figures.

openpyxl cannot write most of these (a sheet claiming a million rows, a
formula without its result, entities, a shared string pointing nowhere), so
the parts are written as text into a zip. ``python tests/xlsx_files.py DIR``
writes the bombs of issue 11 into DIR, for measuring the import by hand.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def content_types(parts: Iterable[str]) -> str:
    """[Content_Types].xml naming the parts (openpyxl, used for the « before » figures, needs them)."""
    kinds = {"worksheets": "worksheet", "chartsheets": "chartsheet"}
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>']
    for part in parts:
        folder = part.split("/")[1] if part.count("/") == 2 else ""
        if folder in kinds:
            overrides.append(f'<Override PartName="/{part}" ContentType="{OFFICE}.{kinds[folder]}+xml"/>')
        elif part == "xl/sharedStrings.xml":
            overrides.append(f'<Override PartName="/{part}" ContentType="{OFFICE}.sharedStrings+xml"/>')
    return (
        HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>"
    )


ROOT_RELS = (
    HEAD + f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def column_letters(index: int) -> str:
    """1 → A, 27 → AA, 16384 → XFD."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(ref: str, value: object) -> str:
    """A cell as Excel writes it: inline text, a number, or ("f", formula, cached result or None)."""
    if isinstance(value, tuple):
        _, formula, result = value
        cached = f"<v>{escape(str(result))}</v>" if result is not None else ""
        kind = ' t="str"' if isinstance(result, str) else ""
        return f'<c r="{ref}"{kind}><f>{escape(formula)}</f>{cached}</c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def sheet_xml(
    rows: Iterable[Iterable[object]], dimension: str | None = None, numbers: Iterable[int] = ()
) -> str:
    """The sheet of ``rows``, numbered 1, 2… or by ``numbers``."""
    body = []
    numbers = iter(numbers)
    for values in rows:
        r = next(numbers, len(body) + 1)
        cells = "".join(cell(f"{column_letters(c)}{r}", v) for c, v in enumerate(values, start=1))
        body.append(f'<row r="{r}">{cells}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        HEAD
        + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">{dim}<sheetData>{"".join(body)}</sheetData></worksheet>'
    )


def workbook(
    sheets: dict[str, str | None],
    *,
    shared_strings: str | None = None,
    kinds: dict[str, str] | None = None,
    extra: dict[str, str | bytes] | None = None,
) -> bytes:
    """A workbook of ``sheets`` (name → sheet XML; None: the part is left out).

    ``kinds`` may make one a chartsheet.
    """
    kinds = kinds or {}
    entries = []
    rels = []
    parts: dict[str, str | bytes] = {"_rels/.rels": ROOT_RELS}
    for i, (name, xml) in enumerate(sheets.items(), start=1):
        kind = kinds.get(name, "worksheet")
        folder = "worksheets" if kind == "worksheet" else "chartsheets"
        entries.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{folder}/sheet{i}.xml"/>')
        if xml is not None:
            parts[f"xl/{folder}/sheet{i}.xml"] = xml
    if shared_strings is not None:
        rels.append(f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
        parts["xl/sharedStrings.xml"] = shared_strings
    parts["xl/workbook.xml"] = (
        HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{"".join(entries)}</sheets></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        HEAD + f'<Relationships xmlns="{PKG}">{"".join(rels)}</Relationships>'
    )
    parts.update(extra or {})
    parts["[Content_Types].xml"] = content_types(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def simple(rows: list[list[object]], **kwargs) -> bytes:
    return workbook({"Inscrits": sheet_xml(rows, kwargs.pop("dimension", None))}, **kwargs)


def _streamed(name: str, chunks: Iterator[bytes]) -> bytes:
    """A workbook whose part ``name`` is written chunk by chunk (a bomb need not fit in memory to be made)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        base = zipfile.ZipFile(io.BytesIO(simple([["Prénom", "Nom"], ["Anne", "Martin"]])))
        for info in base.infolist():
            if info.filename != name:
                archive.writestr(info.filename, base.read(info.filename))
        with archive.open(name, "w", force_zip64=True) as part:
            for chunk in chunks:
                part.write(chunk)
    return out.getvalue()


def _repeat(piece: bytes, count: int, per_chunk: int = 1 << 20) -> Iterator[bytes]:
    block = piece * max(1, per_chunk // len(piece))
    per = len(block) // len(piece)
    while count > 0:
        n = min(per, count)
        yield block if n == per else piece * n
        count -= n


def whitespace_bomb(size: int) -> bytes:
    """The sheet part padded with ``size`` bytes of spaces inside a cell: compresses about 1000:1."""
    head = (
        HEAD
        + f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c>'
        '</row><row r="2"><c r="A2" t="inlineStr"><is><t>'
    ).encode()
    tail = b"</t></is></c></row></sheetData></worksheet>"
    return _streamed("xl/worksheets/sheet1.xml", iter([head, *_repeat(b" ", size), tail]))


def cells_bomb(count: int) -> bytes:
    """``count`` cells of one row each, holding 1."""
    head = (HEAD + f'<worksheet xmlns="{MAIN}"><sheetData>').encode()
    tail = b"</sheetData></worksheet>"
    return _streamed(
        "xl/worksheets/sheet1.xml", iter([head, *_repeat(b"<row><c><v>1</v></c></row>", count), tail])
    )


def shared_strings_bomb(count: int) -> bytes:
    """``count`` empty shared strings."""
    head = f'{HEAD}<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">'.encode()
    return _with_shared_strings(iter([head, *_repeat(b"<si><t/></si>", count), b"</sst>"]))


def huge_shared_string(size: int) -> bytes:
    """One shared string of ``size`` letters."""
    head = f'{HEAD}<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode()
    return _with_shared_strings(iter([head, *_repeat(b"a", size), b"</t></si></sst>"]))


def _with_shared_strings(chunks: Iterator[bytes]) -> bytes:
    rels = (
        HEAD + f'<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    sheet = (
        HEAD
        + f'<worksheet xmlns="{MAIN}"><sheetData>'
        + '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        base = zipfile.ZipFile(io.BytesIO(simple([["Nom"]])))
        for info in base.infolist():
            if info.filename not in (
                "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml",
                "[Content_Types].xml",
            ):
                archive.writestr(info.filename, base.read(info.filename))
        archive.writestr(
            "[Content_Types].xml", content_types(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
        )
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            for chunk in chunks:
                part.write(chunk)
    return out.getvalue()


def dimension_bomb() -> bytes:
    """A few bytes claiming every cell of the sheet (A1:XFD1048576), its last row written."""
    rows = [["Prénom", "Nom"], ["Anne", "Martin"], ["Léa", "Roux"]]
    xml = sheet_xml(rows, "A1:XFD1048576", numbers=[1, 2, 1_048_576])
    return workbook({"Inscrits": xml})


BOMBS = {
    "whitespace.xlsx": lambda: whitespace_bomb(2_000_000_000),
    "strings-20M.xlsx": lambda: shared_strings_bomb(20_000_000),
    "string-1GiB.xlsx": lambda: huge_shared_string(1 << 30),
    "dimension.xlsx": dimension_bomb,
}


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in BOMBS.items():
        data = make()
        (folder / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")
    columns = ";".join(f"c{i}" for i in range(1_000_000))
    (folder / "columns.csv").write_text(f"{columns}\n{columns}\n", encoding="utf-8")
    print(f"columns.csv: {(folder / 'columns.csv').stat().st_size:,} bytes")
