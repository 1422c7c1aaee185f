"""The fields of a participant list, the headers that name them, and how a cell is quoted in a message."""

from __future__ import annotations

from models import person_fields, text_rules

# A person's fields come from models/person_fields.py (their headers and --map aliases too); the
# others are the list's own: how the person took part, and the committee columns.
PERSON_FIELDS = person_fields.NAMES
# The committee columns of a list row (role, proxy, arrival, departure): the day's, not the person's.
ROW_FIELDS = ("role", "represented_by", "arrival", "departure")
FIELDS = (*PERSON_FIELDS, "mode", "status", *ROW_FIELDS)

# Headers recognised for each field, folded (see text_keys.key); French, English, Spanish.
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    **{field.name: field.headers for field in person_fields.FIELDS},
    "mode": (
        "mode",
        "a distance",
        "distance",
        "remote",
        "en ligne",
        "online",
        "participation",
        "modalite",
        "modalite de participation",
        "presentiel",
        "attendance mode",
        "modalidad",
        "a distancia",
        "en linea",
        "in person remote",
        "presentiel distance",
    ),
    "status": ("statut", "status", "presence", "attendance", "estado", "asistencia", "etat"),
    "role": ("role", "rol", "qualite", "committee role", "role au comite"),
    "represented_by": (
        "represente par",
        "represente e par",
        "representee par",
        "represented by",
        "proxy",
        "procuration",
        "representado por",
        "representado a por",
        "representada por",
    ),
    "arrival": ("arrivee", "arrival", "arrived", "heure d arrivee", "llegada"),
    "departure": ("depart", "departure", "left", "heure de depart", "salida"),
}
# Short keys the command line accepts in --map (« first=Prénom »).
FIELD_ALIASES = {
    **{alias: field.name for field in person_fields.FIELDS for alias in field.aliases},
    "remote": "mode",
    "proxy": "represented_by",
}


# How a bad row's reason names a field.
_FIELD_NAMES = {f: f.replace("_", " ") for f in (*PERSON_FIELDS, *ROW_FIELDS)}


def _shown(text: str, limit: int = 40) -> str:
    """A cell or header quoted in a message: on one line, visible, and short."""
    text = text_rules.FORBIDDEN.sub("\ufffd", " ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"
