"""Property (issue 10): what is typed in a rich-text box is what is stored, shown again and printed.

Generated documents — paragraphs and bullet or numbered lists of words,
some bold, italic or linked, full of characters that mean something in
Markdown — are built as the editor's toolbar builds them. The stored
Markdown must load back into the same blocks and runs, and the Word
export must print the same characters with the same bold, italic and links.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import docx
import pytest
from docx.text.hyperlink import Hyperlink
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)

from exporters.compte_rendu import render
from models.records import MeetingData
from ui.richtext_markdown import LINE_BREAK, block_runs, document_markdown, load_markdown

# Every character CommonMark could take for syntax, and some that look like entities or lists.
LITERALS = "*_#[]()\\<>&.+-!`~=|{}1"
WORDS = st.one_of(
    st.text(alphabet="abcxyzéàÇ" + LITERALS, min_size=1, max_size=6),
    st.sampled_from(
        [
            "1.",
            "2)",
            "10.",
            "#",
            "##",
            "-",
            "+",
            "*",
            ">",
            "&amp;",
            "&#42;",
            "**x**",
            "_y_",
            "2*3*4",
            "[a](b)",
        ]
    ),
)
URLS = st.builds(
    lambda path: "https://example.org/" + path,
    st.text(alphabet="abcXYZ019-_.~/?=&*()", max_size=12),
)


@dataclass(frozen=True)
class Word:
    text: str
    bold: bool
    italic: bool


@dataclass(frozen=True)
class Span:
    """Words typed one after the other, linked to ``href`` if any."""

    words: tuple[Word, ...]
    href: str


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "bullet", "number"
    spans: tuple[Span, ...]
    breaks: tuple[bool, ...]  # between consecutive words: a line break (Shift+Enter) instead of a space


words = st.builds(Word, WORDS, st.booleans(), st.booleans())
spans = st.builds(Span, st.lists(words, min_size=1, max_size=3).map(tuple), st.one_of(st.just(""), URLS))


@st.composite
def blocks(draw) -> Block:
    kind = draw(st.sampled_from(["paragraph", "paragraph", "bullet", "number"]))
    parts = tuple(draw(st.lists(spans, min_size=1, max_size=4)))
    count = sum(len(s.words) for s in parts)
    breaks = tuple(draw(st.lists(st.booleans(), min_size=count, max_size=count)))
    return Block(kind, parts, breaks)


documents = st.lists(blocks(), min_size=1, max_size=4)


def expected_runs(block: Block) -> list[tuple[str, bool, bool, str]]:
    """The runs the block must come back as: a space between two words has the marks both share."""
    chars: list[tuple[str, bool, bool, str]] = []
    previous: tuple[Word, str] | None = None
    at = 0
    for span in block.spans:
        for word in span.words:
            if previous is not None:
                before, before_href = previous
                same_link = before_href == span.href
                gap = LINE_BREAK if block.breaks[at] else " "
                chars.append(
                    (
                        gap,
                        before.bold and word.bold,
                        before.italic and word.italic,
                        span.href if same_link else "",
                    )
                )
            chars.extend((c, word.bold, word.italic, span.href) for c in word.text)
            previous = (word, span.href)
            at += 1
    runs: list[tuple[str, bool, bool, str]] = []
    for c, *marks in chars:
        if runs and list(runs[-1][1:]) == marks:
            runs[-1] = (runs[-1][0] + c, *runs[-1][1:])
        else:
            runs.append((c, *marks))
    return runs


def char_format(bold: bool, italic: bool, href: str) -> QTextCharFormat:
    """As the editor's toolbar and link action make them."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    if href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
    return fmt


def build(document: list[Block]) -> QTextDocument:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    current: tuple[str, object] | None = None  # the list being continued: kind, QTextList
    for n, block in enumerate(document):
        if n:
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if block.kind != "paragraph":
            if current is not None and current[0] == block.kind:
                current[1].add(cursor.block())
            else:
                fmt = QTextListFormat()
                fmt.setStyle(
                    QTextListFormat.Style.ListDisc
                    if block.kind == "bullet"
                    else QTextListFormat.Style.ListDecimal
                )
                current = (block.kind, cursor.createList(fmt))
        else:
            current = None
        for text, bold, italic, href in expected_runs(block):
            cursor.insertText(text, char_format(bold, italic, href))
    return doc


