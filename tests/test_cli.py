"""The command line, run as a user runs it: a separate process, exit codes, stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.sample import sample_text

pytestmark = pytest.mark.both_backends

ROOT = Path(__file__).resolve().parents[1]


def run(*args, env=None, input=None):
    full_env = {k: v for k, v in os.environ.items() if k != "MINUTIER_DB"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        timeout=120,
    )


@pytest.fixture
def sample_file(tmp_path):
    path = tmp_path / "meeting-2023.json"
    path.write_text(sample_text(), encoding="utf-8")
    return path


def test_import_list_dump_round_trip_byte_identical(tmp_path, sample_file, db_target):
    db = db_target
    imported = run("import", sample_file, "--db", db)
    assert imported.returncode == 0, imported.stderr
    meeting_id = imported.stdout.strip()
    assert meeting_id.isdigit()

    listed = run("list", "--db", db)
    assert listed.returncode == 0
    title = json.loads(sample_text())["meeting"]["title"]
    assert listed.stdout == f"{meeting_id}\t2023-12-12\t{title}\n"

    first = tmp_path / "first.json"
    assert run("dump", "2023", "-o", first, "--db", db).returncode == 0
    again = run("import", first, "--db", db)
    second = tmp_path / "second.json"
    assert run("dump", again.stdout.strip(), "-o", second, "--db", db).returncode == 0
    assert first.read_bytes() == second.read_bytes() == sample_file.read_bytes()


def test_default_database_is_created_and_seeded_with_2023(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    result = run("list", env=env)
    assert result.returncode == 0, result.stderr
    assert "\t2023-12-12\t" in result.stdout
    assert list((tmp_path / "data").rglob("minutier.sqlite"))
    # Seeded once: a second run does not add the sample again.
    assert run("list", env=env).stdout == result.stdout


def test_minutier_db_environment_variable_chooses_the_database(sample_file, db_target):
    db = db_target
    assert run("import", sample_file, env={"MINUTIER_DB": str(db)}).returncode == 0
    assert "2023-12-12" in run("list", "--db", db).stdout


def test_a_new_explicit_database_starts_empty(db_target):
    result = run("list", "--db", db_target)
    assert (result.returncode, result.stdout) == (0, "")


def test_dump_to_stdout(sample_file, db_target):
    db = db_target
    run("import", sample_file, "--db", db)
    assert run("dump", "2023", "-o", "-", "--db", db).stdout == sample_text()


@pytest.mark.parametrize(
    "args",
    [["frobnicate"], ["dump", "2023"], ["import"], ["export", "2023", "-o", "x.docx", "--lang", "de"]],
    ids=["unknown command", "dump without -o", "import without file", "bad language"],
)
def test_bad_usage_exits_2_with_usage(args):
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def one_line_error(result) -> str:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_data_errors_exit_1_with_one_line(tmp_path, sample_file, db_target):
    db = db_target
    bad = tmp_path / "bad.json"
    bad.write_text(sample_text().replace('"start": "11:45"', '"start": "25:00"'), encoding="utf-8")
    assert one_line_error(run("import", bad, "--db", db)) == (
        'minutier: programme[3].start: "25:00" is not a time (HH:MM)'
    )
    assert "No meeting" in one_line_error(run("dump", "2023", "-o", tmp_path / "x.json", "--db", db))
    assert run("import", sample_file, "--db", db).returncode == 0
    assert "Cannot read" in one_line_error(run("import", tmp_path / "missing.json", "--db", db))
    assert "does not exist" in one_line_error(
        run("dump", "2023", "-o", tmp_path / "no" / "x.json", "--db", db)
    )


def test_refused_database_exits_1_and_is_untouched(tmp_path):
    not_ours = tmp_path / "notes.sqlite"
    not_ours.write_text("hello", encoding="utf-8")
    assert "not a Minutier database" in one_line_error(run("list", "--db", not_ours))
    assert not_ours.read_text(encoding="utf-8") == "hello"


def test_main_is_importable_without_side_effects():
    import main

    assert main.build_parser().prog == "minutier"
