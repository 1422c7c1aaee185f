"""The « represented by » cells of a plan, resolved to other participants of the meeting."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from models.people_import.fields import _shown
from models.people_import.plan import PlanRow
from models.text_keys import key


def _names(record: dict[str, str]) -> set[str]:
    """The folded ways a list names a person: as printed (with the civility), by name, or by organisation."""
    names = {
        key(" ".join(p for p in (record["civility"], record["first_name"], record["last_name"]) if p)),
        key(" ".join(p for p in (record["first_name"], record["last_name"]) if p)),
    }
    if not (record["first_name"] or record["last_name"]):
        names.add(key(record["organisation"]))
    return names - {""}


def _resolve_proxies(
    rows: list[PlanRow], proxies: dict[int, str], on_list: dict, people: dict
) -> list[PlanRow]:
    """Each « represented by » cell → another participant of the meeting, the list's or the file's.

    Done once every row is planned, so a proxy may be named on a later line. A name that is
    nobody of the meeting (or several people) is left out with a warning on its row, never
    guessed; a cell naming the row's current proxy changes nothing.
    """
    who: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for pid, entry in on_list.items():
        for name in _names(people[pid][1]):
            who[name].add(("row", entry.id))
    ref_of: dict[int, tuple[str, int]] = {}  # line -> the list row it is (or will be)
    for r in rows:
        if r.action == "bad" or (r.action == "skip" and r.reason.startswith("same person")):
            continue
        entry = on_list.get(r.person_id) if r.person_id is not None else None
        ref = ("row", entry.id) if entry is not None else ("line", r.line)
        ref_of[r.line] = ref
        for name in _names(r.values):
            who[name].add(ref)
    # The name as the list export writes it (models.services.reading), civility included.
    shown = {("row", e.id): _printed_name(people[pid][1]) for pid, e in on_list.items()}
    out = []
    for r in rows:
        text = proxies.get(r.line)
        if text is None or r.line not in ref_of:
            out.append(r)
            continue
        me = ref_of[r.line]
        entry = on_list.get(r.person_id) if r.person_id is not None else None
        current = ("row", entry.represented_by_id) if entry is not None and entry.represented_by_id else None
        found = who.get(key(text), set()) - {me}
        if current is not None and current in found:
            out.append(r)
            continue
        if len(found) != 1:
            why = "is nobody else on the list" if not found else "names several people on the list"
            warning = f'represented by: "{_shown(text)}" {why}; left out'
            out.append(replace(r, warnings=(*r.warnings, warning)))
            continue
        marks = {**r.marks, "represented_by": (shown.get(current, "") if current else "", text)}
        changed = replace(r, marks=marks, proxy=next(iter(found)))
        if changed.action == "skip":
            changed = replace(changed, action="update", reason="already on the list")
        out.append(changed)
    return out


def _printed_name(record: dict[str, str]) -> str:
    name = " ".join(p for p in (record["civility"], record["first_name"], record["last_name"]) if p)
    return name or record["organisation"]
