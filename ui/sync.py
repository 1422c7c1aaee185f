"""Bringing a model's rows in line with a fresh read, with fine-grained signals.

Models reread the services after every command and reconcile here, so a
view keeps its selection, expansion and scroll position across edits,
undo and redo, instead of being reset.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPersistentModelIndex


class Row(Protocol):
    id: int

    def values(self) -> tuple: ...


def reconcile(
    model: QAbstractItemModel,
    parent: QModelIndex | QPersistentModelIndex,
    rows: list[Any],
    fresh: list[Any],
    adopt: Callable[[Any, Any], None],
) -> None:
    """Make ``rows`` (the model's list under ``parent``) equal to ``fresh`` by id.

    Removes, moves, inserts, then lets ``adopt(old, new)`` copy values across,
    emitting dataChanged for each row whose values() differ.
    """
    parent = QModelIndex(parent)
    wanted = {r.id for r in fresh}
    for i in range(len(rows) - 1, -1, -1):
        if rows[i].id not in wanted:
            model.beginRemoveRows(parent, i, i)
            del rows[i]
            model.endRemoveRows()
    kept = {r.id for r in rows}
    order = [r.id for r in fresh if r.id in kept]
    for j, row_id in enumerate(order):
        if rows[j].id != row_id:
            i = next(k for k in range(j + 1, len(rows)) if rows[k].id == row_id)
            model.beginMoveRows(parent, i, i, parent, j)
            rows.insert(j, rows.pop(i))
            model.endMoveRows()
    for j, new in enumerate(fresh):
        if j >= len(rows) or rows[j].id != new.id:
            model.beginInsertRows(parent, j, j)
            rows.insert(j, new)
            model.endInsertRows()
    # A list model has one column, and PySide hides its columnCount.
    last_column = 0 if isinstance(model, QAbstractListModel) else max(model.columnCount(parent) - 1, 0)
    for j, new in enumerate(fresh):
        old = rows[j]
        if old is new:
            continue
        changed = old.values() != new.values()
        adopt(old, new)
        if changed:
            model.dataChanged.emit(model.index(j, 0, parent), model.index(j, last_column, parent))
