"""The participant tables (« En présentiel » / « A distance ») back to rows of people.

A header row is recognised by its words (the columns import-people knows:
Prénom, Nom, Organisation, E-mail, Fonction…); without one, three columns are
first name | last name | organisation as Minutier prints them, and a single
name column is split at its first space (« Jean de La Fontaine »: Jean | de La
Fontaine), or after the capitals when the surname is typed first (« DUPONT Jean »).
"""

from __future__ import annotations

from typing import NamedTuple

from models.people_import import guess_mapping
from models.person_fields import NAMES
from models.text_keys import key
from models.word_import import vocabulary
from models.word_import.document import Para, Table
from models.word_import.markdown import plain
from models.word_import.people_text import without_civility

FIELDS = NAMES  # a printed participants table may hold any person field


class Participant(NamedTuple):
    values: dict[str, str]  # the person fields as printed
    mode: str  # « in_person » or « remote »


def _cell(cell: tuple[Para, ...]) -> str:
    return " ".join(plain(" ".join(p.text for p in cell)).split())


def _header_mapping(row: list[str]) -> dict[str, int] | None:
    mapping = guess_mapping(row)
    named = {f: row.index(h) for f, h in mapping.items() if f in FIELDS or f == "mode"}
    if ("first_name" in named or "last_name" in named) and len(named) >= 2:
        return named
    return None


def looks_like_participants(table: Table) -> bool:
    if table.style == "Minutier Participants":
        return True
    return bool(table.rows) and _header_mapping([_cell(c) for c in table.rows[0]]) is not None


def split_name(name: str) -> tuple[str, str]:
    """(first, last) of a whole name in one cell."""
    words = without_civility(name).split()
    if len(words) < 2:
        return "", " ".join(words)
    capitals = 0
    while capitals < len(words) - 1 and words[capitals].isupper() and len(words[capitals]) > 1:
        capitals += 1
    if capitals:
        return " ".join(words[capitals:]), " ".join(words[:capitals])
    return words[0], " ".join(words[1:])


def read_participants(table: Table, mode: str) -> list[Participant]:
    rows = [[_cell(c) for c in row] for row in table.rows]
    if not rows:
        return []
    mapping = _header_mapping(rows[0])
    if mapping is not None:
        rows = rows[1:]
    elif table.header_rows:
        rows = rows[table.header_rows :]
    out = []
    for row in rows:
        if not any(row):
            continue
        values = dict.fromkeys(FIELDS, "")
        row_mode = mode
        if mapping is not None:
            for fld, index in mapping.items():
                value = row[index] if index < len(row) else ""
                if fld == "mode":
                    folded = key(value)
                    if (
                        vocabulary.is_label("remote_heading", value)
                        or "distance" in folded
                        or "remote" in folded
                    ):
                        row_mode = "remote"
                    elif folded:
                        row_mode = "in_person"
                else:
                    values[fld] = value
            if "first_name" not in mapping and " " in values["last_name"]:
                values["first_name"], values["last_name"] = split_name(values["last_name"])
        elif len(row) >= 3:
            values["first_name"], values["last_name"], values["organisation"] = row[0], row[1], row[2]
            if len(row) > 3:
                values["email"] = next((v for v in row[3:] if "@" in v), "")
        elif len(row) == 2:
            values["first_name"], values["last_name"] = split_name(row[0])
            values["organisation"] = row[1]
        else:
            values["first_name"], values["last_name"] = split_name(row[0])
        out.append(Participant(values, row_mode))
    return out
