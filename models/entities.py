"""The tables: a meeting, its programme, its attendance, its report body.

Everything the compte-rendu prints is a column here; nothing of a
meeting's content lives in code. Ordered children carry a ``position``
kept dense by ``ordering_list`` so reordering is a list operation.
"""

import datetime as dt
from typing import Optional

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
    and_,
)
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import Mapped, foreign, mapped_column, relationship

from models.base import Base, Versioned

LANGUAGES = ("fr", "en", "es")
STATUSES = ("draft", "final")
ATTENDANCE_STATUSES = ("invited", "present", "excused", "absent")
ATTENDANCE_MODES = ("in_person", "remote")
ITEM_KINDS = ("welcome", "session", "break", "meal", "debate", "conclusions", "other")
ROLES = ("speaker", "moderator")
BLOCK_KINDS = ("intervention", "debate", "conclusions", "paragraph")
# "" is no role: every attendance row of the 2023 shape.
ATTENDANCE_ROLES = ("", "chair", "vice_chair", "secretary", "member", "guest", "staff")
DOCUMENT_KINDS = ("compte_rendu", "proces_verbal", "releve_de_decisions")
# "number": quorum_number members at least.
QUORUM_RULES = ("none", "majority", "two_thirds", "number")
DECISION_STATUSES = ("open", "in_progress", "done", "dropped")
# Arrival and departure are what the secretary writes on the day (« 10h30 », « from item 3 »).
ARRIVAL_LENGTH = 64


def _one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    quoted = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name)


def _text(default: str = "") -> Mapped[str]:
    return mapped_column(Text, nullable=False, default=default)


