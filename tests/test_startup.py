"""Start-up: the cyclic collector is off while the libraries are imported, and on for the work.

main() turns it off only when it owns the process; a command that forgot to turn it back on
would grow without bound on a large import, so each path is checked in a process of its own.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs main() as `minutier` does (no argv), then reports the collector's state.
AS_A_COMMAND = """
import gc, json, sys
import main
sys.argv = ["minutier", *sys.argv[1:]]
code = main.main()
print(json.dumps({"code": code, "enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}))
"""

AS_THE_EDITOR = """
import gc, json, sys
gc.disable()  # as main.main() does before starting the editor
from main import build_parser, imports_done, open_db
from ui.app import run_gui
seen = {}
def shown(window):
    seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count())
code = run_gui(build_parser().parse_args(["--db", sys.argv[1]]), open_db,
               imports_done=imports_done, on_shown=shown)
print(json.dumps({"code": code, **seen}))
"""


def _report(code: str, *args, tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "MINUTIER_DB"}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_command_works_with_the_collector_on_and_the_libraries_frozen_out_of_it(tmp_path):
    report = _report(AS_A_COMMAND, "--db", tmp_path / "m.sqlite", "list", tmp_path=tmp_path)
    assert report == {"code": 0, "enabled": True, "frozen": report["frozen"]}
    assert report["frozen"] > 10_000  # SQLAlchemy and the tables at least


def test_a_command_that_needs_no_database_turns_the_collector_on_too(tmp_path):
    report = _report(AS_A_COMMAND, "backups", "--db", tmp_path / "m.sqlite", tmp_path=tmp_path)
    assert report["code"] == 0
    assert report["enabled"] is True


def test_the_editor_turns_the_collector_on_once_its_window_is_up(tmp_path):
    report = _report(AS_THE_EDITOR, tmp_path / "m.sqlite", tmp_path=tmp_path)
    assert report["code"] == 0
    assert report["enabled"] is True
    assert report["frozen"] > 10_000


def test_main_called_with_arguments_leaves_the_callers_collector_alone(tmp_path):
    import main

    frozen = gc.get_freeze_count()
    assert main.main(["--db", str(tmp_path / "m.sqlite"), "list"]) == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
