"""models/person_fields.py is the one list of a person's fields: the table and every user of the list agree.

Adding a column to ``Person`` without declaring it, re-listing the fields somewhere instead of
deriving them, or a header that cannot match (not folded, or naming two fields) fails here.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import String, inspect

import main
from models import interchange, people_import
from models.entities import Meeting
from models.person_fields import FIELDS, NAME_PARTS, NAMES
from models.services import people, roster, search
from models.text_keys import key

# Columns of the person table that are not fields of a person, and why.
NOT_FIELDS = {
    "id": "the row's key: what attendance rows, programme people and notes point at",
    "version": "SQLAlchemy's version counter (version_id_col): a stale update fails",
}


@pytest.fixture
def person_columns(db):
    """The person table as the SQLite file holds it: column name → SQLAlchemy type."""
    return {c["name"]: c["type"] for c in inspect(db.engine).get_columns("person")}


# (a) The table and the list.


def test_every_declared_field_is_a_text_column_of_the_person_table(person_columns):
    assert len(set(NAMES)) == len(NAMES), "a field is declared twice"
    for name in NAMES:
        assert name in person_columns, (
            f"{name} is declared in models/person_fields.py but no column of Person"
        )
        assert isinstance(person_columns[name], String), f"Person.{name} is not a text column"


def test_every_column_of_the_person_table_is_a_declared_field_or_said_why_not(person_columns):
    undeclared = {
        name: str(kind)
        for name, kind in person_columns.items()
        if name not in NAMES and name not in NOT_FIELDS
    }
    assert not undeclared, (
        "a column of Person is neither in models/person_fields.py nor in NOT_FIELDS (with a reason): "
        f"{undeclared}"
    )
    assert set(NOT_FIELDS) <= set(person_columns), "NOT_FIELDS names a column Person no longer has"
    texts = {name for name, kind in person_columns.items() if isinstance(kind, String)}
    assert texts - set(NOT_FIELDS) == set(NAMES)


def test_the_name_is_made_of_declared_fields():
    assert set(NAME_PARTS) <= set(NAMES)
    searched = {f.name for f in FIELDS if f.searched}
    assert set(NAME_PARTS) <= searched, "the name is searched as one « first last » text"


# (b) The users of the list take it from models/person_fields.py, in its order.


def test_the_json_format_people_editing_merging_and_lists_follow_the_declared_fields():
    assert interchange.PERSON_FIELDS == NAMES
    assert people_import.PERSON_FIELDS == NAMES
    assert people.EDITABLE == NAMES
    assert roster.MERGE_FIELDS == NAMES


def test_a_dump_writes_each_person_with_the_declared_keys_in_their_order(db, sample_id):
    with db.reading() as session:
        data = json.loads(interchange.dumps(session.get(Meeting, sample_id)))
    assert data["people"]
    for person in data["people"]:
        assert list(person) == ["ref", *NAMES]
    # The schema of the current version takes exactly those keys: a new field is a new key of the
    # format (docs/meeting-format.md says when it needs a new version).
    schema = interchange._schema()["$defs"]["person"]
    assert list(schema["properties"]) == ["ref", *NAMES]
    assert schema["additionalProperties"] is False


def test_a_participant_list_reads_each_declared_field_by_its_headers_and_aliases():
    assert people_import.FIELDS[: len(NAMES)] == NAMES
    assert not set(people_import.FIELDS[len(NAMES) :]) & set(NAMES)
    for field in FIELDS:
        assert people_import.HEADER_NAMES[field.name] == field.headers
        for alias in field.aliases:
            assert people_import.FIELD_ALIASES[alias] == field.name
    declared_aliases = {alias for field in FIELDS for alias in field.aliases}
    others = {a: f for a, f in people_import.FIELD_ALIASES.items() if a not in declared_aliases}
    assert not set(others.values()) & set(NAMES), f"a person field's alias is listed outside FIELDS: {others}"


def test_the_search_looks_in_the_searched_fields():
    assert search.PERSON_FIELDS[0] == "name"  # the NAME_PARTS, as one « first last » text
    expected = {f.name for f in FIELDS if f.searched} - set(NAME_PARTS)
    assert sorted(search.PERSON_FIELDS[1:]) == sorted(expected)


def test_a_search_finds_a_person_by_each_searched_field_and_names_it(db, sample_id):
    values = {name: f"Zq{i}x" for i, name in enumerate(NAMES)}
    full_name = " ".join(values[n] for n in NAME_PARTS)
    with db.transaction() as session:
        person = people.add_person(session, **values)
        for field in FIELDS:
            results = search.search(session, values[field.name])
            hits = [(h.kind, h.field, h.label, h.snippet) for g in results.groups for h in g.hits]
            if not field.searched:
                assert hits == [], field.name
            elif field.name in NAME_PARTS:
                assert hits == [("person", "name", person.display_name, full_name)]
            else:
                assert hits == [("person", field.name, person.display_name, values[field.name])]


def test_person_history_finds_a_person_by_each_searched_field(db, sample_id):
    from models.services.reading import read_roster
    from models.text_keys import fold

    values = {name: f"Zq{i}x" for i, name in enumerate(NAMES)}
    with db.transaction() as session:
        person = people.add_person(session, **values)
    with db.reading() as session:
        (line,) = [line for line in read_roster(session) if line.id == person.id]
    for field in FIELDS:
        assert (fold(values[field.name]) in line.haystack) == field.searched, field.name


def test_the_command_line_help_names_every_field(capsys):
    with pytest.raises(SystemExit):
        main.main(["import-people", "--help"])
    words = " ".join(capsys.readouterr().out.split()).split("fields: ")[1].split(";")[0].split()
    assert [people_import.FIELD_ALIASES.get(w, w) for w in words] == [*NAMES, "mode", "status"]


# (c) The headers of a participant list.


def test_every_header_is_written_as_the_list_reader_folds_it():
    for field in FIELDS:
        assert field.headers, f"{field.name} has no header: no list column could be guessed for it"
        for header in field.headers:
            assert key(header) == header, f"{field.name}: header {header!r} folds to {key(header)!r}"


def test_no_header_and_no_alias_names_two_fields():
    seen: dict[str, str] = {}
    for fld, headers in people_import.HEADER_NAMES.items():
        for header in headers:
            assert seen.setdefault(header, fld) == fld, f"{header!r} names {seen[header]} and {fld}"
    aliases: dict[str, str] = {}
    for field in FIELDS:
        for alias in field.aliases:
            assert aliases.setdefault(alias, field.name) == field.name, f"--map {alias}= names two fields"
            # parse_mapping lowers the key and reads « - » as « _ » before looking it up.
            assert alias == alias.lower().replace("-", "_"), f"--map cannot take the alias {alias!r}"
            assert alias not in people_import.FIELDS, f"the alias {alias!r} hides the field of that name"


def test_each_declared_header_guesses_its_field_and_each_alias_maps_it():
    for field in FIELDS:
        for header in field.headers:
            assert people_import.guess_mapping([header]) == {field.name: header}
        for alias in field.aliases:
            assert people_import.parse_mapping(f"{alias}=Column") == {field.name: "Column"}
