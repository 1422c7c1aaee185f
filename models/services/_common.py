"""Helpers shared by the services: fetching, field updates, list moves."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from models.errors import ConflictError, FormatError, NotFound

T = TypeVar("T")


def get(session: Session, cls: type[T], obj_id: int) -> T:
    obj = session.get(cls, obj_id)
    if obj is None:
        raise NotFound(f"This {cls.__name__.lower()} no longer exists (id {obj_id}).")
    return obj


def check_version(obj: Any, expected: int | None) -> None:
    if expected is not None and obj.version != expected:
        raise ConflictError(
            f"This {type(obj).__name__.lower()} was changed elsewhere since you opened it; reload to see it."
        )


def coerce(field: str, value: Any, current: Any) -> Any:
    """Accept ISO strings for dates and times, as forms and the CLI give them."""
    if isinstance(current, dt.time) or field.endswith(("_time", "start", "end")):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            try:
                hours, minutes = value.strip().replace("h", ":").split(":")
                return dt.time(int(hours), int(minutes))
            except ValueError:
                raise FormatError(field, f'"{value}" is not a time (HH:MM)') from None
    if field == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise FormatError(field, f'"{value}" is not a date (YYYY-MM-DD)') from None
    return value


def update_fields(obj: Any, allowed: tuple[str, ...], fields: dict[str, Any], expected_version=None) -> dict:
    """Set ``fields`` on ``obj``; returns the previous values (for undo)."""
    check_version(obj, expected_version)
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"cannot set {', '.join(sorted(unknown))} on {type(obj).__name__}")
    previous = {}
    for name, value in fields.items():
        current = getattr(obj, name)
        value = coerce(name, value, current)
        previous[name] = current
        setattr(obj, name, value)
    return previous


def move_in(collection: list, obj: Any, position: int) -> None:
    """Move ``obj`` to ``position`` within an ordering_list collection."""
    position = max(0, min(position, len(collection) - 1))
    collection.remove(obj)
    collection.insert(position, obj)
    collection.reorder()


def insert_at(collection: list, obj: Any, position: int | None) -> None:
    if position is None or position >= len(collection):
        collection.append(obj)
    else:
        collection.insert(max(0, position), obj)
