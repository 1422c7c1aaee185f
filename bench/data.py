"""Generated data for the benchmarks (and the tests that need volume): rosters and participant lists."""

from __future__ import annotations

import json
import random
from pathlib import Path

from sqlalchemy import insert

from models import interchange
from models.database import Database, open_database
from models.entities import Person
from models.sample import sample_text

FIRST = [
    "Sami",
    "Émilie",
    "Öznur",
    "Christophe",
    "Zoë",
    "José",
    "Anne-Lise",
    "François",
    "Ibrahim",
    "Łukasz",
    "Mélanie",
    "Søren",
    "Chloé",
    "Jürgen",
    "Inès",
    "Renée",
    "Maël",
    "Noémie",
    "Andrés",
    "Björn",
    "Fatima",
    "Pedro",
    "Yasmine",
    "Kwame",
    "Aïcha",
    "Hélène",
    "Thomas",
    "Laura",
    "Greta",
    "Ryan",
]
LAST = [
    "Kanaan",
    "Dupont",
    "Müller",
    "García",
    "Ødegaard",
    "Nguyễn",
    "Sarahmetoğlu",
    "Lefèvre",
    "Da Silva",
    "O'Brien",
    "El Idrissi",
    "Herrera Silva",
    "Kowalski",
    "Öztürk",
    "Brontë",
    "Lemaître",
    "Nováková",
    "Ward",
    "Decorte",
    "Rossi",
    "Ferreira",
    "Dubois",
    "Martin",
    "Bernard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Michel",
    "Garnier",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
]
ORGS = [
    "Ville de Genève",
    "Cités Unies France",
    "CGLU",
    "ONU-Habitat",
    "Municipalité de Şişli",
    "VNG International",
    "UNICEF",
    "Ville de Grenoble",
    "Conseil départemental de l'Essonne",
    "Mairie de Montréal",
    "SALAR",
    "Ayuntamiento de Bogotá",
    "PNUD",
    "OIM",
    "Région Île-de-France",
    "Stadt Zürich",
]
FUNCTIONS = [
    "Maire",
    "Conseillère",
    "Chargé de mission",
    "Directrice",
    "Secrétaire général",
    "Consultant",
    "",
]


SYLLABLES = [
    "ka",
    "na",
    "mo",
    "ri",
    "ber",
    "lan",
    "dou",
    "vé",
    "schu",
    "stro",
    "gar",
    "ni",
    "el",
    "ton",
    "mé",
    "zu",
    "ak",
    "ş",
    "po",
    "lé",
    "vin",
    "dal",
    "ro",
    "sson",
    "ez",
    "ić",
    "quin",
    "hart",
]


def random_person(rng: random.Random, i: int) -> dict[str, str]:
    """A plausible roster entry: common last names now and then, mostly rarer ones."""
    first = rng.choice(FIRST)
    if rng.random() < 0.2:
        last = rng.choice(LAST)
    else:
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    return {
        "civility": rng.choice(["M.", "Mme", ""]),
        "first_name": first,
        "last_name": last,
        "function": rng.choice(FUNCTIONS),
        "organisation": rng.choice(ORGS),
        "email": f"p{i}@example.org" if i % 3 else "",
    }


def variant(person: dict[str, str], how: int) -> dict[str, str]:
    """The same person written differently, as a second list would: for the duplicate bench."""
    import unicodedata

    copy = dict(person, email="")
    if how == 0:
        copy["last_name"] = person["last_name"].upper()
    elif how == 1:
        plain = unicodedata.normalize("NFKD", person["first_name"] + "|" + person["last_name"])
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        copy["first_name"], copy["last_name"] = plain.split("|")
    elif how == 2:
        copy["first_name"], copy["last_name"] = person["last_name"], person["first_name"]
    else:
        copy["first_name"] = person["first_name"] + "a"
    return copy


def add_roster(db: Database, count: int, seed: int = 7, variants: int = 0) -> None:
    """``count`` generated people, then ``variants`` of them written differently (true duplicates)."""
    rng = random.Random(seed)
    rows = [random_person(rng, i) for i in range(count)]
    rows += [variant(rows[rng.randrange(count)], k % 4) for k in range(variants)]
    with db.transaction() as session:
        session.execute(insert(Person), rows)


def add_years(db: Database, years: range) -> dict[int, int]:
    """One copy of the 2023 meeting per year (notes marked « repère-YEAR »); year -> meeting id."""
    ids = {}
    for year in years:
        data = json.loads(sample_text())
        data["meeting"]["date"] = f"{year}-12-12"
        first_block = data["report"][0]["blocks"][0] if data["report"][0]["blocks"] else None
        if first_block is None:
            first_block = next(b for s in data["report"] for c in s["sections"] for b in c["blocks"])
        first_block["text"] += f"\n\nMot repère-{year} : Kaléidoscope{year}."
        with db.transaction() as session:
            ids[year] = interchange.import_data(session, data).id
    return ids


def build_search_db(path: Path, meetings: int = 20, people: int = 20_000) -> tuple[Database, dict[int, int]]:
    db = open_database(path)
    ids = add_years(db, range(2024 - meetings, 2024))
    add_roster(db, people)
    return db, ids
