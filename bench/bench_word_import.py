"""Benchmark of import-docx (issue 15). Prints figures and the ratios against baselines of this run.

    .venv/bin/python bench/bench_word_import.py [--rounds N] [--scale F]

1. The 2023 export imported from the command line, as a whole process
   (target < 1 s), against ``main.py import meeting-2023.json`` — the same
   meeting through the JSON import, the path import-docx ends in — timed
   interleaved in the same run.
2. A synthetic meeting of 5,000 participants, 200 programme items and 2,000
   interventions (bench/synthetic.py), exported, then imported in one
   process: read the .docx, then add it in one transaction, into a new
   database (everyone new) and into the database it came from (everyone
   matched in the roster). Target < 10 s each; the baseline is the same at a
   tenth of the size (10× the content should take about 10× the time) and
   the export of the large meeting. These are CPU seconds of the process, which
   the load of a shared machine leaves alone.

Exits 1 when a target is missed. Timings are medians over --rounds runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FULL = {"participants": 5000, "items": 200, "interventions": 2000}


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one process. On a machine shared with other work the wall time
    swells with the load while the CPU time stays what the process needs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _import_once(db_path: Path, data: bytes) -> tuple[float, float, dict[str, int]]:
    """(read seconds, add seconds, roster counts) of one import into ``db_path``."""
    from models.database import open_database
    from models.word_import import add_meeting, read_docx

    db = open_database(db_path)
    try:
        # CPU time of this process: on a machine shared with other work, wall time measures the load.
        start = time.process_time()
        reading = read_docx(data, "bench.docx")
        read = time.process_time() - start
        start = time.process_time()
        with db.transaction() as session:
            # Into its own database too, on the date the meeting has there: asked again.
            done = add_meeting(session, reading, again=True)
        return read, time.process_time() - start, done.roster
    finally:
        db.close()


def _large(tmp: Path, scale: float, name: str) -> tuple[Path, bytes, float]:
    """A database holding a synthetic meeting of ``scale`` × the target size, and its export."""
    from bench.synthetic import make_meeting
    from exporters.compte_rendu import export_meeting
    from models.database import open_database
    from models.services.reading import meeting_record

    path = tmp / f"{name}.sqlite"
    db = open_database(path)
    sizes = {k: max(1, int(v * scale)) for k, v in FULL.items()}
    with db.transaction() as session:
        meeting = make_meeting(session, **sizes)
        meeting_id = meeting.id

    start = time.process_time()
    with db.reading() as session:
        data = export_meeting(meeting_record(session, meeting_id))
    export = time.process_time() - start
    db.close()
    return path, data, export


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="size of the large meeting, 1 = the target's"
    )
    args = parser.parse_args()
    rounds = max(1, args.rounds)
    missed = []

    from exporters.compte_rendu import export_meeting
    from models.database import open_database
    from models.sample import load_sample
    from models.services.reading import record_of

    with tempfile.TemporaryDirectory(prefix="minutier-bench-") as tmp:
        tmp = Path(tmp)
        db_path = tmp / "sample.sqlite"
        db = open_database(db_path)
        with db.transaction() as session:
            docx_bytes = export_meeting(record_of(load_sample(session)))
        db.close()
        source = tmp / "cr-2023.docx"
        source.write_bytes(docx_bytes)
        json_file = ROOT / "resources" / "samples" / "meeting-2023.json"

        # 1. Whole process, with bytecode cached as an installed copy has it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        python = sys.executable
        # The same minutes imported over and over into the database holding them: --again.
        cli = [python, "main.py", "import-docx", str(source), "--again", "--db", str(db_path)]
        base = [python, "main.py", "import", str(json_file), "--db", str(db_path)]
        _run(cli, env)
        _run(base, env)
        cli_runs, base_runs = [], []
        for _ in range(rounds):
            base_runs.append(_run(base, env))
            cli_runs.append(_run(cli, env))
        whole = statistics.median(w for w, _ in cli_runs)
        baseline = statistics.median(w for w, _ in base_runs)
        cpu = statistics.median(c for _, c in cli_runs)
        base_cpu = statistics.median(c for _, c in base_runs)
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(
            f"baseline  main.py import meeting-2023.json: {baseline * 1000:6.0f} ms wall, "
            f"{base_cpu * 1000:6.0f} ms CPU (median of {rounds})"
        )
        print(
            f"command   main.py import-docx cr-2023.docx: {whole * 1000:6.0f} ms wall, "
            f"{cpu * 1000:6.0f} ms CPU (median of {rounds})"
        )
        print(
            f"  ratio {whole / baseline:.2f}× the JSON import (CPU {cpu / base_cpu:.2f}×); "
            f"target < 1000 ms wall {_verdict(whole < 1.0)}"
        )
        if whole >= 1.0:
            missed.append("2023 command line")

        # 2. Large meeting, in one process.
        figures = {}
        for label, scale in (("tenth", args.scale / 10), ("full", args.scale)):
            path, data, export = _large(tmp, scale, label)
            fresh = [_import_once(tmp / f"{label}-new-{n}.sqlite", data) for n in range(rounds)]
            matched = [_import_once(path, data) for _ in range(rounds)]
            figures[label] = {
                "export": export,
                "new": statistics.median(r + a for r, a, _ in fresh),
                "read": statistics.median(r for r, _, _ in fresh),
                "matched": statistics.median(r + a for r, a, _ in matched),
                "roster": matched[0][2],
                "size": len(data),
            }
        full, tenth = figures["full"], figures["tenth"]
        people = int(FULL["participants"] * args.scale)
        print(f"large meeting: {people} participants, .docx of {full['size'] / 1e6:.1f} MB")
        print("  (CPU seconds of the importing process, median of the rounds)")
        print(f"  export (baseline):                 {full['export']:6.2f} s")
        print(f"  import-docx, read only:            {full['read']:6.2f} s")
        print(
            f"  import-docx into a new database:   {full['new']:6.2f} s (target < 10 s) "
            f"{_verdict(full['new'] < 10)}"
        )
        print(
            f"  import-docx, everyone in roster:   {full['matched']:6.2f} s (target < 10 s) "
            f"{_verdict(full['matched'] < 10)}; plan {full['roster']}"
        )
        ratio = full["new"] / tenth["new"]
        print(
            f"  a tenth of the size: {tenth['new']:.2f} s; 10× the content took {ratio:.1f}× the time "
            f"(≤ 12×) {_verdict(ratio <= 12)}"
        )
        if full["new"] >= 10 or full["matched"] >= 10:
            missed.append("5,000 participants")
        if ratio > 12:
            missed.append("growth")
    if missed:
        print("missed: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
