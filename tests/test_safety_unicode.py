"""Big and strange text (issue 6, test 7): stored and exported unchanged, or refused clearly.

Arabic, Chinese, emoji (with skin tones, ZWJ sequences and flags), combining
accents (kept decomposed: nothing normalises them), right-to-left marks,
astral letters and SQL-looking text go database → reopen → JSON → .docx →
read back with python-docx, unchanged; so does a 10 MB note. NUL and the
other control characters XML (hence .docx) cannot hold are refused where
they enter, by every path (services, JSON import), with a FormatError naming
the field, and nothing is written. See models/text_rules.py.
"""

from __future__ import annotations

import importlib.util
import io
import json
import time

import pytest
from sqlalchemy import func, select

from models import interchange
from models.database import open_database
from models.entities import Attendance, Block, Meeting, Person
from models.errors import FormatError
from models.services import attendance, meetings, report
from models.services.reading import meeting_record

STRANGE = {
    "arabic": "اجتماع الفريق العامل لمدينة جنيف",
    "chinese": "城市外交与危机管理工作组会议纪要",
    "emoji": "Réunion 🎉 👩🏽\u200d💻 🇨🇭 👨\u200d👩\u200d👧",
    "combining": "Cafe\u0301 Zu\u0308rich n\u0303 a\u030a\u0301",
    "sql": "Robert'); DROP TABLE meeting;-- OR 1=1",
    "rtl-mixed": "Ville de \u202bجنيف\u202c et \u200fالمدينة\u200e 2024",
    "astral": "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀 𠜎𠜱",
    "quotes": "« guillemets » „Anführungszeichen“ 'single' \"double\" %s {0} $(echo hi)",
}
HUGE_PARAGRAPHS = 10_000


def huge_note() -> tuple[str, list[str]]:
    """About 10 MB of notes in 10,000 paragraphs, mixing every script above."""
    mix = " ".join(STRANGE[k] for k in ("arabic", "chinese", "emoji", "combining", "sql"))
    filler = " ".join(["lorem ipsum dolor sit amet"] * 30)
    paragraphs = [f"Paragraph {i}: {mix} {filler}" for i in range(HUGE_PARAGRAPHS)]
    return "\n\n".join(paragraphs), paragraphs


def build(db) -> int:
    with db.transaction() as session:
        meeting = meetings.create_meeting(
            session,
            STRANGE["emoji"],
            "2024-05-01",
            language="en",
            venue=STRANGE["arabic"],
            organisation=STRANGE["chinese"],
            introduction=STRANGE["sql"],
        )
        for i, (key, text) in enumerate(STRANGE.items()):
            attendance.add_attendance(
                session, meeting.id, first_name=text[:20].strip(), last_name=key, organisation=text
            )
            section = report.add_section(session, meeting.id, title=f"{key}: {text}")
            report.add_block(
                session, section.id, kind="intervention", speaker=text, text=f"Note {i} — {text}"
            )
        return meeting.id


def test_strange_text_round_trips_through_the_database_and_json_unchanged(db_path):
    db = open_database(db_path)
    meeting_id = build(db)
    db.close()
    db = open_database(db_path)
    try:
        with db.reading() as session:
            meeting = session.get(Meeting, meeting_id)
            assert (meeting.title, meeting.venue, meeting.organisation, meeting.introduction) == (
                STRANGE["emoji"],
                STRANGE["arabic"],
                STRANGE["chinese"],
                STRANGE["sql"],
            )
            organisations = [a.person.organisation for a in meeting.attendance]
            assert organisations == list(STRANGE.values())
            texts = [b.text for s in meeting.sections for b in s.blocks]
            assert texts == [f"Note {i} — {t}" for i, t in enumerate(STRANGE.values())]
            assert "\u0301" in meeting.sections[3].title  # still decomposed
            first = interchange.dumps(meeting)
        with db.transaction() as session:
            copy = interchange.loads(session, first)
            assert interchange.dumps(copy) == first
        # The tables the SQL-looking text names are all still there.
        with db.reading() as session:
            assert session.scalar(select(func.count()).select_from(Meeting)) == 2
    finally:
        db.close()


