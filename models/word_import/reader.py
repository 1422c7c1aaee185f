"""A .docx compte-rendu to the interchange data of one meeting, with what was understood as what.

The document is cut into regions at its landmarks — the « Rappel du
Programme », « Compte-rendu de la réunion » and « Liste des participant.e.s »
headings in any label language, or, failing them, the programme and
participant tables themselves — and each region has its reader. Whatever
lies outside what a region expects becomes a plain block in the report.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from models.text_keys import key
from models.word_import import vocabulary
from models.word_import.document import Document, Para, Table, read_document
from models.word_import.header import read_header, read_logo
from models.word_import.markdown import plain, strip_typed_bullet
from models.word_import.participants import Participant, looks_like_participants, read_participants
from models.word_import.people_text import name_keys
from models.word_import.programme import looks_like_programme, read_programme
from models.word_import.report_body import ReportReader
from models.word_import.safe_open import open_package
from models.word_import.understanding import Understanding

_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+", re.IGNORECASE)
LANDMARKS = ("programme_heading", "report_heading", "participants_heading")


class Reading(NamedTuple):
    data: dict[str, Any]  # interchange data without attendance (people are matched on import)
    participants: list[Participant]
    understanding: Understanding


def _is_landmark(item: Para | Table, field: str, minutier: bool) -> bool:
    if not isinstance(item, Para):
        return False
    text = item.text.strip()
    if not text or len(text) > 80:
        return False
    if minutier:
        # An export prints its landmarks as Heading 1 with the label itself; a section of the
        # notes titled « Programme » is a Heading 2 or deeper, and stays a section.
        return item.level == 1 and vocabulary.label_language(field, text) is not None
    return (item.level > 0 or item.bold or item.size >= 14) and vocabulary.is_label(field, text)


def _language(doc: Document, minutier: bool) -> str:
    known = {lang.code for lang in vocabulary.languages()}
    tag = doc.language.lower()[:2]
    if minutier and tag in known:
        # An export names the language of its labels in its properties; its texts may be in any.
        return tag
    scores: dict[str, int] = {}
    for n, item in enumerate(doc.body):
        if not isinstance(item, Para) or len(item.text) >= 200:
            continue
        # Labels are headings; the date line is near the top. Other paragraphs cannot tell.
        if item.level or item.bold:
            for field in (*LANDMARKS, "objectives_heading", "debate_heading", "in_person_heading"):
                found = vocabulary.label_language(field, item.text)
                if found:
                    scores[found] = scores.get(found, 0) + 1
        line = vocabulary.parse_date_line(item.text) if n < 60 and len(item.text) < 160 else None
        if line is not None and line.language:
            scores[line.language] = scores.get(line.language, 0) + 1
    if scores:
        return max(sorted(scores), key=lambda code: scores[code])
    return tag if tag in known else "fr"


def _photos(para: Para) -> str | None:
    """The album link of a photos paragraph (« Les photos … au lien suivant : <url> »)."""
    links = [r.link for r in para.runs if r.link]
    text = plain(para.text)
    url = links[-1] if links else None
    if url is None:
        found = _URL.search(text)
        url = found.group(0) if found else None
    if url is None:
        return None
    if para.style == "Minutier Photos":
        return url
    sentence = key(text.replace(url, ""))
    if any(key(lang.labels["photos"]) == sentence for lang in vocabulary.languages()):
        return url
    return url if "photo" in sentence and len(sentence) < 200 else None


def read_docx(data: bytes, label: str = "the file") -> Reading:
    """Read ``data`` (a .docx); raise WordImportError if it cannot be read at all."""
    package = open_package(data, label)
    doc = read_document(package)
    minutier = any(isinstance(i, Para) and i.style.startswith("Minutier ") for i in doc.body[:40])
    report = Understanding(language=_language(doc, minutier))
    # Bullets typed by hand (« ● », « - ») are list items; in an export, such a character is text.
    body = list(doc.body) if minutier else [_typed_lists(i) for i in doc.body]

    # « COMPTE-RENDU » as the document title is not the report's heading: landmarks come after the date.
    date_at = next(
        (
            n
            for n, i in enumerate(body[:60])
            if isinstance(i, Para) and len(i.text) < 160 and vocabulary.parse_date_line(i.text) is not None
        ),
        -1,
    )
    marks = {
        field: next((n for n, i in enumerate(body) if n > date_at and _is_landmark(i, field, minutier)), None)
        for field in LANDMARKS
    }
    programme_tables = [n for n, i in enumerate(body) if isinstance(i, Table) and looks_like_programme(i)]
    people_tables = [
        n
        for n, i in enumerate(body)
        if isinstance(i, Table) and n not in programme_tables and looks_like_participants(i)
    ]
    if marks["participants_heading"] is not None:
        people_tables += [
            n
            for n, i in enumerate(body)
            if isinstance(i, Table)
            and n > marks["participants_heading"]
            and n not in programme_tables + people_tables
        ]
    people_tables.sort()

    starts = [m for m in marks.values() if m is not None] + programme_tables[:1] + people_tables[:1]
    header_end = min(starts) if starts else _first_heading_after_title(body)
    head = {
        "organisation": "",
        "body": "",
        "document_title": "",
        "title": "",
        "venue": "",
        "date": "",
        "start_time": None,
        "end_time": None,
        "timezone": "",
        "language": report.language,
        "status": "draft",
        "introduction": "",
        "co_organisers": "",
        "objectives": "",
        "photo_album_url": "",
        "logo": None,
    }
    header_items = body[:header_end]
    header_paras = [i for i in header_items if isinstance(i, Para)]
    read_header(header_paras, head, report)
    # The logo: a picture before the meeting's title (in an export, the Minutier Logo paragraph).
    title_at = next((n for n, p in enumerate(header_paras) if p.text.strip()), len(header_paras))
    title_at = next(
        (n for n, p in enumerate(header_paras) if p.text.strip() and _text_is(p, head["title"])), title_at
    )
    head["logo"] = read_logo(header_paras[: title_at + 1], package)
    if head["logo"] is not None:
        report.count("header")

    programme = read_programme([body[n] for n in programme_tables], report)
    if not programme:
        report.missing.append("programme (no programme table)")

    # Participants: each table takes the mode of the heading above it.
    participants: list[Participant] = []
    mode = "in_person"
    people_region_start = marks["participants_heading"]
    if people_region_start is None and people_tables:
        people_region_start = people_tables[0]
    for n, item in enumerate(body):
        if people_region_start is None or n < people_region_start:
            continue
        if isinstance(item, Para):
            if vocabulary.is_label("remote_heading", item.text):
                mode = "remote"
            elif vocabulary.is_label("in_person_heading", item.text):
                mode = "in_person"
        elif n in people_tables:
            found = read_participants(item, mode)
            participants += found
    for n in people_tables:
        if people_region_start is not None and n < people_region_start:
            participants += read_participants(body[n], "in_person")
    for p in participants:
        report.count("remote" if p.mode == "remote" else "in_person")
    if not participants:
        report.missing.append("participant list (no participant table)")

    # The report: from its heading (or the end of the programme) to the participant list.
    # Header paragraphs are read by the header; its tables (if any) go to the report.
    taken = set(programme_tables) | set(people_tables)
    taken |= {n for n in range(header_end) if isinstance(body[n], Para)}
    for field in LANDMARKS:
        if marks[field] is not None:
            taken.add(marks[field])
    report_start = marks["report_heading"]
    if report_start is None:
        report_start = max([header_end - 1, *programme_tables]) if programme_tables else header_end - 1
        if not _any_text(body[report_start + 1 : people_region_start]):
            report.missing.append("report (no « Compte-rendu » part)")
    report_end = (
        people_region_start
        if people_region_start is not None and people_region_start > report_start
        else len(body)
    )
    region: list[Para | Table] = []
    for n, item in enumerate(body):
        if n in taken:
            continue
        if isinstance(item, Para):
            if not item.text.strip():
                continue
            # In an export only the photos style says it; text that merely mentions photos stays text.
            url = _photos(item) if not minutier or item.style == "Minutier Photos" else None
            if url is not None and not head["photo_album_url"]:
                head["photo_album_url"] = url
                report.count("header")
                continue
            if n >= report_end and _is_mode_heading(item):
                continue
        # Outside the report (between the programme and the report, after the participants):
        # kept as a plain block in document order, and said.
        if not report_start < n < report_end and isinstance(item, Para):
            report.not_recognised(item.text)
        region.append(item)
    base_level = body[marks["report_heading"]].level if marks["report_heading"] is not None else 1
    known = {k for p in participants for k in [key(f"{p.values['first_name']} {p.values['last_name']}")] if k}
    known |= {k for item in programme for person in _all_people(item) for k in name_keys(person["name"])}
    reader = ReportReader(report, minutier, known, base_level or 1)
    sections = reader.read(region)
    _link_sections(sections, programme)

    if not head["title"]:
        head["title"] = next((s["title"] for s in sections if s["title"]), "") or "Compte-rendu"
        report.missing.append(f"meeting title (set to « {head['title']} »)")
    data = {
        "format": "minutier.meeting",
        "version": 1,
        "meeting": head,
        "people": [],
        "attendance": [],
        "programme": programme,
        "report": sections,
    }
    return Reading(data, participants, report)


def _typed_list_item(para: Para) -> Para:
    if para.list_level >= 0:
        return para
    runs = strip_typed_bullet(para.runs)
    return para if runs is None else para.with_runs(runs)._replace(list_level=0, num_id="typed")


def _typed_lists(item: Para | Table) -> Para | Table:
    if isinstance(item, Para):
        return _typed_list_item(item)
    rows = tuple(tuple(tuple(_typed_list_item(p) for p in cell) for cell in row) for row in item.rows)
    return item._replace(rows=rows)


def _text_is(para: Para, text: str) -> bool:
    return " ".join(plain(para.text).split()) == text


def _any_text(items: list) -> bool:
    return any(isinstance(i, Table) or i.text.strip() for i in items)


def _is_mode_heading(para: Para) -> bool:
    return vocabulary.is_label("remote_heading", para.text) or vocabulary.is_label(
        "in_person_heading", para.text
    )


def _first_heading_after_title(body: list) -> int:
    """Where the header of a document with no programme nor participant table ends."""
    seen_date = False
    for n, item in enumerate(body):
        if isinstance(item, Table):
            return n
        if not seen_date and len(item.text) < 160 and vocabulary.parse_date_line(item.text) is not None:
            seen_date = True
            continue
        if seen_date and item.level and not vocabulary.is_label("objectives_heading", item.text):
            return n
    return len(body) if seen_date else min(len(body), 3)


def _all_people(item: dict):
    yield from item["people"]
    for sub in item["subtopics"]:
        yield from sub["people"]


def _link_sections(sections: list[dict], programme: list[dict]) -> None:
    """Each section to the programme item of the same title (the exporter needs the link to know
    when a « Conclusions » heading goes without saying)."""
    items: dict[str, dict] = {}
    for item in programme:
        for entry in (item, *item["subtopics"]):
            items.setdefault(key(entry["title"]), entry)
    used: set[str] = set()

    def walk(section: dict) -> None:
        refuse_conclusions = section["programme_item"] is False
        section["programme_item"] = None
        entry = items.get(key(section["title"])) if section["title"] else None
        if (
            entry is not None
            and entry["ref"] not in used
            and not (refuse_conclusions and entry["kind"] == "conclusions")
        ):
            section["programme_item"] = entry["ref"]
            used.add(entry["ref"])
        for child in section["sections"]:
            walk(child)

    for section in sections:
        walk(section)
