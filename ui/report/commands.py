"""The undoable changes of the Compte-rendu tab, one class per kind, one service call per direction.

Additions are undone by deleting with a snapshot and redone by restoring
it, so the section or block keeps its id and the commands stacked after
it (a text typed into the new block) still find it.
"""

from __future__ import annotations

from typing import Any

from models.database import Database
from models.services import report
from ui.undo import DataCommand, Done


class AddSection(DataCommand):
    """After the push, ``section_id`` is the new section's."""

    def __init__(
        self,
        db: Database,
        text: str,
        meeting_id: int,
        parent_id: int | None,
        position: int | None,
        done: Done,
        **fields,
    ):
        super().__init__(db, text, done)
        self.meeting_id, self.parent_id, self.position, self.fields = meeting_id, parent_id, position, fields
        self.section_id: int | None = None
        self.gone: Any = None

    def apply(self, session) -> None:
        if self.gone is not None:
            self.section_id = report.restore_section(session, self.gone).id
            self.gone = None
            return
        self.section_id = report.add_section(
            session, self.meeting_id, parent_id=self.parent_id, position=self.position, **self.fields
        ).id

    def revert(self, session) -> None:
        self.gone = report.delete_section(session, self.section_id)


class AddBlock(DataCommand):
    """After the push, ``block_id`` is the new block's."""

    def __init__(self, db: Database, text: str, section_id: int, position: int | None, done: Done, **fields):
        super().__init__(db, text, done)
        self.section_id, self.position, self.fields = section_id, position, fields
        self.block_id: int | None = None
        self.gone: Any = None

    def apply(self, session) -> None:
        if self.gone is not None:
            self.block_id = report.restore_block(session, self.gone).id
            self.gone = None
            return
        self.block_id = report.add_block(session, self.section_id, position=self.position, **self.fields).id

    def revert(self, session) -> None:
        self.gone = report.delete_block(session, self.block_id)


class DeleteSection(DataCommand):
    def __init__(self, db: Database, text: str, section_id: int, done: Done):
        super().__init__(db, text, done)
        self.section_id = section_id
        self.gone: Any = None

    def apply(self, session) -> None:
        self.gone = report.delete_section(session, self.section_id)

    def revert(self, session) -> None:
        report.restore_section(session, self.gone)


class DeleteBlock(DataCommand):
    def __init__(self, db: Database, text: str, block_id: int, done: Done):
        super().__init__(db, text, done)
        self.block_id = block_id
        self.gone: Any = None

    def apply(self, session) -> None:
        self.gone = report.delete_block(session, self.block_id)

    def revert(self, session) -> None:
        report.restore_block(session, self.gone)


class MoveSection(DataCommand):
    def __init__(self, db: Database, text: str, section_id: int, position: int, done: Done):
        super().__init__(db, text, done)
        self.section_id, self.position = section_id, position
        self.old: int | None = None

    def apply(self, session) -> None:
        self.old = report.move_section(session, self.section_id, self.position)

    def revert(self, session) -> None:
        report.move_section(session, self.section_id, self.old)


class MoveBlock(DataCommand):
    """A block moves within its section or, with ``section_id``, to another one."""

    def __init__(
        self, db: Database, text: str, block_id: int, position: int, section_id: int | None, done: Done
    ):
        super().__init__(db, text, done)
        self.block_id, self.position, self.section_id = block_id, position, section_id
        self.old: tuple[int, int] | None = None  # (section, position) before the move

    def apply(self, session) -> None:
        self.old = report.move_block(session, self.block_id, self.position, self.section_id)

    def revert(self, session) -> None:
        old_section, old_position = self.old
        report.move_block(session, self.block_id, old_position, old_section)


class UpdateSection(DataCommand):
    def __init__(self, db: Database, text: str, section_id: int, done: Done, **fields):
        super().__init__(db, text, done)
        self.section_id, self.fields = section_id, fields
        self.previous: dict[str, Any] = {}

    def apply(self, session) -> None:
        self.previous = report.update_section(session, self.section_id, **self.fields)

    def revert(self, session) -> None:
        report.update_section(session, self.section_id, **self.previous)


class UpdateBlock(DataCommand):
    def __init__(self, db: Database, text: str, block_id: int, done: Done, **fields):
        super().__init__(db, text, done)
        self.block_id, self.fields = block_id, fields
        self.previous: dict[str, Any] = {}

    def apply(self, session) -> None:
        self.previous = report.update_block(session, self.block_id, **self.fields)

    def revert(self, session) -> None:
        report.update_block(session, self.block_id, **self.previous)


class BlockText(DataCommand):
    """One save of a block's text: one undo step.

    Saves never merge: a merged step would take back several saves at once,
    and the texts saved in between could no longer be reached by undo or
    redo (issue 10). A typing pause is an undo step, as in a word processor.
    """

    def __init__(
        self,
        db: Database,
        text: str,
        block_id: int,
        new_text: str,
        done: Done,
        expected_version: int | None = None,
    ):
        super().__init__(db, text, done)
        self.block_id = block_id
        self.new_text = new_text
        self.unsaved = {"text": new_text}
        # Checked on the first run only (ConflictError if the block changed elsewhere since it was
        # read); a redo follows our own undo.
        self.expected_version = expected_version
        self.previous: dict[str, Any] = {}

    def apply(self, session) -> None:
        version, self.expected_version = self.expected_version, None
        checked = {} if version is None else {"expected_version": version}
        self.previous = report.update_block(session, self.block_id, text=self.new_text, **checked)

    def revert(self, session) -> None:
        report.update_block(session, self.block_id, **self.previous)


class SectionsFromProgramme(DataCommand):
    """One step for all the sections created; nothing to create leaves no step behind.

    After the push, ``section_ids`` are the sections created (empty: none was needed)."""

    def __init__(self, db: Database, text: str, meeting_id: int, done: Done):
        super().__init__(db, text, done)
        self.meeting_id = meeting_id
        self.section_ids: list[int] = []
        self.gone: Any = None

    def apply(self, session) -> None:
        if self.gone is not None:
            self.section_ids = report.restore_sections(session, self.gone)
            self.gone = None
            return
        self.section_ids = [s.id for s in report.sections_from_programme(session, self.meeting_id)]
        if not self.section_ids:
            self.setObsolete(True)

    def revert(self, session) -> None:
        self.gone = report.delete_sections(session, self.section_ids)
