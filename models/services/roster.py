"""The roster across years: a person's history, duplicate suggestions, merging.

Duplicates are only ever suggested; ``merge_people`` runs when the user
confirms one. Suggestions compare people within small blocks sharing a
folded key (last name, first name + initial of the last, the set of name
words, the email) and never all pairs, so 20,000 people take well under a
second.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from models.entities import Attendance, Block, Meeting, Person, ProgrammeItem, ProgrammePerson, Section
from models.errors import MinutierError
from models.services._common import check_version, get
from models.text_keys import key_many

# When two rows of one meeting must become one, the stronger mark wins.
STATUS_STRENGTH = {"present": 3, "excused": 2, "absent": 1, "invited": 0}
MERGE_FIELDS = ("civility", "first_name", "last_name", "function", "organisation", "email")
# First names at least this close (difflib ratio, folded) under one last name: « Christophe »/« Christopher ».
FIRST_NAME_RATIO = 0.8
LAST_NAME_RATIO = 0.85
# People written exactly alike beyond this many (a very common name) are not all paired.
SAME_CAP = 30


# ---------------------------------------------------------------- history


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One meeting in a person's history: how they took part."""

    meeting_id: int
    date: dt.date
    title: str
    status: str | None  # None: not on the list, but in the programme or the notes
    mode: str | None
    roles: tuple[str, ...] = ()  # « moderator: Session title », « speaker: … »
    interventions: int = 0


def person_history(session: Session, person_id: int) -> list[HistoryEntry]:
    """Every meeting this person is on the list of, in the programme of, or quoted in; newest first."""
    get(session, Person, person_id)
    marks: dict[int, tuple[str, str]] = {}
    for meeting_id, status, mode in session.execute(
        select(Attendance.meeting_id, Attendance.status, Attendance.mode).where(
            Attendance.person_id == person_id
        )
    ):
        marks[meeting_id] = (status, mode)
    roles: dict[int, list[str]] = defaultdict(list)
    for meeting_id, role, title in session.execute(
        select(ProgrammeItem.meeting_id, ProgrammePerson.role, ProgrammeItem.title)
        .join(ProgrammeItem, ProgrammeItem.id == ProgrammePerson.item_id)
        .where(ProgrammePerson.person_id == person_id)
        .order_by(ProgrammeItem.meeting_id, ProgrammeItem.position, ProgrammePerson.position)
    ):
        roles[meeting_id].append(f"{role}: {title}")
    interventions: dict[int, int] = dict(
        session.execute(
            select(Section.meeting_id, func.count())
            .join(Block, Block.section_id == Section.id)
            .where(Block.person_id == person_id)
            .group_by(Section.meeting_id)
        ).all()
    )
    ids = set(marks) | set(roles) | set(interventions)
    if not ids:
        return []
    meetings = session.execute(
        select(Meeting.id, Meeting.date, Meeting.title)
        .where(Meeting.id.in_(ids))
        .order_by(Meeting.date.desc(), Meeting.id.desc())
    ).all()
    return [
        HistoryEntry(
            mid,
            date,
            title,
            *(marks.get(mid) or (None, None)),
            tuple(roles.get(mid, ())),
            interventions.get(mid, 0),
        )
        for mid, date, title in meetings
    ]


# ---------------------------------------------------------------- duplicates


@dataclass(frozen=True, slots=True)
class DuplicateSuggestion:
    """Two roster records that may be one person. ``keep_id`` is the one more used."""

    keep_id: int
    merge_id: int
    keep_name: str
    merge_name: str
    score: float  # 0..1, higher is more likely the same person
    reasons: tuple[str, ...]


@dataclass(slots=True)
class _Entry:
    id: int
    first: str
    last: str
    org: str
    email: str
    name: str
    uses: int


def _entries(session: Session) -> list[_Entry]:
    uses: dict[int, int] = defaultdict(int)
    for cls in (Attendance, ProgrammePerson, Block):
        for person_id, count in session.execute(
            select(cls.person_id, func.count()).where(cls.person_id.is_not(None)).group_by(cls.person_id)
        ):
            uses[person_id] += count
    rows = session.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.organisation, Person.email)
    ).all()
    firsts, lasts, orgs = (key_many([r[i] for r in rows]) for i in (1, 2, 3))
    return [
        _Entry(
            pid,
            first_key,
            last_key,
            org_key,
            email.strip().casefold(),
            " ".join(p for p in (first, last) if p) or org,
            uses[pid],
        )
        for (pid, first, last, org, email), first_key, last_key, org_key in zip(
            rows, firsts, lasts, orgs, strict=True
        )
    ]


def _similar_first(a: str, b: str) -> bool:
    return _initial_of(a, b) or (a[:1] == b[:1] and _close(a, b, FIRST_NAME_RATIO))


def _similar_last(a: str, b: str) -> bool:
    return a[:2] == b[:2] and _close(a, b, LAST_NAME_RATIO)


