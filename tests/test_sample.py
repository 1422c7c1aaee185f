"""The 2023 meeting shipped as data: complete, and faithful to the printed 2023 minutes."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from models import interchange
from models.entities import Meeting
from models.sample import sample_text


@pytest.fixture
def meeting(db, sample_id):
    with db.reading() as session:
        yield session.get(Meeting, sample_id)


def test_sample_is_valid_interchange_data():
    interchange.validate(json.loads(sample_text()))


def test_programme_has_the_nine_rows_and_the_three_subtopics(meeting):
    times = [f"{i.start_time:%H:%M}-{i.end_time:%H:%M}" for i in meeting.programme]
    assert times == [
        "09:30-10:00", "10:00-10:30", "10:30-11:45", "11:45-12:00", "12:00-13:15",
        "13:15-14:30", "14:30-16:30", "16:30-17:00", "17:00-17:30",
    ]  # fmt: skip
    kinds = [i.kind for i in meeting.programme]
    assert kinds == [
        "welcome",
        "session",
        "session",
        "break",
        "session",
        "meal",
        "session",
        "debate",
        "conclusions",
    ]
    afternoon = meeting.programme[6]
    assert [len(s.speakers) for s in afternoon.subtopics] == [1, 3, 3]
    assert [m.role_label for m in afternoon.moderators] == ["Animateur"]
    assert [i.debate for i in meeting.programme].count(True) == 1
    remote = [p.name for i in meeting.programme for s in [i, *i.subtopics] for p in s.speakers if p.remote]
    assert remote == [
        "Mme Benedetta Oddo",
        "M. Alexandru Osadci",
        "M. Pieter Jeroense",
        "M. Abdullahi Ali Watiin",
    ]


def test_attendance_has_all_43_rows_in_order(meeting):
    rows = meeting.attendance
    assert len(rows) == 43
    assert sum(a.mode == "in_person" for a in rows) == 20
    assert sum(a.mode == "remote" for a in rows) == 23
    assert rows[0].person.full_name == "Sami Kanaan"
    assert rows[-1].person.full_name == "" and rows[-1].person.organisation == "Global Cities Hub"
    assert [a.position for a in rows] == list(range(43))


def test_every_section_of_the_report_is_there(meeting):
    def walk(sections, depth=0):
        for s in sections:
            yield depth, s.title[:25], [b.kind for b in s.blocks]
            yield from walk(s.sections, depth + 1)

    outline = list(walk(meeting.sections))
    assert [(d, t) for d, t, _ in outline] == [
        (0, "Discours d'introduction"),
        (0, "I. L'importance de la dip"),
        (1, "État des lieux : Comment "),
        (1, "Prévention de conflits : "),
        (0, "II. Solutions au déplacem"),
        (1, "Résoudre le problème des "),
        (1, "Cadre conceptuel sur les "),
        (1, "Comment les autorités loc"),
        (1, "Conclusions et recommanda"),
    ]
    blocks = [kinds for _, _, kinds in outline]
    assert sum(len(k) for k in blocks) == 19
    assert sum(k.count("debate") for k in blocks) == 3


def test_paragraphs_split_at_page_breaks_are_joined():
    text = sample_text()
    assert "En effet, la crise à Gaza" in text
    assert "maisons de quartiers" in text


def _words(markdown: str) -> list[str]:
    return re.findall(r"\w+", markdown.lower())


# The report's words, once checked one by one against the printed 2023 minutes (every word of
# their body, from « Discours d'introduction » to the last conclusion, is in the sample).
REPORT_WORDS = 3599
REPORT_SHA256 = "a45b4128ae6365e323943c116c4df587a4659e508d9388c51d77cccbe252722d"


def report_words(report: list[dict]) -> list[str]:
    out: list[str] = []
    for section in report:
        out += _words(section["title"])
        for block in section["blocks"]:
            for field in ("speaker", "subtitle", "question", "text"):
                out += _words(block[field])
        out += report_words(section["sections"])
    return out


def test_the_report_text_is_the_one_checked_against_the_2023_minutes():
    words = report_words(json.loads(sample_text())["report"])
    digest = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
    assert (len(words), digest) == (REPORT_WORDS, REPORT_SHA256), (
        "the report text of resources/samples/meeting-2023.json changed: compare it with the printed "
        "2023 minutes before updating REPORT_WORDS and REPORT_SHA256"
    )
