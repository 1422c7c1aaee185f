"""Bad input on the CSV participant import (issue 6, test 6), property-based with Hypothesis.

Each example writes a participant list to a file and runs the whole import
as the editor and the command line do: ``read_table`` → ``guess_mapping``
(or a mapping drawn at random, as a user may choose) → ``plan_import`` →
``apply_plan`` in one transaction. The list is built from cells that real
lists hold and cells they should not (NUL and other control characters,
quotes, delimiters and line breaks inside cells, 200 KB cells, bad emails,
unknown modes), written with any delimiter, quoting, line ending and
encoding (UTF-8 with or without BOM, UTF-16, Windows-1252, Mac Roman…),
then broken at the byte level (truncated, random bytes spliced in, NUL
bytes, BOMs in the middle, an unbalanced quote, a ZIP header, random bytes
only, empty).

The import must then either raise a MinutierError (one clear line) having
written nothing at all (every table counted before and after), or import
exactly what its plan says: one new person per "add" row holding the row's
values, the list grown by the people joining it, and nothing a Word
document cannot hold stored. Any other exception fails the test.
"""

from __future__ import annotations

import csv
import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from models import people_import, tabular, text_rules
from models.base import Base
from models.database import open_database
from models.entities import Attendance, Person
from models.errors import MinutierError
from models.services import meetings

# Enough that well over 1,000 of them are bad (see test_the_generated_lists_were_mostly_bad).
EXAMPLES = int(os.environ.get("MINUTIER_HYPOTHESIS_EXAMPLES", "1500"))

HEADER_SETS = [
    ("Civilité", "Prénom", "Nom", "Fonction", "Organisation", "Courriel", "À distance", "Statut"),
    ("First name", "Last name", "Organization", "Email", "Remote", "Status"),
    ("Nom", "Prénom", "Organisation"),
    ("nom", "NOM", "", "Prénom", "Prénom"),  # repeated and blank headers
    ("Name",),
    ("a", "b", "c"),  # nothing recognisable: the mapping cannot be guessed
    ("Prénom\x00", "Nom\u200b", "E-mail pro", "Mode"),
]
GOOD_CELLS = [
    "Émilie",
    "Dupont",
    "Ville de Genève",
    "Mairie de Montréal; service international",
    "a.b@exemple.org",
    "A.B@EXEMPLE.ORG",
    "oui",
    "non",
    "présent",
    "excusé",
    "",
    " ",
    "O'Brien",
    "ضيف",
    "中文",
    "🎉",
    "Cafe\u0301",
    "'); DROP TABLE person;--",
    "Directrice\nadjointe",
    'dit "le Grand"',
]
BAD_CELLS = [
    "\x00",
    "Jo\x00hn",
    "\x07bell",
    "\x1b[31m",
    "\x0b",
    "\ufffe",
    "pas-un-email",
    "a@b",
    "peut-être",
    "sometimes",
    '"',
    'un "guillemet',
    ",;\t|",
    "\r",
    "\u2028",
    "\ufeff",
]
HUGE_CELLS = ["x" * 200_000, "é" * 70_000, "Nom " * 5_000]
KINDS_OF_CELL = {
    "good": st.sampled_from(GOOD_CELLS),
    "bad": st.sampled_from(BAD_CELLS),
    "any": st.text(max_size=12),
}
# Mostly plausible cells, a third bad ones (huge cells are put in one file in eight).
CELLS = st.sampled_from(["good"] * 5 + ["bad"] * 3 + ["any"] * 2).flatmap(KINDS_OF_CELL.get)
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-32", "mac_roman", "cp850"]
DELIMITERS = [",", ";", "\t", "|", " ", ":"]
BYTE_DAMAGE = [
    "none",
    "truncate",
    "splice",
    "nul-bytes",
    "bom-inside",
    "double-bom",
    "unbalanced-quote",
    "zip-header",
    "random",
    "empty",
    "cr-only",
]


def write_csv(rows: list[list[str]], delimiter: str, quoting: str, line_end: str) -> str:
    if quoting == "raw":  # what a hand-made list or a naive script writes: no quoting at all
        return line_end.join(delimiter.join(row) for row in rows) + line_end
    out = io.StringIO()
    mode = {"minimal": csv.QUOTE_MINIMAL, "all": csv.QUOTE_ALL, "escape": csv.QUOTE_NONE}[quoting]
    writer = csv.writer(
        out, delimiter=delimiter, quoting=mode, lineterminator=line_end, escapechar="\\" if mode else None
    )
    try:
        writer.writerows(rows)
    except csv.Error:  # QUOTE_NONE cannot write a row of one empty cell: write it raw
        return write_csv(rows, delimiter, "raw", line_end)
    return out.getvalue()