def _within(group: list[_Entry], sub_key, similar=None, prefix: int = 1):
    """Candidate pairs in one block: people with the same ``sub_key`` (at most SAME_CAP of them),
    and, when ``similar`` is given, people whose sub-keys it finds close.

    Comparing distinct sub-keys rather than people keeps a block of a common
    last name cheap: its 500 people have far fewer distinct first names.
    """
    subs: dict[str, list[_Entry]] = defaultdict(list)
    for e in group:
        subs[sub_key(e)].append(e)
    for members in subs.values():
        yield from combinations(members[:SAME_CAP], 2)
    if similar is None:
        return
    by_letter: dict[str, list[str]] = defaultdict(list)
    for k in subs:
        by_letter[k[:prefix] if len(k) > 1 else k[:1]].append(k)
    # Only keys starting alike are compared (a typo in the first letters is rare); an initial
    # (« c ») goes with the keys of its letter.
    for keys in by_letter.values():
        for k1, k2 in combinations(keys, 2):
            if similar(k1, k2):
                for a in subs[k1][:SAME_CAP]:
                    for b in subs[k2][:SAME_CAP]:
                        yield a, b


def _candidates(entries: list[_Entry]):
    """Pairs worth judging, from blocks sharing a cheap key: never all pairs of the roster."""
    by: dict[str, dict[str, list[_Entry]]] = defaultdict(lambda: defaultdict(list))
    for e in entries:
        if e.email:
            by["email"][e.email].append(e)
        if e.last:
            by["last"][e.last].append(e)
        if e.first and e.last:
            # Same first name and last-name initial: catches typos in the last name.
            by["first"][f"{e.first}|{e.last[:1]}"].append(e)
        words = " ".join(sorted((e.first + " " + e.last).split()))
        if words:
            # Same words, any order or split: « Viviana Herrera | Silva », swapped first/last.
            by["words"][words].append(e)
        if not (e.first or e.last) and e.org:
            by["org"][e.org].append(e)
    for kind, blocks in by.items():
        for group in blocks.values():
            if len(group) < 2:
                continue
            if kind == "last":
                yield from _within(group, lambda e: e.first, _similar_first)
            elif kind == "first":
                yield from _within(group, lambda e: e.last, _similar_last, prefix=2)
            elif kind == "words":
                yield from _within(group, lambda e: f"{e.first}|{e.last}", lambda a, b: True, prefix=0)
            else:
                yield from _within(group, lambda e: "")


@lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@lru_cache(maxsize=65536)
def _letters(text: str) -> Counter:
    return Counter(text)


def _close(a: str, b: str, threshold: float) -> bool:
    """``_ratio(a, b) >= threshold``, with two cheap upper bounds first (most pairs stop there)."""
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) < threshold * total:
        return False
    # Letters in common (as a multiset) bound the matching characters, as difflib's quick_ratio.
    common = sum((_letters(a) & _letters(b)).values())
    return 2 * common >= threshold * total and _ratio(a, b) >= threshold


def _initial_of(a: str, b: str) -> bool:
    """« c » or « c. » against « christophe »."""
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _judge(a: _Entry, b: _Entry) -> tuple[float, list[str]] | None:
    reasons: list[str] = []
    score = 0.0
    same_email = bool(a.email) and a.email == b.email
    if same_email:
        reasons.append("same email")
        score = 0.95
    if a.first or a.last or b.first or b.last:
        if (a.first, a.last) == (b.first, b.last):
            reasons.append("same name" if a.name == b.name else "same name apart from accents or case")
            score = max(score, 1.0)
        elif a.first and a.last and (a.first, a.last) == (b.last, b.first):
            reasons.append("first and last names swapped")
            score = max(score, 0.95)
        elif sorted((a.first + " " + a.last).split()) == sorted((b.first + " " + b.last).split()):
            reasons.append("same words, split differently")
            score = max(score, 0.9)
        elif a.last and a.last == b.last:
            if _initial_of(a.first, b.first):
                reasons.append("initial of the first name")
                score = max(score, 0.7)
            elif a.first and b.first:
                ratio = _ratio(a.first, b.first)
                if ratio >= FIRST_NAME_RATIO:
                    reasons.append("similar first names")
                    score = max(score, 0.6 + 0.4 * ratio - 0.05)
        elif a.first and a.first == b.first and a.last and b.last:
            ratio = _ratio(a.last, b.last)
            if ratio >= LAST_NAME_RATIO:
                reasons.append("similar last names")
                score = max(score, 0.6 + 0.4 * ratio - 0.05)
    elif a.org and a.org == b.org:
        reasons.append("same organisation, no name")
        score = 0.9
    if not reasons:
        return None
    if a.org and b.org and a.org != b.org and not same_email:
        if _ratio(a.org, b.org) < 0.6:
            score -= 0.15
            reasons.append("different organisations")
    elif a.org and a.org == b.org and "same organisation, no name" not in reasons:
        score = min(1.0, score + 0.05)
        reasons.append("same organisation")
    return round(max(0.0, min(score, 1.0)), 3), reasons


