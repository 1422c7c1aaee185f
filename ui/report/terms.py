"""The outline's line for a block: its kind and what tells it apart."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.services.report import BlockData
from ui import labels

_QUESTION_CHARS = 50


def block_label(block: BlockData) -> str:
    """« Intervention — M. Sami Kanaan (en ligne) », « Débat — Selon vous… »."""
    label = labels.block_kinds().get(block.kind, block.kind)
    if block.kind == "intervention":
        speaker = block.speaker or QCoreApplication.translate("Outline", "speaker to be chosen")
        label = f"{label} — {speaker}"
        if block.online:
            label = QCoreApplication.translate("Outline", "{0} (online)").format(label)
    elif block.kind == "debate" and block.question:
        question = block.question.strip()
        if len(question) > _QUESTION_CHARS:
            question = question[:_QUESTION_CHARS].rstrip() + "…"
        label = f"{label} — {question}"
    return label
