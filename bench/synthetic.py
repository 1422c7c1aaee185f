"""Synthetic meetings of any size, built through the ORM, for benchmarks and stress tests.

Names carry accents, hyphens and particles and some run long; texts are French-like
prose with the punctuation French typography acts on, plus Markdown (bold,
italic, links, bullet and numbered lists, hard breaks) in a share of blocks.
The same arguments always give the same meeting.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from models.entities import (
    Attendance,
    Block,
    Meeting,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Section,
)

FIRST = (
    "Élodie",
    "Jean-Christophe",
    "Öznur",
    "Ana María",
    "François",
    "Chloé",
    "Søren",
    "Zoë",
    "Mañuel",
    "Anne-Laure",
    "Łukasz",
    "İbrahim",
    "Thérèse",
    "Bjørn",
    "Inès",
    "Marie-Ève",
    "Nuño",
    "Ümit",
)
LAST = (
    "Sarıahmetoğlu",
    "de la Fuente-Villaverde y Castillo",
    "Dupont",
    "Müller-Lüdenscheidt",
    "N'Diaye",
    "Ødegård",
    "García Márquez",
    "Lefèvre",
    "Wiśniewska",
    "Çelik",
    "Nguyễn",
    "O'Brien",
    "van der Merwe",
    "Schönberger",
    "Ferreira da Silva",
)
ORGS = (
    "Ville de Genève",
    "Cités Unies France",
    "Municipalité de Şişli",
    "ONU-Habitat",
    "Conseil départemental de l'Essonne",
    "Association des municipalités néerlandaises VNG International",
    "Secrétariat général pour les solutions au déplacement interne, Organisation des Nations unies",
    "Mairie d'Hérouville-Saint-Clair",
    "Région Provence-Alpes-Côte d'Azur",
)
WORDS = (
    "les",
    "gouvernements",
    "locaux",
    "crise",
    "déplacés",
    "internes",
    "résilience",
    "coopération",
    "décentralisée",
    "à",
    "été",
    "présentée",
    "municipalité",
    "réfugiés",
    "stratégie",
    "l'échelle",
    "territoriale",
    "œuvre",
    "dialogue",
    "paix",
    "solidarité",
    "d'urgence",
    "réseau",
    "mondial",
    "capacités",
    "urbanisation",
    "intégration",
    "sécheresses",
    "Méditerranée",
    "reconstruction",
    "plaidoyer",
    "communautés",
    "2023",
    "20 000",
    "financement",
    "évaluation",
    "inondations",
)
KINDS = ("session", "session", "session", "break", "session", "meal", "debate", "conclusions")


def _name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), rng.choice(LAST)


def _sentence(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(words))
    ending = rng.choice((".", ".", ".", " ?", " !", "."))
    if rng.random() < 0.3:
        body += " : " + " ".join(rng.choice(WORDS) for _ in range(4)) + " ; " + rng.choice(WORDS)
    if rng.random() < 0.15:
        body += " « " + " ".join(rng.choice(WORDS) for _ in range(3)) + " »"
    return body[0].upper() + body[1:] + ending


def _paragraph(rng: random.Random, words: int) -> str:
    return " ".join(_sentence(rng, max(4, words // 4)) for _ in range(4))


def _markdown(rng: random.Random, paragraphs: int, words: int) -> str:
    """Mostly prose; one block in four gets Markdown."""
    parts = [_paragraph(rng, words) for _ in range(paragraphs)]
    if rng.random() < 0.25:
        roll = rng.random()
        if roll < 0.4:
            parts.insert(1, "\n".join(f"- {_sentence(rng, 8)}" for _ in range(4)))
        elif roll < 0.7:
            items = [f"{i}. **{rng.choice(WORDS)}** {_sentence(rng, 6)}" for i in range(1, 4)]
            items.insert(2, f"   - *{_sentence(rng, 5)}*")
            parts.insert(1, "\n".join(items))
        else:
            parts[0] += f" Voir [le rapport](https://example.org/rapport?id={rng.randint(1, 999)}).  \nFin."
    return "\n\n".join(parts)


def make_meeting(
    session: Session,
    *,
    participants: int = 5000,
    items: int = 200,
    interventions: int = 2000,
    paragraphs: int = 3,
    words: int = 60,
    seed: int = 2023,
    language: str = "fr",
) -> Meeting:
    """Add a meeting of the given size to ``session`` (flushed, not committed) and return it."""
    rng = random.Random(seed)
    meeting = Meeting(
        organisation="CGLU",
        body="Groupe de travail\nPrévention territoriale et gestion des crises",
        document_title="COMPTE-RENDU",
        title=f"Réunion synthétique ({participants} participant·e·s, {interventions} interventions)",
        venue="Palais Anna et Jean-Gabriel Eynard, Genève, Suisse & en ligne",
        date=dt.date(2024, 12, 1),
        start_time=dt.time(9, 0),
        end_time=dt.time(18, 0),
        timezone="CET",
        language=language,
        introduction=_markdown(rng, 2, words),
        co_organisers=_sentence(rng, 12),
        objectives=_markdown(rng, 2, words),
        photo_album_url="https://www.flickr.com/photos/example/albums/1234567890",
    )
    session.add(meeting)
    people = []
    for i in range(participants):
        first, last = _name(rng)
        people.append(
            Person(
                civility=rng.choice(("M.", "Mme", "")),
                first_name=first,
                last_name=f"{last} {i}",
                organisation=rng.choice(ORGS),
            )
        )
    for i, person in enumerate(people):
        meeting.attendance.append(
            Attendance(
                person=person,
                status="present" if i % 10 else rng.choice(("present", "excused", "invited")),
                mode="remote" if i % 3 == 0 else "in_person",
            )
        )
    start = dt.datetime(2024, 12, 1, 9, 0)
    programme = []
    for i in range(items):
        end = start + dt.timedelta(minutes=rng.choice((15, 30, 45)))
        kind = KINDS[i % len(KINDS)]
        item = ProgrammeItem(
            start_time=start.time(),
            end_time=end.time(),
            kind=kind,
            title=_sentence(rng, 10).rstrip(".?! "),
            format="Plénière",
            debate=i % 4 == 0,
        )
        start = end if end.day == 1 else dt.datetime(2024, 12, 1, 9, 0)
        if kind == "session":
            first, last = _name(rng)
            item.people.append(
                ProgrammePerson(
                    role="moderator",
                    role_label="Animatrice",
                    name=f"Mme {first} {last}",
                    function=rng.choice(ORGS),
                )
            )
            for _ in range(3):
                first, last = _name(rng)
                item.people.append(
                    ProgrammePerson(
                        role="speaker",
                        name=f"M. {first} {last}",
                        function=rng.choice(ORGS),
                        remote=rng.random() < 0.3,
                    )
                )
            if i % 5 == 0:
                sub = ProgrammeItem(title=_sentence(rng, 8).rstrip(".?! "), kind="session", meeting=meeting)
                first, last = _name(rng)
                sub.people.append(ProgrammePerson(role="speaker", name=f"Mme {first} {last}"))
                item.subtopics.append(sub)
        item.meeting = meeting
        meeting.programme.append(item)
        programme.append(item)
    # Parts of ten sections each; interventions spread evenly over the sections.
    sections_count = max(1, items)
    per_section, extra = divmod(interventions, sections_count)
    part = None
    for i in range(sections_count):
        if i % 10 == 0:
            part = Section(meeting=meeting, title=f"{i // 10 + 1}. {_sentence(rng, 8).rstrip('.?! ')}")
            meeting.sections.append(part)
        section = Section(
            meeting=meeting,
            title=_sentence(rng, 9).rstrip(".?! "),
            programme_item=programme[i] if i < len(programme) else None,
        )
        for k in range(per_section + (1 if i < extra else 0)):
            first, last = _name(rng)
            section.blocks.append(
                Block(
                    kind="intervention",
                    speaker=f"{rng.choice(('M.', 'Mme'))} {first} {last}",
                    subtitle=_sentence(rng, 5).rstrip(".?! ") if k % 3 == 0 else "",
                    online=k % 4 == 1,
                    text=_markdown(rng, paragraphs, words),
                )
            )
        if i % 3 == 0:
            section.blocks.append(
                Block(
                    kind="debate",
                    question=_sentence(rng, 12),
                    text="\n".join(f"- {_sentence(rng, 14)}" for _ in range(4)),
                )
            )
        part.sections.append(section)
    session.flush()
    return meeting
