"""Dates written in a text or a title (fr, en, es; in words or digits), rewritten for another date."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import resources

from models.entities import LANGUAGES


def follow_year(text: str, old: dt.date, new: dt.date) -> str:
    """``text`` with the old year, written as a number on its own, replaced by the new one."""
    if old.year == new.year:
        return text
    return re.sub(rf"(?<!\d){old.year}(?!\d)", str(new.year), text)


@cache
def _date_words(language: str) -> tuple[tuple[str, ...], str, str] | None:
    """Month names, date pattern and « 1er » of the document's label table, if it has them."""
    try:
        raw = json.loads(resources.files("resources.labels").joinpath(f"{language}.json").read_text("utf-8"))
        return tuple(raw["months"]), raw["date"], raw.get("first_day", "{day}")
    except (OSError, ValueError, KeyError, TypeError):
        return None


def written_dates(day: dt.date, language: str) -> dict[str, str]:
    """The ways a text may write ``day``, by shape: « 12 décembre 2023 », « 12/12/2023 », « 2023-12-12 »."""
    forms = {
        "iso": day.isoformat(),
        "dmy0": f"{day.day:02d}/{day.month:02d}/{day.year}",
        "dmy": f"{day.day}/{day.month}/{day.year}",
    }
    words = _date_words(language)
    if words is not None:
        months, pattern, first_day = words
        try:
            month = months[day.month - 1]
            forms["words"] = pattern.format(
                day=first_day if day.day == 1 else day.day, month=month, year=day.year
            )
            # « 1 mars » typed for « 1er mars »: recognised, rewritten in the table's shape.
            forms["words_plain"] = pattern.format(day=day.day, month=month, year=day.year)
        except (KeyError, IndexError, ValueError):
            pass
    return forms


def follow_date(text: str, old: dt.date, new: dt.date, language: str) -> str:
    """``text`` with ``old`` (written out, or as digits) rewritten as ``new`` in the same shape."""
    if not text or old == new:
        return text
    old_forms, new_forms = written_dates(old, language), written_dates(new, language)
    new_forms["words_plain"] = new_forms.get("words", "")
    for shape, before in old_forms.items():
        after = new_forms[shape]
        text = re.sub(rf"(?<!\w){re.escape(before)}(?!\w)", lambda _m, after=after: after, text)
    return text


_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
_ORDINAL = r"(?P<suffix>er|st|nd|rd|th|º)?"


def _plain(word: str) -> str:
    # « fevrier », « aout », « miercoles » typed without accents are the same words.
    return word.casefold().translate(str.maketrans("éèêûáíóúü", "eeeuaiouu"))


@cache
def _words() -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    """Month and weekday names of every label table, unaccented and folded → (language, number)."""
    months: dict[str, tuple[str, int]] = {}
    for language in LANGUAGES:
        found = _date_words(language)
        for number, name in enumerate(found[0] if found else (), start=1):
            months[_plain(name)] = (language, number)
    weekdays = {
        _plain(name): (language, n) for language, names in _WEEKDAYS.items() for n, name in enumerate(names)
    }
    return months, weekdays


def _alternatives(names) -> str:
    accents = {"e": "[eéèê]", "u": "[uûü]", "a": "[aá]", "i": "[ií]", "o": "[oó]"}
    return "|".join(
        "".join(accents.get(c, re.escape(c)) for c in name) for name in sorted(names, key=len, reverse=True)
    )


@cache
def _date_pattern() -> re.Pattern[str]:
    months, weekdays = _words()
    month, weekday = _alternatives(months), _alternatives(weekdays)
    day_first = (
        rf"(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:de\s+|of\s+)?(?P<m>{month})"
        rf"(?:,?\s+(?:de\s+|del\s+)?(?P<y>\d{{4}}))?"
    )
    month_first = (  # English only, and with its year: « May 5 » alone is too often no date
        rf"(?:(?P<wd2>{weekday}),?\s+)?(?P<m2>{month})\s+(?P<d2>\d{{1,2}})(?P<suffix2>st|nd|rd|th)?"
        rf",?\s+(?P<y2>\d{{4}})"
    )
    numeric = r"(?P<d3>\d{1,2})(?P<sep>[/.])(?P<m3>\d{1,2})(?P=sep)(?P<y3>\d{4})"
    iso = r"(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
    return re.compile(rf"(?<!\w)(?:{day_first}|{month_first}|{numeric}|{iso})(?!\w)", re.IGNORECASE)


