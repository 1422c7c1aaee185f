"""Damaged and foreign files (issue 6, test 2): a clear refusal, the file byte-identical.

More than 500 variants are generated from real Minutier databases (the 2023
sample, in WAL and in rollback-journal form): truncations, bit flips, zeroed,
random, swapped and duplicated pages, broken header fields, garbage journals
beside a good file, and files of other kinds renamed .sqlite (.docx, zip,
PDF, PNG, JSON, CSV, text, another program's SQLite file, empty file).

For each: open_database either refuses with DatabaseRefused (one line, file
byte-identical, nothing created beside it) or opens it, since a flipped bit
may land in unused bytes and leave a valid database; never any other
exception. The CLI (``list --db``, run in-process) then exits 0, or 1 with
one line on stderr and no traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import sqlite3
import traceback
from pathlib import Path

import pytest

import main
from models.database import open_database
from models.errors import DatabaseRefused
from models.sample import load_sample
from models.services import meetings

SEED = 61


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_base(folder: Path, journal: str) -> bytes:
    """A real Minutier file holding the 2023 meeting, as one self-contained file."""
    path = folder / f"base-{journal}.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        load_sample(session)
    db.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if journal == "delete":
        con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    return path.read_bytes()


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Compte-rendu de la réunion annuelle")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def other_program_sqlite(folder: Path) -> bytes:
    path = folder / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.executemany("INSERT INTO notes (text) VALUES (?)", [("note",)] * 50)
    con.commit()
    con.close()
    return path.read_bytes()


def variants(folder: Path):
    """(name, main file bytes, -wal bytes or None), deterministic."""
    rng = random.Random(SEED)
    for journal in ("wal", "delete"):
        base = make_base(folder, journal)
        page = int.from_bytes(base[16:18], "big")
        pages = len(base) // page

        def put(data: bytearray, at: int, chunk: bytes) -> bytes:
            data[at : at + len(chunk)] = chunk
            return bytes(data)

        cuts = {0, 1, 16, 99, 100, 101, 512, page - 1, page, page + 1, len(base) - 1}
        cuts |= {k * page + d for k in range(1, pages) for d in (0, 1)}
        cuts |= {rng.randrange(1, len(base)) for _ in range(30)}
        for cut in sorted(c for c in cuts if 0 <= c < len(base)):
            yield f"{journal}-truncated-{cut}", base[:cut], None
        for k in range(pages):
            yield f"{journal}-zeroed-page-{k + 1}", put(bytearray(base), k * page, bytes(page)), None
            yield f"{journal}-random-page-{k + 1}", put(bytearray(base), k * page, rng.randbytes(page)), None
        for i in range(130):
            # Half of the flips in the header and the first pages, where they matter most.
            limit = 2 * page if i % 2 else len(base)
            at = rng.randrange(limit)
            data = bytearray(base)
            data[at] ^= 1 << rng.randrange(8)
            yield f"{journal}-bitflip-{at}", bytes(data), None
        for i in range(20):
            data = bytearray(base)
            for _ in range(rng.randint(2, 40)):
                data[rng.randrange(len(base))] ^= 1 << rng.randrange(8)
            yield f"{journal}-multiflip-{i}", bytes(data), None
        for _ in range(10):
            a, b = rng.sample(range(pages), 2)
            data = bytearray(base)
            data[a * page : (a + 1) * page], data[b * page : (b + 1) * page] = (
                base[b * page : (b + 1) * page],
                base[a * page : (a + 1) * page],
            )
            yield f"{journal}-swapped-{a + 1}-{b + 1}", bytes(data), None
            yield (
                f"{journal}-duplicated-{a + 1}-over-{b + 1}",
                put(bytearray(base), b * page, base[a * page : (a + 1) * page]),
                None,
            )
        header_fields = {
            "page-size-0": (16, b"\x00\x00"),
            "page-size-3": (16, b"\x00\x03"),
            "page-size-1000": (16, (1000).to_bytes(2, "big")),
            "page-size-64k-lie": (16, b"\x00\x01"),
            "write-version-3": (18, b"\x03"),
            "read-version-3": (19, b"\x03"),
            "reserved-255": (20, b"\xff"),
            "payload-fraction": (21, b"\x00"),
            "db-size-huge": (28, b"\x7f\xff\xff\xff"),
            "db-size-zero": (28, b"\x00\x00\x00\x00"),
            "freelist-trunk-bad": (32, b"\x00\x00\xff\xff"),
            "freelist-count-huge": (36, b"\x7f\xff\xff\xff"),
            "schema-format-9": (44, b"\x00\x00\x00\x09"),
            "text-encoding-utf16": (56, b"\x00\x00\x00\x02"),
            "text-encoding-bad": (56, b"\x00\x00\x00\x07"),
            "application-id-zero": (68, b"\x00\x00\x00\x00"),
            "magic-broken": (0, b"SQLite format 4"),
        }
        for name, (at, chunk) in header_fields.items():
            yield f"{journal}-header-{name}", put(bytearray(base), at, chunk), None
        if journal == "wal":
            yield "garbage-wal-beside-good", base, rng.randbytes(3 * page)
            yield "header-only-wal-beside-good", base, base[:32]
            damaged = put(bytearray(base), page, bytes(page))
            yield "garbage-wal-beside-damaged", damaged, rng.randbytes(2 * page)

    foreign = {
        "empty": b"",
        "docx": docx_bytes(),
        "zip": b"PK\x03\x04" + bytes(4000),
        "pdf": b"%PDF-1.7\n" + bytes(2000),
        "png": b"\x89PNG\r\n\x1a\n" + bytes(500),
        "json": b'{"format": "minutier.meeting", "version": 1}',
        "csv": "Prénom;Nom\nSami;Kanaan\n".encode(),
        "text": b"hello",
        "magic-only": b"SQLite format 3\x00",
        "magic-and-zeros": b"SQLite format 3\x00" + bytes(4096),
        "other-program": other_program_sqlite(folder),
        "utf16-bom": "\ufeffnotes".encode("utf-16"),
    }
    for name, data in foreign.items():
        yield f"foreign-{name}", data, None
    for size in (1, 7, 100, 1024, 4096, 65536):
        yield f"random-{size}", rng.randbytes(size), None


def test_corrupt_files_are_refused_cleanly_and_left_byte_identical(tmp_path, capsys):
    source = tmp_path / "source"
    source.mkdir()
    refused = opened = 0
    failures: list[str] = []
    seen = 0
    for index, (name, data, wal) in enumerate(variants(source)):
        seen += 1
        folder = tmp_path / f"v{index}"
        folder.mkdir()
        path = folder / "minutier.sqlite"
        path.write_bytes(data)
        if wal is not None:
            Path(f"{path}-wal").write_bytes(wal)
        before = digest(path)
        outcome = None
        try:
            db = open_database(path)
        except DatabaseRefused as exc:
            outcome = "refused"
            refused += 1
            message = str(exc)
            if "\n" in message or not message:
                failures.append(f"{name}: refusal is not one line: {message!r}")
            if digest(path) != before:
                failures.append(f"{name}: refused but the file changed")
            created = sorted(p.name for p in folder.iterdir() if p.name != "minutier.sqlite")
            # Beside a journal, SQLite may add its shared-memory index (-shm) to read it.
            allowed = (
                [["minutier.sqlite-shm", "minutier.sqlite-wal"], ["minutier.sqlite-wal"]] if wal else [[]]
            )
            if created not in allowed:
                failures.append(f"{name}: refused but created {created}")
            if wal is not None and Path(f"{path}-wal").read_bytes() != wal:
                failures.append(f"{name}: refused but its journal changed")
        except Exception:
            failures.append(f"{name}: open_database raised\n{traceback.format_exc()}")
            continue
        else:
            outcome = "opened"
            opened += 1
            try:
                with contextlib.suppress(DatabaseRefused), db.reading() as session:
                    meetings.list_meetings(session)
            finally:
                db.close()

        code = main.main(["list", "--db", str(path)])
        _out, err = capsys.readouterr()
        if code == 1:
            lines = err.strip().splitlines()
            if len(lines) != 1 or not lines[0].startswith("minutier: ") or "Traceback" in err:
                failures.append(f"{name}: CLI error is not one line: {err!r}")
        elif code != 0 or outcome == "refused":
            failures.append(f"{name}: CLI exited {code} after open_database {outcome}")
        if outcome == "refused" and digest(path) != before:
            failures.append(f"{name}: the CLI changed a refused file")

    print(f"{seen} variants: {refused} refused cleanly, {opened} opened fine, {len(failures)} failures")
    assert seen >= 500
    assert refused >= 400
    assert not failures, "\n".join(failures[:60])


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_the_variant_generator_starts_from_databases_that_open(tmp_path, journal):
    path = tmp_path / "minutier.sqlite"
    path.write_bytes(make_base(tmp_path, journal))
    db = open_database(path)
    try:
        with db.reading() as session:
            assert len(meetings.list_meetings(session)) == 1
    finally:
        db.close()


@pytest.fixture(scope="module")
def wal_base(tmp_path_factory) -> bytes:
    return make_base(tmp_path_factory.mktemp("base"), "wal")


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE meeting SET date = '2023-1a-12'",
        "UPDATE meeting SET start_time = '25:99:00'",
        "UPDATE meeting SET title = CAST(x'52c3e9756e696f6ec5' AS TEXT)",
        "UPDATE block SET text = CAST(x'ff00fe' AS TEXT)",
    ],
    ids=["bad date", "bad time", "invalid UTF-8 title", "invalid UTF-8 notes"],
)
def test_damaged_values_in_a_sound_file_give_one_line_not_a_traceback(tmp_path, capsys, damage, wal_base):
    path = tmp_path / "minutier.sqlite"
    path.write_bytes(wal_base)
    con = sqlite3.connect(path)
    con.execute(damage)
    con.commit()
    con.close()
    outputs = []
    for command in (["list"], ["dump", "1", "-o", "-"]):
        code = main.main([*command, "--db", str(path)])
        _out, err = capsys.readouterr()
        outputs.append((code, err))
    for code, err in outputs:
        assert code in (0, 1)
        if code == 1:
            assert len(err.strip().splitlines()) == 1 and "damaged" in err and "Traceback" not in err
    assert any(code == 1 for code, _err in outputs)
