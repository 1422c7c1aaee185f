"""« Use the styles of a Word file »: the Word file a meeting's export takes its look from.

The file's bytes are stored with the meeting (``Meeting.style_template``), so a
copied database exports the same, and ``new-from`` carries them to next year.
A file is checked before it is stored, with the same guards as the Word import
(models/word_import/safe_open.py): size, zip bombs, encryption, entities, and
that python-docx can open it, since the export will.
"""

from __future__ import annotations

import io
import posixpath
from pathlib import Path, PurePath
from typing import Any

from models.entities import Meeting
from models.errors import MinutierError
from models.services.meetings import get_meeting

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MAX_NAME = 255


class TemplateRefused(MinutierError):
    """The file cannot give the export its styles; nothing was stored."""


def _main_content_type(package: Any, main: str) -> str:
    """``package``: a models.word_import.safe_open.Package."""
    types = package.xml("[Content_Types].xml")
    for override in types:
        if override.get("PartName", "").lstrip("/") == main:
            return override.get("ContentType", "")
    return ""


def check_template(data: bytes, name: str) -> None:
    """Refuse, with one sentence naming ``name``, a file that is not a .docx the export can use."""
    from models.word_import import safe_open  # the Word reader, only when a file is chosen

    label = PurePath(name).name or "The Word file"
    try:
        package = safe_open.open_package(data, label)
        main = package.main_part()
        kind = _main_content_type(package, main)
        if kind == WORD_TEMPLATE_MAIN:
            raise TemplateRefused(
                f"{label}: the file is a Word template (.dotx); open it in Word and save it as .docx."
            )
        if kind != WORD_MAIN:
            raise TemplateRefused(f"{label}: the file is not a Word document (.docx).")
        # python-docx parses with huge_tree: every part it will read goes through the
        # capped, entity-free parser first.
        for part in package._infos:
            if part.endswith((".xml", ".rels")):
                package.xml(part)
    except safe_open.WordImportError as exc:
        raise TemplateRefused(str(exc)) from None
    import docx

    try:
        docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety of types for a package it cannot use
        raise TemplateRefused(f"{label}: Word's styles cannot be read from the file ({exc}).") from None


def read_template_file(path: Path) -> bytes:
    """The bytes of the Word file at ``path``, checked; TemplateRefused otherwise."""
    from models.word_import import safe_open

    try:
        data = safe_open.read_file(path)
    except safe_open.WordImportError as exc:
        raise TemplateRefused(str(exc)) from None
    check_template(data, path.name)
    return data


def _clean_name(name: str) -> str:
    base = posixpath.basename(str(name).replace("\\", "/")).strip()
    return "".join(c for c in base if c.isprintable())[:MAX_NAME] or "template.docx"


def get_template(session, meeting_id: int) -> tuple[bytes | None, str]:
    """The meeting's Word file and its name; (None, "") when it uses Minutier's own look."""
    meeting = get_meeting(session, meeting_id)
    return meeting.style_template or None, meeting.style_template_name if meeting.style_template else ""


def set_template(session, meeting_id: int, data: bytes, name: str) -> tuple[bytes | None, str]:
    """Store ``data`` (checked) as the meeting's Word file; returns the previous (bytes, name) for undo."""
    check_template(data, name)
    meeting = get_meeting(session, meeting_id)
    previous = get_template(session, meeting_id)
    _store(meeting, data, _clean_name(name))
    session.flush()
    return previous


def clear_template(session, meeting_id: int) -> tuple[bytes | None, str]:
    """Back to Minutier's own look; returns the previous (bytes, name) for undo."""
    meeting = get_meeting(session, meeting_id)
    previous = get_template(session, meeting_id)
    _store(meeting, None, "")
    session.flush()
    return previous


def restore_template(session, meeting_id: int, previous: tuple[bytes | None, str]) -> None:
    """Put back what ``set_template`` or ``clear_template`` returned (the editor's undo)."""
    data, name = previous
    _store(get_meeting(session, meeting_id), data, name if data else "")
    session.flush()


def _store(meeting: Meeting, data: bytes | None, name: str) -> None:
    meeting.style_template = data
    meeting.style_template_name = name
