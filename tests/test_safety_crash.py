"""Kill -9 while writing (issue 6, test 1): no acknowledged change is ever lost.

A writer process commits one change per transaction (a new roster row plus
a 20 KB rewrite of the meeting's introduction, so the WAL fills and
checkpoints run too) and prints ``ack N`` after each commit. It is killed
with SIGKILL at a random moment, TRIALS times; after each kill the file
passes ``PRAGMA integrity_check`` and holds every acknowledged change.

Starting Python and importing SQLAlchemy for every trial would cost ~0.4 s,
so a "zygote" process imports everything once and forks one writer per
trial; the writer is a real process, opening the database itself, killed
by a real SIGKILL.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRIALS = int(os.environ.get("MINUTIER_KILL_TRIALS", "200"))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")


# ---------------------------------------------------------------- in the subprocesses


def writer(db_path: str) -> None:
    from sqlalchemy import func, select

    from models.database import open_database
    from models.entities import Meeting, Person

    db = open_database(db_path)
    with db.reading() as session:
        n = session.scalar(select(func.count()).select_from(Person))
    filler = "Compte-rendu " * 1500  # ~20 KB: several WAL pages per change
    while True:
        n += 1
        with db.transaction() as session:
            session.add(Person(first_name=f"ack{n}", last_name="Témoin"))
            session.get(Meeting, 1).introduction = f"{n}\n{filler}"
        os.write(1, f"ack {n}\n".encode())


def zygote(db_path: str) -> None:
    import models.database  # noqa: F401  (imported once, inherited by every fork)

    for line in sys.stdin:
        command, *rest = line.split()
        if command == "run":
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                try:
                    writer(db_path)
                finally:
                    os._exit(1)
            print(f"pid {pid}", flush=True)
        elif command == "reap":
            os.waitpid(int(rest[0]), 0)
            print("reaped", flush=True)
        elif command == "quit":
            return


# ---------------------------------------------------------------- the test


def committed(db_path: Path) -> tuple[str, set[int], int]:
    con = sqlite3.connect(db_path)
    try:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        names = {r[0] for r in con.execute("SELECT first_name FROM person")}
        intro = con.execute("SELECT introduction FROM meeting WHERE id = 1").fetchone()[0]
    finally:
        con.close()
    return check, {int(n[3:]) for n in names}, int(intro.split("\n", 1)[0] or 0)


def test_kill_9_at_random_moments_never_loses_an_acknowledged_change(tmp_path):
    from models.database import open_database
    from models.services import meetings

    db_path = tmp_path / "minutier.sqlite"
    db = open_database(db_path)
    with db.transaction() as session:
        meetings.create_meeting(session, "Réunion", "2024-05-01", introduction="0")
    db.close()

    rng = random.Random(20240501)
    acked_total: set[int] = set()
    started = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, __file__, "zygote", str(db_path)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    ) as zyg:
        try:
            for trial in range(TRIALS):
                zyg.stdin.write("run\n")
                zyg.stdin.flush()
                acks: list[int] = []
                pid = None
                while pid is None:
                    line = zyg.stdout.readline()
                    assert line, "the zygote died"
                    if line.startswith("pid "):
                        pid = int(line.split()[1])
                    else:
                        acks.append(int(line.split()[1]))
                # Anywhere from during open_database to well into the writes.
                time.sleep(rng.uniform(0, 0.12))
                os.kill(pid, signal.SIGKILL)
                zyg.stdin.write(f"reap {pid}\n")
                zyg.stdin.flush()
                for line in iter(zyg.stdout.readline, "reaped\n"):
                    assert line, "the zygote died"
                    acks.append(int(line.split()[1]))

                check, present, last = committed(db_path)
                assert check == "ok", f"trial {trial}: {check}"
                acked_total.update(acks)
                lost = acked_total - present
                assert not lost, f"trial {trial}: acknowledged but missing: {sorted(lost)[:10]}"
                if acks:
                    assert last >= max(acks)
        finally:
            zyg.stdin.write("quit\n")
            zyg.stdin.flush()
    elapsed = time.monotonic() - started
    print(f"{TRIALS} kills, {len(acked_total)} acknowledged changes, none lost, {elapsed:.1f} s")
    assert len(acked_total) > TRIALS  # the kills did land among real writes

    db = open_database(db_path)  # and Minutier itself still opens it
    db.close()


INTERRUPTED_IN_ROLLBACK_MODE = """
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size=1")  # spill changed pages into the file before commit
con.execute("BEGIN")
con.execute("UPDATE meeting SET introduction = 'never committed' || zeroblob(100000)")
con.execute("INSERT INTO person (first_name, last_name, civility, function, organisation, email, version)"
            " SELECT 'x', 'y', '', '', '', '', 1 FROM person")
os._exit(0)
"""


def test_a_restored_file_interrupted_mid_transaction_opens_as_before_it(tmp_path):
    """A restored backup is in rollback-journal mode until opened: a hot -journal is rolled back."""
    from models.database import open_database
    from models.entities import Meeting, Person
    from models.services import meetings

    path = tmp_path / "minutier.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        meetings.create_meeting(session, "Réunion", "2024-05-01", introduction="committed")
        for i in range(300):
            session.add(Person(first_name=f"p{i}", function="x" * 500))
    db.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    subprocess.run([sys.executable, "-c", INTERRUPTED_IN_ROLLBACK_MODE, str(path)], check=True)
    assert Path(f"{path}-journal").stat().st_size > 0

    db = open_database(path)
    try:
        with db.reading() as session:
            assert session.get(Meeting, 1).introduction == "committed"
            assert session.query(Person).count() == 300
    finally:
        db.close()


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        zygote(sys.argv[2])
