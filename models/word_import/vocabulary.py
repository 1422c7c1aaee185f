"""The words a compte-rendu is recognised by: Minutier's label tables in every language,
civilities, dates and times as people write them.

Read from resources/labels/*.json (the exporter's own tables) so that what
an export prints is what the import looks for.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from models.text_keys import key

LABELS_PACKAGE = "resources.labels"
# Typed before a name in programmes and speaker lines.
_CIVILITY = re.compile(
    r"^(?:M\.|Mme\.?|Mlle\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Pr\.?|Prof\.?|Sr\.|Sra\.|Srta\.|D\.|Dña\.?|"
    r"H\.\s?E\.|S\.\s?E\.|Me|Monsieur|Madame)\s+\S",
)


class Language(NamedTuple):
    code: str
    labels: dict


@cache
def languages() -> tuple[Language, ...]:
    folder = resources.files(LABELS_PACKAGE)
    out = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".json"):
            out.append(Language(entry.name[:-5], json.loads(entry.read_text("utf-8"))))
    return tuple(out)


def labels(code: str) -> dict:
    for lang in languages():
        if lang.code == code:
            return lang.labels
    return languages()[0].labels


@cache
def _label_keys(field: str) -> dict[str, str]:
    """Folded label → language, for one label field across the tables."""
    return {key(lang.labels[field]): lang.code for lang in languages()}


# Hand-written headings that mean the same as a label.
_EXTRA = {
    "programme_heading": (
        "programme",
        "rappel du programme",
        "programa",
        "agenda",
        "ordre du jour",
        "program",
    ),
    "report_heading": ("compte rendu", "compte rendu de la reunion", "report", "minutes", "informe", "acta"),
    "participants_heading": (
        "liste des participants",
        "liste des participantes",
        "participants",
        "participantes",
        "list of participants",
        "lista de participantes",
        "liste des participant e s",
    ),
    "debate_heading": (
        "session debat",
        "debat",
        "debate",
        "session de debat",
        "debate session",
        "sesion de debate",
    ),
    "conclusions_heading": ("conclusions", "conclusion", "conclusiones"),
    "objectives_heading": ("objectifs", "objectives", "objetivos", "objectif"),
    "in_person_heading": ("en presentiel", "presentiel", "in person", "presencial", "sur place", "on site"),
    "remote_heading": ("a distance", "en ligne", "remote", "online", "a distancia", "en linea"),
}


def is_label(field: str, text: str) -> bool:
    folded = key(text)
    return bool(folded) and (folded in _label_keys(field) or folded in _EXTRA.get(field, ()))


def label_language(field: str, text: str) -> str | None:
    return _label_keys(field).get(key(text))


def has_civility(text: str) -> bool:
    return bool(_CIVILITY.match(text.strip()))


# ---------------------------------------------------------------- dates and times

_TIME = r"(\d{1,2})\s?(?:[:h.]\s?(\d{2})?|H(\d{2})?)"
_TIME_RANGE = re.compile(rf"{_TIME}\s*(?:[-–—à]|to|a)\s*{_TIME}", re.IGNORECASE)
_ONE_TIME = re.compile(rf"^\s*{_TIME}(?=\s|$)", re.IGNORECASE)


def _hm(hour: str, minute: str | None, minute2: str | None) -> dt.time | None:
    h, m = int(hour), int(minute or minute2 or 0)
    return dt.time(h, m) if h < 24 and m < 60 else None


def parse_times(text: str) -> tuple[dt.time | None, dt.time | None, str]:
    """(start, end, rest after the times) of « 10:00-17:30 CET », « 10h-17h30 », « 13 :15 »."""
    match = _TIME_RANGE.search(text)
    if match:
        g = match.groups()
        return _hm(g[0], g[1], g[2]), _hm(g[3], g[4], g[5]), text[match.end() :].strip()
    match = _ONE_TIME.match(text)
    if match:
        g = match.groups()
        return _hm(g[0], g[1], g[2]), None, text[match.end() :].strip()
    return None, None, text


def is_time_cell(text: str) -> bool:
    text = text.strip()
    return bool(text) and (
        bool(_TIME_RANGE.fullmatch(text)) or bool(re.fullmatch(_TIME, text, re.IGNORECASE))
    )


@cache
def _months() -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    for lang in languages():
        for number, name in enumerate(lang.labels["months"], start=1):
            out.setdefault(key(name), (number, lang.code))
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    ):
        out.setdefault(name, (number, "en"))
    out.setdefault("fevrier", (2, "fr"))
    out.setdefault("aout", (8, "fr"))
    out.setdefault("decembre", (12, "fr"))
    return out


_DATE_WORDS = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:er|st|nd|rd|th|º|°)?\s+(?:de\s+)?(?P<m1>[^\W\d_]+)\.?,?\s+(?:de\s+)?(?P<y1>\d{4}))"
    r"|(?:(?P<m2>[^\W\d_]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))",
    re.IGNORECASE,
)
_DATE_NUMBERS = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


class DateLine(NamedTuple):
    date: dt.date
    start: dt.time | None
    end: dt.time | None
    timezone: str
    language: str | None


def parse_date_line(text: str) -> DateLine | None:
    """The date, times and zone of « 12 décembre 2023, 10:00-17:30 CET », « December 12, 2023 »,
    « 12 de diciembre de 2023 », « 12/12/2023 »; None when there is no date."""
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    found = None
    language = None
    end = 0
    for match in _DATE_WORDS.finditer(text):
        month = key(match.group("m1") or match.group("m2") or "")
        if month in _months() or month[:3] in _months():
            number, language = _months().get(month) or _months()[month[:3]]
            day = int(match.group("d1") or match.group("d2"))
            year = int(match.group("y1") or match.group("y2"))
            try:
                found = dt.date(year, number, day)
            except ValueError:
                continue
            end = match.end()
            break
    if found is None:
        match = _DATE_NUMBERS.search(text)
        if match is None:
            return None
        g = match.groups()
        try:
            found = (
                dt.date(int(g[0]), int(g[1]), int(g[2])) if g[0] else dt.date(int(g[5]), int(g[4]), int(g[3]))
            )
        except ValueError:
            return None
        end = match.end()
    rest = text[end:].lstrip(" ,;–-")
    start, finish, after = parse_times(rest)
    zone = ""
    if start is not None and re.fullmatch(r"[A-Za-z][A-Za-z0-9+\-:/ ]{0,30}", after or ""):
        zone = after
    return DateLine(found, start, finish, zone, language)
