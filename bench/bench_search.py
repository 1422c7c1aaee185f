"""Search timing on 20 meetings of 2023's size plus 20,000 roster people.

Run: .venv/bin/python bench/bench_search.py

« warm »: nothing changed since the previous search (the usual case while
typing in the search box). The other lines time the first search after a
change: to the notes (only the notes are read again), to the roster (the
20,000 people are read again), and by another program (everything is).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.data import build_search_db
from models.entities import Block, Person
from models.services.search import search

QUERIES = ["Kaléidoscope2011", "geneve", "kanaan sami", "déplacement interne", "zürich", "libye", "x"]


def timed(db, query: str) -> tuple[float, object]:
    with db.reading() as session:
        t0 = time.perf_counter()
        results = search(session, query)
        return (time.perf_counter() - t0) * 1000, results


def after_changes(db, path: Path, change) -> list[float]:
    times = []
    for i, query in enumerate(QUERIES * 2):
        change(i)
        times.append(timed(db, query)[0])
    return times


def line(label: str, times: list[float]) -> str:
    median, worst = statistics.median(times), max(times)
    return f"{label:34} {median:6.1f} ms median, {worst:6.1f} ms max ({len(times)} searches)"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        started = time.perf_counter()
        db, _ids = build_search_db(path)
        print(f"built in {time.perf_counter() - started:.1f} s")
        try:
            timed(db, "warm up")
            print("warm (nothing changed since the previous search):")
            for query in QUERIES:
                runs = [timed(db, query) for _ in range(7)]
                times = [t for t, _r in runs]
                results = runs[-1][1]
                print(
                    f"  {query!r:28} {statistics.median(times):6.1f} ms median, {max(times):6.1f} ms max; "
                    f"{results.total} hits in {len(results.groups)} groups"
                    + (" (truncated)" if results.truncated else "")
                )

            def notes(i):
                with db.transaction() as session:
                    session.get(Block, 1).text += f" note {i}"

            def roster(i):
                with db.transaction() as session:
                    session.get(Person, 1).function = f"Fonction {i}"

            def elsewhere(i):
                con = sqlite3.connect(path)
                with con:
                    con.execute("UPDATE meeting SET venue = venue || ? WHERE id = 1", (f" {i}",))
                con.close()

            print(line("after a change to the notes", after_changes(db, path, notes)))
            print(line("after a change to the roster", after_changes(db, path, roster)))
            print(line("after a commit by another program", after_changes(db, path, elsewhere)))
        finally:
            db.close()


if __name__ == "__main__":
    main()