def _group(match: re.Match, name: str) -> str | None:
    for key in (name, f"{name}2", f"{name}3", f"{name}4"):
        if key in match.re.groupindex and match.group(key) is not None:
            return key
    return None


def _month_number(match: re.Match, key: str) -> int:
    text = match.group(key)
    return int(text) if text.isdigit() else _words()[0][_plain(text)][1]


def _written_date(match: re.Match) -> tuple[int, int, int | None] | None:
    """(year or None, month, day) of a date found by ``_date_pattern``, None if no such day."""
    year_key = _group(match, "y")
    year = int(match.group(year_key)) if year_key else None
    month = _month_number(match, _group(match, "m"))
    day = int(match.group(_group(match, "d")))
    try:
        dt.date(year or 2000, month, day)  # 2000: a leap year, so « 29 février » stands
    except ValueError:
        return None
    return year, month, day


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def _ordinal(day: int, suffix: str, language: str) -> str:
    if language == "fr":
        return "er" if day == 1 else ""
    if language == "en" and suffix:
        return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return suffix if day == 1 else ""


def _rewrite(match: re.Match, new: dt.date) -> str:
    """The date found, written as ``new`` in the same shape, language and case."""
    months, weekdays = _words()
    replace: dict[str, str] = {}
    month_key, day_key = _group(match, "m"), _group(match, "d")
    month_text, day_text = match.group(month_key), match.group(day_key)
    language = "fr"
    if month_text.isdigit():
        replace[month_key] = f"{new.month:0{len(month_text)}d}"
    else:
        language = months[_plain(month_text)][0]
        replace[month_key] = _same_case(month_text, _date_words(language)[0][new.month - 1])
    # « 18/03 » gives « 01/05 », but « 18 mars » gives « 1er mai »: only a written « 08 mai » pads.
    padded = len(day_text) if month_text.isdigit() or day_text.startswith("0") else 1
    replace[day_key] = f"{new.day:0{padded}d}"
    suffix_key = _group(match, "suffix")
    if language != "es" and not month_text.isdigit():
        suffix = match.group(suffix_key) if suffix_key else ""
        written = _ordinal(new.day, suffix or "", language)
        if suffix_key:
            replace[suffix_key] = written
        else:
            replace[day_key] += written
    year_key = _group(match, "y")
    if year_key:
        replace[year_key] = str(new.year)
    weekday_key = _group(match, "wd")
    if weekday_key:
        model = match.group(weekday_key)
        wd_language = weekdays[_plain(model)][0]
        replace[weekday_key] = _same_case(model, _WEEKDAYS[wd_language][new.weekday()])
    text, at = [], match.start()
    for key in sorted(replace, key=match.start):
        text.append(match.string[at : match.start(key)])
        text.append(replace[key])
        at = match.end(key)
    text.append(match.string[at : match.end()])
    return "".join(text)


def follow_title(title: str, old: dt.date, new: dt.date, language: str = "fr") -> str:
    """``title`` with the old date, however written (fr, en, es), rewritten as ``new``; then the year.

    A date without its year (« du 18 mars ») is the old one when day and month are.
    ``language`` is the meeting's; dates in the other two languages are found too.
    """

    def moved(match: re.Match) -> str:
        found = _written_date(match)
        if found is None or (found[1], found[2]) != (old.month, old.day) or found[0] not in (None, old.year):
            return match.group()
        return _rewrite(match, new)

    return follow_year(_date_pattern().sub(moved, title), old, new)


def title_dates_left(title: str, day: dt.date) -> list[str]:
    """The dates written in ``title`` that are not ``day``, as written: to say they are still there."""
    left = []
    for match in _date_pattern().finditer(title):
        found = _written_date(match)
        if (
            found is not None
            and (found[1], found[2]) == (day.month, day.day)
            and found[0] in (None, day.year)
        ):
            continue
        left.append(match.group())
    return left