class Meeting(Versioned, Base):
    __tablename__ = "meeting"
    __table_args__ = (
        _one_of("language", LANGUAGES, "language"),
        _one_of("status", STATUSES, "status"),
        _one_of("document_kind", DOCUMENT_KINDS, "document_kind"),
        _one_of("quorum_rule", QUORUM_RULES, "quorum_rule"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation: Mapped[str] = _text()
    body: Mapped[str] = _text()
    document_title: Mapped[str] = _text()
    title: Mapped[str] = _text()
    venue: Mapped[str] = _text()
    date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    timezone: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    language: Mapped[str] = mapped_column(String(2), nullable=False, default="fr")
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="draft")
    introduction: Mapped[str] = _text()
    co_organisers: Mapped[str] = _text()
    objectives: Mapped[str] = _text()
    photo_album_url: Mapped[str] = _text()
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_media_type: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    # « Use the styles of a Word file » (models/services/templates.py). Deferred: a
    # template can weigh megabytes and only the export reads it.
    style_template: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    style_template_name: Mapped[str] = _text()
    # Committee settings (issue 16); their defaults print the 2023 document unchanged.
    document_kind: Mapped[str] = mapped_column(String(20), nullable=False, default="compte_rendu")
    agenda_numbering: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # JSON (models/services/committee.py); "" is the 2023 list: present people, with their organisation.
    printed_lists: Mapped[str] = _text()
    quorum_rule: Mapped[str] = mapped_column(String(10), nullable=False, default="none")
    quorum_number: Mapped[int | None] = mapped_column(Integer)
    # JSON object, label key → text; "" is none.
    label_overrides: Mapped[str] = _text()

    programme: Mapped[list["ProgrammeItem"]] = relationship(
        primaryjoin=lambda: and_(
            Meeting.id == foreign(ProgrammeItem.meeting_id), ProgrammeItem.parent_id.is_(None)
        ),
        order_by=lambda: ProgrammeItem.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        overlaps="subtopics,parent",
    )
    attendance: Mapped[list["Attendance"]] = relationship(
        back_populates="meeting",
        order_by=lambda: Attendance.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )
    sections: Mapped[list["Section"]] = relationship(
        primaryjoin=lambda: and_(Meeting.id == foreign(Section.meeting_id), Section.parent_id.is_(None)),
        order_by=lambda: Section.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        overlaps="sections,parent",
    )
    decisions: Mapped[list["Decision"]] = relationship(
        back_populates="meeting",
        order_by=lambda: Decision.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )

    @property
    def year(self) -> int:
        return self.date.year


class Person(Versioned, Base):
    """One record per human across all meetings (the roster)."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    civility: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    first_name: Mapped[str] = _text()
    last_name: Mapped[str] = _text()
    function: Mapped[str] = _text()
    organisation: Mapped[str] = _text()
    email: Mapped[str] = _text()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def display_name(self) -> str:
        """Name as the document prints it: « M. Sami Kanaan »."""
        return " ".join(p for p in (self.civility, self.first_name, self.last_name) if p)


class Attendance(Versioned, Base):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        _one_of("status", ATTENDANCE_STATUSES, "status"),
        _one_of("mode", ATTENDANCE_MODES, "mode"),
        _one_of("role", ATTENDANCE_ROLES, "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="invited")
    mode: Mapped[str] = mapped_column(String(9), nullable=False, default="in_person")
    role: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    # A proxy: another row of the same meeting (models/services/quorum.py checks it).
    represented_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL"), index=True
    )
    arrival: Mapped[str] = mapped_column(String(ARRIVAL_LENGTH), nullable=False, default="")
    departure: Mapped[str] = mapped_column(String(ARRIVAL_LENGTH), nullable=False, default="")

    meeting: Mapped["Meeting"] = relationship(back_populates="attendance")
    person: Mapped["Person"] = relationship(lazy="joined")
    represented_by: Mapped[Optional["Attendance"]] = relationship(remote_side=lambda: [Attendance.id])


class ProgrammeItem(Versioned, Base):
    """A programme row, or (with a parent) one of its sub-topics."""

    __tablename__ = "programme_item"
    __table_args__ = (_one_of("kind", ITEM_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_item.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    title: Mapped[str] = _text()
    kind: Mapped[str] = mapped_column(String(12), nullable=False, default="session")
    format: Mapped[str] = _text()
    debate: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    # Written for sub-topics too, which the filtered Meeting.programme skips.
    meeting: Mapped["Meeting"] = relationship(overlaps="programme")
    parent: Mapped[Optional["ProgrammeItem"]] = relationship(
        remote_side=lambda: [ProgrammeItem.id], back_populates="subtopics"
    )
    subtopics: Mapped[list["ProgrammeItem"]] = relationship(
        back_populates="parent",
        order_by=lambda: ProgrammeItem.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )
    people: Mapped[list["ProgrammePerson"]] = relationship(
        back_populates="item",
        order_by=lambda: ProgrammePerson.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )

    @property
    def moderators(self) -> list["ProgrammePerson"]:
        return [p for p in self.people if p.role == "moderator"]

    @property
    def speakers(self) -> list["ProgrammePerson"]:
        return [p for p in self.people if p.role == "speaker"]


class ProgrammePerson(Versioned, Base):
    """A moderator or speaker of a programme item, as the programme prints it.

    ``name`` and ``function`` are the printed text (spellings in a programme
    often differ from the roster); ``person`` links to the roster when known.
    """

    __tablename__ = "programme_person"
    __table_args__ = (_one_of("role", ROLES, "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("programme_item.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    role: Mapped[str] = mapped_column(String(9), nullable=False, default="speaker")
    role_label: Mapped[str] = _text()
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = _text()
    function: Mapped[str] = _text()
    remote: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    item: Mapped["ProgrammeItem"] = relationship(back_populates="people")
    person: Mapped[Optional["Person"]] = relationship()

    @property
    def printed_name(self) -> str:
        if self.name:
            return self.name
        return self.person.display_name if self.person is not None else ""


class Section(Versioned, Base):
    """A part or section of « Compte-rendu de la réunion »; depth gives its heading level."""

    __tablename__ = "section"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    title: Mapped[str] = _text()
    programme_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_item.id", ondelete="SET NULL"), index=True
    )

    meeting: Mapped["Meeting"] = relationship(overlaps="sections")
    parent: Mapped[Optional["Section"]] = relationship(
        remote_side=lambda: [Section.id], back_populates="sections"
    )
    sections: Mapped[list["Section"]] = relationship(
        back_populates="parent",
        order_by=lambda: Section.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )
    blocks: Mapped[list["Block"]] = relationship(
        back_populates="section",
        order_by=lambda: Block.position,
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
    )
    programme_item: Mapped[Optional["ProgrammeItem"]] = relationship()

    @property
    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth


class Block(Versioned, Base):
    """One piece of a section: an intervention, a debate, conclusions or a paragraph.

    Text fields hold CommonMark Markdown.
    """

    __tablename__ = "block"
    __table_args__ = (_one_of("kind", BLOCK_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    kind: Mapped[str] = mapped_column(String(12), nullable=False, default="paragraph")
    speaker: Mapped[str] = _text()
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    subtitle: Mapped[str] = _text()
    online: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    question: Mapped[str] = _text()
    text: Mapped[str] = _text()

    section: Mapped["Section"] = relationship(back_populates="blocks")
    person: Mapped[Optional["Person"]] = relationship()


class Decision(Versioned, Base):
    """One entry of the decisions register; ``previous`` is the same decision in an earlier meeting.

    The owner is a participant (``owner_attendance``) or, when nobody of the
    list carries it, an organisation written out (``owner_text``).
    """

    __tablename__ = "decision"
    __table_args__ = (
        UniqueConstraint("meeting_id", "number"),
        _one_of("status", DECISION_STATUSES, "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    number: Mapped[str] = mapped_column(String(32), nullable=False)
    text: Mapped[str] = _text()
    programme_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_item.id", ondelete="SET NULL"), index=True
    )
    owner_attendance_id: Mapped[int | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL"), index=True
    )
    owner_text: Mapped[str] = _text()
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(11), nullable=False, default="open")
    follow_up: Mapped[str] = _text()
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="SET NULL"), index=True
    )

    meeting: Mapped["Meeting"] = relationship(back_populates="decisions")
    programme_item: Mapped[Optional["ProgrammeItem"]] = relationship()
    owner_attendance: Mapped[Optional["Attendance"]] = relationship()
    previous: Mapped[Optional["Decision"]] = relationship(remote_side=lambda: [Decision.id])

    @property
    def owner_name(self) -> str:
        if self.owner_attendance is not None:
            return self.owner_attendance.person.display_name or self.owner_attendance.person.organisation
        return self.owner_text


class ChangeLog(Base):
    """The change feed (models/changes.py): one counter per meeting, bumped by every commit touching it.

    ``meeting_id`` 0 stands for changes that may show in any meeting (the
    roster, bulk statements). No foreign key: the row of a deleted meeting
    is removed by the same commit, and 0 is no meeting.
    """

    __tablename__ = "change_log"

    meeting_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
