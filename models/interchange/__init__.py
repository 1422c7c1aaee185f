"""The JSON interchange format for one meeting (docs/meeting-format.md).

``dump`` is canonical (every key, fixed order, refs numbered by order of
appearance), so dump → load → dump gives the same bytes. ``load`` checks
everything before it adds anything, and the caller's transaction makes
the import all-or-nothing.

Version 2 added the committee fields (roles, proxies, arrivals, settings,
label overrides, decisions). A version-1 file is checked against its own
schema (meeting_schema_v1.json) and imported with those fields empty;
``dump`` always writes version 2.

The parts: ``format`` (name, versions, schema files), ``dump``
(``meeting_to_data``, ``dumps``), ``parsing`` (``loads_data``: the JSON
text), ``validation`` and ``quick_check`` (the schema), ``matching`` (the
roster person of each person of a file), ``load`` (``import_data``,
``loads``). This package keeps the names callers import.
"""

from __future__ import annotations

from models.interchange.dump import dumps, meeting_to_data
from models.interchange.format import FORMAT, PERSON_FIELDS, VERSION, VERSIONS, _schema, _version_of
from models.interchange.load import import_data, loads
from models.interchange.matching import RosterIndex, find_person
from models.interchange.parsing import MAX_DIGITS, loads_data
from models.interchange.quick_check import _quick_check
from models.interchange.validation import validate

__all__ = [
    "FORMAT",
    "MAX_DIGITS",
    "PERSON_FIELDS",
    "VERSION",
    "VERSIONS",
    "RosterIndex",
    "_quick_check",
    "_schema",
    "_version_of",
    "dumps",
    "find_person",
    "import_data",
    "loads",
    "loads_data",
    "meeting_to_data",
    "validate",
]
