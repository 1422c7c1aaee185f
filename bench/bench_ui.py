"""The editor's speed and size, measured against a bare PySide6 window in the same run.

    .venv/bin/python bench/bench_ui.py [--runs 7]

1. Launch to window showing the 2023 meeting, vs a bare QMainWindow plus
   `import sqlalchemy.orm` (fresh processes, medians; target ratio <= 1.5).
2. Memory (RSS) with the 2023 meeting open (target < 150 MiB).
3. Opening a meeting of 5,000 participants on the Participants tab (target < 1 s),
   when ui.participants.tab exists.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys, time, json
from PySide6.QtWidgets import QApplication, QMainWindow
import sqlalchemy.orm
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
print(json.dumps({"shown": time.time()}))
"""

EDITOR = """
import gc, sys, time, json
gc.disable()  # as main.main() starts the editor
from main import build_parser, imports_done, open_db
from ui.app import run_gui

def rss_mib():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

def shown(window):
    report = {"shown": time.time(), "rss_mib": rss_mib(), "title": window.windowTitle()}
    big = %(big)r
    if big is not None and window.slot("participants").ensure().__class__.__name__ == "ParticipantsTab":
        from PySide6.QtWidgets import QApplication
        window.show_tab("participants")
        QApplication.processEvents()
        started = time.perf_counter()
        window.panel.select(big)
        QApplication.processEvents()
        report["open_5000_s"] = time.perf_counter() - started
    print(json.dumps(report))

args = build_parser().parse_args(["--db", %(db)r])
sys.exit(run_gui(args, open_db, imports_done=imports_done, on_shown=shown))
"""


def launch(code: str, env: dict) -> tuple[float, dict]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed:\n{done.stderr}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["shown"] - started, report


def make_databases(folder: Path) -> tuple[Path, Path, int]:
    from models.database import open_database
    from models.sample import load_sample

    small = folder / "2023.sqlite"
    db = open_database(small)
    with db.transaction() as session:
        load_sample(session)
    db.close()

    from bench.synthetic import make_meeting

    big = folder / "5000.sqlite"
    db = open_database(big)
    with db.transaction() as session:
        load_sample(session)
        # Dated before 2023 so the window still opens on the 2023 meeting first.
        meeting = make_meeting(session, participants=5000, items=20, interventions=50)
        meeting.date = meeting.date.replace(year=2019)
        session.flush()
        big_id = meeting.id
    db.close()
    return small, big, big_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env["XDG_CONFIG_HOME"] = str(folder / "config")  # the editor's QSettings stay out of the user's
        small, big, big_id = make_databases(folder)
        bare_times, editor_times, rss = [], [], []
        for _ in range(options.runs):
            bare_times.append(launch(BARE, env)[0])
            seconds, report = launch(EDITOR % {"db": str(small), "big": None}, env)
            editor_times.append(seconds)
            rss.append(report["rss_mib"])
        _, big_report = launch(EDITOR % {"db": str(big), "big": big_id}, env)

    bare, editor = statistics.median(bare_times), statistics.median(editor_times)
    print(
        f"launch to window, bare PySide6 + sqlalchemy.orm: median {bare * 1000:.0f} ms ({options.runs} runs)"
    )
    print(f"launch to window showing 2023, Minutier:         median {editor * 1000:.0f} ms")
    print(f"ratio: {editor / bare:.2f}x (target <= 1.5x)")
    print(f"memory with 2023 open: median {statistics.median(rss):.0f} MiB RSS (target < 150 MiB)")
    if "open_5000_s" in big_report:
        print(
            "opening a 5,000-participant meeting on the Participants tab: "
            f"{big_report['open_5000_s'] * 1000:.0f} ms"
            " (target < 1000 ms)"
        )
    else:
        print("5,000 participants: skipped, ui.participants.tab.ParticipantsTab not available")
    ok = editor / bare <= 1.5 and statistics.median(rss) < 150 and big_report.get("open_5000_s", 0) < 1
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
