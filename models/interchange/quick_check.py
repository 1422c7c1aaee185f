"""The schema compiled to plain functions: says in milliseconds that a document is valid."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from models.interchange.format import VERSION, _schema


class _Unsupported(Exception):
    """The schema uses a keyword the quick check does not know: jsonschema alone decides."""


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    # JSON Schema: 1.0 is an integer, true is not.
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
}
_ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description", "contentEncoding"}


def _same(value: Any) -> Callable[[Any], bool]:
    """Equality as JSON Schema's const and enum mean it (true is not 1) for the values the schema uses."""
    if isinstance(value, str):
        return lambda v: isinstance(v, str) and v == value
    if isinstance(value, int) and not isinstance(value, bool):
        return lambda v: _TYPES["number"](v) and v == value
    raise _Unsupported(repr(value))


def _compile(
    schema: dict[str, Any], defs: dict[str, Any], done: dict[str, Callable]
) -> Callable[[Any], bool]:
    """A function telling whether a value is valid against ``schema``, for the keywords this schema uses."""
    checks: list[Callable[[Any], bool]] = []
    for keyword in set(schema) - _ANNOTATIONS - {
        "type", "const", "enum", "minLength", "maxLength", "pattern", "$ref",
        "properties", "additionalProperties", "required", "items", "oneOf",
    }:  # fmt: skip
        raise _Unsupported(keyword)
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        tests = [_TYPES[k] for k in kinds]
        checks.append(lambda v: any(t(v) for t in tests))
    if "const" in schema:
        checks.append(_same(schema["const"]))
    if "enum" in schema:
        options = [_same(option) for option in schema["enum"]]
        checks.append(lambda v: any(o(v) for o in options))
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if low or high is not None:
        checks.append(
            lambda v: not isinstance(v, str) or (low <= len(v) and (high is None or len(v) <= high))
        )
    if "pattern" in schema:
        pattern = re.compile(schema["pattern"])
        checks.append(lambda v: not isinstance(v, str) or pattern.search(v) is not None)
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        if name not in defs or schema["$ref"] != f"#/$defs/{name}":
            raise _Unsupported(schema["$ref"])
        if name not in done:
            done[name] = lambda v: False  # replaced below; a definition may refer to itself
            done[name] = _compile(defs[name], defs, done)
        checks.append(lambda v: done[name](v))
    if "properties" in schema or "required" in schema or "additionalProperties" in schema:
        props = {k: _compile(sub, defs, done) for k, sub in schema.get("properties", {}).items()}
        required = list(schema.get("required", ()))
        extra = schema.get("additionalProperties", True)
        if isinstance(extra, dict):  # every other key must match this schema (label overrides)
            extra = _compile(extra, defs, done)
        elif extra not in (True, False):
            raise _Unsupported("additionalProperties")

        def object_ok(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            if any(k not in v for k in required):
                return False
            for k, item in v.items():
                check = props.get(k)
                if check is None:
                    if extra is False or (extra is not True and not extra(item)):
                        return False
                elif not check(item):
                    return False
            return True

        checks.append(object_ok)
    if "items" in schema:
        each = _compile(schema["items"], defs, done)
        checks.append(lambda v: not isinstance(v, list) or all(each(item) for item in v))
    if "oneOf" in schema:
        options = [_compile(sub, defs, done) for sub in schema["oneOf"]]
        checks.append(lambda v: sum(1 for o in options if o(v)) == 1)
    return lambda v: all(check(v) for check in checks)


@cache
def _quick_check(version: int = VERSION) -> Callable[[Any], bool] | None:
    schema = _schema(version)
    try:
        return _compile(schema, schema.get("$defs", {}), {})
    except _Unsupported:
        return None
