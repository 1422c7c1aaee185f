"""Property: for any meeting, dump → import → dump gives the same bytes, and import keeps everything.

Generated meetings hold what broke before or could: homonyms (same name
and organisation, other or no e-mail), rows naming only an organisation,
people written exactly alike, empty and huge fields, every status, mode,
kind and role, Markdown-looking literals (``* _ # [ ] \\``), line breaks,
accents and scripts beyond Latin; and the committee fields of version 2
(roles, proxies, arrivals, settings, label overrides, decisions owned by a
participant or an organisation). Each example imports the generated data
into an emptied database, dumps it, imports that dump into the same
database (every person is then found in the roster) and into another
SQLite file, and expects the same bytes from both; the first dump must
also say what was generated, person for person. The quick schema check
is compared with jsonschema on documents of both versions.

On PostgreSQL too when MINUTIER_TEST_PG_URL is set (both_backends).
PROP_EXAMPLES=2000 runs longer; 300 is the floor kept in CI.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import interchange
from models.base import Base
from models.database import open_database
from models.entities import Meeting

pytestmark = pytest.mark.both_backends

EXAMPLES = max(300, int(os.environ.get("PROP_EXAMPLES", "300")))
PERSON_FIELDS = interchange.PERSON_FIELDS

# Text a user may type: any Unicode a Word document holds (text_rules), with the characters
# Markdown gives meaning to, and line breaks, drawn often.
_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc"),
    exclude_characters=("\ufffe", "\uffff"),
)
_LITERALS = st.sampled_from([*"*_#[]()\\<>&`~|!-+.1 \n\t\r", "**", "\n\n", "- ", "1. ", "# "])
small_text = st.lists(st.one_of(_CHARS, _LITERALS), max_size=8).map("".join)
some_text = st.lists(st.one_of(_CHARS, _LITERALS), min_size=1, max_size=8).map("".join)
# Huge: tens of thousands of characters, far beyond what any field of the 2023 minutes holds.
huge_text = st.builds(lambda piece, times: piece * times, some_text, st.integers(1_000, 6_000))
text = st.one_of(st.just(""), small_text, small_text, small_text, small_text, small_text, huge_text)


def bounded(limit: int):
    return st.text(st.one_of(_CHARS, st.sampled_from("*_# \n")), max_size=limit)


# Few distinct names, so that homonyms and exact look-alikes come often.
first_names = st.one_of(st.sampled_from(["", "Marie", "Ana María", "Jón", "marie "]), small_text)
last_names = st.one_of(st.sampled_from(["", "Dupont", "García-Pérez", "Sigurðsson", "DUPONT"]), small_text)
organisations = st.one_of(st.sampled_from(["", "Ville de Lyon", "ONU", "onu"]), small_text)
emails = st.one_of(st.sampled_from(["", "", "m@lyon.fr", "M@Lyon.fr ", "autre@onu.org"]), small_text)
person = st.fixed_dictionaries(
    {
        "civility": st.one_of(st.sampled_from(["", "M.", "Mme", "Madame la Vice-P"]), bounded(16)),
        "first_name": first_names,
        "last_name": last_names,
        "function": st.one_of(st.just(""), text),
        "organisation": organisations,
        "email": emails,
    }
)
times = st.one_of(st.none(), st.times().map(lambda t: t.strftime("%H:%M")))


def _in_order(options: list[str]):
    """A subset of ``options`` in their order: the form a dump writes."""
    return st.lists(st.booleans(), min_size=len(options), max_size=len(options)).map(
        lambda keep: [o for o, k in zip(options, keep, strict=True) if k]
    )


label_keys = st.one_of(
    st.sampled_from(["programme_heading", "objectives_heading"]), some_text.filter(str.strip)
)


@st.composite
def meetings(draw, version: int = 2):
    people = draw(st.lists(person, max_size=8))
    # A copy of an earlier row: two people written exactly alike.
    if people and draw(st.booleans()):
        people.append(dict(draw(st.sampled_from(people))))
    refs = [f"r{i}" for i in range(len(people))]
    draw(st.randoms(use_true_random=False)).shuffle(refs)  # refs need not be p1, p2…
    person_ref = st.one_of(st.none(), st.sampled_from(refs)) if refs else st.none()
    listed = draw(st.permutations(refs))[: draw(st.integers(0, len(refs)))]
    attendance = [
        {
            "person": ref,
            "status": draw(st.sampled_from(["invited", "present", "excused", "absent"])),
            "mode": draw(st.sampled_from(["in_person", "remote"])),
        }
        for ref in listed
    ]
    if version >= 2:
        for row in attendance:
            others = [ref for ref in listed if ref != row["person"]]
            row["role"] = draw(
                st.sampled_from(["", "chair", "vice_chair", "secretary", "member", "guest", "staff"])
            )
            row["represented_by"] = draw(st.one_of(st.none(), st.sampled_from(others))) if others else None
            row["arrival"] = draw(st.one_of(st.just(""), st.just("10h30"), bounded(64)))
            row["departure"] = draw(st.one_of(st.just(""), st.just("from item 3"), bounded(64)))
    item_refs: list[str] = []

    def item(depth: int):
        ref = f"i{len(item_refs)}"
        item_refs.append(ref)
        return {
            "ref": ref,
            "start": draw(times),
            "end": draw(times),
            "title": draw(text),
            "kind": draw(
                st.sampled_from(["welcome", "session", "break", "meal", "debate", "conclusions", "other"])
            ),
            "format": draw(small_text),
            "debate": draw(st.booleans()),
            "people": [
                {
                    "role": draw(st.sampled_from(["speaker", "moderator"])),
                    "role_label": draw(small_text),
                    "person": draw(person_ref),
                    "name": draw(text),
                    "function": draw(small_text),
                    "remote": draw(st.booleans()),
                }
                for _ in range(draw(st.integers(0, 3)))
            ],
            "subtopics": [item(depth + 1) for _ in range(draw(st.integers(0, 2 if depth == 0 else 0)))],
        }

    programme = [item(0) for _ in range(draw(st.integers(0, 3)))]
    item_ref = st.one_of(st.none(), st.sampled_from(item_refs)) if item_refs else st.none()

    def section(depth: int):
        return {
            "title": draw(small_text),
            "programme_item": draw(item_ref),
            "blocks": [
                {
                    "kind": draw(st.sampled_from(["intervention", "debate", "conclusions", "paragraph"])),
                    "speaker": draw(small_text),
                    "person": draw(person_ref),
                    "subtitle": draw(small_text),
                    "online": draw(st.booleans()),
                    "question": draw(small_text),
                    "text": draw(text),
                }
                for _ in range(draw(st.integers(0, 3)))
            ],
            "sections": [section(depth + 1) for _ in range(draw(st.integers(0, 2 - depth)))],
        }

    report = [section(0) for _ in range(draw(st.integers(0, 3)))]
    logo = draw(
        st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "media_type": st.sampled_from(["image/png", "image/jpeg"]),
                    "data": st.binary(min_size=1, max_size=64).map(
                        lambda b: base64.b64encode(b).decode("ascii")
                    ),
                }
            ),
        )
    )
    head = {
        "organisation": draw(small_text),
        "body": draw(text),
        "document_title": draw(small_text),
        "title": draw(st.one_of(some_text, huge_text)),
        "venue": draw(small_text),
        "date": draw(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))).isoformat(),
        "start_time": draw(times),
        "end_time": draw(times),
        "timezone": draw(bounded(32)),
        "language": draw(st.sampled_from(["fr", "en", "es"])),
        "status": draw(st.sampled_from(["draft", "final"])),
        "introduction": draw(text),
        "co_organisers": draw(text),
        "objectives": draw(text),
        "photo_album_url": draw(small_text),
        "logo": logo,
    }
    data = {
        "format": "minutier.meeting",
        "version": version,
        "meeting": head,
        "people": [{"ref": ref, **fields} for ref, fields in zip(refs, people, strict=True)],
        "attendance": attendance,
        "programme": programme,
        "report": report,
    }
    if version < 2:
        return data
    head["document_kind"] = draw(st.sampled_from(["compte_rendu", "proces_verbal", "releve_de_decisions"]))
    head["agenda_numbering"] = draw(st.booleans())
    head["printed_lists"] = {
        "lists": draw(_in_order(["present", "excused", "absent", "guests"])),
        "columns": draw(_in_order(["civility", "function", "organisation"])),
    }
    place = draw(st.sampled_from(["after_report", "after_programme", "end"]))
    if place != "after_report":  # the default is never written, so a dump never holds it
        head["printed_lists"]["decisions"] = place
    head["quorum"] = draw(
        st.one_of(st.sampled_from(["none", "majority", "two_thirds"]), st.integers(1, 100_000))
    )
    head["labels"] = draw(st.dictionaries(label_keys, text, max_size=3))
    owners = [st.none(), st.fixed_dictionaries({"organisation": some_text})]
    if listed:
        owners.append(st.fixed_dictionaries({"person": st.sampled_from(listed)}))
    numbers = draw(st.lists(st.text(_CHARS, min_size=1, max_size=32), unique=True, max_size=3))
    data["decisions"] = [
        {
            "number": number,
            "text": draw(text),
            "item": draw(item_ref),
            "owner": draw(st.one_of(*owners)),
            "due": draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)).map(str))),
            "status": draw(st.sampled_from(["open", "in_progress", "done", "dropped"])),
            "follow_up": draw(small_text),
        }
        for number in numbers
    ]
    return data


def meaning(data: dict) -> dict:
    """``data`` with each ref replaced by what it points at: a person's fields, an item's place."""
    people = {p["ref"]: tuple(p[f] for f in PERSON_FIELDS) for p in data["people"]}
    places: dict[str, tuple[int, ...]] = {}
    for i, top in enumerate(data["programme"]):
        places[top["ref"]] = (i,)
        for k, sub in enumerate(top["subtopics"]):
            places[sub["ref"]] = (i, k)

    def walk(node, key=None):
        if isinstance(node, dict):
            return {k: walk(v, k) for k, v in node.items() if k != "ref" and node is not data}
        if isinstance(node, list):
            return [walk(v) for v in node]
        if key in ("person", "represented_by") and node is not None:
            return people[node]
        if key in ("programme_item", "item") and node is not None:
            return places[node]
        return node

    return {k: walk(v) for k, v in data.items() if k != "people"}


def import_dump(db, text: str, *, emptied: bool = False) -> str:
    """Import ``text`` (into an emptied database if asked), then dump what the database holds."""
    with db.transaction() as session:
        if emptied:  # in the import's transaction: one commit, not two
            for table in reversed(Base.metadata.sorted_tables):
                session.execute(table.delete())
        meeting_id = interchange.import_data(session, interchange.loads_data(text)).id
    with db.reading() as session:
        return interchange.dumps(session.get(Meeting, meeting_id))


@pytest.fixture
def other(tmp_path):
    database = open_database(tmp_path / "other.sqlite")
    yield database
    database.close()


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=meetings())
def test_dump_import_dump_is_byte_identical(db, other, data):
    first = import_dump(db, json.dumps(data, ensure_ascii=False), emptied=True)
    assert meaning(json.loads(first)) == meaning(data)
    assert import_dump(db, first) == first
    assert import_dump(other, first, emptied=True) == first


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-2, 2),
        st.sampled_from(
            [1.0, 1.5, "", "x", "12:30", "24:00", "2023-12-12", "draft", "remote", "p1", "a" * 65]
        ),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=2), st.dictionaries(st.sampled_from(["ref", "x"]), inner)
    ),
    max_leaves=4,
)


@st.composite
def changed_meetings(draw):
    """A meeting of either version with one place changed: a value replaced, a key dropped or added."""
    data = draw(st.one_of(meetings(1), meetings(2)))
    places = []

    def collect(node):
        if isinstance(node, dict):
            places.append(node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(data)
    node = draw(st.sampled_from(places))
    how = draw(st.sampled_from(["replace", "drop", "add"]))
    if how == "add" or not node:
        node[draw(st.sampled_from(["extra", "ref", "person", "title", "labels", "owner"]))] = draw(
            json_values
        )
    elif how == "drop":
        del node[draw(st.sampled_from(sorted(node)))]
    else:
        node[draw(st.sampled_from(sorted(node)))] = draw(json_values)
    return data


@pytest.mark.slow
@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=changed_meetings())
def test_the_quick_schema_check_agrees_with_jsonschema(data):
    """The quick check lets a file through only when jsonschema would; errors are always jsonschema's."""
    import jsonschema

    version = interchange._version_of(data)
    quick = interchange._quick_check(version)
    assert quick is not None
    assert quick(data) == jsonschema.Draft202012Validator(interchange._schema(version)).is_valid(data)
