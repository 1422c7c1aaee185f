"""Snapshots of a row and everything it owns, so a deletion can be undone.

The restore puts rows back with their original ids, so undo stacks and
views that hold those ids stay valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, update
from sqlalchemy.orm import Session


@dataclass
class Snapshot:
    cls: type
    columns: dict[str, Any]
    children: dict[str, list[Snapshot]] = field(default_factory=dict)


def _owned_relationships(cls: type):
    for rel in inspect(cls).relationships:
        if rel.direction.name == "ONETOMANY" and "delete-orphan" in rel.cascade and not rel.viewonly:
            yield rel


def take(obj: Any) -> Snapshot:
    mapper = inspect(type(obj))
    columns = {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}
    children = {
        rel.key: [take(child) for child in getattr(obj, rel.key)] for rel in _owned_relationships(type(obj))
    }
    return Snapshot(type(obj), columns, children)


def _self_references(cls: type) -> list[str]:
    """Columns of ``cls`` pointing at its own table (an attendance row's proxy)."""
    table = inspect(cls).local_table
    return [
        attr.key
        for attr in inspect(cls).column_attrs
        if any(fk.column.table is table for fk in attr.columns[0].foreign_keys)
    ]


def _build(snap: Snapshot, later: list[tuple[Any, dict[str, Any]]]) -> Any:
    # A row may point at a sibling inserted after it (row 1 represented by row 2): such columns
    # are set once every row is back (``later``), as the inserts follow the list's order.
    deferred = {
        key: snap.columns[key] for key in _self_references(snap.cls) if snap.columns.get(key) is not None
    }
    obj = snap.cls(**{**snap.columns, **dict.fromkeys(deferred)})
    if deferred:
        later.append((obj, deferred))
    for key, kids in snap.children.items():
        collection = getattr(obj, key)
        for kid in kids:
            collection.append(_build(kid, later))
    return obj


def restore(session: Session, snap: Snapshot) -> Any:
    """Insert the snapshot's rows again; the caller re-attaches it to its parent list if needed."""
    later: list[tuple[Any, dict[str, Any]]] = []
    obj = _build(snap, later)
    session.add(obj)
    session.flush()
    for row, values in later:
        # Past the ORM, so this row's version stays the one the restore gave every row it put back.
        table = inspect(type(row)).local_table
        session.execute(update(table).where(table.c.id == row.id).values(**values))
        session.expire(row, list(values))
    return obj
