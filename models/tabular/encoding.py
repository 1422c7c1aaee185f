"""The text of a CSV file: its encoding told by its marks and its bytes, line by line when they mix."""

from __future__ import annotations

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
