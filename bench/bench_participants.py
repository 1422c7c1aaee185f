"""Participants tab over a 5,000-person meeting: open, filter keystroke, mark one person.

Targets (issue 4): open < 1 s, each filter keystroke < 50 ms, marking one
person < 20 ms. Each figure is printed beside a baseline measured in the
same run: a bare QTableView over a trivial Python model of the same size,
filtered by Qt's own C++ QSortFilterProxyModel, so a slow machine shows as
slow baselines rather than as a regression.

    .venv/bin/python bench/bench_participants.py [--people 5000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from models.database import open_database
from models.services import attendance, meetings
from ui.participants.tab import ParticipantsTab

TYPED = "nom 42"
MARKS = 30


class TrivialModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple[str, ...]]):
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        row = list(self.rows[index.row()])
        row[index.column()] = value
        self.rows[index.row()] = tuple(row)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable


def people(count: int) -> list[dict]:
    return [
        {
            "civility": ("M.", "Mme", "")[i % 3],
            "first_name": f"Prénom{i}",
            "last_name": f"Nom {i}",
            "function": "Conseiller" if i % 4 else "",
            "organisation": f"Ville numéro {i % 211}",
            "status": "invited",
            "mode": "remote" if i % 5 == 0 else "in_person",
        }
        for i in range(count)
    ]


def settle(app: QApplication) -> None:
    app.processEvents()
    app.processEvents()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def keystrokes(app: QApplication, line_edit, text: str) -> list[float]:
    times = []
    for char in text:
        start = time.perf_counter()
        QTest.keyClicks(line_edit, char)
        settle(app)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        with db.transaction() as session:
            meeting_id = meetings.create_meeting(session, "Bench", "2024-06-01").id
            attendance.add_many(session, meeting_id, people(args.people))

        # Baseline: a bare table over a trivial model, filtered in C++.
        rows = [tuple(str(v) for v in p.values()) for p in people(args.people)]
        start = time.perf_counter()
        base_model = TrivialModel(rows)
        base_proxy = QSortFilterProxyModel()
        base_proxy.setSourceModel(base_model)
        base_proxy.setFilterKeyColumn(-1)
        base_view = QTableView()
        base_view.setModel(base_proxy)
        base_view.resize(1100, 700)
        base_view.show()
        settle(app)
        base_open = time.perf_counter() - start
        base_keys = []
        for n in range(1, len(TYPED) + 1):
            t = time.perf_counter()
            base_proxy.setFilterFixedString(TYPED[:n])
            settle(app)
            base_keys.append(time.perf_counter() - t)
        base_marks = []
        for i in range(MARKS):
            t = time.perf_counter()
            base_model.setData(base_model.index(i, 6), "present")
            settle(app)
            base_marks.append(time.perf_counter() - t)
        base_view.close()

        stack = QUndoStack()
        start = time.perf_counter()
        tab = ParticipantsTab(db, stack)
        tab.resize(1100, 700)
        tab.show()
        tab.set_meeting(meeting_id)
        settle(app)
        open_time = time.perf_counter() - start

        tab.filter_edit.setFocus()
        key_times = keystrokes(app, tab.filter_edit, TYPED)
        shown = tab.proxy.rowCount()
        clear = time.perf_counter()
        tab.filter_edit.clear()
        settle(app)
        clear_time = time.perf_counter() - clear

        tab.table.setFocus()
        mark_times = []
        for i in range(MARKS):
            tab.select_participant(tab.model.rows[i * 97 % len(tab.model.rows)].id)
            settle(app)
            t = time.perf_counter()
            QTest.keyClick(tab.table, Qt.Key.Key_P if i % 2 == 0 else Qt.Key.Key_A)
            settle(app)
            mark_times.append(time.perf_counter() - t)
        db.close()

    worst_key = max(key_times)
    mark = statistics.median(mark_times)
    print(f"Participants tab, {args.people} people (baseline: bare QTableView + trivial model, C++ filter)")
    print(f"  open meeting        {ms(open_time)}   baseline {ms(base_open)}   target < 1000 ms")
    print(
        f"  filter keystroke    {ms(worst_key)} worst, {ms(statistics.median(key_times))} median"
        f"   baseline {ms(max(base_keys))} worst   target < 50 ms   ({shown} rows match {TYPED!r})"
    )
    print(f"  clear filter        {ms(clear_time)}")
    print("  each keystroke      " + ", ".join(f"{t * 1000:.1f}" for t in key_times) + " ms")
    print(
        f"  mark one person     {ms(mark)} median, {ms(max(mark_times))} worst"
        f"   baseline {ms(statistics.median(base_marks))}   target < 20 ms"
    )
    ok = open_time < 1 and worst_key < 0.05 and mark < 0.02
    print("  within targets" if ok else "  OUTSIDE TARGETS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
