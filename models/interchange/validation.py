"""Checking a document against the schema of its version, naming the field path of the first problem."""

from __future__ import annotations

import json
from typing import Any

from models.errors import FormatError
from models.interchange.format import _schema, _version_of
from models.interchange.quick_check import _quick_check


def _path(parts) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not str(part).isidentifier():  # an unknown key may hold anything, even a line break
            out += f"[{json.dumps(str(part), ensure_ascii=False)}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _describe(error) -> str:
    instance = json.dumps(error.instance, ensure_ascii=False)
    if len(instance) > 60:
        instance = instance[:57] + "…"
    validator = error.validator
    if validator == "pattern":
        if "[0-5][0-9]$" in error.validator_value:
            return f"{instance} is not a time (HH:MM)"
        return f"{instance} is not a date (YYYY-MM-DD)"
    if validator in ("enum", "const"):
        allowed = error.validator_value if validator == "enum" else [error.validator_value]
        return f"{instance} is not one of {', '.join(json.dumps(a, ensure_ascii=False) for a in allowed)}"
    if validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"{instance} is not of type {expected}"
    return error.message


def validate(data: Any) -> None:
    """Raise FormatError naming the field path of the first problem found.

    A file of 5,000 participants takes jsonschema seconds; the schema compiled
    to plain functions says in a few milliseconds that a file is valid. Only
    a file it finds invalid goes through jsonschema, for the message.
    """
    version = _version_of(data)
    quick = _quick_check(version)
    if quick is not None and quick(data):
        return
    import jsonschema  # only imports need it; keeps start-up light

    validator = jsonschema.Draft202012Validator(_schema(version))
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        # oneOf hides the useful message in its context; take the deepest.
        while error.context:
            error = jsonschema.exceptions.best_match(error.context)
        parts = list(error.absolute_path)
        if error.validator == "required":
            missing = [k for k in error.validator_value if k not in error.instance]
            return_path = _path([*parts, missing[0]])
            raise FormatError(return_path, "is missing")
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            raise FormatError(_path([*parts, extra[0]]), "is not a field of this format")
        raise FormatError(_path(parts) or "(document)", _describe(error))
