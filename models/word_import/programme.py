"""The « Rappel du Programme » table back to programme items.

Columns are found by content (the one holding times, the widest one for the
sessions, the last for the format), so a hand-made table with or without a
header row reads as well as an export. In the session cell: the title (bold
for sessions, plain for breaks and meals), moderators (an underlined or typed
« Animateur : »), speakers (bullets, numbered by Word or typed « ● », « - »),
sub-topics (further titles) and « Débat ».
"""

from __future__ import annotations

from functools import cache

from models.text_keys import key
from models.word_import import vocabulary
from models.word_import.document import Para, Table
from models.word_import.markdown import plain
from models.word_import.people_text import programme_person, typed_role
from models.word_import.understanding import Understanding

BULLET_STYLES = frozenset({"Minutier Table Bullet", "List Bullet", "List Paragraph", "List Bullet 2"})
_BREAK_WORDS = ("pause", "break", "cafe", "coffee", "receso", "descanso")
_MEAL_WORDS = (
    "dejeuner",
    "diner",
    "lunch",
    "dinner",
    "repas",
    "almuerzo",
    "cena",
    "cocktail",
    "buffet",
    "comida",
)
_WELCOME_WORDS = ("accueil", "welcome", "bienvenue", "bienvenida", "registration", "inscription", "registro")


@cache
def _header_words() -> frozenset[str]:
    words = set()
    for lang in vocabulary.languages():
        words.update(key(c) for c in lang.labels["programme_columns"])
    words.update(("horaire", "heure", "time", "hora", "sessions", "intervenants", "speakers", "theme"))
    return frozenset(words)


def is_programme_header(row: tuple[tuple[Para, ...], ...]) -> bool:
    texts = [key(" ".join(p.text for p in cell)) for cell in row]
    known = _header_words()
    return sum(1 for t in texts if t in known) >= 2


def looks_like_programme(table: Table) -> bool:
    if table.style == "Minutier Programme":
        return True
    if table.rows and is_programme_header(table.rows[0]):
        return True
    timed = sum(1 for row in table.rows if row and vocabulary.is_time_cell(_cell_text(row[0])))
    return timed >= 2 and timed * 2 >= len(table.rows)


def _cell_text(cell: tuple[Para, ...]) -> str:
    return plain(" ".join(p.text for p in cell)).strip()


def _guess_kind(title: str, bold: bool, any_bold: bool, people: bool) -> str:
    words = key(title)
    if not bold and any_bold:
        # A plain title in a table that bolds its sessions: a break, a meal or the welcome.
        if any(w in words for w in _WELCOME_WORDS):
            return "welcome"
        if any(w in words for w in _MEAL_WORDS):
            return "meal"
        return "break" if any(w in words for w in _BREAK_WORDS) else "welcome"
    if "conclusion" in words:
        return "conclusions"
    if bold and any(w in words for w in ("debat", "debate")) and not people:
        return "debate"
    if not bold:  # a table with no bold at all: only the words tell
        for kind, found in (("welcome", _WELCOME_WORDS), ("meal", _MEAL_WORDS), ("break", _BREAK_WORDS)):
            if any(w in words for w in found):
                return kind
    return "session"


def _is_bullet(para: Para) -> tuple[bool, str]:
    text = plain(para.text).strip()
    return para.list_level >= 0 or para.style in BULLET_STYLES, text


@cache
def _debate_words() -> frozenset[str]:
    return frozenset(key(lang.labels["programme_debate"]) for lang in vocabulary.languages())


