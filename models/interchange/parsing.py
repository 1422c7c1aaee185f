"""Reading the JSON text of a meeting file: every refusal is one FormatError, before anything is added."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from models import text_rules
from models.errors import FormatError
from models.interchange.format import FORMAT, VERSION
from models.interchange.validation import _path, validate


class _Object(dict):
    """A JSON object whose text gave some key more than once (``twice`` names the first)."""

    twice: str


class _TooLong(Exception):
    pass


# Python refuses to read longer integers (CVE-2020-10735); no value of the format comes near.
MAX_DIGITS = 4300


def _objects() -> tuple[Callable[[list[tuple[str, Any]]], dict[str, Any]], list[bool]]:
    """An ``object_pairs_hook`` marking objects that repeat a key, and a list that is not empty if any did."""
    found: list[bool] = []

    def make(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # json keeps the last of repeated keys: `"people": [A], "people": []` would drop A unseen.
        data = dict(pairs)
        if len(data) == len(pairs):
            return data
        seen: set[str] = set()
        marked = _Object(data)
        marked.twice = next(k for k, _v in pairs if k in seen or seen.add(k))
        found.append(True)
        return marked

    return make, found


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _TooLong
    return int(text)


def _first_repeated(data: Any, parts: list) -> str | None:
    """The path of the first key given twice in one object, depth first."""
    if isinstance(data, _Object):
        return _path([*parts, data.twice])
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in children:
        found = _first_repeated(value, [*parts, key])
        if found is not None:
            return found
    return None


def loads_data(text: str | bytes) -> dict[str, Any]:
    make_object, repeated_keys = _objects()
    try:
        data = json.loads(text, object_pairs_hook=make_object, parse_int=_integer)
    except UnicodeDecodeError:
        raise FormatError("", "the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise FormatError("", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except _TooLong:
        raise FormatError("", f"a number in the file has more than {MAX_DIGITS:,} digits") from None
    except RecursionError:
        raise FormatError("", "the JSON is nested too deeply") from None
    if repeated_keys:  # then only, walk the document to name where
        try:
            repeated = _first_repeated(data, [])
        except RecursionError:
            raise FormatError("", "the JSON is nested too deeply") from None
        raise FormatError(repeated or "", "the key is given twice in the same object; keep one")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError("format", f'not a Minutier meeting file (expected "format": "{FORMAT}")')
    if isinstance(data.get("version"), int) and data["version"] > VERSION:
        raise FormatError("version", f"written by a newer Minutier (format version {data['version']})")
    try:
        validate(data)
    except RecursionError:
        raise FormatError("", "the JSON is nested too deeply") from None
    # Text a .docx cannot hold (NUL, control characters, lone surrogates): see text_rules.
    text_rules.check_tree(data)
    text_rules.check_lengths(data)  # same limits on SQLite and PostgreSQL (String(n) columns)
    return data
