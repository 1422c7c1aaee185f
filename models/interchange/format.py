"""The format's name and versions, and the JSON schema of each version (models/meeting_schema*.json)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from models import person_fields

FORMAT = "minutier.meeting"
VERSION = 2
# Version 1 (before committee minutes) still imports: its meaning is version 2 with every new key empty.
VERSIONS = (1, 2)
# A person's keys in the file after its "ref", in this order (models/person_fields.py). A new one is a
# new key of the format: the schemas and docs/meeting-format.md say which version brings it.
PERSON_FIELDS = person_fields.NAMES


@cache
def _schema(version: int = VERSION) -> dict[str, Any]:
    name = "meeting_schema.json" if version == VERSION else f"meeting_schema_v{version}.json"
    return json.loads(resources.files("models").joinpath(name).read_text("utf-8"))


def _version_of(data: Any) -> int:
    """The schema a document is checked against: its own version when we know it, else the current one."""
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int | float) and not isinstance(version, bool) and version in VERSIONS:
        return int(version)
    return VERSION
