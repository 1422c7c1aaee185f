"""The test summary stays short: PostgreSQL tests skipped for want of a server are one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_skipped_postgresql_tests_are_one_line_saying_how_to_run_them():
    env = {k: v for k, v in os.environ.items() if k != "MINUTIER_TEST_PG_URL"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-ra",
         "tests/test_shared_database.py", "tests/test_shared_live_refresh.py",
         "-k", "postgresql or server_failures"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
    skipped = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1, "\n".join(skipped)
    count = int(skipped[0].split("[", 1)[1].split("]", 1)[0])
    assert count >= 10
    assert "`make test-postgres` runs them" in skipped[0]
