"""Snapshots of a row and everything it owns, so a deletion can be undone.

The restore puts rows back with their original ids, so undo stacks and
views that hold those ids stay valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
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


def _build(snap: Snapshot) -> Any:
    obj = snap.cls(**snap.columns)
    for key, kids in snap.children.items():
        collection = getattr(obj, key)
        for kid in kids:
            collection.append(_build(kid))
    return obj


def restore(session: Session, snap: Snapshot) -> Any:
    """Insert the snapshot's rows again; the caller re-attaches it to its parent list if needed."""
    obj = _build(snap)
    session.add(obj)
    session.flush()
    return obj
