"""The decisions of a meeting as printed: « Relevé de décisions » and « Suivi des décisions».

One table each (number | decision | owner | due | status), on the programme's
table style. The decision cell holds the agenda item it belongs to (in
italics, numbered when the agenda is), the decision's text and, when there
is one, the follow-up note after an underlined « Suivi : ».
"""

from __future__ import annotations

from lxml.etree import _Element

from exporters.labels import Labels
from exporters.markdown_docx import MarkdownWriter
from exporters.ooxml import ITALIC, PLAIN, UNDERLINE
from exporters.programme import HEADING_STYLE, TABLE_STYLE, TEXT_STYLE, numbered
from exporters.word import WordDocument
from models.records import Decision

STYLES = (TABLE_STYLE, HEADING_STYLE, TEXT_STYLE)
# Of 16 cm: the decision takes what the number, owner, due date and status leave.
WIDTHS = (900, 3822, 1700, 1350, 1300)


def add_decisions(
    doc: WordDocument,
    parent: _Element,
    decisions: tuple[Decision, ...],
    labels: Labels,
    markdown: MarkdownWriter,
    numbers: dict[tuple[int, ...], str],
) -> None:
    doc.require(STYLES)
    tbl = doc.table(parent, TABLE_STYLE, WIDTHS)
    tr = doc.row(tbl, header=True)
    for width, head in zip(WIDTHS, labels.decision_columns, strict=True):
        doc.text(doc.cell(tr, width), HEADING_STYLE, head)
    for decision in decisions:
        tr = doc.row(tbl, cant_split=True)
        doc.text(doc.cell(tr, WIDTHS[0]), TEXT_STYLE, decision.number)
        cell = doc.cell(tr, WIDTHS[1])
        if decision.item_title.strip():
            item = numbered(numbers.get(decision.item, ""), decision.item_title.strip())
            doc.text(cell, TEXT_STYLE, item, ITALIC)
        markdown.write(decision.text, cell, style=TEXT_STYLE)
        if decision.follow_up.strip():
            lead = [(labels.follow_up, UNDERLINE), (labels.colon, PLAIN)]
            markdown.write(decision.follow_up, cell, style=TEXT_STYLE, lead=lead, lead_style=TEXT_STYLE)
        if not (decision.item_title.strip() or decision.text.strip() or decision.follow_up.strip()):
            doc.text(cell, TEXT_STYLE, "")  # a Word cell must hold a paragraph
        doc.text(doc.cell(tr, WIDTHS[2]), TEXT_STYLE, decision.owner)
        due = labels.write_date(decision.due) if decision.due is not None else ""
        doc.text(doc.cell(tr, WIDTHS[3]), TEXT_STYLE, due)
        doc.text(doc.cell(tr, WIDTHS[4]), TEXT_STYLE, labels.status(decision.status))
