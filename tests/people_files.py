"""Generated participant lists for the import tests and bench/bench_import.py, with their expected outcome.

The list mixes what real lists hold: accents, organisations with the
delimiter inside, a cell spanning two lines, people already on the 2023
roster (written with other accents and case), rows repeated, and bad rows
of each kind. ``expected`` says what the import must make of it.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field

HEADERS = ("Civilité", "Prénom", "Nom", "Fonction", "Organisation", "Courriel", "À distance", "Statut")

FIRST = [
    "Émilie",
    "Zoë",
    "José",
    "Anne-Lise",
    "François",
    "Łukasz",
    "Søren",
    "Chloé",
    "Jürgen",
    "Inès",
    "Maël",
    "Noémie",
    "Andrés",
    "Björn",
    "Aïcha",
    "Hélène",
    "Thomas",
    "Laura",
    "Kwame",
    "Yasmine",
]
LAST = [
    "Dupont",
    "Müller",
    "García",
    "Ødegaard",
    "Nguyễn",
    "Lefèvre",
    "Da Silva",
    "O'Brien",
    "Kowalski",
    "Öztürk",
    "Brontë",
    "Lemaître",
    "Nováková",
    "Ferreira",
    "Dubois",
    "Guérin",
    "Çelik",
    "Ibáñez",
]
CITIES = [
    "Genève",
    "Bogotá",
    "Zürich",
    "Montréal",
    "Şişli",
    "Kraków",
    "São Paulo",
    "Nîmes",
    "Besançon",
    "Málaga",
    "Reykjavík",
    "Łódź",
    "Győr",
    "Brașov",
    "Tromsø",
    "Köln",
    "Béziers",
    "Medellín",
]
ORGS = [f"{kind} {city}" for kind in ("Ville de", "Mairie de", "Région de") for city in CITIES] + [
    "Cités Unies France",
    "Mairie de Montréal; service international",
]
# People of the 2023 sample, as another list writes them (case, accents): they must match the roster.
KNOWN = [
    ("M.", "sami", "KANAAN", "Ville de Genève"),
    ("Mme", "Oznur", "Sarahmetoglu", "Municipalité de Sisli"),
    ("", "Melanie", "Sabot", "Cités Unies France"),
    ("", "Cécile", "Roth", "CGLU"),
    ("", "Veronique", "Lamontagne", ""),
]


@dataclass
class Generated:
    rows: list[tuple[str, ...]]
    lines: list[int]  # the CSV line each row starts on
    added: int = 0
    updated: int = 0
    skipped: int = 0
    bad: dict[int, str] = field(default_factory=dict)  # CSV line -> a word the reason must contain
    remote: int = 0  # among the people put on the list
    new_emails: list[str] = field(default_factory=list)


def generate(count: int = 2000, seed: int = 2024) -> Generated:
    rng = random.Random(seed)
    rows: list[tuple[str, ...]] = []
    kinds: list[tuple[str, str]] = []
    used: set[tuple[str, str, str]] = set()
    for i in range(count - len(KNOWN)):
        # Two people with the same name and organisation would be one person: draw until new.
        first, last, org = rng.choice(FIRST), rng.choice(LAST), rng.choice(ORGS)
        while (first, last, org) in used:
            first, last, org = rng.choice(FIRST), rng.choice(LAST), rng.choice(ORGS)
        used.add((first, last, org))
        email = f"{first[0].lower()}.{last.lower().replace(' ', '').replace(chr(39), '')}.{i}@exemple.org"
        remote = rng.choice(["oui", "non", ""])
        civility = rng.choice(["M.", "Mme", ""])
        function = "Directrice\nadjointe" if i == 5 else rng.choice(["Maire", "Chargé de mission", ""])
        k = i % 25
        if k == 0 and i:
            rows.append((civility, first, last, function, org, f"pas-un-email-{i}", remote, ""))
            kinds.append(("bad", "email"))
        elif k == 1 and i % 50 == 1:
            rows.append(("", "", "", "Stagiaire", "", "", "oui", ""))
            kinds.append(("bad", "no name"))
        elif k == 2 and i % 75 == 2:
            rows.append((civility, first, last, function, org, email, "peut-être", ""))
            kinds.append(("bad", "mode"))
        elif k == 3 and rows and kinds[-1][0] == "add":
            # The previous person again, email in capitals: one person, so skipped.
            previous = rows[-1]
            rows.append((*previous[:5], previous[5].upper(), previous[6], previous[7]))
            kinds.append(("skip", ""))
        else:
            rows.append((civility, first, last, function, org, email, remote, ""))
            kinds.append(("add", remote))
    for civility, first, last, org in KNOWN:
        rows.append((civility, first, last, "", org, "", "", "Présent"))
        kinds.append(("update", ""))

    lines, line = [], 2
    result = Generated(rows, lines)
    for row, (kind, detail) in zip(rows, kinds, strict=True):
        lines.append(line)
        line += 1 + sum(cell.count("\n") for cell in row)
        if kind == "bad":
            result.bad[lines[-1]] = detail
        elif kind == "add":
            result.added += 1
            result.remote += detail == "oui"
            result.new_emails.append(row[5])
        elif kind == "update":
            result.updated += 1
        else:
            result.skipped += 1
    return result


def to_csv(generated: Generated, *, delimiter: str = ";", encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(generated.rows)
    return out.getvalue().encode(encoding)


def to_xlsx(generated: Generated) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Inscrits"
    sheet.append(HEADERS)
    for row in generated.rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
