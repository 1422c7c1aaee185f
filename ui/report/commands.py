"""The undoable changes of the Compte-rendu tab, each one service call per direction.

Additions are undone by deleting with a snapshot and redone by restoring
it, so the section or block keeps its id and the commands stacked after
it (a text typed into the new block) still find it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from models.database import Database
from models.services import report
from ui.undo import ServiceCommand

Done = Callable[[], None]


def add_section(
    db: Database,
    text: str,
    meeting_id: int,
    parent_id: int | None,
    position: int | None,
    done: Done,
    **fields,
) -> ServiceCommand:
    state: dict[str, Any] = {}

    def do(session):
        if "gone" in state:
            return report.restore_section(session, state.pop("gone")).id
        return report.add_section(session, meeting_id, parent_id=parent_id, position=position, **fields).id

    def undo(session, section_id):
        state["gone"] = report.delete_section(session, section_id)

    return ServiceCommand(db, text, do, undo, done)


def add_block(
    db: Database, text: str, section_id: int, position: int | None, done: Done, **fields
) -> ServiceCommand:
    state: dict[str, Any] = {}

    def do(session):
        if "gone" in state:
            return report.restore_block(session, state.pop("gone")).id
        return report.add_block(session, section_id, position=position, **fields).id

    def undo(session, block_id):
        state["gone"] = report.delete_block(session, block_id)

    return ServiceCommand(db, text, do, undo, done)


def delete_section(db: Database, text: str, section_id: int, done: Done) -> ServiceCommand:
    return ServiceCommand(
        db, text, lambda s: report.delete_section(s, section_id), report.restore_section, done
    )


def delete_block(db: Database, text: str, block_id: int, done: Done) -> ServiceCommand:
    return ServiceCommand(db, text, lambda s: report.delete_block(s, block_id), report.restore_block, done)


def move_section(db: Database, text: str, section_id: int, position: int, done: Done) -> ServiceCommand:
    return ServiceCommand(
        db,
        text,
        lambda s: report.move_section(s, section_id, position),
        lambda s, old: report.move_section(s, section_id, old),
        done,
    )


def move_block(
    db: Database, text: str, block_id: int, position: int, section_id: int | None, done: Done
) -> ServiceCommand:
    def undo(session, old):
        old_section, old_position = old
        report.move_block(session, block_id, old_position, old_section)

    return ServiceCommand(
        db, text, lambda s: report.move_block(s, block_id, position, section_id), undo, done
    )


def update_section(db: Database, text: str, section_id: int, done: Done, **fields) -> ServiceCommand:
    return ServiceCommand(
        db,
        text,
        lambda s: report.update_section(s, section_id, **fields),
        lambda s, previous: report.update_section(s, section_id, **previous),
        done,
    )


def update_block(db: Database, text: str, block_id: int, done: Done, **fields) -> ServiceCommand:
    return ServiceCommand(
        db,
        text,
        lambda s: report.update_block(s, block_id, **fields),
        lambda s, previous: report.update_block(s, block_id, **previous),
        done,
    )


class BlockTextCommand(ServiceCommand):
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
        super().__init__(db, text, self._apply, self._revert, done)
        self.block_id = block_id
        self.new_text = new_text
        self.unsaved = {"text": new_text}
        # Checked on the first run only (ConflictError if the block changed elsewhere since it was
        # read); a redo follows our own undo.
        self._expected = expected_version

    def _apply(self, session):
        version, self._expected = self._expected, None
        checked = {} if version is None else {"expected_version": version}
        return report.update_block(session, self.block_id, text=self.new_text, **checked)

    def _revert(self, session, previous):
        report.update_block(session, self.block_id, **previous)


def sections_from_programme(db: Database, text: str, meeting_id: int, done: Done) -> ServiceCommand:
    """One step for all the sections created; nothing to create leaves no step behind."""
    state: dict[str, Any] = {}

    def do(session):
        if "gone" in state:
            return report.restore_sections(session, state.pop("gone"))
        ids = [s.id for s in report.sections_from_programme(session, meeting_id)]
        if not ids:
            command.setObsolete(True)
        return ids

    def undo(session, ids):
        state["gone"] = report.delete_sections(session, ids)

    command = ServiceCommand(db, text, do, undo, done)
    return command
