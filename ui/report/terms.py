"""The words shown for report block kinds and outline items, translatable in one place."""

from __future__ import annotations

from PySide6.QtCore import QObject

from models.services.report import BlockData

_QUESTION_CHARS = 50


class ReportTerms(QObject):
    def kinds(self) -> dict[str, str]:
        return {
            "intervention": self.tr("Intervention"),
            "debate": self.tr("Débat"),
            "conclusions": self.tr("Conclusions"),
            "paragraph": self.tr("Paragraphe"),
        }

    def block_label(self, block: BlockData) -> str:
        """The outline's line for a block: « Intervention — M. Sami Kanaan (en ligne) »."""
        label = self.kinds().get(block.kind, block.kind)
        if block.kind == "intervention":
            label = f"{label} — {block.speaker or self.tr('orateur à choisir')}"
            if block.online:
                label += self.tr(" (en ligne)")
        elif block.kind == "debate" and block.question:
            question = block.question.strip()
            if len(question) > _QUESTION_CHARS:
                question = question[:_QUESTION_CHARS].rstrip() + "…"
            label = f"{label} — {question}"
        return label
