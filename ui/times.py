"""Reading and writing time ranges as a secretary types them (« 9h30-10 », « 10:30–11:45 »)."""

from __future__ import annotations

import datetime as dt
import re

_TIME = re.compile(r"^(\d{1,2})(?:\s*[:h.]\s*(\d{2})?)?$")
_SEPARATOR = re.compile(r"\s*(?:-|–|—|\bto\b|\bà\b)\s*")


def parse_time(text: str) -> dt.time | None:
    text = text.strip().lower()
    if not text:
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError(text)
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    return dt.time(hours, minutes)  # ValueError past 23:59


def parse_range(text: str) -> tuple[dt.time | None, dt.time | None]:
    """« 10:30-11:45 » → (10:30, 11:45); « 10:30 » → (10:30, None); « » → (None, None)."""
    parts = _SEPARATOR.split(text.strip(), maxsplit=1)
    start = parse_time(parts[0])
    end = parse_time(parts[1]) if len(parts) > 1 else None
    return start, end


def format_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def format_range(start: dt.time | None, end: dt.time | None) -> str:
    if start is None and end is None:
        return ""
    return f"{format_time(start)}–{format_time(end)}" if end is not None else format_time(start)