def shape(doc: QTextDocument) -> list[tuple[str, list[tuple[str, bool, bool, str]]]]:
    out = []
    block = doc.begin()
    while block.isValid():
        text_list = block.textList()
        if text_list is None:
            kind = "paragraph"
        elif text_list.format().style() == QTextListFormat.Style.ListDecimal:
            kind = f"number {text_list.itemNumber(block) + text_list.format().start()}"
        else:
            kind = "bullet"
        out.append((kind, [(r.text, r.bold, r.italic, r.href) for r in block_runs(block)]))
        block = block.next()
    return out


def visible(blocks_shape):
    """Per character: bold and italic count where they show, not on spaces; links everywhere."""
    return [
        (kind, [(c, b and not c.isspace(), i and not c.isspace(), h) for t, b, i, h in runs for c in t])
        for kind, runs in blocks_shape
    ]


def expected_shape(document: list[Block]):
    out = []
    number = 0
    for n, block in enumerate(document):
        kind = block.kind
        if kind == "number":
            number = number + 1 if n and document[n - 1].kind == "number" else 1
            kind = f"number {number}"
        out.append((kind, expected_runs(block)))
    return out


def docx_shape(text: str):
    data = MeetingData(language="en", title="Titre", date=dt.date(2024, 3, 1), introduction=text)
    paragraphs = docx.Document(io.BytesIO(render(data))).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Minutier Date") + 1
    out = []
    for paragraph in paragraphs[start:]:
        runs: list[tuple[str, bool, bool, str]] = []
        for item in paragraph.iter_inner_content():
            inner = item.runs if isinstance(item, Hyperlink) else [item]
            href = item.url if isinstance(item, Hyperlink) else ""
            for run in inner:
                marks = (bool(run.bold), bool(run.italic), href)
                if runs and runs[-1][1:] == marks:
                    runs[-1] = (runs[-1][0] + run.text, *marks)
                elif run.text:
                    runs.append((run.text, *marks))
        style = paragraph.style.name
        kind = "bullet" if "Bullet" in style else "number" if "Number" in style else "paragraph"
        out.append((kind, runs))
    return out


@pytest.fixture(scope="module")
def app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


@settings(max_examples=450, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_editor_markdown_editor_is_the_identity(app, document):
    doc = build(document)
    assert shape(doc) == expected_shape(document)  # the generated document is what we meant
    stored = document_markdown(doc)
    loaded = QTextDocument()
    load_markdown(loaded, stored)
    assert visible(shape(loaded)) == visible(expected_shape(document)), stored
    assert document_markdown(loaded) == stored  # saving again changes nothing


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_word_export_prints_what_was_typed(app, document):
    stored = document_markdown(build(document))
    want = [
        (kind.split()[0], [(t.replace(LINE_BREAK, "\n"), b, i, h) for t, b, i, h in runs])
        for kind, runs in expected_shape(document)
    ]
    assert visible(docx_shape(stored)) == visible(want), stored


CHAR_RUNS = st.lists(
    st.tuples(
        st.text(alphabet="ab é(!)." + LITERALS, min_size=1, max_size=3),
        st.booleans(),
        st.booleans(),
        st.sampled_from(["", "", "https://example.org/a"]),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(CHAR_RUNS)
def test_formatting_anywhere_never_changes_the_text(app, runs):
    """Bold or italic on any letters: the characters and links always come back as typed.

    CommonMark cannot close emphasis everywhere (« x**(y)**z » is not bold):
    there, the mark may be dropped, but no asterisk may appear in the text.
    """
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for text, bold, italic, href in runs:
        cursor.insertText(text, char_format(bold, italic, href))
    stored = document_markdown(doc)
    loaded = QTextDocument()
    load_markdown(loaded, stored)
    typed = [(c, b, i, h) for t, b, i, h in runs for c in t]
    back = [(c, r.bold, r.italic, r.href) for r in block_runs(loaded.begin()) for c in r.text]
    assert [(c, h) for c, _b, _i, h in back] == [(c, h) for c, _b, _i, h in typed], stored
    for (c, bold, italic, _h), (_c, was_bold, was_italic, _h2) in zip(back, typed, strict=True):
        assert c.isspace() or ((not bold or was_bold) and (not italic or was_italic)), stored
    assert document_markdown(loaded) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("les **interprètes** et", "les \\*\\*interprètes\\*\\* et"),
        ("2*3*4", "2\\*3\\*4"),
        ("_x_", "\\_x\\_"),
        ("#tag", "\\#tag"),
        ("1. pas une liste", "1\\. pas une liste"),
    ],
)
def test_typed_syntax_is_stored_escaped(app, typed, stored):
    doc = QTextDocument()
    QTextCursor(doc).insertText(typed)
    assert document_markdown(doc) == stored
    loaded = QTextDocument()
    load_markdown(loaded, stored)
    assert loaded.toPlainText() == typed
