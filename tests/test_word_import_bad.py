"""import-docx refuses what is not a readable .docx with one line, quickly and in little memory:
a .doc, an encrypted file, a damaged zip, zip bombs (a huge document.xml, billion laughs)."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from io import BytesIO

import docx
import pytest

import main
from models.word_import import WordImportError, read_docx
from models.word_import.safe_open import MAX_PART_BYTES


def a_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Réunion annuelle")
    out = BytesIO()
    d.save(out)
    return out.getvalue()


def replaced(part: str, content: bytes, source: bytes | None = None, level: int = 9) -> bytes:
    """``source`` (a real .docx) with ``part`` replaced by ``content``."""
    source = source or a_docx()
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(source)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != part:
                zout.writestr(info, zin.read(info))
        zout.writestr(part, content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)
    return out.getvalue()


def ole(*streams: str) -> bytes:
    # The header of a compound file and the stream names of its directory, as Word writes them.
    names = b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + names + b"\x00" * 1024


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def huge_document() -> bytes:
    """A document.xml inflating to more than any part may (a zip bomb), but only 300 kB on disk."""
    head = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    filler = b"<w:p/>" * ((MAX_PART_BYTES // 6) // 4)
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(a_docx())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info, zin.read(info))
        with zout.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(head)
            for _ in range(5):
                stream.write(filler)
    return out.getvalue()


def plain_zip() -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "not a document")
    return out.getvalue()


def corrupted_part() -> bytes:
    """A zip whose document.xml fails its checksum (a file cut or altered in transit)."""
    data = bytearray(a_docx())
    at = data.find(b"word/document.xml") + len("word/document.xml") + 40
    for i in range(at, at + 64):
        data[i] ^= 0xFF
    return bytes(data)


CASES = {
    "doc": (lambda: ole("Root Entry", "WordDocument", "1Table"), "old Word document (.doc)"),
    "encrypted": (lambda: ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), "protected by a password"),
    "text": (lambda: b"Ceci n'est pas un document Word.\n", "not a Word document"),
    "rtf": (lambda: b"{\\rtf1\\ansi Bonjour}", "RTF"),
    "truncated": (lambda: a_docx()[:1500], "damaged"),
    "corrupted part": (corrupted_part, "damaged"),
    "other zip": (plain_zip, "not a Word document"),
    "billion laughs": (lambda: replaced("word/document.xml", BILLION_LAUGHS), "entities"),
    "bad xml": (lambda: replaced("word/document.xml", b"<w:document><w:body>"), "damaged"),
    "huge document.xml": (huge_document, "zip bomb"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_refused_with_one_sentence_quickly_and_in_little_memory(case):
    make, fragment = CASES[case]
    data = make()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(WordImportError) as refused:
            read_docx(data, "cr.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 20 * 1024 * 1024, peak
    message = str(refused.value)
    assert fragment in message
    assert message.startswith("cr.docx: ") and "\n" not in message


def test_the_command_prints_one_line_and_exits_1(tmp_path, capsys):
    source = tmp_path / "old.doc"
    source.write_bytes(ole("Root Entry", "WordDocument"))
    assert main.main(["import-docx", str(source), "--db", str(tmp_path / "m.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("minutier: ") and "Traceback" not in err
    assert "save it as .docx" in err


def test_a_missing_file_is_one_line(tmp_path, capsys):
    assert main.main(["import-docx", str(tmp_path / "none.docx"), "--db", str(tmp_path / "m.sqlite")]) == 1
    assert capsys.readouterr().err.startswith("minutier: Cannot read ")


def test_the_checks_let_a_large_real_document_through():
    d = docx.Document()
    for n in range(3000):
        d.add_paragraph(f"Paragraphe {n} " + "texte " * 30)
    out = BytesIO()
    d.save(out)
    reading = read_docx(out.getvalue(), "long.docx")
    assert reading.understanding.counts["paragraphs"] >= 1


def test_reading_a_file_checks_its_size_before_reading(tmp_path):
    from models.word_import import read_file
    from models.word_import.safe_open import MAX_FILE_BYTES

    big = tmp_path / "big.docx"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(WordImportError, match="too large"):
        read_file(big)
