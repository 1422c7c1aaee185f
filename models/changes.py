"""The change feed: which meetings did someone else change since I last looked? (docs/shared-database.md)

Every commit made through ``Database.transaction()`` adds one to the row of
``change_log`` of each meeting it touched, as its last statement: so
another window, process or computer sees that a meeting changed by reading
a handful of integers (``ChangeWatcher.poll``), on SQLite as on a server.

What counts as touching meeting M: a row of M itself, its attendance, its
programme (items, speakers), its report (sections, blocks). A change that
may show in any meeting (a roster person, a bulk statement) bumps the row
``GLOBAL`` (0). Deleting a meeting deletes its row: a watcher sees it gone.

The bump runs at the end of the transaction, in ascending meeting order,
so on PostgreSQL two writers of the same meeting queue there only for the
moment of their commit and cannot deadlock on it.

A Database remembers the versions its own commits produced, so a watcher
tells the changes of this process (already on screen) from the others'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, event, inspect, select
from sqlalchemy.orm import Session

from models.entities import (
    Attendance,
    Block,
    ChangeLog,
    Meeting,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Section,
)

GLOBAL = 0
DELETED = 0  # the version recorded for a meeting this process deleted
_TOUCHED = "minutier.changes.touched"  # session.info: meeting ids touched by this transaction
_GONE = "minutier.changes.gone"  # session.info: meetings deleted by this transaction
_BUMPED = "minutier.changes.bumped"  # session.info: {meeting id: version} written at commit


def _loaded(obj, name: str):
    """An attribute's value if it is loaded, without emitting SQL."""
    return inspect(obj).dict.get(name)


def _parent_meeting(session: Session, parent, parent_cls, parent_id) -> int | None:
    if parent is not None and _loaded(parent, "meeting_id") is not None:
        return _loaded(parent, "meeting_id")
    if parent_id is None:
        return None
    # Core, on the flush's connection: no autoflush, no identity-map side effects.
    return session.connection().scalar(select(parent_cls.meeting_id).where(parent_cls.id == parent_id))


def meeting_of(session: Session, obj) -> int | None:
    """The meeting a changed row belongs to; GLOBAL when it may show in any; None for the feed itself."""
    if isinstance(obj, ChangeLog):
        return None
    if isinstance(obj, Meeting):
        return _loaded(obj, "id")
    if isinstance(obj, Person):
        return GLOBAL
    meeting_id = None
    if isinstance(obj, Attendance | ProgrammeItem | Section):
        meeting_id = _loaded(obj, "meeting_id")
    elif isinstance(obj, ProgrammePerson):
        meeting_id = _parent_meeting(session, _loaded(obj, "item"), ProgrammeItem, _loaded(obj, "item_id"))
    elif isinstance(obj, Block):
        meeting_id = _parent_meeting(session, _loaded(obj, "section"), Section, _loaded(obj, "section_id"))
    return GLOBAL if meeting_id is None else meeting_id


def _collect(session: Session, _flush_context) -> None:
    """``after_flush``: note the meetings this flush touched (foreign keys are set by now)."""
    touched = session.info.setdefault(_TOUCHED, set())
    gone = session.info.setdefault(_GONE, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        meeting_id = meeting_of(session, obj)
        if meeting_id is not None:
            touched.add(meeting_id)
    for obj in session.deleted:
        if isinstance(obj, Meeting) and _loaded(obj, "id") is not None:
            gone.add(obj.id)


def _bulk(state) -> None:
    """``do_orm_execute``: an INSERT, UPDATE or DELETE statement may touch any meeting."""
    if state.is_insert or state.is_update or state.is_delete:
        target = state.bind_mapper.class_ if state.bind_mapper is not None else None
        if target is not ChangeLog:
            state.session.info.setdefault(_TOUCHED, set()).add(GLOBAL)


def _upsert(dialect_name: str):
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _bump(session: Session) -> None:
    """``before_commit``: add one to the row of every meeting touched, as the transaction's last writes."""
    session.flush()  # the last changes, so that they are collected
    touched = session.info.pop(_TOUCHED, set())
    gone = session.info.pop(_GONE, set())
    if not touched:
        return
    connection = session.connection()
    insert = _upsert(connection.dialect.name)
    bumped = {}
    for meeting_id in sorted(touched):
        if meeting_id in gone:
            connection.execute(delete(ChangeLog).where(ChangeLog.meeting_id == meeting_id))
            bumped[meeting_id] = DELETED
            continue
        statement = (
            insert(ChangeLog)
            .values(meeting_id=meeting_id, version=1)
            .on_conflict_do_update(
                index_elements=[ChangeLog.meeting_id], set_={"version": ChangeLog.version + 1}
            )
            .returning(ChangeLog.version)
        )
        bumped[meeting_id] = connection.execute(statement).scalar_one()
    session.info[_BUMPED] = bumped


def _forget(session: Session, *_args) -> None:
    for key in (_TOUCHED, _GONE, _BUMPED):
        session.info.pop(key, None)


def install(target, on_commit: Callable[[dict[int, int]], None]) -> None:
    """Keep the feed on every commit of sessions made by ``target`` (a new sessionmaker).

    ``on_commit({meeting id: version})`` learns the versions each commit wrote.
    """

    def committed(session: Session) -> None:
        bumped = session.info.pop(_BUMPED, None)
        _forget(session)
        if bumped:
            on_commit(bumped)

    event.listen(target, "after_flush", _collect)
    event.listen(target, "do_orm_execute", _bulk)
    event.listen(target, "before_commit", _bump)
    event.listen(target, "after_commit", committed)
    event.listen(target, "after_rollback", _forget)


def read(session: Session) -> dict[int, int]:
    """The whole feed: {meeting id: version}; a meeting never changed since 0002 is absent (version 0)."""
    return {
        meeting_id: version
        for meeting_id, version in session.execute(select(ChangeLog.meeting_id, ChangeLog.version))
    }


@dataclass
class Changes:
    """What a poll found: the meetings changed by others (GLOBAL: maybe any), and whether anything moved."""

    by_others: set[int] = field(default_factory=set)
    any: bool = False

    def touches(self, meeting_id: int | None) -> bool:
        """Whether the meeting on screen must be reloaded."""
        return meeting_id is not None and bool(self.by_others & {meeting_id, GLOBAL})


class ChangeWatcher:
    """Compares the feed with what it saw last; Qt-free, so the editor polls it on a timer.

    ``own`` is the Database's record of the versions its own commits wrote:
    a meeting whose every new version is in it changed here only.
    """

    def __init__(self, db) -> None:
        self.db = db
        self.seen = self._read()

    def _read(self) -> dict[int, int]:
        with self.db.reading() as session:
            return read(session)

    def poll(self) -> Changes:
        now = self._read()
        changes = Changes(any=now != self.seen)
        if changes.any:
            own = self.db.own_versions
            for meeting_id in set(now) | set(self.seen):
                before, after = self.seen.get(meeting_id, 0), now.get(meeting_id)
                mine = own.get(meeting_id, set())
                if after is None:  # deleted
                    if DELETED not in mine:
                        changes.by_others.add(meeting_id)
                elif after < before or any(v not in mine for v in range(before + 1, after + 1)):
                    changes.by_others.add(meeting_id)
        self.seen = now
        return changes
