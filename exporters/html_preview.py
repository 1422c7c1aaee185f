"""The compte-rendu as HTML for the editor's live preview (Qt's rich-text subset).

Nothing here decides what is printed: ``compte_rendu.compose`` walks the
records and calls the same ``paragraph``/``table``/``row``/``cell`` methods
it calls on a WordDocument, with the same label table and the same
typography transform, so the preview cannot say something the Word export
does not. This module only turns those calls into HTML, styled from the
template's own styles (template_css.py).

Links back to the editor: every section and block puts a named anchor
(« section-12 », « block-40 ») before its first paragraph, and the first
run of that paragraph (the heading, the speaker's name) links to
« minutier:block/40 ».
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence

from lxml import etree
from lxml.etree import SubElement, _Element

from exporters.compte_rendu import compose
from exporters.errors import ExportError
from exporters.labels import load_labels
from exporters.ooxml import PLAIN, Fmt, Segment, clean
from exporters.template_css import TWIPS_PER_PX, TemplateLook, template_look
from exporters.typography import for_language
from models.records import MeetingData

SCHEME = "minutier"
# Word keeps every space typed; HTML would collapse them and change the text.
PARAGRAPH_CSS = "white-space: pre-wrap"
FIRST_RESTARTED_NUM = 10_000
TABLE_CSS = "margin-bottom: 8px"  # above any numId the template defines


def anchor_name(kind: str, row_id: int) -> str:
    """The named anchor of a section or block in the preview: « block-40 »."""
    return f"{kind}-{row_id}"


def parse_link(url: str) -> tuple[str, int] | None:
    """(« section » | « block », id) for a « minutier:block/40 » link, else None."""
    scheme, _, rest = url.partition(":")
    kind, _, number = rest.partition("/")
    if scheme != SCHEME or kind not in ("section", "block") or not number.isdigit():
        return None
    return kind, int(number)


def _without(css: str, *names: str) -> str:
    return "; ".join(d for d in css.split("; ") if d and d.split(":")[0] not in names)


class HtmlDocument:
    """The preview's stand-in for WordDocument: the same methods, HTML elements instead of OOXML."""

    def __init__(self, transform: Callable[[Sequence[str]], list[str]], look: TemplateLook):
        self._transform = transform
        self._look = look
        self.root = etree.Element("html")
        self._head = SubElement(self.root, "head")
        self.body = SubElement(self.root, "body", style=look.body)
        # One rule per distinct look, named by class: Qt parses a stylesheet once, but an
        # inline style on each of a thousand elements (a third of setHtml's time).
        self._classes: dict[str, str] = {}
        self.bullet_num = look.numbered.get("minutier bullet", 1)
        self._next_num = FIRST_RESTARTED_NUM
        self._list_types = dict(look.list_types)
        self._starts: dict[int, int] = {}
        self._counts: dict[tuple[int, int], int] = {}
        self._list_of: dict[_Element, int] = {}
        self._widths: dict[_Element, tuple[str, int]] = {}  # table -> (style, total width)
        self._header_rows: dict[_Element, str] = {}  # header row -> its fill
        self._anchors: list[str] = []
        self._href = ""

    # ------------------------------------------------------------ styles

    def style(self, name: str) -> str:
        key = name.lower()
        look = self._look
        if key not in look.paragraph and key not in look.character and key not in look.header_fill:
            raise ExportError(f'The Word template has no style named "{name}".')
        return key

    def require(self, names: Sequence[str]) -> None:
        for name in names:
            self.style(name)

    def restarted_list(self, level: int, start: int = 1) -> int:
        num_id = self._next_num
        self._next_num += 1
        number = self._look.list_types.get(self._look.numbered.get("minutier number", 2), ("decimal",) * 9)
        self._list_types[num_id] = number
        self._starts[num_id] = start
        return num_id

    # ------------------------------------------------------------ content

    def anchor(self, kind: str, row_id: int | None) -> None:
        if row_id is not None:
            self._anchors.append(anchor_name(kind, row_id))
            self._href = f"{SCHEME}:{kind}/{row_id}"

    def paragraph(
        self,
        parent: _Element,
        style: str | None,
        segments: Sequence[Segment],
        *,
        num: tuple[int, int] | None = None,
        indent: int | None = None,
        keep_next: bool = False,
    ) -> _Element:
        name = (style or "Normal").lower()
        css = self._look.paragraph.get(name, "")
        if num is None and name in self._look.numbered:
            num = (self._look.numbered[name], 0)
        if num is not None:
            p = self._list_item(parent, num)
            # The list draws its own indent and marker.
            p.set(
                "class", self._class("; ".join(c for c in (_without(css, "margin-left"), PARAGRAPH_CSS) if c))
            )
        else:
            if indent is not None:
                css = _without(css, "margin-left") + f"; margin-left: {round(indent / TWIPS_PER_PX)}px"
            p = SubElement(
                parent, "p", {"class": self._class("; ".join(c for c in (css, PARAGRAPH_CSS) if c))}
            )
        # Qt reads « justify » only from the align attribute, not from CSS.
        align = next((d.split(": ")[1] for d in css.split("; ") if d.startswith("text-align:")), "")
        if align:
            p.set("align", align)
        for anchor in self._anchors:
            SubElement(p, "a", name=anchor)
        self._anchors = []
        if segments:
            texts = self._transform([text for text, _ in segments])
            self._runs(p, list(zip(texts, (fmt for _, fmt in segments), strict=True)), css)
        return p

    def text(self, parent: _Element, style: str | None, text: str, fmt: Fmt = PLAIN) -> _Element:
        return self.paragraph(parent, style, [(text, fmt)] if text else [])

    def _runs(self, p: _Element, segments: list[Segment], paragraph_css: str) -> None:
        merged: list[list] = []
        for text, fmt in segments:
            if text:
                if merged and merged[-1][1] == fmt:
                    merged[-1][0] += text
                else:
                    merged.append([text, fmt])
        for text, fmt in merged:
            props = []
            if fmt.style:
                props.append(self._look.character.get(fmt.style, ""))
            if fmt.bold:
                props.append("font-weight: 700")
            if fmt.italic:
                props.append("font-style: italic")
            if fmt.underline:
                props.append("text-decoration: underline")
            css = "; ".join(p for p in props if p)
            if self._href:
                # The first run leads back to the editor, looking like the text it is.
                color = next((d for d in f"{paragraph_css}; {css}".split("; ") if d.startswith("color:")), "")
                look = "; ".join(c for c in (css, color or "color: #000000", "text-decoration: none") if c)
                run = SubElement(p, "a", {"href": self._href, "class": self._class(look)})
                self._href = ""
            elif fmt.link:
                run = SubElement(p, "a", {"href": fmt.link, "class": self._class(css)})
            else:
                run = SubElement(p, "span", {"class": self._class(css)}) if css else None
            _put_text(p if run is None else run, clean(text), run is None)
        self._href = ""

    def _class(self, css: str) -> str:
        name = self._classes.get(css)
        if name is None:
            name = self._classes[css] = f"c{len(self._classes)}"
        return name

    def _list_item(self, parent: _Element, num: tuple[int, int]) -> _Element:
        num_id, level = num
        container = parent
        for depth in range(level + 1):
            last = container[-1] if len(container) else None
            usable = last is not None and last.tag in ("ul", "ol")
            if usable and depth == level and self._list_of.get(last) != num_id:
                usable = False
            if usable:
                lst = last
            else:
                kinds = self._list_types.get(num_id if depth == level else self.bullet_num, ("disc",) * 9)
                kind = kinds[min(depth, len(kinds) - 1)]
                ordered = kind not in ("disc", "circle", "square")
                lst = SubElement(container, "ol" if ordered else "ul", type=kind)
                lst.set("style", f"list-style-type: {kind}; margin-top: 0px; margin-bottom: 0px")
                self._list_of[lst] = num_id if depth == level else self.bullet_num
                if ordered:
                    lst.set("start", str(self._starts.get(num_id, 1) + self._counts.get((num_id, depth), 0)))
            if depth == level:
                self._counts[(num_id, level)] = self._counts.get((num_id, level), 0) + 1
                return SubElement(lst, "li")
            container = lst[-1] if len(lst) else SubElement(lst, "li")
        raise AssertionError("unreachable")

    def picture(self, parent: _Element, style: str, data: bytes) -> None:
        kind = "png" if data.startswith(b"\x89PNG") else "jpeg"
        p = SubElement(parent, "p", style=self._look.paragraph.get(style.lower(), ""))
        # 4 cm wide at most, as the export scales it.
        SubElement(p, "img", src=f"data:image/{kind};base64,{base64.b64encode(data).decode()}", width="151")

    # ------------------------------------------------------------ tables

    def table(self, parent: _Element, style: str, widths: Sequence[int]) -> _Element:
        key = self.style(style)
        border = self._look.border.get(key, "#808080")
        tbl = SubElement(
            parent,
            "table",
            width="100%",
            border="1",
            cellspacing="0",
            cellpadding="4",
            style=f"border-collapse: collapse; border-style: solid; border-color: {border}; {TABLE_CSS}",
        )
        self._widths[tbl] = (key, sum(widths))
        return tbl

    def row(self, tbl: _Element, *, header: bool = False, cant_split: bool = False) -> _Element:
        tr = SubElement(tbl, "tr")
        if header:
            self._header_rows[tr] = self._look.header_fill.get(self._widths[tbl][0], "#DCE6F0")
        return tr

    def cell(self, tr: _Element, width: int) -> _Element:
        total = self._widths[tr.getparent()][1] or 1
        td = SubElement(tr, "td", width=f"{round(100 * width / total)}%")
        if tr in self._header_rows:
            td.set("bgcolor", self._header_rows[tr])
        return td

    # ------------------------------------------------------------ result

    def to_html(self) -> str:
        rules = "\n".join(f".{name} {{ {css} }}" for css, name in self._classes.items())
        SubElement(self._head, "style", type="text/css").text = rules
        return etree.tostring(self.root, method="html", encoding="unicode")


def _put_text(element: _Element, text: str, after_last_child: bool) -> None:
    """``text`` into ``element`` (or after its last child), a « \\n » as <br>."""
    pieces = text.split("\n")
    if after_last_child and len(element):
        tail = element[-1]
        tail.tail = (tail.tail or "") + pieces[0]
    elif after_last_child:
        element.text = (element.text or "") + pieces[0]
    else:
        element.text = pieces[0]
    for piece in pieces[1:]:
        SubElement(element, "br").tail = piece


def render_html(data: MeetingData, language: str | None = None) -> str:
    """The compte-rendu of ``data`` as HTML, in ``language`` or the meeting's own."""
    language = language or data.language
    doc = HtmlDocument(for_language(language), template_look())
    compose(data, load_labels(language), doc)
    return doc.to_html()
