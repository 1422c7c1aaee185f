"""Importing a participant list into a meeting: map columns, match the roster, plan, then apply.

1. ``read_table`` (models.tabular) reads the CSV or XLSX file.
2. ``guess_mapping(headers)`` proposes which column holds which field; the
   user corrects it (the editor's dialog, or ``--map`` on the command line).
   The mapping is plain data (field → header): the caller stores it
   (the editor in its settings); models never do.
3. ``plan_import(session, table, mapping, meeting_id)`` reads the database
   and says, row by row, what would happen: add, update, skip, or bad (with
   the line number and the reason). It writes nothing.
4. ``apply_plan(session, plan)`` writes the plan inside the caller's
   transaction (one ``Database.transaction()``): all of it or nothing. A
   plan with bad rows is applied only with ``accept_bad_rows=True``: the
   user has seen them and confirmed the rest.

Matching a row to the roster: the email first (case ignored), then the
name and organisation folded (case, accents and punctuation ignored); a
name alone matches when exactly one roster person has it and one side has
no organisation. A name match never crosses two different emails: a row
whose email differs from the roster person's is another person (homonyms
exist), added as such and said so in its reason, never written over them.
Where several roster people fit (homonyms), a row takes one not yet taken
by an earlier row, those on the meeting's list and with the same values
first. A non-empty cell replaces a different roster value (but a name or
organisation differing only in case or accents, or any value differing only
in spacing, keeps the roster's); an empty cell never clears one. Two rows
naming one person: the first counts, the others are skipped.

Role, arrival, departure and « represented by » go on the meeting's list
row, not the roster. A proxy names another participant of the same meeting
(on the list, or a row of the file, even a later one): it is resolved once
every row is planned, and a name that is nobody else (or several people) is
a warning on its row, the rest of the row being imported.

Cells are taken as the export wrote them: the apostrophe it puts before a
value starting with = + - @ (models.tabular.protect) is taken off, so an
exported list imports back without a change. A value longer than its
column (a civility over 16 characters) makes a bad row, as it would fail
on PostgreSQL and must fail the same on SQLite.

The parts: ``fields`` (the fields and the headers naming them), ``words``
(the words of the mode, status and role cells), ``mapping`` (column →
field), ``plan`` (what an import would do, and its lines), ``matching``
(``plan_import``), ``proxies`` (the « represented by » cells), ``apply``
(``apply_plan``). This package keeps the names callers import.
"""

from __future__ import annotations

from models.people_import.apply import apply_plan
from models.people_import.fields import FIELD_ALIASES, FIELDS, HEADER_NAMES, PERSON_FIELDS, ROW_FIELDS
from models.people_import.mapping import check_mapping, format_mapping, guess_mapping, parse_mapping
from models.people_import.matching import plan_import
from models.people_import.plan import Action, ImportPlan, ImportResult, PlanRow, plan_lines
from models.people_import.words import IN_PERSON_WORDS, NO_WORDS, REMOTE_WORDS, STATUS_WORDS, YES_WORDS

__all__ = [
    "FIELDS",
    "FIELD_ALIASES",
    "HEADER_NAMES",
    "IN_PERSON_WORDS",
    "NO_WORDS",
    "PERSON_FIELDS",
    "REMOTE_WORDS",
    "ROW_FIELDS",
    "STATUS_WORDS",
    "YES_WORDS",
    "Action",
    "ImportPlan",
    "ImportResult",
    "PlanRow",
    "apply_plan",
    "check_mapping",
    "format_mapping",
    "guess_mapping",
    "parse_mapping",
    "plan_import",
    "plan_lines",
]
