"""Timing of a 2,000-row participant list import (CSV then XLSX), and of duplicate suggestions.

Run: .venv/bin/python bench/bench_import.py [--roster 20000]

Each import: read the file, guess the columns, plan (match every row
against the roster), apply in one transaction. The roster holds the 2023
sample plus ``--roster`` generated people, so matching runs against a
realistic index.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from people_files import generate, to_csv, to_xlsx  # noqa: E402

from bench.data import add_roster  # noqa: E402
from models import people_import, tabular  # noqa: E402
from models.database import open_database  # noqa: E402
from models.sample import load_sample  # noqa: E402
from models.services import meetings, roster  # noqa: E402


def timed_import(db, path: Path, meeting_id: int) -> dict[str, float]:
    times = {}
    t0 = time.perf_counter()
    table = tabular.read_table(path)
    times["read"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    mapping = people_import.guess_mapping(table.headers)
    with db.reading() as session:
        plan = people_import.plan_import(session, table, mapping, meeting_id)
    times["plan"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    with db.transaction() as session:
        people_import.apply_plan(session, plan, accept_bad_rows=True)
    times["apply"] = time.perf_counter() - t2
    times["total"] = time.perf_counter() - t0
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--roster", type=int, default=20_000, help="generated roster people (default 20000)")
    args = parser.parse_args()
    truth = generate(2000)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        db = open_database(folder / "bench.sqlite")
        try:
            with db.transaction() as session:
                load_sample(session)
                ids = [meetings.create_meeting(session, f"R {y}", f"{y}-12-10").id for y in (2024, 2025)]
            add_roster(db, args.roster, variants=200)
            (folder / "list.csv").write_bytes(to_csv(truth))
            (folder / "list.xlsx").write_bytes(to_xlsx(truth))
            print(f"roster: 47 + {args.roster} people; list: 2,000 rows ({truth.added} new people)")
            for name, meeting_id in (("list.csv", ids[0]), ("list.xlsx", ids[1])):
                t = timed_import(db, folder / name, meeting_id)
                print(
                    f"{name:10} read {t['read'] * 1000:5.0f} ms, plan {t['plan'] * 1000:5.0f} ms, "
                    f"apply {t['apply'] * 1000:5.0f} ms, total {t['total'] * 1000:5.0f} ms"
                )
            t0 = time.perf_counter()
            with db.reading() as session:
                found = roster.suggest_duplicates(session)
            people = args.roster + 200 + 47 + truth.added
            print(
                f"duplicate suggestions over {people} people (200 planted variants): "
                f"{(time.perf_counter() - t0) * 1000:.0f} ms, {len(found)} pairs"
            )
        finally:
            db.close()


if __name__ == "__main__":
    main()
