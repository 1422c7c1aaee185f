"""The header block: organisation and body lines, document title, meeting title, venue, the date
line, then the introduction and the objectives.

Minutier's own styles say exactly which paragraph is which. A hand-made
document is read by position around the date line: what stands before the
title is the header block, a « COMPTE-RENDU »-like word (or Word's Title
style) is the document title, the next heading or large paragraph is the
meeting title, a line between it and the date is the venue.
"""

from __future__ import annotations

import base64
import datetime as dt
import re

from models.text_keys import key
from models.word_import import vocabulary
from models.word_import.document import Para
from models.word_import.markdown import plain, to_markdown
from models.word_import.safe_open import Package
from models.word_import.understanding import Understanding

_DOCUMENT_TITLES = re.compile(
    r"^(compte rendu|compte rendu de reunion|minutes|meeting minutes|report|proces verbal|acta|informe|"
    r"relevé de decisions|releve de decisions|summary)$"
)
_CO_ORGANISED = re.compile(
    r"co[\s-]?organi[sz]|co[\s-]?organizad|organi[sz]ed (jointly|together)", re.IGNORECASE
)
MAX_DATE_LINE = 160
MAX_LOGO_BYTES = 5 * 1024 * 1024


def _text(para: Para) -> str:
    return " ".join(plain(para.text).split())


def read_logo(paras: list[Para], package: Package) -> dict | None:
    """The first PNG or JPEG picture of the header block, as the interchange « logo »."""
    for para in paras:
        for name in para.images:
            if not package.has(name):
                continue
            data = package.raw(name)
            media = (
                "image/png"
                if data.startswith(b"\x89PNG")
                else "image/jpeg"
                if data[:2] == b"\xff\xd8"
                else ""
            )
            if media and len(data) <= MAX_LOGO_BYTES:
                return {"media_type": media, "data": base64.b64encode(data).decode("ascii")}
    return None


def read_header(paras: list[Para], head: dict, report: Understanding) -> None:
    """Fill the ``meeting`` part of the interchange data from the paragraphs before the programme."""
    paras = [p for p in paras if p.text.strip()]
    styled = {
        "Minutier Organisation": "organisation",
        "Minutier Header Line": "body",
        "Minutier Meeting Title": "title",
        "Minutier Venue": "venue",
        "Minutier Date": "date",
    }
    date_at = next((i for i, p in enumerate(paras) if p.style == "Minutier Date"), None)
    if date_at is None:
        date_at = next(
            (
                i
                for i, p in enumerate(paras)
                if len(p.text) <= MAX_DATE_LINE and vocabulary.parse_date_line(p.text) is not None
            ),
            None,
        )
    before = paras[:date_at] if date_at is not None else []
    after = paras[date_at + 1 :] if date_at is not None else paras
    body_lines: list[str] = []
    if any(p.style in styled for p in before):
        for para in before:
            field = styled.get(para.style)
            if para.style == "Title":
                field = "document_title"
            if field == "body":
                body_lines.append(_text(para))
            elif field is not None:
                head[field] = _text(para)
            else:
                report.not_recognised(para.text)
                head["introduction"] = _join(head["introduction"], to_markdown([para]))
    else:
        _header_by_position(before, head, body_lines)
    head["body"] = "\n".join(body_lines)
    for field in ("organisation", "body", "document_title", "title", "venue"):
        if head[field]:
            report.count("header", 1)
    if date_at is not None:
        line = vocabulary.parse_date_line(paras[date_at].text)
        if line is not None:
            head["date"] = line.date.isoformat()
            head["start_time"] = line.start.strftime("%H:%M") if line.start else None
            head["end_time"] = line.end.strftime("%H:%M") if line.end else None
            head["timezone"] = line.timezone
            report.count("header")
        if not head["title"] and after:
            # The title after the date (a hand-made header in another order).
            head["title"] = _text(after[0])
            after = after[1:]
    if date_at is None:
        report.missing.append(f"date (set to today, {dt.date.today().isoformat()})")
        head["date"] = dt.date.today().isoformat()
    _introduction(after, head)


def _header_by_position(before: list[Para], head: dict, body_lines: list[str]) -> None:
    # Word's Title style holds « COMPTE-RENDU » in Minutier's layout, but often the meeting's
    # own title in a hand-made document: only a short one is the kind of document.
    title_at = next(
        (
            i
            for i, p in enumerate(before)
            if _DOCUMENT_TITLES.match(key(p.text)) or (p.style == "Title" and len(p.text.split()) <= 3)
        ),
        None,
    )
    if title_at is not None:
        head["document_title"] = _text(before[title_at])
        block, rest = before[:title_at], before[title_at + 1 :]
    else:
        # The meeting title is the most prominent paragraph: a heading, else the largest.
        ranked = sorted(range(len(before)), key=lambda i: (before[i].level or 10, -before[i].size, i))
        split = ranked[0] if ranked else 0
        block, rest = before[:split], before[split:]
    if rest:
        head["title"] = _text(rest[0])
        if len(rest) > 1:
            head["venue"] = ", ".join(_text(p) for p in rest[1:])
    if block:
        head["organisation"] = _text(block[0])
        body_lines.extend(_text(p) for p in block[1:])


def _join(first: str, second: str) -> str:
    return f"{first}\n\n{second}" if first and second else first or second


def _introduction(paras: list[Para], head: dict) -> None:
    objectives_at = next(
        (
            i
            for i, p in enumerate(paras)
            if (p.level or p.bold) and vocabulary.is_label("objectives_heading", p.text)
        ),
        None,
    )
    intro = paras if objectives_at is None else paras[:objectives_at]
    if objectives_at is not None:
        head["objectives"] = to_markdown(paras[objectives_at + 1 :])
    co = None
    if intro and _CO_ORGANISED.search(intro[-1].text) and len(intro[-1].text) < 400:
        co = intro[-1]
        intro = intro[:-1]
    head["introduction"] = _join(head["introduction"], to_markdown(intro))
    if co is not None:
        head["co_organisers"] = to_markdown([co])