@st.composite
def participant_files(draw) -> tuple[bytes, str, str]:
    """(bytes of the file, its name, how it was made)."""
    headers = list(draw(st.sampled_from(HEADER_SETS)))
    width = len(headers)
    rows = [headers]
    for _ in range(draw(st.integers(0, 6))):
        # Ragged rows too: fewer or more cells than headers.
        count = draw(st.integers(max(0, width - 2), width + 2))
        rows.append([draw(CELLS) for _ in range(count)])
    if len(rows) > 1 and draw(st.integers(0, 7)) == 0:
        row = rows[draw(st.integers(1, len(rows) - 1))]
        row.insert(draw(st.integers(0, len(row))), draw(st.sampled_from(HUGE_CELLS)))
    delimiter = draw(st.sampled_from(DELIMITERS))
    quoting = draw(st.sampled_from(["minimal", "all", "escape", "raw"]))
    line_end = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    text = write_csv(rows, delimiter, quoting, line_end)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors=draw(st.sampled_from(["replace", "ignore"])))
    damage = draw(st.sampled_from(BYTE_DAMAGE))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "splice":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
    elif damage == "nul-bytes":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b"\x00" * draw(st.integers(1, 4)) + data[at:]
    elif damage == "bom-inside":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + data[at:]
    elif damage == "double-bom":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    elif damage == "unbalanced-quote":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b'"' + data[at:]
    elif damage == "zip-header":
        data = b"PK\x03\x04" + draw(st.binary(max_size=64)) + data
    elif damage == "random":
        data = draw(st.binary(max_size=300))
    elif damage == "empty":
        data = b""
    elif damage == "cr-only":
        data = data.replace(b"\n", b"\r")
    name = draw(st.sampled_from(["liste.csv"] * 6 + ["liste.txt", "liste", "liste.xlsx", "liste.xls"]))
    how = f"{encoding} {delimiter!r} {quoting} {line_end!r} {damage} {name}"
    return data, name, how


def mappings(headers: tuple[str, ...]):
    """The guessed mapping, or one a user might set by hand (including wrong ones)."""
    choices = [*headers, "Missing column"]
    hand_made = st.dictionaries(
        st.sampled_from((*people_import.FIELDS, "not_a_field")), st.sampled_from(choices), max_size=4
    )
    return st.sampled_from(["guessed"] * 3 + ["by hand"]).flatmap(
        lambda how: st.just(people_import.guess_mapping(headers)) if how == "guessed" else hand_made
    )


def counts(db) -> dict[str, int]:
    names = [table.name for table in Base.metadata.sorted_tables]
    query = "SELECT " + ", ".join(f"(SELECT count(*) FROM {name})" for name in names)
    with db.reading() as session:
        row = session.connection().exec_driver_sql(query).one()
    return dict(zip(names, row, strict=True))


@pytest.fixture(scope="module")
def import_db(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("csv-import") / "minutier.sqlite")
    with database.transaction() as session:
        meeting = meetings.create_meeting(session, "Réunion annuelle", "2024-05-01")
        # Someone already on the roster and the list, for rows to match.
        person = Person(first_name="Émilie", last_name="Dupont", organisation="Ville de Genève")
        session.add(person)
        session.flush()
        session.add(Attendance(meeting_id=meeting.id, person_id=person.id, position=0))
    database.meeting_id = meeting.id
    database.first_person_id = person.id
    yield database
    database.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("lists")


