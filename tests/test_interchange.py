"""The JSON interchange format: canonical dump, validated all-or-nothing import."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select

from models import interchange
from models.entities import Block, Meeting, Person, ProgrammeItem
from models.errors import FormatError
from models.sample import sample_text

pytestmark = pytest.mark.both_backends


def dump(db, meeting_id) -> str:
    with db.reading() as session:
        return interchange.dumps(session.get(Meeting, meeting_id))


def import_text(db, text) -> int:
    with db.transaction() as session:
        return interchange.loads(session, text).id


def counts(db) -> dict:
    with db.reading() as session:
        return {
            cls.__name__: session.scalar(select(func.count()).select_from(cls))
            for cls in (Meeting, Person, ProgrammeItem, Block)
        }


def test_sample_dumps_to_its_own_bytes(db, sample_id):
    assert dump(db, sample_id) == sample_text()


def test_dump_import_dump_is_byte_identical_in_the_same_database(db, sample_id):
    first = dump(db, sample_id)
    second = dump(db, import_text(db, first))
    assert second == first


def test_dump_import_dump_is_byte_identical_in_another_database(db, sample_id, tmp_path):
    from models.database import open_database

    first = dump(db, sample_id)
    other = open_database(tmp_path / "other.sqlite")
    try:
        assert dump(other, import_text(other, first)) == first
    finally:
        other.close()


def test_importing_twice_reuses_roster_people(db, sample_id):
    before = counts(db)["Person"]
    import_text(db, sample_text())
    assert counts(db)["Person"] == before


def test_matching_fills_only_empty_roster_fields(db, sample_id):
    data = json.loads(sample_text())
    data["people"][0]["email"] = "sami@example.org"
    data["people"][0]["function"] = "something else"
    import_text(db, json.dumps(data))
    with db.reading() as session:
        sami = session.scalars(select(Person).where(Person.last_name == "Kanaan")).one()
        assert sami.email == "sami@example.org"
        assert sami.function == "Conseiller exécutif"


def test_logo_round_trips(db, sample_id):
    data = json.loads(sample_text())
    data["meeting"]["logo"] = {"media_type": "image/png", "data": "iVBORw0KGgo="}
    new_id = import_text(db, json.dumps(data))
    with db.reading() as session:
        assert session.get(Meeting, new_id).logo == b"\x89PNG\r\n\x1a\n"
    assert json.loads(dump(db, new_id))["meeting"]["logo"] == data["meeting"]["logo"]


def _sample_with(change) -> str:
    data = json.loads(sample_text())
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _set(path, value):
    def change(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


BAD = [
    (_set(["programme", 3, "start"], "25:00"), 'programme[3].start: "25:00" is not a time (HH:MM)'),
    (_set(["meeting", "date"], "2023-02-30"), 'meeting.date: "2023-02-30" is not a date (YYYY-MM-DD)'),
    (_set(["meeting", "language"], "de"), 'meeting.language: "de" is not one of "fr", "en", "es"'),
    (lambda d: d["meeting"].pop("title"), "meeting.title: is missing"),
    (_set(["meeting", "colour"], "red"), "meeting.colour: is not a field of this format"),
    (_set(["attendance", 5, "person"], "p999"), 'attendance[5].person: "p999" is not a ref of "people"'),
    (_set(["attendance", 5, "person"], "p1"), 'attendance[5].person: "p1" is listed twice'),
    (_set(["attendance", 2, "status"], "here"), "attendance[2].status:"),
    (_set(["report", 1, "sections", 0, "programme_item"], "t99"), "report[1].sections[0].programme_item:"),
    (_set(["report", 0, "blocks", 0, "person"], 7), "report[0].blocks[0].person: 7 is not of type string"),
    (_set(["programme", 6, "subtopics", 0, "subtopics"], [{"title": "x"}]), "cannot have sub-topics"),
    (_set(["people", 1, "ref"], "p1"), 'people[1].ref: "p1" is used twice'),
    (_set(["meeting", "logo"], {"media_type": "image/png", "data": "%%%"}), "meeting.logo.data"),
    (_set(["version"], 3), "version: written by a newer Minutier"),
    (_set(["format"], "something"), "format: not a Minutier meeting file"),
]


@pytest.mark.parametrize(("change", "message"), BAD, ids=[m.split(":")[0] for _, m in BAD])
def test_bad_data_is_refused_with_its_field_path_and_changes_nothing(db, sample_id, change, message):
    before = counts(db)
    with pytest.raises(FormatError) as info:
        import_text(db, _sample_with(change))
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert counts(db) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", r"not valid JSON \(line 1, column 2"),
        ("[1, 2]", "not a Minutier meeting file"),
        (b"\xff\xfe\x00", "not UTF-8"),
        ("[" * 100_000, "nested too deeply"),
    ],
    ids=["syntax", "array", "binary", "deep"],
)
def test_unreadable_files_are_refused(db, text, message):
    with pytest.raises(FormatError, match=message):
        import_text(db, text)


def test_dump_lists_people_in_order_of_first_mention(db, sample_id):
    data = json.loads(dump(db, sample_id))
    assert [p["ref"] for p in data["people"]] == [f"p{i}" for i in range(1, len(data["people"]) + 1)]
    assert data["attendance"][0]["person"] == "p1"


def test_import_keeps_every_field(db, sample_id):
    data = json.loads(sample_text())
    altered = copy.deepcopy(data)
    altered["meeting"].update(status="draft", timezone="UTC", start_time=None, photo_album_url="")
    altered["programme"][0]["debate"] = True
    altered["report"][0]["blocks"][0]["online"] = True
    new_id = import_text(db, json.dumps(altered))
    assert json.loads(dump(db, new_id)) == altered
