"""`main.py export` end to end in a subprocess, and the atomic write behind it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from models.errors import MinutierError
from models.files import write_atomically
from models.services import meetings

ROOT = Path(__file__).resolve().parents[1]


def run_export(
    db_path: Path, output: Path, *extra: str, meeting: str = "2023"
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", "export", meeting, "-o", str(output), "--db", str(db_path), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_failure(done: subprocess.CompletedProcess, *fragments: str) -> None:
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("minutier: ")
    assert "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def stored(db, sample_id, db_path):
    """The 2023 sample committed in a database file another process can open."""
    return db_path


def test_export_writes_a_valid_document(stored, tmp_path):
    output = tmp_path / "compte-rendu 2023.docx"
    done = run_export(stored, output)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    with zipfile.ZipFile(output) as package:
        assert package.testzip() is None
        assert "word/document.xml" in package.namelist()
    document = docx.Document(output)
    assert document.paragraphs[3].text == "COMPTE-RENDU"
    assert len(document.tables) == 3
    assert leftovers(tmp_path) == []


def test_export_in_english(stored, tmp_path):
    output = tmp_path / "minutes.docx"
    done = run_export(stored, output, "--lang", "en")
    assert done.returncode == 0, done.stderr
    texts = [p.text for p in docx.Document(output).paragraphs]
    assert "Programme Overview" in texts and "List of Participants" in texts


def test_missing_folder(stored, tmp_path):
    done = run_export(stored, tmp_path / "absent" / "out.docx")
    assert_one_line_failure(done, "does not exist")
    assert not (tmp_path / "absent").exists()


def test_folder_that_is_a_file(stored, tmp_path):
    # Tests run as root, for whom permissions never block a write; a regular file
    # standing where the folder should be makes the write fail for everyone.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    done = run_export(stored, blocker / "out.docx")
    assert_one_line_failure(done, "is a file, not a folder")
    assert blocker.read_text() == "x"


def test_target_that_is_a_folder(stored, tmp_path):
    target = tmp_path / "out.docx"
    target.mkdir()
    (target / "keep").write_text("x")
    done = run_export(stored, target)
    assert_one_line_failure(done, "is a folder")
    assert (target / "keep").read_text() == "x"
    assert leftovers(tmp_path) == []


def test_good_file_kept_when_the_export_fails(db, stored, tmp_path):
    output = tmp_path / "compte-rendu.docx"
    assert run_export(stored, output).returncode == 0
    good = output.read_bytes()
    with db.transaction() as session:
        meetings.resolve(session, "2023").logo = b"\x89PNG broken"
    done = run_export(stored, output)
    assert_one_line_failure(done, "logo")
    assert output.read_bytes() == good
    assert leftovers(tmp_path) == []


def test_unknown_meeting(stored, tmp_path):
    assert_one_line_failure(run_export(stored, tmp_path / "x.docx", meeting="1999"), "1999")
    assert not (tmp_path / "x.docx").exists()


# ---------------------------------------------------------------- write_atomically


def test_locked_target_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "doc.docx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(MinutierError, match="open in another program or read-only") as caught:
        write_atomically(target, b"new")
    assert "\n" not in str(caught.value)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "doc.docx"
    target.write_bytes(b"old")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(MinutierError, match="no space left on device"):
        write_atomically(target, b"new" * 1000)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")
def test_file_modes(tmp_path):
    fresh = tmp_path / "fresh.docx"
    write_atomically(fresh, b"data")
    mask = os.umask(0o022)
    os.umask(mask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask
    kept = tmp_path / "kept.docx"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    write_atomically(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o640
    assert kept.read_bytes() == b"new"
