"""The preview's HTML prints what the Word export prints: same paragraphs, same order, same text."""

from __future__ import annotations

import io

import docx
import pytest
from lxml import html as lxml_html
from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from exporters.compte_rendu import render
from exporters.html_preview import parse_link, render_html
from exporters.labels import load_labels
from exporters.ooxml import qn
from models.records import Block, MeetingData, Section, with_unsaved
from models.services.reading import meeting_record


@pytest.fixture
def sample(db, sample_id) -> MeetingData:
    with db.reading() as session:
        return meeting_record(session, sample_id)


def word_paragraphs(data: MeetingData, language: str | None = None) -> list[str]:
    """Every paragraph of the .docx in body order, table cells row by row, as python-docx reads it."""
    document = docx.Document(io.BytesIO(render(data, language)))
    out = []
    for element in document.element.body.iter(qn("p")):
        out.append(docx.text.paragraph.Paragraph(element, document).text)
    return out


def preview_paragraphs(data: MeetingData, language: str | None = None) -> list[str]:
    """Every block of the preview as Qt lays it out (a <br> is U+2028 there, a w:br "\\n" in Word)."""
    document = QTextDocument()
    document.setHtml(render_html(data, language))
    out, block = [], document.begin()
    while block.isValid():
        after_table = QTextCursor(block.previous()).currentTable() if block.previous().isValid() else None
        # Qt always closes a table with an empty block of its own, which is no paragraph of the text.
        if not (after_table is not None and QTextCursor(block).currentTable() is None and not block.text()):
            out.append(block.text().replace("\u2028", "\n"))
        block = block.next()
    return out


@pytest.mark.parametrize("language", [None, "en", "es"])
def test_preview_prints_the_same_paragraphs_as_the_word_export(qapp, sample, language):
    word = word_paragraphs(sample, language)
    preview = preview_paragraphs(sample, language)
    assert len(word) > 250
    assert preview == word


def test_the_comparison_sees_a_drift(qapp, sample):
    # One changed label in the preview only would be caught: the texts are compared whole.
    word = word_paragraphs(sample)
    preview = preview_paragraphs(sample._replace(title=sample.title + " (bis)"))
    assert preview != word


def test_speakers_are_bold_links_back_to_their_block(qapp, sample):
    page = lxml_html.fromstring(render_html(sample))
    first = sample.sections[0].blocks[0]
    link = page.xpath(f'//a[@href="minutier:block/{first.id}"]')[0]
    assert link.text_content() == "M. Sami Kanaan\u00a0:"
    document = QTextDocument()
    document.setHtml(render_html(sample))
    name = document.find("M. Sami Kanaan :")  # find() reads the no-break space as a space
    inside = QTextCursor(document)
    inside.setPosition(name.selectionStart() + 1)
    shown = inside.charFormat()
    assert shown.fontWeight() == QFont.Weight.Bold
    assert shown.anchorHref() == f"minutier:block/{first.id}"
    assert shown.fontUnderline() is False  # a link back to the editor, printed as the name is
    following = QTextCursor(document)
    following.setPosition(name.selectionEnd() + 2)
    assert following.charFormat().fontWeight() == QFont.Weight.Normal
    assert page.xpath(f'//a[@name="block-{first.id}"]')
    assert page.xpath(f'//a[@name="section-{sample.sections[0].id}"]')


def test_every_section_and_block_has_an_anchor(sample):
    page = lxml_html.fromstring(render_html(sample))
    names = set(page.xpath("//a/@name"))

    def walk(sections):
        for s in sections:
            yield f"section-{s.id}"
            yield from (f"block-{b.id}" for b in s.blocks)
            yield from walk(s.sections)

    wanted = set(walk(sample.sections))
    assert wanted and wanted <= names


def test_debate_points_are_list_items_and_the_programme_a_page_wide_table(sample):
    page = lxml_html.fromstring(render_html(sample))
    items = [li.text_content() for li in page.xpath("//body/ul/li")]
    assert any(item.startswith("Il faut veiller à adapter notre réponse") for item in items)
    programme = page.xpath("//table")[0]
    assert programme.get("width") == "100%"
    assert [td.text_content() for td in programme.xpath("tr[1]/td")] == list(
        load_labels("fr").programme_columns
    )


def test_labels_follow_the_language(sample):
    for language in ("fr", "en", "es"):
        text = lxml_html.fromstring(render_html(sample, language)).text_content()
        labels = load_labels(language)
        assert labels.programme_heading in text and labels.participants_heading in text
    assert (
        load_labels("fr").report_heading not in lxml_html.fromstring(render_html(sample, "en")).text_content()
    )


def test_links_name_sections_and_blocks_only():
    assert parse_link("minutier:block/40") == ("block", 40)
    assert parse_link("minutier:section/7") == ("section", 7)
    assert parse_link("minutier:person/7") is None
    assert parse_link("https://example.org/block/4") is None
    assert parse_link("minutier:block/x") is None


def test_unsaved_fields_replace_the_stored_ones_by_id():
    data = MeetingData(
        "fr",
        "Titre",
        __import__("datetime").date(2024, 1, 1),
        sections=(
            Section("Un", 0, blocks=(Block("paragraph", text="Ancien.", id=3),), id=1),
            Section("Deux", 0, sections=(Section("Trois", 1, id=4),), id=2),
        ),
    )
    changed = with_unsaved(data, {4: {"title": "Quatre"}}, {3: {"text": "Nouveau."}})
    assert changed.sections[0].blocks[0].text == "Nouveau."
    assert changed.sections[1].sections[0].title == "Quatre"
    assert changed.sections[1].title == "Deux"
    assert with_unsaved(data, {}, {}) is data
