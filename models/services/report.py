"""The report body: parts and sections (a tree) holding ordered blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import BLOCK_KINDS, Attendance, Block, Meeting, Person, Section
from models.errors import FormatError
from models.services import snapshots
from models.services._common import get, insert_at, move_in, update_fields
from models.services.meetings import get_meeting

SECTION_FIELDS = ("title", "programme_item_id")
BLOCK_FIELDS = ("kind", "speaker", "person_id", "subtitle", "online", "question", "text")
# Kinds of programme item that get no section of notes of their own.
NO_NOTES_KINDS = ("welcome", "break", "meal")


def _section_owner(session: Session, meeting_id: int, parent_id: int | None) -> Meeting | Section:
    """The meeting or section whose ``sections`` list holds a section.

    Callers keep the owner in a variable while they change the list: the
    session holds it weakly, and a collection whose parent was
    garbage-collected cannot record changes.
    """
    if parent_id is None:
        return get_meeting(session, meeting_id)
    return get(session, Section, parent_id)


def add_section(
    session: Session, meeting_id: int, *, parent_id: int | None = None, position: int | None = None, **fields
) -> Section:
    section = Section(meeting=get_meeting(session, meeting_id), title="")
    update_fields(section, SECTION_FIELDS, fields)
    owner = _section_owner(session, meeting_id, parent_id)
    insert_at(owner.sections, section, position)
    owner.sections.reorder()
    session.flush()
    return section


def update_section(session: Session, section_id: int, expected_version=None, **fields) -> dict:
    return update_fields(get(session, Section, section_id), SECTION_FIELDS, fields, expected_version)


def move_section(session: Session, section_id: int, position: int) -> int:
    section = get(session, Section, section_id)
    old = section.position
    owner = _section_owner(session, section.meeting_id, section.parent_id)
    move_in(owner.sections, section, position)
    session.flush()
    return old


@dataclass
class Deleted:
    snapshot: snapshots.Snapshot
    owner_id: int | None  # parent section (or None: top level / the block's section)
    meeting_id: int
    position: int


def delete_section(session: Session, section_id: int) -> Deleted:
    section = get(session, Section, section_id)
    gone = Deleted(snapshots.take(section), section.parent_id, section.meeting_id, section.position)
    owner = _section_owner(session, section.meeting_id, section.parent_id)
    owner.sections.remove(section)
    owner.sections.reorder()
    session.flush()
    return gone


def _fix_meeting(section: Section, meeting_id: int) -> None:
    section.meeting_id = meeting_id
    for child in section.sections:
        _fix_meeting(child, meeting_id)


def restore_section(session: Session, gone: Deleted) -> Section:
    section = snapshots.restore(session, gone.snapshot)
    _fix_meeting(section, gone.meeting_id)
    owner = _section_owner(session, gone.meeting_id, gone.owner_id)
    if section in owner.sections:
        owner.sections.remove(section)
    insert_at(owner.sections, section, gone.position)
    owner.sections.reorder()
    session.flush()
    return section


def _check_block(fields: dict[str, Any]) -> None:
    if "kind" in fields and fields["kind"] not in BLOCK_KINDS:
        raise FormatError("kind", f'"{fields["kind"]}" is not one of {", ".join(BLOCK_KINDS)}')


def add_block(session: Session, section_id: int, *, position: int | None = None, **fields) -> Block:
    _check_block(fields)
    section = get(session, Section, section_id)
    block = Block(kind="paragraph")
    update_fields(block, BLOCK_FIELDS, fields)
    insert_at(section.blocks, block, position)
    section.blocks.reorder()
    session.flush()
    return block


def update_block(session: Session, block_id: int, expected_version=None, **fields) -> dict:
    _check_block(fields)
    return update_fields(get(session, Block, block_id), BLOCK_FIELDS, fields, expected_version)


def move_block(
    session: Session, block_id: int, position: int, section_id: int | None = None
) -> tuple[int, int]:
    """Move a block within its section, or into another; returns (old section id, old position)."""
    block = get(session, Block, block_id)
    old = (block.section_id, block.position)
    if section_id is None or section_id == block.section_id:
        move_in(block.section.blocks, block, position)
    else:
        # No autoflush while the block is between lists, or it would be
        # flushed as an orphan and deleted.
        with session.no_autoflush:
            target = get(session, Section, section_id)
            source = block.section
            source.blocks.remove(block)
            source.blocks.reorder()
            insert_at(target.blocks, block, position)
            target.blocks.reorder()
    session.flush()
    return old


def delete_block(session: Session, block_id: int) -> Deleted:
    block = get(session, Block, block_id)
    section = block.section
    gone = Deleted(snapshots.take(block), section.id, section.meeting_id, block.position)
    section.blocks.remove(block)
    section.blocks.reorder()
    session.flush()
    return gone


def restore_block(session: Session, gone: Deleted) -> Block:
    section = get(session, Section, gone.owner_id)
    block = snapshots.restore(session, gone.snapshot)
    if block in section.blocks:
        section.blocks.remove(block)
    insert_at(section.blocks, block, gone.position)
    section.blocks.reorder()
    session.flush()
    return block


def sections_from_programme(session: Session, meeting_id: int) -> list[Section]:
    """One section per programme item (and sub-topic) that has none yet; the new ones.

    Sub-topics become child sections of their item's section, each with an
    empty intervention per speaker, ready to be written.
    """
    meeting: Meeting = get_meeting(session, meeting_id)
    linked = {s.programme_item_id for s in _walk(meeting.sections) if s.programme_item_id}
    by_item = {s.programme_item_id: s for s in _walk(meeting.sections) if s.programme_item_id}
    created = []
    for item in meeting.programme:
        if item.kind in NO_NOTES_KINDS:
            continue
        if item.id not in linked:
            parent = _new_section(meeting.sections, meeting, item)
            by_item[item.id] = parent
            created.append(parent)
        for sub in item.subtopics:
            if sub.id in linked:
                continue
            created.append(_new_section(by_item[item.id].sections, meeting, sub))
    session.flush()
    return created


def _new_section(collection: list[Section], meeting: Meeting, item) -> Section:
    section = Section(meeting=meeting, title=item.title, programme_item=item)
    for speaker in item.speakers:
        section.blocks.append(
            Block(
                kind="intervention",
                speaker=speaker.printed_name,
                person=speaker.person,
                online=speaker.remote,
            )
        )
    if item.debate:
        section.blocks.append(Block(kind="debate"))
    collection.append(section)
    return section


def _walk(sections: list[Section]):
    for section in sections:
        yield section
        yield from _walk(section.sections)


def delete_sections(session: Session, section_ids: list[int]) -> list[Deleted]:
    """Delete several sections (one nested in another goes with it); undo with ``restore_sections``."""
    wanted = set(section_ids)
    roots = []
    for section_id in section_ids:
        ancestor = get(session, Section, section_id).parent
        while ancestor is not None and ancestor.id not in wanted:
            ancestor = ancestor.parent
        if ancestor is None:
            roots.append(section_id)
    return [delete_section(session, section_id) for section_id in roots]


def restore_sections(session: Session, gone: list[Deleted]) -> list[int]:
    # Reverse order: each deletion shifted the positions recorded after it.
    return [restore_section(session, one).id for one in reversed(gone)]


@dataclass
class BlockData:
    id: int
    section_id: int
    kind: str
    speaker: str
    person_id: int | None
    subtitle: str
    online: bool
    question: str
    text: str
    # The row's version when read, which an edit checks (ConflictError); not part of its value.
    version: int = field(default=0, compare=False)


@dataclass
class SectionData:
    id: int
    parent_id: int | None
    title: str
    programme_item_id: int | None
    blocks: list[BlockData] = field(default_factory=list)
    sections: list[SectionData] = field(default_factory=list)


def outline(session: Session, meeting_id: int) -> list[SectionData]:
    """The report tree as plain values, read in two queries."""
    get_meeting(session, meeting_id)
    rows = session.scalars(
        select(Section).where(Section.meeting_id == meeting_id).order_by(Section.position)
    ).all()
    sections = {s.id: SectionData(s.id, s.parent_id, s.title, s.programme_item_id) for s in rows}
    blocks = (
        session.scalars(
            select(Block).where(Block.section_id.in_(list(sections))).order_by(Block.position)
        ).all()
        if sections
        else []
    )
    for b in blocks:
        sections[b.section_id].blocks.append(
            BlockData(
                b.id,
                b.section_id,
                b.kind,
                b.speaker,
                b.person_id,
                b.subtitle,
                b.online,
                b.question,
                b.text,
                b.version,
            )
        )
    top = []
    for section in sections.values():
        owner = top if section.parent_id is None else sections[section.parent_id].sections
        owner.append(section)
    return top


@dataclass(frozen=True)
class ProgrammeChoice:
    id: int
    title: str
    start_time: dt.time | None
    subtopic: bool


def programme_choices(session: Session, meeting_id: int) -> list[ProgrammeChoice]:
    """Programme items then their sub-topics, in programme order: what a section can be linked to."""
    choices = []
    for item in get_meeting(session, meeting_id).programme:
        choices.append(ProgrammeChoice(item.id, item.title, item.start_time, False))
        choices.extend(ProgrammeChoice(sub.id, sub.title, sub.start_time, True) for sub in item.subtopics)
    return choices


@dataclass(frozen=True)
class SpeakerChoice:
    person_id: int
    name: str  # as printed: « M. Sami Kanaan »
    detail: str  # function and organisation, to tell namesakes apart
    participant: bool
    remote: bool


def speaker_choices(session: Session, meeting_id: int) -> list[SpeakerChoice]:
    """The meeting's participants, then the rest of the roster, each by last name."""
    modes = dict(
        session.execute(
            select(Attendance.person_id, Attendance.mode).where(Attendance.meeting_id == meeting_id)
        ).all()
    )
    people = session.scalars(select(Person).order_by(Person.last_name, Person.first_name)).all()
    choices = [
        SpeakerChoice(
            p.id,
            p.display_name,
            ", ".join(x for x in (p.function, p.organisation) if x),
            p.id in modes,
            modes.get(p.id) == "remote",
        )
        for p in people
    ]
    return [c for c in choices if c.participant] + [c for c in choices if not c.participant]
