"""Benchmark of the Word export (issue 3). Prints figures and the ratios the targets are set on.

    .venv/bin/python bench/bench_export.py [--rounds N] [--scale F]

Every ratio compares two figures measured in this same run, on this machine:

1. the 2023 export from the command line, as a whole process, against
   ``python -c "import sqlalchemy.orm, docx, markdown_it"`` (target ≤ 1.4×),
   with bytecode cached as an installed copy has it; the figures of this
   environment as it is (see PYTHONDONTWRITEBYTECODE) follow for information;
2. the warm export of 2023 inside one process, as the running app does it:
   resolve, read and render in a fresh session (target < 60 ms);
3. a synthetic meeting of 5,000 participants, 200 programme items and 2,000
   interventions (target < 3 s), against one a tenth its size (10× the content
   in at most 11× the time), and the peak memory of a process exporting the
   large one (target < 300 MiB).

Exits 1 when a target is missed. Timings are medians over --rounds runs.
"""

from __future__ import annotations

import argparse
import contextlib
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

BASELINE = "import sqlalchemy.orm, docx, markdown_it"
FULL = {"participants": 5000, "items": 200, "interventions": 2000}


def _run(argv: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def _export_once(db, meeting_id: int) -> float:
    from exporters.compte_rendu import export_meeting
    from models.services import meetings
    from models.services.reading import record_of

    start = time.perf_counter()
    with db.reading() as session:
        export_meeting(record_of(meetings.resolve(session, str(meeting_id))))
    return time.perf_counter() - start


def _peak_kib() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _peak_child(db_path: Path, meeting_id: int) -> None:
    """Run in a child process: export once; print the peak RSS (KiB) before and during the export.

    Opening an existing database may take its daily backup, whose memory is not
    the export's; on Linux the peak is reset once the database is open.
    """
    from models.database import open_database

    db = open_database(db_path)
    before = _peak_kib()
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    _export_once(db, meeting_id)
    print(before, _peak_kib())


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="size of the large meeting, 1 = the target's"
    )
    parser.add_argument("--peak", nargs=2, metavar=("DB", "ID"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        _peak_child(Path(args.peak[0]), int(args.peak[1]))
        return 0

    from bench.synthetic import make_meeting
    from models.database import open_database
    from models.sample import load_sample

    missed = []
    rounds = max(1, args.rounds)
    with tempfile.TemporaryDirectory(prefix="minutier-bench-") as tmp:
        tmp = Path(tmp)
        db_path = tmp / "sample.sqlite"
        db = open_database(db_path)
        with db.transaction() as session:
            sample_id = load_sample(session).id

        # 1. Command line, whole process, interleaved with the baseline. Measured twice:
        # with bytecode cached, as an installed copy runs (the verdict), and in this
        # environment as it is, where PYTHONDONTWRITEBYTECODE may force every run to
        # recompile Minutier's own sources (site-packages ship their .pyc).
        python = sys.executable
        cli = [python, "main.py", "export", "2023", "-o", str(tmp / "out.docx"), "--db", str(db_path)]
        cached_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached_env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        variants = [("bytecode cached", cached_env), ("environment as is", dict(os.environ))]
        for name, env in variants:
            _run(cli, env)  # warm-up: the first open of a database file does one-off work
            _run([python, "-c", BASELINE], env)
            base_times, cli_times = [], []
            for _ in range(rounds):
                base_times.append(_run([python, "-c", BASELINE], env))
                cli_times.append(_run(cli, env))
            base, whole = statistics.median(base_times), statistics.median(cli_times)
            ratio = whole / base
            print(f"[{name}]")
            print(f"baseline  python -c '{BASELINE}': {base * 1000:6.0f} ms (median of {rounds})")
            print(
                f"command   main.py export 2023 -o X.docx --db X:       {whole * 1000:6.0f} ms "
                f"(median of {rounds})"
            )
            if env is cached_env:
                print(f"  ratio {ratio:.2f}× (target ≤ 1.40×) {_verdict(ratio <= 1.4)}")
                if ratio > 1.4:
                    missed.append("command line")
            else:
                print(f"  ratio {ratio:.2f}× (for information)")

        # 2. Warm, in-process.
        for _ in range(3):
            _export_once(db, sample_id)
        warm = [_export_once(db, sample_id) for _ in range(max(rounds, 20))]
        warm_median = statistics.median(warm)
        print(
            f"warm      export of 2023 in-process:                {warm_median * 1000:6.1f} ms "
            f"(median of {len(warm)}, max {max(warm) * 1000:.1f} ms) target < 60 ms "
            f"{_verdict(warm_median < 0.060)}"
        )
        if warm_median >= 0.060:
            missed.append("warm export")
        db.close()

        # 3. Large meetings: the target's size and a tenth of it.
        big_path = tmp / "synthetic.sqlite"
        big_db = open_database(big_path)
        sizes = {name: max(1, round(n * args.scale)) for name, n in FULL.items()}
        small_sizes = {name: max(1, n // 10) for name, n in sizes.items()}
        start = time.perf_counter()
        with big_db.transaction() as session:
            small_id = make_meeting(session, **small_sizes, seed=1).id
            large_id = make_meeting(session, **sizes, seed=2).id
        print(f"(synthetic meetings built in {time.perf_counter() - start:.1f} s)")
        _export_once(big_db, small_id)  # warm the code paths once
        small = statistics.median(_export_once(big_db, small_id) for _ in range(rounds))
        large = statistics.median(_export_once(big_db, large_id) for _ in range(max(1, rounds // 2)))
        big_db.close()
        growth = large / small
        label = ", ".join(f"{n:,} {name}" for name, n in sizes.items())
        print(f"large     {label}: {large:6.2f} s target < 3 s {_verdict(large < 3)}")
        print(
            f"small     a tenth of it: {small * 1000:6.0f} ms; 10× the content costs {growth:.1f}× the time "
            f"(target ≤ 11×) {_verdict(growth <= 11)}"
        )
        if large >= 3:
            missed.append("large export")
        if growth > 11:
            missed.append("linearity")

        out = subprocess.run(
            [python, str(Path(__file__).resolve()), "--peak", str(big_path), str(large_id)],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.split()
        before, peak = (int(v) / 1024 for v in out)
        print(
            f"memory    peak RSS of a process exporting the large meeting: {peak:.0f} MiB "
            f"(peak {before:.0f} MiB before the export) target < 300 MiB {_verdict(peak < 300)}"
        )
        if peak >= 300:
            missed.append("memory")
    if missed:
        print("missed:", ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
