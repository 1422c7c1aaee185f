"""Reading a CSV participant list: its delimiter, its records, and the files refused as no table."""

from __future__ import annotations

import csv
import io

from models import text_rules
from models.tabular.encoding import decode_lines
from models.tabular.limits import _Budget
from models.tabular.table import Table, TableError, _one_line, _table

DELIMITERS = ",;\t|"


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
