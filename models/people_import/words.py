"""The words a list's mode, status and role cells use (French, English, Spanish), read as codes."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from models.entities import ATTENDANCE_ROLES
from models.people_import.fields import _shown
from models.text_keys import key

REMOTE_WORDS = {
    "a distance",
    "distance",
    "remote",
    "en ligne",
    "online",
    "virtual",
    "virtuel",
    "visio",
    "visioconference",
    "zoom",
    "teams",
    "a distancia",
    "en linea",
    "remoto",
    "distanciel",
}
IN_PERSON_WORDS = {
    "presentiel",
    "en presentiel",
    "sur place",
    "in person",
    "in person attendance",
    "onsite",
    "on site",
    "physique",
    "presencial",
    "en persona",
    "presence physique",
}
YES_WORDS = {"oui", "yes", "si", "x", "1", "true", "vrai", "o", "y"}
NO_WORDS = {"non", "no", "0", "false", "faux", "n"}
STATUS_WORDS = {
    "invited": {
        "invite",
        "invitee",
        "invites",
        "invited",
        "invitado",
        "invitada",
        "inscrit",
        "inscrite",
        "registered",
    },
    "present": {"present", "presente", "presents", "attended", "here", "asistio"},
    "excused": {"excuse", "excusee", "excused", "excusado", "excusada", "apologies"},
    "absent": {"absent", "absente", "ausente", "no show"},
}


@cache
def _role_words() -> dict[str, str]:
    """Folded role label (fr, en, es, as the list export writes them) or code → role code.

    Read from the export's own caption files, so a label changed there is still read back.
    """
    words = {key(code): code for code in ATTENDANCE_ROLES if code}
    folder = resources.files("resources.attendance_labels")
    for file in folder.iterdir():
        if file.name.endswith(".json"):
            for code, label in json.loads(file.read_text("utf-8")).get("roles", {}).items():
                if code in ATTENDANCE_ROLES:
                    words.setdefault(key(label), code)
    return words


def _word(value: str, fld: str, header: str) -> tuple[str | None, str]:
    """(value, "") or (None, reason) for the mode and status cells."""
    folded = key(value)
    if not folded:
        return None, ""
    if fld == "role":
        code = _role_words().get(folded)
        if code is None:
            return None, f'role: "{_shown(value)}" is not a role'
        return code, ""
    if fld == "mode":
        if folded in REMOTE_WORDS:
            return "remote", ""
        if folded in IN_PERSON_WORDS:
            return "in_person", ""
        # A yes/no column is read as « remote? » when its header says remote, « in person? » otherwise.
        remote_header = key(header) in REMOTE_WORDS or any(w in key(header) for w in ("distance", "remote"))
        in_person_header = key(header) in IN_PERSON_WORDS or "presentiel" in key(header)
        if folded in YES_WORDS | NO_WORDS and (remote_header or in_person_header):
            remote = (folded in YES_WORDS) == remote_header
            return ("remote" if remote else "in_person"), ""
        return None, f'mode: "{_shown(value)}" is neither in person nor remote'
    for status, words in STATUS_WORDS.items():
        if folded in words:
            return status, ""
    return None, f'status: "{_shown(value)}" is not invited, present, excused or absent'