def suggest_duplicates(session: Session, *, min_score: float = 0.6) -> list[DuplicateSuggestion]:
    """Pairs of roster records that may be the same person, most likely first. Writes nothing."""
    found: dict[tuple[int, int], DuplicateSuggestion | None] = {}
    for a, b in _candidates(_entries(session)):
        pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if pair in found:
            continue
        judged = _judge(a, b)
        if judged is None or judged[0] < min_score:
            found[pair] = None
            continue
        keep, merge = (a, b) if (a.uses, -a.id) >= (b.uses, -b.id) else (b, a)
        found[pair] = DuplicateSuggestion(
            keep.id, merge.id, keep.name, merge.name, judged[0], tuple(judged[1])
        )
    suggestions = [s for s in found.values() if s is not None]
    return sorted(suggestions, key=lambda s: (-s.score, s.keep_name.casefold(), s.keep_id, s.merge_id))


def duplicates_of(session: Session, person_id: int, *, min_score: float = 0.6) -> list[DuplicateSuggestion]:
    """Suggestions involving one person (the « possible duplicates » of a person panel)."""
    return [
        s for s in suggest_duplicates(session, min_score=min_score) if person_id in (s.keep_id, s.merge_id)
    ]


# ---------------------------------------------------------------- merging


@dataclass
class Merged:
    """What ``merge_people`` changed, so ``unmerge_people`` can put it back (undo)."""

    keep_id: int
    merged_person: dict  # every column of the removed record
    keep_fields: dict  # keep's fields before empty ones were filled in
    moved_attendance: list[int] = field(default_factory=list)  # rows re-pointed to keep
    dropped_attendance: list[dict] = field(default_factory=list)  # merge's rows where keep was listed too
    keep_marks: dict[int, tuple[str, str]] = field(default_factory=dict)  # keep's row id -> (status, mode)
    programme_people: list[int] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)


def _columns(obj) -> dict:
    return {attr.key: getattr(obj, attr.key) for attr in inspect(type(obj)).column_attrs}


def merge_people(
    session: Session, keep_id: int, merge_id: int, *, expected_versions: tuple[int, int] | None = None
) -> Merged:
    """Make ``merge_id`` one with ``keep_id``: its attendance, programme roles and notes move over.

    Where both are on one meeting's list, one row stays with the stronger
    status (present > excused > absent > invited) and that row's mode.
    Empty fields of ``keep`` are filled from ``merge``; then ``merge`` is
    removed from the roster.
    """
    if keep_id == merge_id:
        raise MinutierError("A person cannot be merged with themselves.")
    keep, merge = get(session, Person, keep_id), get(session, Person, merge_id)
    if expected_versions is not None:
        check_version(keep, expected_versions[0])
        check_version(merge, expected_versions[1])
    done = Merged(keep.id, _columns(merge), {f: getattr(keep, f) for f in MERGE_FIELDS})
    for name in MERGE_FIELDS:
        if not getattr(keep, name).strip() and getattr(merge, name).strip():
            setattr(keep, name, getattr(merge, name))

    keep_rows = {
        row.meeting_id: row
        for row in session.scalars(select(Attendance).where(Attendance.person_id == keep.id))
    }
    for row in list(session.scalars(select(Attendance).where(Attendance.person_id == merge.id))):
        mine = keep_rows.get(row.meeting_id)
        if mine is None:
            row.person = keep
            done.moved_attendance.append(row.id)
            continue
        done.keep_marks[mine.id] = (mine.status, mine.mode)
        if STATUS_STRENGTH[row.status] > STATUS_STRENGTH[mine.status]:
            mine.status, mine.mode = row.status, row.mode
        done.dropped_attendance.append(_columns(row))
        meeting = row.meeting
        meeting.attendance.remove(row)
        meeting.attendance.reorder()
    for cls, moved in ((ProgrammePerson, done.programme_people), (Block, done.blocks)):
        for row in session.scalars(select(cls).where(cls.person_id == merge.id)):
            row.person = keep
            moved.append(row.id)
    session.flush()
    session.delete(merge)
    session.flush()
    return done


def unmerge_people(session: Session, done: Merged) -> None:
    """Undo ``merge_people``: the removed record comes back with its id and everything it had."""
    merged = Person(**done.merged_person)
    session.add(merged)
    session.flush()
    keep = get(session, Person, done.keep_id)
    for name, value in done.keep_fields.items():
        setattr(keep, name, value)
    for cls, ids in (
        (Attendance, done.moved_attendance),
        (ProgrammePerson, done.programme_people),
        (Block, done.blocks),
    ):
        for row in session.scalars(select(cls).where(cls.id.in_(ids))) if ids else ():
            row.person = merged
    for row_id, (status, mode) in done.keep_marks.items():
        row = get(session, Attendance, row_id)
        row.status, row.mode = status, mode
    for columns in sorted(done.dropped_attendance, key=lambda c: c["position"]):
        meeting = get(session, Meeting, columns["meeting_id"])
        meeting.attendance.insert(columns["position"], Attendance(**columns, person=merged))
        meeting.attendance.reorder()
    session.flush()
