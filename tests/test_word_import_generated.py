"""Round trip on generated meetings: export → import-docx → export prints the same text.

Meetings are drawn with every kind of block, sub-topics, moderators with and
without labels, remote speakers, participants in both modes, Markdown with
emphasis, links and lists, and text full of characters Markdown or French
typography treat specially (« * », « _ », « [ », « : », « « »…), in the three
label languages.
"""

from __future__ import annotations

import json
from io import BytesIO

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_word_import import texts

from exporters.compte_rendu import export_meeting
from models import interchange
from models.services.reading import meeting_record, record_of
from models.word_import import add_meeting, read_docx

WORDS = st.sampled_from(
    [
        "ville",
        "réfugiés",
        "Genève",
        "coopération",
        "l'équipe",
        "Şişli",
        "15 km²",
        "a*b",
        "x_y",
        "[note]",
        "#1",
        "R&D",
        "&amp;",
        "<b>",
        "2023.",
        "10:00",
        ":",
        "?",
        "!",
        ";",
        "«",
        "»",
        "(CALM)",
        "–",
        "-",
        "+",
        "1)",
        "\\\\",
        "`code`",
    ]
)
PLAIN_WORDS = st.sampled_from(["ville", "Genève", "crise", "Öznur", "réseau", "paix", "l'accueil", "CGLU"])
FIRST = st.sampled_from(["Sami", "Zoë", "Anne-Lise", "Jean", "Öznur", "José", "Inès", "Łukasz"])
LAST = st.sampled_from(
    ["Kanaan", "de La Tour", "Ñúñez García", "Dupont", "Sarıahmetoğlu", "Ali Watiin", "Ward"]
)
CIVILITY = st.sampled_from(["M.", "Mme", "Dr", "Mr."])
# Section titles that read like the document's own captions.
LABEL_TITLES = st.sampled_from(
    ["Conclusions", "Session Débat", "Programme", "Objectifs", "Participants", "Debate"]
)


def sentence(words=WORDS, min_size=2, max_size=9):
    return st.lists(words, min_size=min_size, max_size=max_size).map(" ".join).map(lambda t: "Note " + t)


@st.composite
def paragraph(draw):
    words = draw(st.lists(WORDS, min_size=2, max_size=8))
    style = draw(st.sampled_from(["", "bold", "italic", "link"]))
    if style == "bold":
        words[0] = f"**{draw(PLAIN_WORDS)}**"
    elif style == "italic":
        words[-1] = f"*{draw(PLAIN_WORDS)}*"
    elif style == "link":
        words.append("[album](https://example.org/a?b=1)")
    # Sometimes a paragraph opens with a character Markdown reads as markup (« - », « # », « 1) »).
    return draw(st.sampled_from(["Texte ", ""])) + " ".join(words)


@st.composite
def markdown(draw):
    parts = draw(st.lists(st.sampled_from(["para", "bullets", "numbers", "quote"]), min_size=1, max_size=3))
    out = []
    for part in parts:
        if part == "para":
            out.append(draw(paragraph()))
        elif part == "bullets":
            items = draw(st.lists(paragraph(), min_size=1, max_size=3))
            nested = draw(st.booleans())
            lines = [f"- {t}" for t in items]
            if nested:
                lines.append(f"  - {draw(paragraph())}")
            out.append("\n".join(lines))
        elif part == "numbers":
            start = draw(st.integers(1, 5))
            out.append(
                "\n".join(
                    f"{start + i}. {t}"
                    for i, t in enumerate(draw(st.lists(paragraph(), min_size=1, max_size=3)))
                )
            )
        else:
            out.append("> " + draw(paragraph()))
    return "\n\n".join(out)


def name(draw) -> str:
    return f"{draw(CIVILITY)} {draw(FIRST)} {draw(LAST)}"


