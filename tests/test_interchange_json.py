"""Hostile JSON: duplicate keys, endless integers, ids beyond any database's integers.

Each is refused with one line naming what is wrong, never a traceback,
and nothing is imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models import interchange
from models.errors import FormatError, MinutierError, NotFound
from models.sample import sample_text
from models.services import meetings

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    env = {k: v for k, v in os.environ.items() if k != "MINUTIER_DB"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def with_key_twice(text: str, before: str, twice: str) -> str:
    """``text`` with ``twice`` (a `"key": value,` pair) added right after ``before``."""
    assert text.count(before) == 1
    return text.replace(before, before + twice)


@pytest.mark.parametrize(
    "before, twice, where",
    [
        # The people would be dropped: the last "people" wins in Python's json.
        ('  "version": 2,\n', '  "people": [],\n', "people"),
        # A newer version hidden by a repeated key.
        ('  "format": "minutier.meeting",\n', '  "version": 99,\n', "version"),
        ('    "document_title": "COMPTE-RENDU",\n', '    "title": "Autre",\n', "meeting.title"),
        ('      "ref": "p1",\n', '      "email": "x@y.z",\n', "people[0].email"),
    ],
)
def test_duplicate_keys_are_refused_naming_the_key(before, twice, where):
    text = with_key_twice(sample_text(), before, twice)
    with pytest.raises(FormatError) as caught:
        interchange.loads_data(text)
    message = str(caught.value)
    assert message.startswith(f"{where}: ") and "twice" in message and "\n" not in message


def test_duplicate_keys_anywhere_deep_are_found():
    data = json.loads(sample_text())
    text = json.dumps(data, ensure_ascii=False).replace(
        '"online": false', '"online": false, "online": true', 1
    )
    with pytest.raises(FormatError, match=r"^report\[\d+\]\..*online: .*twice"):
        interchange.loads_data(text)


def test_same_key_in_different_objects_is_fine():
    assert interchange.loads_data(sample_text())["people"]


@pytest.mark.parametrize("digits", [4301, 5000, 100_000])
def test_an_endless_integer_is_refused_in_one_line(digits):
    text = sample_text().replace('"version": 2', '"version": 2' + "0" * digits, 1)
    with pytest.raises(FormatError) as caught:
        interchange.loads_data(text)
    assert "digits" in str(caught.value) and "\n" not in str(caught.value)


def test_the_import_command_refuses_both_without_traceback(tmp_path):
    db = tmp_path / "m.sqlite"
    for name, text in (
        ("twice.json", with_key_twice(sample_text(), '  "version": 2,\n', '  "people": [],\n')),
        ("long.json", sample_text().replace('"version": 2', '"version": ' + "9" * 5000, 1)),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        done = run("import", path, "--db", db)
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("minutier: ") and done.stderr.count("\n") == 1, done.stderr
        assert "Traceback" not in done.stderr
    assert run("list", "--db", db).stdout == ""


@pytest.mark.both_backends
@pytest.mark.parametrize("spec", [str(2**31), str(2**63), str(2**64 + 5), "9" * 5000, "²", "١٢"])
def test_meeting_ids_beyond_any_database_are_not_found(db, sample_id, spec):
    with db.reading() as session, pytest.raises(NotFound) as caught:
        meetings.resolve(session, spec)
    assert isinstance(caught.value, MinutierError) and "\n" not in str(caught.value)
    assert len(str(caught.value)) < 200


@pytest.mark.both_backends
def test_largest_meeting_id_is_simply_not_found(db, sample_id):
    with db.reading() as session, pytest.raises(NotFound):
        meetings.resolve(session, str(2**31 - 1))


def test_the_commands_refuse_a_huge_meeting_id_without_traceback(tmp_path):
    db = tmp_path / "m.sqlite"
    sample = ROOT / "resources" / "samples" / "meeting-2023.json"
    assert run("import", sample, "--db", db).returncode == 0
    for command in (
        ["dump", str(2**63), "-o", tmp_path / "x.json"],
        ["new-from", str(2**64), "--date", "2024-12-10"],
    ):
        done = run(*command, "--db", db)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith("minutier: ") and done.stderr.count("\n") == 1
