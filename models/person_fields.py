"""What a person is, field by field: the one list the rest of the program follows.

A person (``models.entities.Person``, one card shared across the years) has these
text fields. The JSON format, the participant lists in and out (CSV/XLSX), the
editing and merging services, the search, the attendance table and the
Participants tab take their fields from here, in this order (which is also the
order of the JSON keys and of the list columns). docs/architecture.md lists what
else adding a field touches; ``tests/test_person_fields.py`` fails when the
``person`` table and this list disagree, and tests/test_person_rows.py and
tests/test_person_labels.py when a record or a screen lacks a field.

No SQLAlchemy and no Qt here, so exporters and ui may read it too.
"""

from __future__ import annotations

from typing import NamedTuple


class PersonField(NamedTuple):
    name: str
    # Headers of a participant list that name this field, folded as models.text_keys.key
    # folds them (no accents, no case, punctuation as spaces); French, English, Spanish.
    headers: tuple[str, ...]
    # Short keys the command line accepts in --map (« first=Prénom »).
    aliases: tuple[str, ...] = ()
    # Whether the searches look in it: all meetings (models/services/search.py, where the
    # names are one « first last » text) and the roster of Person history (read_roster).
    searched: bool = True


FIELDS: tuple[PersonField, ...] = (
    PersonField(
        "civility",
        (
            "civilite",
            "civ",
            "civility",
            "salutation",
            "honorific",
            "title",
            "titre",
            "tratamiento",
            "m mme",
            "genre",
        ),
        aliases=("civ", "title"),
        searched=False,
    ),
    PersonField(
        "first_name",
        ("prenom", "prenoms", "first name", "firstname", "first", "given name", "forename", "nombre"),
        aliases=("first", "firstname", "prenom"),
    ),
    PersonField(
        "last_name",
        (
            "nom",
            "nom de famille",
            "last name",
            "lastname",
            "last",
            "surname",
            "family name",
            "apellido",
            "apellidos",
            "name",
        ),
        aliases=("last", "lastname", "nom"),
    ),
    PersonField(
        "function",
        (
            "fonction",
            "poste",
            "function",
            "job title",
            "position",
            "cargo",
            "funcion",
            "titre du poste",
            "job",
        ),
    ),
    PersonField(
        "organisation",
        (
            "organisation",
            "organization",
            "organisme",
            "structure",
            "institution",
            "entite",
            "entity",
            "company",
            "employer",
            "organizacion",
            "entidad",
            "org",
            "collectivite",
        ),
        aliases=("org", "organization"),
    ),
    PersonField(
        "email",
        (
            "email",
            "e mail",
            "courriel",
            "mail",
            "adresse email",
            "adresse e mail",
            "adresse mail",
            "email address",
            "e mail address",
            "correo",
            "correo electronico",
        ),
        aliases=("mail",),
    ),
)

NAMES: tuple[str, ...] = tuple(field.name for field in FIELDS)
SEARCHED: tuple[str, ...] = tuple(field.name for field in FIELDS if field.searched)
# The fields the person's name is made of, as matching and sorting use them.
NAME_PARTS = ("first_name", "last_name")
