"""The Word compte-rendu of a meeting, in the order and layout of the 2023 reference.

Header block, title, introduction and objectives; « Rappel du Programme »;
« Compte-rendu de la réunion » (sections as headings, one level per depth);
the decisions and their follow-up, when the meeting has any; the photo-album
link; « Liste des participant.e.s » and the quorum line. A procès-verbal or
a relevé de décisions prints the lists and the quorum right after the header
instead, as committee minutes open with who attended. docs/export.md
describes each choice. Every printed word comes from the meeting or the
label table (worded for the kind of document, then the meeting's overrides).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager

from exporters.decisions import add_decisions
from exporters.labels import Labels, load_labels
from exporters.markdown_docx import MarkdownWriter
from exporters.ooxml import ITALIC, PLAIN, Fmt, Segment
from exporters.participants import add_participants
from exporters.programme import add_programme, item_numbers, numbered
from exporters.typography import for_language
from exporters.word import WordDocument
from exporters.word_template import template_bytes
from models.records import Block, MeetingData, Quorum, Section

MAX_HEADING = 9
QUORUM_RULES = ("majority", "two_thirds", "number")  # the order of the label table's quorum_rules
# Sections start one level below « Compte-rendu de la réunion » (Heading 1).
SECTION_LEVEL_OFFSET = 2
STYLES = (
    "Minutier Logo",
    "Minutier Organisation",
    "Minutier Header Line",
    "Title",
    "Minutier Meeting Title",
    "Minutier Venue",
    "Minutier Date",
    "Minutier Speaker",
    "Minutier Speaker Name",
    "Minutier Question",
    "Minutier Photos",
    "Normal",
    *(f"Heading {n}" for n in range(1, MAX_HEADING + 1)),
)


class _Composer:
    def __init__(self, data: MeetingData, labels: Labels, doc: WordDocument):
        self.data = data
        self.labels = labels
        self.doc = doc
        self.body = doc.body
        self.markdown = MarkdownWriter(doc)
        doc.require(STYLES)
        self.name_fmt = Fmt(style=doc.style("Minutier Speaker Name"))
        self.numbers = item_numbers(data.programme) if data.agenda_numbering else {}

    def heading(self, level: int, text: str) -> None:
        self.doc.text(self.body, f"Heading {min(max(level, 1), MAX_HEADING)}", text)

    def header(self) -> None:
        data, doc, body = self.data, self.doc, self.body
        if data.logo:
            doc.picture(body, "Minutier Logo", data.logo)
        if data.organisation.strip():
            doc.text(body, "Minutier Organisation", data.organisation.strip())
        for line in data.body.splitlines():
            if line.strip():
                doc.text(body, "Minutier Header Line", line.strip())
        title = data.document_title.strip() or self.labels.document_title(data.document_kind)
        if title:
            doc.text(body, "Title", title)
        doc.text(body, "Minutier Meeting Title", data.title)
        if data.venue.strip():
            doc.text(body, "Minutier Venue", data.venue.strip())
        date_line = self.labels.write_date_line(data.date, data.start_time, data.end_time, data.timezone)
        doc.text(body, "Minutier Date", date_line)
        self.markdown.write(data.introduction, body)
        self.markdown.write(data.co_organisers, body)
        if data.objectives.strip():
            self.heading(2, self.labels.objectives_heading)
            self.markdown.write(data.objectives, body)

    def programme(self) -> None:
        if self.data.programme:
            self.heading(1, self.labels.programme_heading)
            add_programme(self.doc, self.body, self.data.programme, self.labels, self.numbers)

    def report(self) -> None:
        if self.data.sections:
            self.heading(1, self.labels.report_heading)
            for section in self.data.sections:
                self.section(section)

    def section(self, section: Section) -> None:
        level = section.depth + SECTION_LEVEL_OFFSET
        self.doc.anchor("section", section.id)
        if section.title.strip():
            self.heading(level, numbered(self.numbers.get(section.item, ""), section.title.strip()))
        for block in section.blocks:
            self.block(block, section, level)
        for child in section.sections:
            self.section(child)

    def block(self, block: Block, section: Section, level: int) -> None:
        labels, write = self.labels, self.markdown.write
        self.doc.anchor("block", block.id)
        if block.kind == "intervention":
            self.intervention(block)
        elif block.kind == "debate":
            self.heading(level + 1, labels.debate_heading)
            if block.question.strip():
                self.doc.text(self.body, "Minutier Question", block.question.strip())
            write(block.text, self.body)
        elif block.kind == "conclusions":
            # A section reporting on the programme's conclusions item already says so.
            if section.item_kind != "conclusions":
                self.heading(level + 1, labels.conclusions_heading)
            write(block.text, self.body)
        else:
            write(block.text, self.body)

    def intervention(self, block: Block) -> None:
        labels, speaker = self.labels, block.speaker.strip()
        if block.subtitle.strip() or block.online:
            line: list[Segment] = []
            if speaker:
                line.append((speaker, PLAIN))
            if block.subtitle.strip():
                separator = labels.subtitle_separator if speaker else ""
                line.append((separator + block.subtitle.strip(), PLAIN))
            if block.online:
                line += [(" (" if line else "(", PLAIN), (labels.online, ITALIC), (")", PLAIN)]
            line.append((labels.colon, PLAIN))
            self.doc.paragraph(self.body, "Minutier Speaker", line)
            self.markdown.write(block.text, self.body)
        elif speaker:
            lead = [(speaker, self.name_fmt), (labels.colon, self.name_fmt)]
            self.markdown.write(block.text, self.body, lead=lead, lead_style="Minutier Speaker")
        else:
            self.markdown.write(block.text, self.body)

    def photos(self) -> None:
        url = self.data.photo_album_url.strip()
        if url:
            link = Fmt(style=self.doc.style("Hyperlink"), link=url)
            line = [(self.labels.photos, PLAIN), ("\n", PLAIN), (url, link)]
            self.doc.paragraph(self.body, "Minutier Photos", line)

    def decisions(self) -> None:
        taken = tuple(d for d in self.data.decisions if not d.carried)
        carried = tuple(d for d in self.data.decisions if d.carried)
        for heading, decisions in (
            (self.labels.decisions_heading, taken),
            (self.labels.follow_up_heading, carried),
        ):
            if decisions:
                self.heading(1, heading)
                add_decisions(self.doc, self.body, decisions, self.labels, self.markdown, self.numbers)

    def participants(self) -> None:
        data = self.data
        quorum = quorum_line(data.quorum, self.labels) if data.quorum is not None else ""
        add_participants(self.doc, self.body, data.participants, self.labels, 1, data.printed_lists, quorum)


def quorum_line(quorum: Quorum, labels: Labels) -> str:
    """« Quorum : 9 membres présents ou représentés sur 12 ; quorum atteint (plus de la moitié) »."""
    rule = labels.quorum_rules[QUORUM_RULES.index(quorum.rule)].format(required=quorum.required)
    result = (labels.quorum_reached if quorum.reached else labels.quorum_not_reached).format(rule=rule)
    pattern = labels.quorum_line_one if quorum.counted == 1 else labels.quorum_line
    return pattern.format(counted=quorum.counted, members=quorum.members, result=result)


def render(
    data: MeetingData,
    language: str | None = None,
    *,
    when: dt.datetime | None = None,
    reference: bytes | None = None,
) -> bytes:
    """The .docx bytes for ``data``; labels and typography follow ``language``.

    ``when`` (default: now) is the creation time written in the document's properties.
    ``reference`` is a Word file whose styles, page and headers the document takes.
    """
    language = language or data.language
    labels = load_labels(language).for_meeting(data.document_kind, data.label_overrides)
    doc = WordDocument(template_bytes(), for_language(language), reference=reference)
    kind = data.document_title.strip() or labels.document_title(data.document_kind) or labels.report_heading
    subject = " – ".join(part for part in (kind, labels.write_date(data.date)) if part)
    doc.set_properties(
        data.title, labels.language_tag, subject=subject, author=data.organisation.strip(), when=when
    )
    compose(data, labels, doc)
    return doc.to_bytes()


def compose(data: MeetingData, labels: Labels, doc) -> None:
    """Everything the compte-rendu prints, in order, into ``doc``.

    ``doc`` is a WordDocument, or the preview's HtmlDocument
    (exporters/html_preview.py): both print the same paragraphs from here.
    """
    labels = labels.for_meeting(data.document_kind, data.label_overrides)
    composer = _Composer(data, labels, doc)
    # Committee minutes say who attended, and whether they could decide, before what was decided.
    lists_first = data.document_kind != "compte_rendu"
    decisions_at = data.printed_lists.decisions
    composer.header()
    if lists_first:
        composer.participants()
    composer.programme()
    if decisions_at == "after_programme":
        composer.decisions()
    composer.report()
    if decisions_at == "after_report":
        composer.decisions()
    composer.photos()
    if not lists_first:
        composer.participants()
    if decisions_at == "end":
        composer.decisions()


@contextmanager
def _collector_paused() -> Iterator[None]:
    # An export allocates hundreds of thousands of short-lived objects and no
    # garbage cycles; the collector's passes over the growing heap would make
    # a large export superlinear (about 15% of its time at 5,000 participants).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def export_meeting(
    data: MeetingData, language: str | None = None, *, reference: bytes | None = None
) -> bytes:
    """The Word compte-rendu of ``data``, in ``language`` or the meeting's own.

    Its look comes from ``reference`` when given, else from the meeting's own Word file, if any.
    """
    reference = reference or data.style_template or None
    with _collector_paused():
        return render(data, language, reference=reference)
