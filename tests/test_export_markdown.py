"""CommonMark notes become real Word formatting: runs, links, breaks, numbered and nested lists."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.oxml.ns import qn

from exporters.compte_rendu import render
from models.records import MeetingData


def rendered(text: str, language: str = "fr"):
    data = MeetingData(language=language, title="Titre", date=dt.date(2024, 3, 1), introduction=text)
    return docx.Document(io.BytesIO(render(data)))


def body(document) -> list:
    """The paragraphs the introduction produced (after the meeting title and the date)."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Minutier Date") + 1
    return paragraphs[start:]


def runs(paragraph) -> list[tuple[str, bool, bool]]:
    return [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs]


def numbering(paragraph) -> tuple[str, str] | None:
    num = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num is None:
        return None
    return num.find(qn("w:numId")).get(qn("w:val")), num.find(qn("w:ilvl")).get(qn("w:val"))


def num_definition(document, num_id: str):
    numbering_el = document.part.numbering_part.element
    return next(n for n in numbering_el.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)


def test_bold_italic_and_both():
    [p] = body(rendered("Du **gras**, de l'*italique* et ***les deux***."))
    assert runs(p) == [
        ("Du ", False, False),
        ("gras", True, False),
        (", de l'", False, False),
        ("italique", False, True),
        (" et ", False, False),
        ("les deux", True, True),
        (".", False, False),
    ]


def test_no_literal_markup():
    paragraphs = body(rendered("**a** _b_ __c__ *d*\n\n- **e**"))
    assert all("*" not in p.text and "_" not in p.text for p in paragraphs)


def test_links_are_real_hyperlinks():
    document = rendered("Voir [le rapport](https://example.org/r?id=1) ou [ceci](page.html).")
    [p] = body(document)
    links = p._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    rel = document.part.rels[links[0].get(qn("r:id"))]
    assert rel.is_external and rel.target_ref == "https://example.org/r?id=1"
    assert "".join(t.text for t in links[0].iter(qn("w:t"))) == "le rapport"
    assert p.text == "Voir le rapport ou ceci."


def test_hard_and_soft_line_breaks():
    hard, backslash, soft = body(rendered("ligne un  \nligne deux\n\nun\\\ndeux\n\nsuite\ndu texte"))
    assert hard.text == "ligne un\nligne deux"
    assert len(hard._p.findall(f".//{qn('w:br')}")) == 1
    assert backslash.text == "un\ndeux"
    assert soft.text == "suite du texte"


def test_nested_bullet_lists():
    document = rendered("- un\n  - deux\n    - trois\n- quatre")
    paragraphs = body(document)
    assert [p.text for p in paragraphs] == ["un", "deux", "trois", "quatre"]
    assert {p.style.name for p in paragraphs} == {"Minutier Bullet"}
    levels = [numbering(p) for p in paragraphs]
    assert [lvl for _, lvl in levels] == ["0", "1", "2", "0"]
    assert len({num for num, _ in levels}) == 1


def test_numbered_lists_restart_for_each_list():
    document = rendered("1. un\n2. deux\n\nEntre les deux.\n\n1. trois\n2. quatre")
    numbered = [p for p in body(document) if p.style.name == "Minutier Number"]
    assert [p.text for p in numbered] == ["un", "deux", "trois", "quatre"]
    ids = [numbering(p)[0] for p in numbered]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    style_num = document.styles["Minutier Number"].element.find(
        f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}"
    )
    abstract = (
        num_definition(document, style_num.get(qn("w:val"))).find(qn("w:abstractNumId")).get(qn("w:val"))
    )
    for num_id in (ids[0], ids[2]):
        definition = num_definition(document, num_id)
        assert definition.find(qn("w:abstractNumId")).get(qn("w:val")) == abstract
        override = definition.find(qn("w:lvlOverride"))
        assert override.get(qn("w:ilvl")) == "0"
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_numbered_list_keeps_its_start():
    document = rendered("Texte.\n\n3. trois\n4. quatre")
    first = body(document)[1]
    definition = num_definition(document, numbering(first)[0])
    assert definition.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "3"


def test_numbered_list_nested_in_bullets():
    document = rendered("- a\n  1. x\n  2. y\n- b\n  1. z")
    paragraphs = body(document)
    assert [(p.text, p.style.name) for p in paragraphs] == [
        ("a", "Minutier Bullet"),
        ("x", "Minutier Number"),
        ("y", "Minutier Number"),
        ("b", "Minutier Bullet"),
        ("z", "Minutier Number"),
    ]
    x, y, z = (numbering(paragraphs[i]) for i in (1, 2, 4))
    assert x[1] == y[1] == z[1] == "1"
    assert x[0] == y[0] != z[0]  # the second inner list counts from 1 again


def test_second_paragraph_of_an_item_is_indented_not_numbered():
    paragraphs = body(rendered("- premier\n\n  suite du premier\n- second"))
    assert [p.text for p in paragraphs] == ["premier", "suite du premier", "second"]
    assert numbering(paragraphs[1]) is None
    assert paragraphs[1].paragraph_format.left_indent is not None


def test_quote_code_and_html_stay_text():
    quote, html, code = body(rendered("> cité\n\n15km<sup>2</sup>\n\n    code  brut"))
    assert quote.style.name == "Minutier Quote" and quote.text == "cité"
    assert html.text == "15km<sup>2</sup>"
    assert code.text == "code  brut"


def test_control_characters_are_dropped():
    [p] = body(rendered("a\x01b\x0bc"))
    assert p.text == "abc"


def test_empty_text_gives_no_paragraph():
    assert body(rendered("  \n\n ")) == []


def test_typography_spans_runs_in_french_only():
    [fr] = body(rendered("**Attention**: voir « *ceci* » ?"))
    assert fr.text == "Attention\u00a0: voir «\u00a0ceci\u00a0»\u202f?"
    assert fr.runs[0].text == "Attention" and fr.runs[0].bold  # the space went to the colon's run
    [en] = body(rendered("**Note**: see « *this* » ?", language="en"))
    assert en.text == "Note: see « this » ?"
