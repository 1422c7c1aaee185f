"""Search across every meeting: people, organisations, programme, notes, decisions.

Case and accents are ignored (« geneve » finds « Genève »); every word of
the query must appear in the same field (« kanaan sami » finds « Sami
Kanaan »). Results are grouped by meeting, newest first, each hit naming
where to open it: the editor's tab (``meeting``, ``participants``,
``programme``, ``report``, ``decisions``), the kind of object and its id.

Each source (people, programme items, speakers, sections, blocks, meeting
texts) is read as one string of « id, text » records (SQLite's
group_concat: a few MB for twenty years and a large roster), folded in one
C-speed pass, and scanned with str.find; only matching rows are then read
in full. No extra table, index or migration.

On SQLite each folded source is kept per connection and reused until its
table is written (a counter per table, bumped by every INSERT, UPDATE or
DELETE through the engine and again when such a transaction rolls back) or
another connection commits (``PRAGMA data_version``): a repeated search
only scans strings, and editing notes re-reads only the notes. Elsewhere
every search reads afresh.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections import defaultdict
from dataclasses import dataclass, field, replace

from sqlalchemy import event, func, literal, select
from sqlalchemy.orm import Session

from models.entities import (
    Attendance,
    Block,
    Decision,
    Meeting,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Section,
)
from models.person_fields import FIELDS as _PERSON
from models.person_fields import NAME_PARTS, NAMES
from models.text_keys import fold

SNIPPET = 70  # characters of context each side of a match
_SEP = "\x1f"  # joins the fields of a row into one text, so each row is folded once
MEETING_FIELDS = ("title", "venue", "organisation", "body", "introduction", "co_organisers", "objectives")
# A person's searched fields (models/person_fields.py): « name » is its NAME_PARTS as one « first last »
# text; then the organisation, then the others in their order. A hit names the first holding every word.
_SEARCHED = [f.name for f in _PERSON if f.searched and f.name not in NAME_PARTS]
PERSON_FIELDS = ("name", *sorted(_SEARCHED, key=lambda name: name != "organisation"))
BLOCK_FIELDS = ("text", "speaker", "subtitle", "question")
DECISION_FIELDS = ("number", "text", "owner_text", "follow_up")


@dataclass(frozen=True, slots=True)
class Hit:
    tab: str  # "meeting", "participants", "programme", "report", "decisions": where the editor opens it
    # "meeting", "attendance", "person", "programme_item", "programme_person", "section", "block", "decision"
    kind: str
    object_id: int
    field: str  # the column that matched
    label: str  # what the hit is: a person's name, an item's title, a section's title
    snippet: str  # the matching text with some context, « … » where cut


@dataclass(slots=True)
class MeetingHits:
    meeting_id: int | None  # None: roster people on no meeting's list
    date: dt.date | None
    title: str
    hits: list[Hit] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    groups: tuple[MeetingHits, ...]
    total: int
    truncated: bool  # more hits than ``limit``; the first ``limit`` are given


def _words(query: str) -> list[str]:
    return sorted({w for w in fold(query).split() if w}, key=len, reverse=True)


def snippet(text: str, words: list[str]) -> str:
    """``text`` around the first matching word, cut at ``SNIPPET`` characters each side."""
    flat = " ".join(text.split())
    folded = fold(flat)
    if len(folded) == len(flat):  # the usual case: accents dropped one for one
        origin = range(len(flat))
    else:  # « ß » → « ss », « œ » → « oe »: map each folded character back to its source
        origin = [i for i, ch in enumerate(flat) for _ in fold(ch)]
        folded = "".join(fold(ch) for ch in flat)
    at = min((p for p in (folded.find(w) for w in words) if p >= 0), default=0)
    start_in = origin[at] if len(origin) else 0
    start, end = max(0, start_in - SNIPPET), min(len(flat), start_in + SNIPPET)
    out = flat[start:end]
    return ("… " if start > 0 else "") + out + (" …" if end < len(flat) else "")


def _join(*columns, sep: str = _SEP):
    # Every text column is NOT NULL: no coalesce (it doubles SQLite's time here).
    expr = columns[0]
    for column in columns[1:]:
        expr = expr + literal(sep) + column
    return expr


_RECORD = "\x1e"  # between records of a source; ids and texts are split by _SEP
_CACHE_KEY = "minutier.search"


def _sources() -> dict[str, tuple]:
    """Source name -> (id column, text expression)."""
    return {
        "meeting": (Meeting.id, _join(*(getattr(Meeting, n) for n in MEETING_FIELDS))),
        "person": (
            Person.id,
            _join(
                _join(*(getattr(Person, n) for n in NAME_PARTS), sep=" "),
                *(getattr(Person, n) for n in PERSON_FIELDS[1:]),
            ),
        ),
        "programme_item": (ProgrammeItem.id, _join(ProgrammeItem.title, ProgrammeItem.format)),
        "programme_person": (ProgrammePerson.id, _join(ProgrammePerson.name, ProgrammePerson.function)),
        "section": (Section.id, Section.title),
        "block": (Block.id, _join(*(getattr(Block, n) for n in BLOCK_FIELDS))),
        "decision": (Decision.id, _join(*(getattr(Decision, n) for n in DECISION_FIELDS))),
    }


def _read_source(session: Session, id_column, text) -> str:
    """Every row of a source as « id SEP text » records joined by RECORD, folded."""
    if session.get_bind().dialect.name == "sqlite":
        record = id_column.concat(literal(_SEP)).concat(text)
        joined = session.execute(select(func.group_concat(record, literal(_RECORD)))).scalar() or ""
    else:
        rows = session.execute(select(id_column, text)).all()
        joined = _RECORD.join(f"{row_id}{_SEP}{value}" for row_id, value in rows)
    return fold(joined)


# Per engine: table name -> a counter bumped by every write to it through that engine.
_WRITES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_DML = re.compile(
    r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+[\"`\[]?(\w+)", re.I
)
_DIRTY = "minutier.search.dirty"


def _watch(engine) -> dict[str, int]:
    """Count writes per table on ``engine`` (installed once), so a cached source knows it is stale."""
    counters = _WRITES.get(engine)
    if counters is not None:
        return counters
    counters = defaultdict(int)
    _WRITES[engine] = counters

    def wrote(conn, _cursor, statement, _parameters, _context, _executemany):
        match = _DML.match(statement)
        if match:
            table = match.group(1).lower()
            counters[table] += 1
            conn.info.setdefault(_DIRTY, set()).add(table)

    def committed(conn):
        conn.info.pop(_DIRTY, None)

    def rolled_back(conn, *_args):
        # A source read inside the transaction saw rows that are now gone: stale again.
        for table in conn.info.get(_DIRTY, ()):
            counters[table] += 1
        if not _args:  # the whole transaction, not a savepoint
            conn.info.pop(_DIRTY, None)

    event.listen(engine, "before_cursor_execute", wrote)
    event.listen(engine, "commit", committed)
    event.listen(engine, "rollback", rolled_back)
    event.listen(engine, "rollback_savepoint", rolled_back)
    return counters


def _folded_sources(session: Session) -> dict[str, str]:
    """Each source folded: from this connection's cache when its table has not changed since."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return {name: _read_source(session, *spec) for name, spec in _sources().items()}
    counters = _watch(connection.engine)
    proxied = connection.connection
    # Commits by other connections (another Minutier, another pooled connection) move data_version.
    data_version = proxied.dbapi_connection.execute("PRAGMA data_version").fetchone()[0]
    cache = proxied.info.setdefault(_CACHE_KEY, {})
    folded = {}
    for name, spec in _sources().items():
        stamp = (data_version, counters[name])
        cached = cache.get(name)
        if cached is None or cached[0] != stamp:
            cached = cache[name] = (stamp, _read_source(session, *spec))
        folded[name] = cached[1]
    return folded