@st.composite
def programme_person(draw, role: str):
    label = draw(st.sampled_from(["Animateur", "Animatrice", ""])) if role == "moderator" else ""
    return {
        "role": role,
        "role_label": label,
        "person": None,
        "name": name(draw),
        "function": draw(st.sampled_from(["", "Maire, Ville de Nice", "Conseillère (CALM)"])),
        "remote": draw(st.booleans()),
    }


@st.composite
def people_lines(draw):
    moderators = draw(st.lists(programme_person("moderator"), max_size=1))
    return moderators + draw(st.lists(programme_person("speaker"), max_size=3))


@st.composite
def programme(draw):
    items = []
    hour = 8
    for i in range(draw(st.integers(0, 4))):
        kind = draw(
            st.sampled_from(["welcome", "session", "break", "meal", "debate", "conclusions", "other"])
        )
        subs = []
        for k in range(draw(st.integers(0, 2)) if kind == "session" else 0):
            subs.append(
                {
                    "ref": f"t{i + 1}{chr(97 + k)}",
                    "start": None,
                    "end": None,
                    "title": draw(sentence(PLAIN_WORDS, 1, 5)),
                    "kind": "session",
                    "format": "",
                    "debate": False,
                    "people": draw(people_lines()),
                    "subtopics": [],
                }
            )
        times = draw(st.sampled_from(["both", "start", "none"]))
        items.append(
            {
                "ref": f"t{i + 1}",
                "start": f"{hour:02d}:30" if times != "none" else None,
                "end": f"{hour + 1:02d}:00" if times == "both" else None,
                "title": draw(sentence(PLAIN_WORDS, 1, 6)),
                "kind": kind,
                "format": draw(st.sampled_from(["", "Plénière", "Atelier"])),
                "debate": draw(st.booleans()),
                "people": draw(people_lines()),
                "subtopics": subs,
            }
        )
        hour += 1
    return items


@st.composite
def block(draw):
    kind = draw(st.sampled_from(["intervention", "intervention", "debate", "conclusions", "paragraph"]))
    out = {
        "kind": kind,
        "speaker": "",
        "person": None,
        "subtitle": "",
        "online": False,
        "question": "",
        "text": "",
    }
    if kind == "intervention":
        out["speaker"] = name(draw)
        out["subtitle"] = draw(st.sampled_from(["", "Le cas libyen", "Point de vue : le Sud"]))
        out["online"] = draw(st.booleans())
        out["text"] = draw(st.one_of(markdown(), st.just("")))
    elif kind == "debate":
        out["question"] = draw(st.sampled_from(["", "Comment coopérer ?"]))
        out["text"] = draw(markdown())
    else:
        out["text"] = draw(markdown())
    return out


@st.composite
def section(draw, depth: int, refs: list[str]):
    return {
        "title": draw(st.one_of(sentence(PLAIN_WORDS, 1, 5), LABEL_TITLES)),
        "programme_item": draw(st.sampled_from([None, *refs])),
        "blocks": draw(st.lists(block(), max_size=3)),
        "sections": draw(st.lists(section(depth + 1, refs), max_size=2)) if depth < 1 else [],
    }