@pytest.mark.parametrize(
    "bad",
    [
        "before\x00after",
        "bell\x07",
        "form\x0cfeed",
        "escape\x1b[31m",
        "lone \ud800 surrogate",
        "non\uffffchar",
    ],
    ids=["NUL", "BEL", "FF", "ESC", "surrogate", "U+FFFF"],
)
def test_text_a_document_cannot_hold_is_refused_clearly_everywhere(db, bad):
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Réunion", "2024-05-01").id
        section_id = report.add_section(session, meeting_id, title="Notes").id

    def rows() -> tuple[int, ...]:
        with db.reading() as session:
            return tuple(
                session.scalar(select(func.count()).select_from(t)) for t in (Meeting, Block, Person)
            )

    before = rows()
    with pytest.raises(FormatError, match=r"^block\.text: contains") as info, db.transaction() as session:
        report.add_block(session, section_id, kind="paragraph", text=bad)
    assert "\n" not in str(info.value)
    with pytest.raises(FormatError, match=r"^meeting\.title: contains"), db.transaction() as session:
        meetings.update_meeting(session, meeting_id, title=bad)
    with pytest.raises(FormatError, match=r"^person\.last_name: contains"), db.transaction() as session:
        attendance.add_attendance(session, meeting_id, first_name="Ana", last_name=bad)
    with db.reading() as session:
        data = interchange.meeting_to_data(session.get(Meeting, meeting_id))
    data["report"][0]["blocks"] = [{"kind": "paragraph", "text": bad}]
    with pytest.raises(FormatError, match="contains"), db.transaction() as session:
        interchange.import_data(session, interchange.loads_data(json.dumps(data)))
    assert rows() == before
    with db.reading() as session:
        assert session.get(Meeting, meeting_id).title == "Réunion"


def test_tab_and_line_breaks_are_ordinary_text(db):
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Réunion", "2024-05-01", objectives="a\tb\nc\r\nd").id
    with db.reading() as session:
        assert session.get(Meeting, meeting_id).objectives == "a\tb\nc\r\nd"


def docx_texts(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]

    def walk(tables) -> None:
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    texts.extend(p.text for p in cell.paragraphs)
                    walk(cell.tables)

    walk(document.tables)
    for section in document.sections:
        texts.extend(p.text for p in section.header.paragraphs)
    return texts


needs_exporter = pytest.mark.skipif(
    importlib.util.find_spec("exporters.compte_rendu") is None, reason="the Word exporter is not written yet"
)


@needs_exporter
def test_strange_text_round_trips_through_word_unchanged(db):
    from exporters.compte_rendu import export_meeting

    meeting_id = build(db)
    with db.reading() as session:
        data = export_meeting(meeting_record(session, meeting_id))
    texts = docx_texts(data)
    whole = "\n".join(texts)
    for key, text in STRANGE.items():
        assert text in whole, f"{key} did not come back from the .docx unchanged"
        note = f"Note {list(STRANGE).index(key)} — {text}"
        assert any(t.endswith(note) for t in texts), f"{key}: the note is not a paragraph of its own"


@needs_exporter
def test_a_10_mb_note_is_stored_and_exported_whole(db, db_path):
    from exporters.compte_rendu import export_meeting

    note, paragraphs = huge_note()
    assert len(note.encode("utf-8")) >= 10_000_000
    started = time.monotonic()
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Big notes", "2024-05-01", language="en").id
        section = report.add_section(session, meeting_id, title="Notes")
        block_id = report.add_block(session, section.id, kind="paragraph", text=note).id
    db.close()
    again = open_database(db_path)
    try:
        with again.reading() as session:
            assert session.get(Block, block_id).text == note
            data = export_meeting(meeting_record(session, meeting_id))
    finally:
        again.close()
    texts = set(docx_texts(data))
    missing = [p for p in paragraphs if p not in texts]
    assert not missing, (
        f"{len(missing)} of {len(paragraphs)} paragraphs did not come back; first: {missing[0][:80]}"
    )
    elapsed = time.monotonic() - started
    print(f"10 MB note: stored, reopened, exported ({len(data) // 1024} KB .docx) in {elapsed:.1f} s")


def test_a_10_mb_note_survives_json_export_and_import(db):
    note, _ = huge_note()
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Big notes", "2024-05-01").id
        section = report.add_section(session, meeting_id, title="Notes")
        report.add_block(session, section.id, kind="paragraph", text=note)
    with db.reading() as session:
        text = interchange.dumps(session.get(Meeting, meeting_id))
    with db.transaction() as session:
        copy = interchange.loads(session, text)
        assert copy.sections[0].blocks[0].text == note
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Attendance)) == 0
