"""Which text Minutier stores: any Unicode a Word document can hold.

Arabic, Chinese, emoji, combining accents, quotes and SQL-looking text are
stored and exported unchanged (SQL is always bound as parameters). Refused,
with a FormatError naming the field, before anything is written:

- control characters other than tab, line feed and carriage return
  (U+0000 NUL, U+0001-U+0008, U+000B, U+000C, U+000E-U+001F): XML 1.0, hence
  .docx, cannot contain them, so a meeting holding one could not be exported;
- unpaired surrogates (U+D800-U+DFFF, which JSON's "\\ud800" can produce):
  not text, and not encodable as UTF-8;
- the non-characters U+FFFE and U+FFFF (also excluded by XML 1.0);
- text longer than its column's ``String(n)`` in models.entities (a civility
  of 16 characters, a time zone of 32): PostgreSQL refuses it with a
  DataError while SQLite keeps it, and both backends must hold the same
  data. The limits are read from the columns themselves (``limits``), so
  the entities stay the one place that knows them.

The check runs in the session's ``before_flush`` (installed by
models.database on every Database's sessions), so it covers the services,
the JSON import and anything else that writes through the ORM, and the
FormatError rolls the whole action back. Refusing beats silently stripping:
what the user typed is either kept exactly or they are told.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session

from models.errors import FormatError

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, in a few words, or None when it can."""
    match = FORBIDDEN.search(text)
    if match is None:
        return None
    char = match.group()
    code = f"U+{ord(char):04X}"
    where = f"at character {match.start() + 1}"
    if "\ud800" <= char <= "\udfff":
        return f"contains an unpaired surrogate ({code}, {where}), which is not valid text"
    if char in "\ufffe\uffff":
        return f"contains the non-character {code} ({where}), which a Word document cannot hold"
    name = "a NUL character" if char == "\x00" else "an invisible control character"
    return f"contains {name} ({code}, {where}), which a Word document cannot hold; remove it"


def check(where: str, value: Any) -> None:
    if isinstance(value, str):
        reason = problem(value)
        if reason is not None:
            raise FormatError(where, reason)


def limits(entity) -> dict[str, int]:
    """Attribute → maximum length of ``entity``'s String(n) columns, in characters as PostgreSQL counts."""
    mapper = inspect(entity)
    return {
        attr.key: attr.columns[0].type.length
        for attr in mapper.column_attrs
        if isinstance(attr.columns[0].type, String) and attr.columns[0].type.length
    }


def too_long(value: Any, limit: int | None) -> str | None:
    """Why ``value`` does not fit a column of ``limit`` characters, or None when it does."""
    if limit is None or not isinstance(value, str) or len(value) <= limit:
        return None
    return f"is {len(value)} characters long; this field holds at most {limit}"


def check_length(where: str, value: Any, limit: int | None) -> None:
    reason = too_long(value, limit)
    if reason is not None:
        raise FormatError(where, reason)


def check_lengths(data: Any) -> None:
    """Refuse interchange data (models.interchange) whose fields exceed their columns.

    Before anything is written, naming the path (« people[2].civility »),
    as the flush-time check would only name the column.
    """
    from models.entities import Attendance, Decision, Meeting, Person

    if not isinstance(data, dict):
        return
    records: list[tuple[str, Any, dict[str, int]]] = [("meeting", data.get("meeting"), limits(Meeting))]
    # Attendance rows are inserted in bulk, past the flush-time check: their limits must be checked here.
    for key, entity in (("people", Person), ("attendance", Attendance), ("decisions", Decision)):
        rows = data.get(key)
        if isinstance(rows, list):
            row_limits = limits(entity)
            records.extend((f"{key}[{i}]", row, row_limits) for i, row in enumerate(rows))
    for path, record, record_limits in records:
        if isinstance(record, dict):
            for key, limit in record_limits.items():
                check_length(f"{path}.{key}", record.get(key), limit)


def _join(path: str, key: Any) -> str:
    text = str(key)
    if not text.isidentifier():  # any key at all, shown so the path stays on one line
        return f"{path}[{json.dumps(text)}]"
    return f"{path}.{text}" if path else text


def check_tree(data: Any) -> None:
    """Refuse the first unstorable text (value or key) in decoded JSON, naming its path.

    Paths read like the import's other errors: « people[1].last_name ».
    Iterative, so a deeply nested document cannot exhaust the stack here.
    """
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            check(path or "(document)", node)
        elif isinstance(node, dict):
            for key, value in reversed(node.items()):
                where = _join(path, key)
                check(where, key)
                stack.append((where, value))
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", value) for i, value in reversed(list(enumerate(node))))


def _string_columns(mapper) -> list[tuple[str, int | None]]:
    return [
        (attr.key, attr.columns[0].type.length)
        for attr in mapper.column_attrs
        if isinstance(attr.columns[0].type, String)
    ]


def check_session(session: Session, _flush_context=None, _instances=None) -> None:
    """``before_flush`` hook: refuse the flush if a new or changed text is not storable."""
    for obj in session.new:
        state = inspect(obj)
        for key, limit in _string_columns(state.mapper):
            where = f"{state.mapper.local_table.name}.{key}"
            check(where, getattr(obj, key, None))
            check_length(where, getattr(obj, key, None), limit)
    for obj in session.dirty:
        state = inspect(obj)
        for key, limit in _string_columns(state.mapper):
            for value in state.attrs[key].history.added:
                where = f"{state.mapper.local_table.name}.{key}"
                check(where, value)
                check_length(where, value, limit)


def install(target) -> None:
    """Run the check on every flush of sessions made by ``target``, a new sessionmaker.

    (No ``event.contains`` guard: SQLAlchemy's registry is keyed by id(), and
    a new sessionmaker may reuse the id of a collected one.)
    """
    event.listen(target, "before_flush", check_session)
