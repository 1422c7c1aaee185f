"""Import timings: a meeting file (JSON) of many participants, a 2,000-row participant list
(CSV then XLSX), and duplicate suggestions.

Run: .venv/bin/python bench/bench_import.py [--roster 20000] [--people 5000] [--only meeting]

Meeting file: ``import`` of a meeting listing ``--people`` participants
(a third without e-mail, some homonyms), as the command does it (parse,
validate, add in one transaction), into a database holding the 2023
sample; then the same file again, every person now matched in the
roster. The baseline is the same import at a tenth of the size, timed in
the same run: the ratio says how the time grows with the roster (10× the
people should take about 10× the time, not 100×).

Participant list: read the file, guess the columns, plan (match every row
against the roster), apply in one transaction. The roster holds the 2023
sample plus ``--roster`` generated people, so matching runs against a
realistic index.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from people_files import generate, to_csv, to_xlsx  # noqa: E402

from bench.data import add_roster, random_person  # noqa: E402
from models import interchange, people_import, tabular  # noqa: E402
from models.database import open_database  # noqa: E402
from models.sample import load_sample, sample_text  # noqa: E402
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


STATUSES = ("invited", "present", "excused", "absent")


def meeting_file(people: int, seed: int = 11, homonyms: bool = True) -> bytes:
    """The 2023 meeting's head and programme with ``people`` generated participants.

    One in fifty is a homonym of the one before (same name and organisation,
    another or no e-mail), one in a hundred an organisation-only row;
    ``homonyms=False`` leaves both out (what Minutier before 2026-12 could import).
    """
    rng = random.Random(seed)
    data = json.loads(sample_text())
    rows = []
    seen = set()
    for i in range(people):
        row = random_person(rng, i)
        if not homonyms:
            name = (row["first_name"], row["last_name"], row["organisation"])
            if name in seen:  # a homonym by chance
                row["last_name"] += f" {i}"
            seen.add(name)
        elif i % 50 == 49:
            row = dict(rows[-1], email=f"homonym{i}@example.org" if i % 100 else "")
        elif i % 100 == 1:
            row = dict(row, civility="", first_name="", last_name="", email="")
        rows.append(row)
    data["people"] = [{"ref": f"p{i + 1}", **row} for i, row in enumerate(rows)]
    data["attendance"] = [
        {"person": f"p{i + 1}", "status": STATUSES[i % 4], "mode": "remote" if i % 3 else "in_person"}
        for i in range(people)
    ]
    # The programme and report keep their speakers, now pointing at the first people.
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def timed_meeting_import(folder: Path, people: int, homonyms: bool) -> list[tuple[float, float]]:
    """(wall, CPU) seconds to import the file into a database holding the sample, then to import it again."""
    raw = meeting_file(people, homonyms=homonyms)
    path = folder / f"meeting-{people}.sqlite"
    db = open_database(path)
    try:
        with db.transaction() as session:
            load_sample(session)
        times = []
        for _ in range(2):
            t0, c0 = time.perf_counter(), time.process_time()
            data = interchange.loads_data(raw)
            with db.transaction() as session:
                interchange.import_data(session, data)
            times.append((time.perf_counter() - t0, time.process_time() - c0))
        return times
    finally:
        db.close()
        path.unlink()


def bench_meeting(folder: Path, people: int, homonyms: bool) -> None:
    """Wall-clock time counts waiting for a busy machine's processors; CPU time does not."""
    base = max(people // 10, 1)
    baseline = timed_meeting_import(folder, base, homonyms)
    measured = timed_meeting_import(folder, people, homonyms)
    for label, size, (first, again) in (("baseline", base, baseline), ("10×", people, measured)):
        print(
            f"meeting file, {size:>7,} participants ({label:8}): "
            f"import {first[0]:6.2f} s (CPU {first[1]:6.2f} s), "
            f"again {again[0]:6.2f} s (CPU {again[1]:6.2f} s)"
        )
    for k, what in ((0, "wall"), (1, "CPU")):
        print(
            f"ratio for 10× the people ({what}): import {measured[0][k] / baseline[0][k]:.1f}×, "
            f"again {measured[1][k] / baseline[1][k]:.1f}× (target: at most 11×)"
        )
    if people == 5000:
        print(
            f"target for 5,000 participants: under 3 s; import {measured[0][0]:.2f} s, "
            f"again {measured[1][0]:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--roster", type=int, default=20_000, help="generated roster people (default 20000)")
    parser.add_argument(
        "--people", type=int, default=5000, help="participants of the meeting file (default 5000)"
    )
    parser.add_argument("--only", choices=("meeting", "list"), help="run one part only")
    parser.add_argument("--no-homonyms", action="store_true", help="meeting file without homonyms")
    args = parser.parse_args()
    if args.only != "list":
        with tempfile.TemporaryDirectory() as folder:
            bench_meeting(Path(folder), args.people, not args.no_homonyms)
    if args.only == "meeting":
        return
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
