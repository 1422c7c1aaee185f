"""People as a compte-rendu prints them: « Mme Benedetta Oddo, Coordinatrice… (à distance) »."""

from __future__ import annotations

import re
from functools import cache

from models.text_keys import key
from models.word_import import vocabulary

_ROLE_TYPED = re.compile(
    r"^\s*(Animat(?:eur|rice)s?|Mod[ée]rat(?:eur|rice)s?|Moderador(?:a|es)?|Moderator|Chair(?:person)?|"
    r"Facilitat(?:or|eur|rice)|Présidente?)\s*[:：]\s*",
    re.IGNORECASE,
)
_CIVILITY_WORD = re.compile(
    r"^(?:M\.|Mme\.?|Mlle\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?|Prof\.?|Sr\.|Sra\.|Srta\.|Monsieur|Madame)\s+"
)
_JOINERS = re.compile(r"\s+(?:&|et|and|y|und)\s+|\s*,\s*", re.IGNORECASE)


@cache
def remote_suffixes() -> tuple[str, ...]:
    found = [lang.labels["remote"] for lang in vocabulary.languages()]
    found += [f"({lang.labels['online']})" for lang in vocabulary.languages()]
    return tuple(sorted(set(found), key=len, reverse=True))


def split_remote(text: str) -> tuple[str, bool]:
    stripped = text.rstrip()
    for suffix in remote_suffixes():
        if key(stripped[-len(suffix) :]) == key(suffix) and stripped[-len(suffix) :].endswith(")"):
            return stripped[: -len(suffix)].rstrip(), True
    return stripped, False


def programme_person(text: str, role: str, role_label: str = "") -> dict:
    """The interchange entry of one printed programme person (its roster link is made on import)."""
    text, remote = split_remote(" ".join(text.split()))
    name, _, function = text.partition(", ")
    return {
        "role": role,
        "role_label": role_label,
        "person": None,
        "name": name.strip(),
        "function": function.strip(),
        "remote": remote,
    }


def typed_role(text: str) -> tuple[str, str] | None:
    """(« Animateur », rest) when a paragraph opens with a moderator's label typed by hand."""
    match = _ROLE_TYPED.match(text)
    if not match:
        return None
    return match.group(1), text[match.end() :]


def without_civility(name: str) -> str:
    return _CIVILITY_WORD.sub("", name.strip())


def name_keys(printed: str) -> list[str]:
    """Folded names of the people a speaker heading or programme line names, civilities removed:
    « Mme Lucy Earle & M. Christophe Ward » → [« lucy earle », « christophe ward »]."""
    out = []
    for part in _JOINERS.split(printed):
        folded = key(without_civility(part))
        if folded:
            out.append(folded)
    return out
