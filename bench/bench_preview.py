"""Benchmark of the live preview (issue 14). Prints figures against baselines measured in this run.

    .venv/bin/python bench/bench_preview.py [--rounds N]

On the 2023 meeting, in one process, offscreen, with the preview shown in
the main window as a secretary sees it:

1. one preview update — records read through the services, HTML built,
   ``setHtml`` (which lays the document out) — broken down into its three parts, against
   (a) the Word export of the same meeting (read and render) and
   (b) a bare ``setHtml`` of the same HTML into the same browser;
2. from a keystroke in the report's text to the preview showing it:
   the debounce (DEBOUNCE_MS) plus one update (target < 200 ms).

An update runs in the interface thread: its time is also how long typing
can stall, once, when the typing pauses. Exits 1 when the target is missed.
Timings are medians over --rounds runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_S = 0.200


def _median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds

    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from exporters.compte_rendu import render
    from exporters.html_preview import render_html
    from models.database import open_database
    from models.records import with_unsaved
    from models.sample import load_sample
    from ui.main_window import MainWindow
    from ui.preview.pane import DEBOUNCE_MS, read_meeting
    from ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        with db.transaction() as session:
            meeting_id = load_sample(session).id
        window = MainWindow(db, Settings(Path(folder) / "settings.ini"), remember=False)
        window.start(meeting_id)
        window.show()
        window.preview.show()
        app.processEvents()
        pane = window.preview.pane
        browser = pane.browser

        read, build, show, whole, word, bare = [], [], [], [], [], []
        for _ in range(rounds):
            t0 = time.perf_counter()
            data = with_unsaved(read_meeting(db, meeting_id), *pane.unsaved())
            t1 = time.perf_counter()
            html = render_html(data)
            t2 = time.perf_counter()
            browser.setHtml(html)
            t3 = time.perf_counter()
            read.append(t1 - t0)
            build.append(t2 - t1)
            show.append(t3 - t2)
            pane.refresh()
            whole.append(pane.last_update_s)

            t0 = time.perf_counter()
            render(read_meeting(db, meeting_id))
            word.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            browser.setHtml(html)
            bare.append(time.perf_counter() - t0)
            app.processEvents()

        # Keystroke to preview: type into the first intervention's text, wait for the redraw.
        tab = window.show_tab("compte-rendu")
        editor = tab.block_editor.text
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        app.processEvents()
        latency = []
        clock = QElapsedTimer()
        for n in range(rounds):
            QTest.keyClicks(editor, f" x{n}")
            done = []
            pane.updated.connect(lambda d=done: d.append(clock.elapsed()))
            clock.start()  # from the last keystroke
            QTest.keyClicks(editor, "y")
            while not done and clock.elapsed() < 5000:
                app.processEvents()
                time.sleep(0.001)
            pane.updated.disconnect()
            shown = f"x{n}y" in pane.text()
            latency.append((done[0] if done else 5000) / 1000 if shown else 5.0)
        window.close()
        db.close()

    update = _median_ms(whole)
    print(f"[2023 meeting, median of {rounds}, {len(html):,} characters of HTML]")
    print(f"preview update   {update:6.1f} ms  (worst {max(whole) * 1000:.1f} ms)")
    print(f"  records read   {_median_ms(read):6.1f} ms")
    print(f"  HTML built     {_median_ms(build):6.1f} ms")
    print(f"  setHtml        {_median_ms(show):6.1f} ms")
    for name, base in (("(a) Word export (read + render)", word), ("(b) bare setHtml, same HTML", bare)):
        print(f"baseline {name:32} {_median_ms(base):6.1f} ms  ratio {update / _median_ms(base):.2f}×")
    key = statistics.median(latency)
    ok = key < TARGET_S
    print(
        f"keystroke → preview: {key * 1000:6.1f} ms (debounce {DEBOUNCE_MS} ms + update; "
        f"worst {max(latency) * 1000:.1f} ms) target < {TARGET_S * 1000:.0f} ms {'ok' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
