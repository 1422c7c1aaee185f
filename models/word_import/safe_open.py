"""Opening a .docx without trusting it: every check runs before any XML is parsed.

A .docx is a zip of XML parts. A hostile or broken one can hold a part that
inflates to gigabytes (a zip bomb), entity declarations that expand
exponentially (« billion laughs »), or not be a zip at all (a .doc, an
encrypted file, which Word stores as an OLE compound file). Each is refused
with one sentence; memory stays bounded because parts are read through a
capped stream rather than trusting the sizes the zip declares.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from lxml import etree

from models.word_import.errors import WordImportError

MAX_FILE_BYTES = 100 * 1024 * 1024
# document.xml of a 5,000-participant export is about 6 MB; a hundred times that is not minutes.
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
# Real XML parts deflate 5–30 times; bombs, thousands of times. Small parts are let through
# whatever their ratio, since they cannot hurt.
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = 10_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAIN_PART_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _ole_kind(data: bytes) -> str:
    # The directory of a compound file names its streams in UTF-16.
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return (
            "is protected by a password (encrypted); open it in Word, remove the password and save it again"
        )
    if "WordDocument".encode("utf-16-le") in data:
        return "is an old Word document (.doc); open it in Word and save it as .docx"
    return "is an Office file of an old kind, not a .docx"


def parser() -> etree.XMLParser:
    """An XML parser that fetches nothing, expands no entity and keeps lxml's size limits."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


class Package:
    """The zip, checked; ``part(name)`` reads one XML part, capped and DTD-free."""

    def __init__(self, data: bytes, label: str):
        self.label = label
        self._zip = zipfile.ZipFile(BytesIO(data))
        self._infos = {info.filename: info for info in self._zip.infolist()}

    def has(self, name: str) -> bool:
        return name in self._infos

    def raw(self, name: str) -> bytes:
        info = self._infos[name]
        try:
            with self._zip.open(info) as stream:
                # The declared size may lie: read one byte past the cap to know.
                content = stream.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            raise WordImportError(f"{self.label}: the document is damaged ({name}: {exc}).") from None
        if len(content) > MAX_PART_BYTES:
            raise WordImportError(f"{self.label}: a part of the document ({name}) is too large to be read.")
        return content

    def xml(self, name: str) -> etree._Element:
        content = self.raw(name)
        head = content[:4096] if b"<!" not in content[4096:65536] else content[:65536]
        # A DOCTYPE is where entities are declared; Word never writes one.
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"<!ENTITY" in content:
            raise WordImportError(
                f"{self.label}: the document declares XML entities, which Word never writes; it is refused."
            )
        try:
            return etree.fromstring(content, parser())
        except etree.XMLSyntaxError as exc:
            raise WordImportError(f"{self.label}: the document is damaged ({name}: {exc.msg}).") from None

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, target) for ``part`` (targets resolved against its folder)."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if not self.has(rels_name):
            return {}
        out = {}
        for rel in self.xml(rels_name):
            target = rel.get("Target", "")
            if rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
            out[rel.get("Id", "")] = (rel.get("Type", ""), target)
        return out

    def main_part(self) -> str:
        for kind, target in self.rels("").values():
            if kind == MAIN_PART_TYPE and self.has(target):
                return target
        raise WordImportError(f"{self.label}: this zip file is not a Word document (no main document part).")


def _check_entries(zf: zipfile.ZipFile, label: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise WordImportError(
            f"{label}: the document holds too many parts ({len(infos)}) to be a compte-rendu."
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise WordImportError(f"{label}: the document is encrypted; save it again without a password.")
        total += info.file_size
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise WordImportError(
                f"{label}: the document is too large once uncompressed (a zip bomb?); refused."
            )
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise WordImportError(
                f"{label}: a part of the document is compressed {ratio} times (a zip bomb?); refused."
            )


def open_package(data: bytes, label: str) -> Package:
    """The checked package of a .docx given as bytes; WordImportError when it is refused."""
    if len(data) > MAX_FILE_BYTES:
        raise WordImportError(
            f"{label}: the file is too large ({len(data) // (1024 * 1024)} MB) for a compte-rendu."
        )
    if data.startswith(OLE_MAGIC):
        raise WordImportError(f"{label}: the file {_ole_kind(data)}.")
    if data.lstrip()[:5] == b"{\\rtf":
        raise WordImportError(f"{label}: the file is an RTF document; open it in Word and save it as .docx.")
    if not data.startswith(ZIP_MAGIC):
        raise WordImportError(f"{label}: the file is not a Word document (.docx).")
    try:
        package = Package(data, label)
        _check_entries(package._zip, label)
        if not package.has("[Content_Types].xml"):
            raise WordImportError(f"{label}: this zip file is not a Word document (no content types).")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise WordImportError(f"{label}: the document is damaged and cannot be opened ({exc}).") from None
    return package


def read_file(path: Path) -> bytes:
    """The bytes of ``path``, refusing a file larger than any compte-rendu before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WordImportError(
                f"{path}: the file is too large ({size // (1024 * 1024)} MB) for a compte-rendu."
            )
        return path.read_bytes()
    except OSError as exc:
        raise WordImportError(f"Cannot read {path}: {exc.strerror or exc}.") from None