OUTCOMES: dict[str, int] = {
    "file refused": 0,
    "mapping refused": 0,
    "bad rows refused": 0,
    "bad rows left out": 0,
    "imported": 0,
}


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(case=participant_files(), data=st.data())
def test_a_bad_participant_list_is_refused_cleanly_or_imported_correctly(import_db, folder, case, data):
    raw, name, _how = case
    path = folder / name
    path.write_bytes(raw)
    accept_bad_rows = data.draw(st.booleans())
    before = counts(import_db)
    plan = None
    stage = "file refused"
    try:
        table = tabular.read_table(path)
        mapping = data.draw(mappings(table.headers))
        stage = "mapping refused"
        with import_db.reading() as session:
            plan = people_import.plan_import(session, table, mapping, import_db.meeting_id)
        stage = "bad rows refused"
        with import_db.transaction() as session:
            result = people_import.apply_plan(session, plan, accept_bad_rows=accept_bad_rows)
    except MinutierError as exc:
        OUTCOMES[stage] += 1
        message = str(exc)
        assert message.strip() and "\n" not in message and len(message) < 600, message[:600]
        assert counts(import_db) == before, "a refused import wrote something"
        if plan is not None and not plan.bad:
            pytest.fail(f"a plan without bad rows was refused when applied: {message}")
        return
    OUTCOMES["bad rows left out" if plan.bad else "imported"] += 1
    after = counts(import_db)
    adds = plan.of("add")
    joining = adds + [r for r in plan.of("update") if r.joins_meeting]
    assert after["person"] == before["person"] + len(adds)
    assert after["attendance"] == before["attendance"] + len(joining)
    assert (result.added, result.updated, result.bad) == (len(adds), len(plan.of("update")), len(plan.bad))
    for row in plan.rows:
        if row.action in ("add", "update"):
            assert all(text_rules.problem(v) is None for v in row.values.values()), row
        assert "\n" not in row.reason and len(row.reason) < 600, row.reason[:600]
    if adds:
        with import_db.reading() as session:
            newest = session.scalars(select(Person).order_by(Person.id.desc()).limit(len(adds))).all()
            stored = [{f: getattr(p, f) for f in people_import.PERSON_FIELDS} for p in reversed(newest)]
        assert stored == [r.values for r in adds]
        # Back to the starting roster: a roster grown by every example (200 KB names) slows the next ones.
        with import_db.transaction() as session:
            first = import_db.first_person_id
            session.execute(delete(Attendance).where(Attendance.person_id > first))
            session.execute(delete(Person).where(Person.id > first))


def test_the_generated_lists_were_mostly_bad():
    # Runs after the property test (file order).
    total = sum(OUTCOMES.values())
    if total == 0:
        pytest.skip("the property test did not run in this session")
    print(f"{total} generated lists: " + ", ".join(f"{n} {what}" for what, n in OUTCOMES.items()))
    # (Hypothesis may stop a few short of max_examples when it runs out of new cases.)
    assert total >= EXAMPLES * 0.9
    bad = total - OUTCOMES["imported"]
    assert bad >= min(1000, EXAMPLES * 0.6)


def test_a_nul_in_a_cell_is_a_bad_row_named_by_its_line(import_db, folder):
    path = folder / "nul.csv"
    path.write_bytes("Prénom;Nom;Organisation\nAnne;Mar\x00tin;CGLU\nLéa;Roux;CGLU\n".encode())
    table = tabular.read_table(path)
    with import_db.reading() as session:
        plan = people_import.plan_import(
            session, table, people_import.guess_mapping(table.headers), import_db.meeting_id
        )
    assert [(r.line, r.action) for r in plan.rows] == [(2, "bad"), (3, "add")]
    assert "last name" in plan.bad[0].reason and "NUL" in plan.bad[0].reason


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_text_lists_are_read_as_written(encoding):
    # Excel's « Unicode text » is UTF-16 with a mark, tab-separated; some tools drop the mark.
    text = "\ufeffPrénom\tNom\tOrganisation\r\nŁukasz\tÖztürk\tVille de Genève 🎉\r\n"
    table = tabular.read_table_bytes(text.encode(encoding), "liste.txt")
    assert table.headers == ("Prénom", "Nom", "Organisation")
    assert table.rows[0].values == ("Łukasz", "Öztürk", "Ville de Genève 🎉")


def test_a_message_quoting_the_file_stays_short_and_on_one_line(import_db, folder):
    path = folder / "long.csv"
    header = '"Nom\nsur deux lignes' + "x" * 10_000 + '"'
    path.write_text(f"Prénom;{header};Organisation\nAnne;Martin;CGLU\n", encoding="utf-8")
    table = tabular.read_table(path)
    with pytest.raises(MinutierError) as info, import_db.reading() as session:
        people_import.plan_import(session, table, {"last_name": "Missing"}, import_db.meeting_id)
    assert "\n" not in str(info.value) and len(str(info.value)) < 600
