"""The records that carry a person follow models.person_fields, and the readers fill them by name.

Adding a field to person_fields fails ``test_records_carry_every_person_field_in_order`` until
models/records.py (and RosterEntry) gain it; the queries, the attendance table and its captions
follow NAMES without an edit beyond the caption of the new column in each language.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from importlib import resources

import pytest

from exporters import attendance_table, people_labels
from models.person_fields import NAMES
from models.records import ATTENDANCE_FIELDS, Attendee, Participant, PersonCard
from models.sample import load_committee_sample
from models.services import attendance, meetings, people
from models.services.reading import attendance_list, meeting_record, person_card, record_of
from models.services.reading.parts import PARTICIPANT_NAMES

# Records meant to carry a whole person: its fields, all of them, in NAMES's order, together.
CARRIERS = {
    "Attendee": Attendee._fields,
    "PersonCard": PersonCard._fields,
    "RosterEntry": tuple(f.name for f in dataclasses.fields(attendance.RosterEntry)),
}


def _distinct_person() -> dict[str, str]:
    # A value per field that no other field holds, so a value landing in the wrong field shows.
    return {name: f"{name[:3].title()}-{i}" for i, name in enumerate(NAMES)}


@pytest.mark.parametrize("record", sorted(CARRIERS))
def test_records_carry_every_person_field_in_order(record):
    fields = CARRIERS[record]
    assert NAMES[0] in fields, f"{record} lacks {NAMES[0]}"
    start = fields.index(NAMES[0])
    assert fields[start : start + len(NAMES)] == NAMES, f"{record} should hold {NAMES} in this order"


def test_attendee_is_the_person_then_the_attendance_then_the_ids():
    assert Attendee._fields == (*NAMES, *ATTENDANCE_FIELDS, "id", "person_id", "position")
    # One record for the exports and the Participants tab.
    assert attendance.AttendanceRow is Attendee


def test_participant_holds_person_fields_of_names_only():
    # The compte-rendu's participant holds the fields it can print (no email), in the order tests
    # build it by position; whatever it holds beside the attendance's fields is named in NAMES.
    person_part = set(Participant._fields) - set(ATTENDANCE_FIELDS)
    assert person_part <= set(NAMES)
    assert set(PARTICIPANT_NAMES) == person_part


def test_the_table_columns_are_the_person_then_the_attendance():
    assert (*NAMES, *ATTENDANCE_FIELDS) == people_labels.TABLE_COLUMNS
    # A new column gets the default width; a width never names a column that is gone.
    assert set(attendance_table.WIDTHS) <= set(people_labels.TABLE_COLUMNS)


@pytest.mark.parametrize("language", people_labels.languages())
def test_every_caption_file_names_each_column_once(language):
    folder = resources.files(people_labels.PACKAGE)
    raw = json.loads(folder.joinpath(f"{language}.json").read_text("utf-8"))
    assert list(raw["table_columns"]) == list(people_labels.TABLE_COLUMNS)
    captions = people_labels.load(language).table_columns
    assert len(set(captions)) == len(captions) == len(people_labels.TABLE_COLUMNS)


# The headers as every export wrote them before the captions were keyed by name; the import
# reads them back (tests/test_prop_people_roundtrip.py), so they must not change.
HEADERS = {
    "fr": "Civilité|Prénom|Nom|Fonction|Organisation|Email|Statut|Mode|Rôle|Représenté·e par|Arrivée|Départ",
    "en": "Civility|First name|Last name|Function|Organisation|Email|Status|Mode|Role|Represented by|"
    "Arrival|Departure",
    "es": "Tratamiento|Nombre|Apellido|Función|Organización|Correo electrónico|Estado|Modalidad|Rol|"
    "Representado/a por|Llegada|Salida",
}


@pytest.mark.parametrize("language", sorted(HEADERS))
def test_headers_are_the_words_they_were(language):
    assert list(people_labels.load(language).table_columns) == HEADERS[language].split("|")


def test_a_row_is_written_column_by_column_by_name():
    person = _distinct_person()
    row = Attendee(
        **person,
        status="present",
        mode="remote",
        role="chair",
        represented_by="M. Paul Proxy",
        arrival="10h30",
        departure="11h45",
    )
    table = list(
        csv.reader(io.StringIO(attendance_table.to_csv([row], "en").decode("utf-8-sig")), delimiter=";")
    )
    assert table[0] == list(people_labels.load("en").table_columns)
    assert table[1] == [
        *(person[n] for n in NAMES),
        "Present",
        "Remote",
        "Chair",
        "M. Paul Proxy",
        "10h30",
        "11h45",
    ]


def test_the_readers_fill_every_person_field_by_name(db):
    person = _distinct_person()
    with db.transaction() as session:
        meeting = load_committee_sample(session)
        meeting_id = meeting.id
        row = attendance.add_attendance(session, meeting_id, **person)
        row_id, person_id = row.id, row.person_id
        outsider = people.add_person(session, **{n: f"{v}-x" for n, v in person.items()}).id
    with db.reading() as session:
        (listed,) = attendance.attendance_rows(session, meeting_id, [row_id])
        in_list = next(r for r in attendance_list(session, meeting_id).rows if r.id == row_id)
        card = person_card(session, person_id)
        entry = next(e for e in attendance.roster_outside(session, meeting_id) if e.id == outsider)
        participant = meeting_record(session, meeting_id).participants[-1]
    for record in (listed, in_list, card):
        assert {n: getattr(record, n) for n in NAMES} == person
    assert {n: getattr(entry, n) for n in NAMES} == {n: f"{v}-x" for n, v in person.items()}
    assert {n: getattr(participant, n) for n in PARTICIPANT_NAMES} == {
        n: person[n] for n in PARTICIPANT_NAMES
    }
    assert (listed.id, listed.person_id) == (row_id, person_id)


def test_both_readers_of_the_attendance_give_the_same_records(db):
    # The Participants tab's SELECT and the exports' walk through the objects give one record with
    # equal values, proxies, roles, arrivals and departures included (the committee sample has them).
    with db.transaction() as session:
        meeting_id = load_committee_sample(session).id
    with db.reading() as session:
        rows = attendance.attendance_rows(session, meeting_id)
        listed = attendance_list(session, meeting_id).rows
        from_rows = meeting_record(session, meeting_id).participants
        from_objects = record_of(meetings.get_meeting(session, meeting_id), from_objects=True).participants
    assert tuple(rows) == listed
    assert any(r.represented_by for r in rows) and any(r.role for r in rows) and any(r.arrival for r in rows)
    assert from_rows == from_objects
    assert [(p.last_name, p.represented_by, p.role, p.arrival) for p in from_rows] == [
        (r.last_name, r.represented_by, r.role, r.arrival) for r in rows
    ]
