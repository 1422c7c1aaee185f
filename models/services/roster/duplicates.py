"""Duplicate suggestions: people of the roster compared within small blocks sharing a folded key."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.entities import Attendance, Block, Person, ProgrammePerson
from models.text_keys import key_many

# First names at least this close (difflib ratio, folded) under one last name: « Christophe »/« Christopher ».
FIRST_NAME_RATIO = 0.8
LAST_NAME_RATIO = 0.85
# People written exactly alike beyond this many (a very common name) are not all paired.
SAME_CAP = 30


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
