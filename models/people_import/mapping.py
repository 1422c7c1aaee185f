"""Which column holds which field: guessed from the headers, given on a command line, checked."""

from __future__ import annotations

import re

from models.errors import MinutierError
from models.people_import.fields import FIELD_ALIASES, FIELDS, HEADER_NAMES, _shown
from models.text_keys import key


def guess_mapping(headers: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Field → header for the headers recognised; each header and each field used once."""
    folded = [(h, key(h)) for h in headers]
    mapping: dict[str, str] = {}
    used: set[str] = set()
    # Exact names first, then a header containing a known name (« Adresse e-mail pro »).
    for exact in (True, False):
        for name, folded_header in folded:
            if name in used:
                continue
            for fld, names in HEADER_NAMES.items():
                if fld in mapping:
                    continue
                hit = (
                    folded_header in names
                    if exact
                    else any(len(n) > 3 and re.search(rf"\b{re.escape(n)}\b", folded_header) for n in names)
                )
                if hit:
                    mapping[fld] = name
                    used.add(name)
                    break
    return {f: mapping[f] for f in FIELDS if f in mapping}


def parse_mapping(text: str) -> dict[str, str]:
    """« first=Prénom,last=Nom,org=Organisation » → field → header. Raises MinutierError.

    « mode= » (no header) maps the field to "": the caller drops a guessed column with it.
    """
    mapping: dict[str, str] = {}
    for part in (p for p in text.split(",") if p.strip()):
        name, sep, header = part.partition("=")
        fld = name.strip().lower().replace("-", "_")
        fld = FIELD_ALIASES.get(fld, fld)
        if not sep:
            raise MinutierError(f'"{part.strip()}" in the mapping is not field=Header.')
        if fld not in FIELDS:
            raise MinutierError(f'"{name.strip()}" is not a field ({", ".join(FIELDS)}).')
        mapping[fld] = header.strip()
    return mapping


def format_mapping(mapping: dict[str, str]) -> str:
    """The inverse of ``parse_mapping``, for a command line to print and be given back."""
    return ",".join(f"{f}={h}" for f, h in mapping.items())


def check_mapping(mapping: dict[str, str], headers: tuple[str, ...]) -> None:
    missing = [h for h in mapping.values() if h not in headers]
    if missing:
        columns = ", ".join(_shown(h) for h in headers[:12]) + (", …" if len(headers) > 12 else "")
        raise MinutierError(f'The file has no column "{_shown(missing[0])}" (its columns: {columns}).')
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise MinutierError(f'"{unknown[0]}" is not a field ({", ".join(FIELDS)}).')
    if not ({"first_name", "last_name", "organisation"} & set(mapping)):
        raise MinutierError("Map at least one of the columns first name, last name or organisation.")