def _matching_ids(folded: str, words: list[str], limit: int) -> list[int]:
    """Ids of the records holding every word (at most ``limit`` + 1, in the source's order)."""
    found: list[int] = []
    first = words[0]
    at = folded.find(first)
    while at >= 0 and len(found) <= limit:
        start = folded.rfind(_RECORD, 0, at) + 1
        end = folded.find(_RECORD, at)
        end = len(folded) if end < 0 else end
        row_id, _sep, text = folded[start:end].partition(_SEP)
        if row_id.isdigit() and all(w in text for w in words):
            found.append(int(row_id))
        at = folded.find(first, end)
    return found


def _in(session: Session, query, column, ids: list[int]):
    """``query`` restricted to ``column`` in ``ids``, in chunks under SQLite's parameter limit."""
    for start in range(0, len(ids), 900):
        yield from session.execute(query.where(column.in_(ids[start : start + 900])))


def _field(names: tuple[str, ...], values: list[str], words: list[str]) -> tuple[str, str] | None:
    """The first field holding every word, and its text."""
    for name, value in zip(names, values, strict=True):
        folded = fold(value or "")
        if all(w in folded for w in words):
            return name, value
    return None


def search(session: Session, query: str, *, limit: int = 300) -> SearchResults:
    """Hits for ``query`` in every meeting; at most ``limit`` (``truncated`` says when cut)."""
    words = _words(query)
    if not words:
        return SearchResults(query, (), 0, False)
    hits: dict[int | None, list[tuple[tuple, Hit]]] = defaultdict(list)
    sources = _folded_sources(session)

    def add(meeting_id, order: tuple, hit: Hit) -> None:
        # The snippet field holds the whole matching text until the hit is kept (see _grouped).
        hits[meeting_id].append((order, hit))

    # The meeting's own texts.
    columns = [getattr(Meeting, n) for n in MEETING_FIELDS]
    ids = _matching_ids(sources["meeting"], words, limit)
    for mid, *values in _in(session, select(Meeting.id, *columns), Meeting.id, ids):
        for i, (name, value) in enumerate(zip(MEETING_FIELDS, values, strict=True)):
            if all(w in fold(value) for w in words):
                add(mid, (0, i), Hit("meeting", "meeting", mid, name, values[0], value))

    # People: the name (« first last ») or another field of PERSON_FIELDS; under each meeting listing them.
    matched = {}
    ids = _matching_ids(sources["person"], words, limit)
    columns = [getattr(Person, n) for n in NAMES]
    for pid, *values in _in(session, select(Person.id, *columns), Person.id, ids):
        person = dict(zip(NAMES, values, strict=True))
        parts = [person[n] for n in NAME_PARTS]
        found = _field(
            PERSON_FIELDS, [" ".join(parts).strip(), *(person[n] for n in PERSON_FIELDS[1:])], words
        )
        if found is not None:
            label = " ".join(p for p in (person["civility"], *parts) if p) or person["organisation"]
            matched[pid] = (found, label)
    listed = set()
    query_rows = select(Attendance.id, Attendance.meeting_id, Attendance.person_id, Attendance.position)
    for aid, mid, pid, position in _in(session, query_rows, Attendance.person_id, list(matched)):
        (name, value), label = matched[pid]
        add(mid, (1, position), Hit("participants", "attendance", aid, name, label, value))
        listed.add(pid)
    for pid, ((name, value), label) in matched.items():
        if pid not in listed:
            hit = Hit("participants", "person", pid, name, label, value)
            add(None, (1, label.casefold()), hit)

    # Programme: item titles and formats; moderators and speakers as printed.
    ids = _matching_ids(sources["programme_item"], words, limit)
    query_rows = select(
        ProgrammeItem.id,
        ProgrammeItem.meeting_id,
        ProgrammeItem.parent_id,
        ProgrammeItem.position,
        ProgrammeItem.title,
        ProgrammeItem.format,
    )
    for iid, mid, parent, position, title, fmt in _in(session, query_rows, ProgrammeItem.id, ids):
        found = _field(("title", "format"), [title, fmt], words)
        if found:
            hit = Hit("programme", "programme_item", iid, found[0], title, found[1])
            add(mid, (2, parent or iid, 0 if parent is None else position + 1, 0), hit)
    ids = _matching_ids(sources["programme_person"], words, limit)
    query_rows = select(
        ProgrammePerson.id,
        ProgrammeItem.meeting_id,
        ProgrammeItem.id,
        ProgrammeItem.parent_id,
        ProgrammePerson.position,
        ProgrammeItem.title,
        ProgrammePerson.name,
        ProgrammePerson.function,
    ).join(ProgrammeItem, ProgrammeItem.id == ProgrammePerson.item_id)
    for ppid, mid, iid, parent, position, title, name, function in _in(
        session, query_rows, ProgrammePerson.id, ids
    ):
        found = _field(("name", "function"), [name, function], words)
        if found:
            label = name or title
            hit = Hit("programme", "programme_person", ppid, found[0], label, found[1])
            add(mid, (2, parent or iid, 0, position + 1), hit)

    # The notes: section titles, then blocks (speaker, subtitle, question, text).
    ids = _matching_ids(sources["section"], words, limit)
    query_rows = select(Section.id, Section.meeting_id, Section.title)
    for sid, mid, title in _in(session, query_rows, Section.id, ids):
        add(mid, (3, sid, -1), Hit("report", "section", sid, "title", title, title))
    columns = [getattr(Block, n) for n in BLOCK_FIELDS]
    ids = _matching_ids(sources["block"], words, limit)
    query_rows = select(
        Block.id, Section.meeting_id, Section.id, Block.position, Section.title, *columns
    ).join(Section, Section.id == Block.section_id)
    for bid, mid, sid, position, section_title, *values in _in(session, query_rows, Block.id, ids):
        found = _field(BLOCK_FIELDS, values, words)
        if found:
            hit = Hit("report", "block", bid, found[0], values[1] or section_title, found[1])
            add(mid, (3, sid, position), hit)

    # The decisions register: number, text, an owner written out, follow-up note (a participant
    # owning one is found as a participant).
    columns = [getattr(Decision, n) for n in DECISION_FIELDS]
    ids = _matching_ids(sources["decision"], words, limit)
    query_rows = select(Decision.id, Decision.meeting_id, Decision.position, *columns)
    for did, mid, position, *values in _in(session, query_rows, Decision.id, ids):
        found = _field(DECISION_FIELDS, values, words)
        if found:
            add(mid, (4, position), Hit("decisions", "decision", did, found[0], values[0], found[1]))

    return _grouped(session, query, words, hits, limit)


def _grouped(session: Session, query: str, words: list[str], hits, limit: int) -> SearchResults:
    ids = [m for m in hits if m is not None]
    meetings = (
        {
            mid: (date, title)
            for mid, date, title in session.execute(
                select(Meeting.id, Meeting.date, Meeting.title).where(Meeting.id.in_(ids))
            )
        }
        if ids
        else {}
    )
    order = sorted(ids, key=lambda m: (meetings[m][0], m), reverse=True)
    if None in hits:
        order.append(None)
    groups, total, kept = [], 0, 0
    for mid in order:
        entries = sorted(hits[mid], key=lambda e: e[0])
        total += len(entries)
        room = max(0, limit - kept)
        if not room:
            continue
        chosen = [replace(hit, snippet=snippet(hit.snippet, words)) for _order, hit in entries[:room]]
        kept += len(chosen)
        date, title = meetings.get(mid, (None, ""))
        groups.append(MeetingHits(mid, date, title, chosen))
    return SearchResults(query, tuple(groups), total, total > kept)