@st.composite
def meeting(draw):
    items = draw(programme())
    refs = [i["ref"] for i in items]
    people, attendance, seen = [], [], set()
    for n in range(draw(st.integers(0, 6))):
        first, last = draw(FIRST), draw(LAST)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        ref = f"p{n + 1}"
        people.append(
            {
                "ref": ref,
                "civility": "",
                "first_name": first,
                "last_name": last,
                "function": "",
                "organisation": draw(st.sampled_from(["", "Ville de Genève", "CGLU"])),
                "email": "",
            }
        )
        attendance.append(
            {
                "person": ref,
                "status": draw(st.sampled_from(["present", "invited"])),
                "mode": draw(st.sampled_from(["in_person", "remote"])),
            }
        )
    language = draw(st.sampled_from(["fr", "en", "es"]))
    return {
        "format": "minutier.meeting",
        "version": 1,
        "meeting": {
            "organisation": draw(st.sampled_from(["", "CGLU"])),
            "body": draw(
                st.sampled_from(["", "Groupe de travail", "Groupe de travail\nPrévention des crises"])
            ),
            "document_title": draw(st.sampled_from(["", "COMPTE-RENDU"])),
            "title": draw(sentence(PLAIN_WORDS, 1, 6)),
            "venue": draw(st.sampled_from(["", "Genève, Suisse & en ligne"])),
            "date": draw(st.sampled_from(["2023-12-12", "2024-03-01", "2025-05-31"])),
            "start_time": draw(st.sampled_from([None, "10:00"])),
            "end_time": draw(st.sampled_from([None, "17:30"])),
            "timezone": draw(st.sampled_from(["", "CET"])),
            "language": language,
            "status": "draft",
            "introduction": draw(st.one_of(st.just(""), markdown())),
            "co_organisers": draw(st.sampled_from(["", "La réunion a été co-organisée par la Ville."])),
            "objectives": draw(st.one_of(st.just(""), markdown())),
            "photo_album_url": draw(st.sampled_from(["", "https://example.org/album"])),
            "logo": None,
        },
        "people": people,
        "attendance": attendance,
        "programme": items,
        "report": draw(st.lists(section(0, refs), max_size=3)),
    }


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=meeting())
def test_generated_meetings_export_the_same_text_after_import_docx(db, data):
    with db.transaction() as session:
        original = interchange.import_data(session, interchange.loads_data(json.dumps(data)))
        first = export_meeting(record_of(original))
    reading = read_docx(first, "generated.docx")
    with db.transaction() as session:
        # The original is on the same date: a second meeting there is asked for.
        new_id = add_meeting(session, reading, again=True).meeting_id
    with db.reading() as session:
        second = export_meeting(meeting_record(session, new_id))
    assert texts(second) == texts(first)


# ---------------------------------------------------------------- documents typed by hand

HAND_WORDS = st.sampled_from(
    ["ville", "réseau", "Öznur", "accueil", "crise", "Genève", "paix", "eau", "Şişli"]
)


@st.composite
def hand_document(draw) -> tuple[bytes, list[str]]:
    """A document of random shape in Word's built-in styles, and every word typed in it."""
    import docx

    d = docx.Document()
    typed: list[str] = []

    def words() -> str:
        text = " ".join(draw(st.lists(HAND_WORDS, min_size=1, max_size=6)))
        typed.extend(text.split())
        return text

    for kind in draw(
        st.lists(
            st.sampled_from(["h1", "h2", "h3", "p", "bold", "bullet", "typed", "table", "speaker"]),
            max_size=14,
        )
    ):
        if kind in ("h1", "h2", "h3"):
            d.add_heading(words(), level=int(kind[1]))
        elif kind == "p":
            d.add_paragraph(words())
        elif kind == "bold":
            d.add_paragraph().add_run(words()).bold = True
        elif kind == "bullet":
            d.add_paragraph(words(), style="List Bullet")
        elif kind == "typed":
            d.add_paragraph("● " + words())
        elif kind == "speaker":
            d.add_paragraph(f"M. {words()} – {words()} :")
        else:
            table = d.add_table(rows=0, cols=draw(st.integers(1, 3)), style="Table Grid")
            for _ in range(draw(st.integers(1, 3))):
                for cell in table.add_row().cells:
                    cell.text = words()
    out = BytesIO()
    d.save(out)
    return out.getvalue(), typed


@settings(max_examples=20, deadline=None)
@given(document=hand_document())
def test_nothing_typed_by_hand_is_dropped(document):
    data, typed = document
    reading = read_docx(data, "hand.docx")
    kept = json.dumps([reading.data, [p.values for p in reading.participants]], ensure_ascii=False)
    assert [w for w in typed if w not in kept] == []