def _session(cell: tuple[Para, ...], any_bold: bool, report: Understanding) -> dict:
    item: dict = {"title": "", "bold": False, "debate": False, "people": [], "subtopics": []}
    current = item
    titled = False
    paras = [p for p in cell if p.text.strip()]
    for index, para in enumerate(paras):
        bullet, text = _is_bullet(para)
        first = next((r for r in para.runs if r.text.strip()), None)
        if bullet:
            current["people"].append(programme_person(text, "speaker"))
            report.count("programme_people")
            continue
        if first is not None and first.underline and not first.bold:
            label = plain(first.text).strip()
            rest = plain("".join(r.text for r in para.runs[para.runs.index(first) + 1 :])).strip()
            if rest.startswith(":") or not rest:
                current["people"].append(programme_person(rest.lstrip(": "), "moderator", label))
                report.count("programme_people")
                continue
        typed = typed_role(text)
        if typed is not None and titled:
            current["people"].append(programme_person(typed[1], "moderator", typed[0]))
            report.count("programme_people")
            continue
        if key(text) in _debate_words() and titled and index == len(paras) - 1:
            item["debate"] = True
            continue
        if not titled:
            item["title"], item["bold"] = text, para.bold
            titled = True
            continue
        if para.bold or (not item["bold"] and not vocabulary.has_civility(text)):
            current = {"title": text, "bold": para.bold, "debate": False, "people": [], "subtopics": []}
            item["subtopics"].append(current)
            report.count("subtopics")
            continue
        current["people"].append(programme_person(text, "moderator"))
        report.count("programme_people")
    # Moderators print before speakers: keep that order whatever the cell's order was.
    for entry in (item, *item["subtopics"]):
        entry["people"].sort(key=lambda p: p["role"] != "moderator")
    return item


def _columns(rows: list[tuple[tuple[Para, ...], ...]]) -> tuple[int | None, int, int | None]:
    width = max(len(r) for r in rows)
    timed = [
        sum(1 for r in rows if c < len(r) and vocabulary.is_time_cell(_cell_text(r[c]))) for c in range(width)
    ]
    time_col = max(range(width), key=lambda c: timed[c]) if max(timed, default=0) else None
    lengths = [sum(len(_cell_text(r[c])) for r in rows if c < len(r)) for c in range(width)]
    others = [c for c in range(width) if c != time_col]
    if not others:
        return time_col, time_col if time_col is not None else 0, None
    session_col = max(others, key=lambda c: lengths[c])
    rest = [c for c in others if c != session_col]
    format_col = rest[-1] if rest and rest[-1] > session_col else None
    return time_col, session_col, format_col


def read_programme(tables: list[Table], report: Understanding) -> list[dict]:
    """Interchange programme items (refs t1, t1a…) from the programme tables, in order."""
    rows: list[tuple[tuple[Para, ...], ...]] = []
    for table in tables:
        body = list(table.rows)
        skip = table.header_rows or (1 if body and is_programme_header(body[0]) else 0)
        rows += body[skip:]
    rows = [r for r in rows if r and any(p.text.strip() for cell in r for p in cell)]
    if not rows:
        return []
    time_col, session_col, format_col = _columns(rows)
    any_bold = any(p.bold for r in rows if session_col < len(r) for p in r[session_col])
    items = []
    for row in rows:
        start = end = None
        if time_col is not None and time_col < len(row):
            start, end, _ = vocabulary.parse_times(_cell_text(row[time_col]))
        session = _session(row[session_col] if session_col < len(row) else (), any_bold, report)
        fmt = _cell_text(row[format_col]) if format_col is not None and format_col < len(row) else ""
        kind = _guess_kind(
            session["title"], session["bold"], any_bold, bool(session["people"] or session["subtopics"])
        )
        number = len(items) + 1
        subtopics = []
        for k, sub in enumerate(session["subtopics"]):
            letter = chr(ord("a") + k) if k < 26 else f".{k + 1}"
            subtopics.append(_item(f"t{number}{letter}", None, None, sub, "session", "", []))
        items.append(_item(f"t{number}", start, end, session, kind, fmt, subtopics))
        report.count("programme_items")
    return items


def _time(value) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _item(ref, start, end, session: dict, kind: str, fmt: str, subtopics: list) -> dict:
    return {
        "ref": ref,
        "start": _time(start),
        "end": _time(end),
        "title": session["title"],
        "kind": kind,
        "format": fmt,
        "debate": session["debate"],
        "people": session["people"],
        "subtopics": subtopics,
    }
