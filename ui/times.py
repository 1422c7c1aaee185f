"""Reading and writing time ranges as a secretary types them.

French ways as well as the clock's: « 10h », « 10h30 », « 10 h 30 », « 9.30 »,
« 10h-10h30 », « de 10h à 11h », « 10:30–11:45 ». Anything else is refused
with a :class:`TimeError` whose message says why, in the interface's
language, for the editor to show next to the field.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication

# Hours, then optionally a separator (: h H . ,) and minutes; « heures » and a trailing « h » allowed.
_TIME = re.compile(r"^(\d{1,2})(?:\s*(?:[:.,]|h(?:eures?)?|hrs?)\s*(\d{1,2})?)?\s*(?:h(?:eures?)?|hrs?)?$")
_SEPARATOR = re.compile(r"\s*(?:-|–|—|\bto\b|\bà\b|\ba\b|\bjusqu'à\b)\s*")
_LEADING = re.compile(r"^(?:de|from|dès)\s+")


class TimeError(ValueError):
    """A time that cannot be read; ``str()`` is the reason, ready to show."""


def parse_time(text: str) -> dt.time | None:
    """« 10h30 » → 10:30; « » → None; TimeError saying why otherwise."""
    typed = text.strip()
    text = typed.lower()
    if not text:
        return None
    match = _TIME.match(text)
    if not match:
        raise TimeError(
            QCoreApplication.translate(
                "Times", "“{0}” is not a time: type it like 10h30, 10:30 or 10 h 30."
            ).format(typed)
        )
    hours, minutes_text = int(match.group(1)), match.group(2)
    if minutes_text is not None and len(minutes_text) == 1:
        # « 9.3 » is ambiguous (9:03 or 9:30): ask rather than guess.
        raise TimeError(
            QCoreApplication.translate(
                "Times", "“{0}”: write the minutes with two digits, as in 9h30."
            ).format(typed)
        )
    minutes = int(minutes_text or 0)
    if hours > 23:
        raise TimeError(
            QCoreApplication.translate("Times", "“{0}”: the hour must be between 0 and 23.").format(typed)
        )
    if minutes > 59:
        raise TimeError(
            QCoreApplication.translate("Times", "“{0}”: the minutes must be between 00 and 59.").format(typed)
        )
    return dt.time(hours, minutes)


def parse_range(text: str) -> tuple[dt.time | None, dt.time | None]:
    """« 10:30-11:45 » → (10:30, 11:45); « 10h30 » → (10:30, None); « » → (None, None)."""
    text = _LEADING.sub("", text.strip().lower())
    parts = _SEPARATOR.split(text, maxsplit=1)
    start = parse_time(parts[0])
    end = parse_time(parts[1]) if len(parts) > 1 else None
    if len(parts) > 1 and start is None and end is not None:
        raise TimeError(QCoreApplication.translate("Times", "“{0}”: the start time is missing.").format(text))
    return start, end


def format_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def format_range(start: dt.time | None, end: dt.time | None) -> str:
    if start is None and end is None:
        return ""
    return f"{format_time(start)}–{format_time(end)}" if end is not None else format_time(start)
