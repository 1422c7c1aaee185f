"""« Compte-rendu de la réunion »: sections, interventions, debates, conclusions, plain paragraphs.

Headings open sections (one level per heading level); « Session Débat » and
« Conclusions » headings open a block of the section they follow, as the
exporter prints them. An intervention opens with the speaker: a paragraph of
its own (« Mme Benedetta Oddo – Le cas libyen (en ligne) : ») or a bold
name and colon leading the first paragraph. Anything else is a plain block
where it stands, so nothing is dropped.

In a document Minutier exported, only its styles decide (a bold paragraph of
the notes stays a paragraph); in a hand-made one, a short all-bold or large
paragraph also counts as a heading, and a speaker is recognised by a civility
(« M. », « Mme », « Dr »…) or a name from the participant list.
"""

from __future__ import annotations

import re

from models.text_keys import key
from models.word_import import vocabulary
from models.word_import.document import Para, Run, Table
from models.word_import.markdown import QUOTE_STYLES, plain, to_markdown
from models.word_import.understanding import Understanding

MAX_HEADING_CHARS = 250
LARGE_POINTS = 14
SPEAKER_STYLE = "Minutier Speaker"
SPEAKER_NAME_STYLE = "Minutier Speaker Name"
QUESTION_STYLE = "Minutier Question"
_SEPARATOR = re.compile(r"\s+[–—-]\s+")
_MAX_SPEAKER_WORDS = 14
_COUNTED = {
    "intervention": "interventions",
    "debate": "debates",
    "conclusions": "conclusions",
    "paragraph": "paragraphs",
}


def _online_words() -> set[str]:
    words = {key(lang.labels["online"]) for lang in vocabulary.languages()}
    return words | {"a distance", "online", "remote", "en ligne"}


def parse_speaker_line(text: str) -> tuple[str, str, bool]:
    """(speaker, subtitle, online) of « Mme Benedetta Oddo – Le cas libyen (en ligne) : »."""
    text = " ".join(plain(text).split()).rstrip()
    if text.endswith(":"):
        text = text[:-1].rstrip()
    online = False
    match = re.search(r",?\s*\(([^()]*)\)$", text)
    if match and key(match.group(1)) in _online_words():
        online = True
        text = text[: match.start()].rstrip().rstrip(",").rstrip()
    parts = _SEPARATOR.split(text, maxsplit=1)
    speaker = parts[0].strip()
    subtitle = parts[1].strip() if len(parts) > 1 else ""
    return speaker, subtitle, online


class _Section:
    __slots__ = ("data", "level")

    def __init__(self, level: int, title: str):
        self.level = level
        self.data = {"title": title, "programme_item": None, "blocks": [], "sections": []}


class ReportReader:
    def __init__(self, report: Understanding, minutier: bool, known_names: set[str], base_level: int):
        self.report = report
        self.minutier = minutier
        self.labels = vocabulary.labels(report.language)
        self.known_names = known_names
        self.base_level = base_level
        self.sections: list[dict] = []
        self.stack: list[_Section] = []
        self.block: dict | None = None
        self.paras: list[Para] = []
        self.last_styled_level = base_level

    # ------------------------------------------------------------ structure

    def _flush(self) -> None:
        if self.block is not None:
            self.block["text"] = to_markdown(self.paras)
            self._section().data["blocks"].append(self.block)
        self.block, self.paras = None, []

    def _section(self) -> _Section:
        if not self.stack:
            # Text before the first heading: a section without title prints none, as read.
            self._open_section(self.base_level + 1, "")
        return self.stack[-1]

    def _open_section(self, level: int, title: str) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        section = _Section(level, title)
        if self.stack:
            self.stack[-1].data["sections"].append(section.data)
        else:
            self.sections.append(section.data)
        self.stack.append(section)
        self.report.count("sections")

    def _open_block(self, kind: str, **fields) -> None:
        # A block (a debate or conclusions heading too) belongs to the section it follows, whatever
        # the heading's level: an export prints a section's blocks before its sub-sections, and
        # people put « Session Débat » at any level.
        self._flush()
        self.block = {
            "kind": kind,
            "speaker": "",
            "person": None,
            "subtitle": "",
            "online": False,
            "question": "",
            "text": "",
            **fields,
        }
        self.report.count(_COUNTED[kind])

    # ------------------------------------------------------------ recognising

    def _heading_level(self, para: Para) -> int:
        if para.level:
            return para.level
        if self.minutier or para.list_level >= 0 or para.style in QUOTE_STYLES:
            return 0
        text = para.text.strip()
        if not text or len(text) > MAX_HEADING_CHARS or text.endswith(":"):
            return 0
        if para.bold or para.size >= LARGE_POINTS:
            return self.last_styled_level + 1
        return 0

    def _is_speaker_name(self, text: str) -> bool:
        text = " ".join(plain(text).split()).rstrip(" :")
        if not text or len(text.split()) > _MAX_SPEAKER_WORDS:
            return False
        if vocabulary.has_civility(text):
            return True
        first = _SEPARATOR.split(text, maxsplit=1)[0]
        return key(first) in self.known_names

    def _lead(self, para: Para) -> tuple[str, tuple[Run, ...]] | None:
        """(speaker text, the rest of the runs) when the paragraph opens with a speaker's name."""
        runs = para.runs
        if runs and runs[0].style == SPEAKER_NAME_STYLE:
            n = 0
            while n < len(runs) and runs[n].style == SPEAKER_NAME_STYLE:
                n += 1
            return "".join(r.text for r in runs[:n]), _lstrip(runs[n:])
        if self.minutier or not runs or not runs[0].bold:
            return None
        n = 0
        while n < len(runs) and (runs[n].bold or not runs[n].text.strip()):
            n += 1
        lead = "".join(r.text for r in runs[:n])
        rest = runs[n:]
        if not lead.rstrip().endswith(":"):
            # « **Mme Emilia Saiz** : Ce mouvement… »: the colon after the bold name.
            if rest and plain(rest[0].text).lstrip().startswith(":"):
                first = rest[0]
                after = plain(first.text).lstrip()[1:]
                lead += ":"
                rest = ((first._replace(text=after),) if after else ()) + rest[1:]
            else:
                return None
        if not rest or not self._is_speaker_name(lead):
            return None
        return lead, _lstrip(rest)

    def _speaker_line(self, para: Para) -> bool:
        if para.style == SPEAKER_STYLE:
            return True
        if self.minutier:
            return False
        text = plain(para.text).strip()
        return text.endswith(":") and (para.bold or para.level > 0) and self._is_speaker_name(text)

    # ------------------------------------------------------------ reading

    def read(self, items: list[Para | Table]) -> list[dict]:
        for index, item in enumerate(items):
            if isinstance(item, Table):
                self._table(item)
                continue
            para = item
            if not para.text.strip():
                continue
            if self._speaker_line(para):
                speaker, subtitle, online = parse_speaker_line(para.text)
                self._open_block("intervention", speaker=speaker, subtitle=subtitle, online=online)
                if para.style == SPEAKER_STYLE and not (subtitle or online):
                    # The exporter gives a name-only speaker a line of its own only when the text
                    # opens with a list or a quote, or is empty: a plain paragraph next is another block.
                    following = _next_para(items, index)
                    if following is not None and _opens_plain(following):
                        self._flush()
                continue
            lead = self._lead(para)
            if lead is not None:
                speaker, subtitle, online = parse_speaker_line(lead[0])
                self._open_block("intervention", speaker=speaker, subtitle=subtitle, online=online)
                self.paras.append(para.with_runs(lead[1])._replace(list_level=-1))
                continue
            level = self._heading_level(para)
            if level:
                self._heading(para, level, items, index)
                continue
            if (
                self.block is not None
                and self.block["kind"] == "debate"
                and not self.paras
                and not self.block["question"]
                and (para.style == QUESTION_STYLE or (not self.minutier and _all_italic(para)))
            ):
                self.block["question"] = " ".join(plain(para.text).split())
                continue
            if self.block is None:
                self._open_block("paragraph")
            self.paras.append(para)
        self._flush()
        return self.sections

    def _heading(self, para: Para, level: int, items: list, index: int) -> None:
        title = " ".join(plain(para.text).split())
        if para.level:
            self.last_styled_level = para.level
        if self._is_label("debate_heading", title) and not self._deeper_heading_follows(items, index, level):
            self._open_block("debate")
            return
        if self._is_label("conclusions_heading", title) and not self._deeper_heading_follows(
            items, index, level
        ):
            self._open_block("conclusions")
            # The exporter prints this heading only outside a section on the conclusions item:
            # this section must not be linked to it.
            self._section().data["programme_item"] = False
            return
        self._flush()
        self._open_section(level, title)

    def _is_label(self, field: str, title: str) -> bool:
        # An export prints its own label, in its own language; people write it many ways.
        if self.minutier:
            return title == self.labels[field]
        return vocabulary.is_label(field, title)

    def _deeper_heading_follows(self, items: list, index: int, level: int) -> bool:
        for item in items[index + 1 :]:
            if isinstance(item, Para) and item.text.strip():
                following = self._heading_level(item)
                return following > level
        return False

    def _table(self, table: Table) -> None:
        # A table in the notes: its rows as plain lines, kept in place.
        self._flush()
        self._open_block("paragraph")
        for row in table.rows:
            cells = [" ".join(plain(" ".join(p.text for p in cell)).split()) for cell in row]
            line = " | ".join(c for c in cells if c)
            if line:
                self.report.not_recognised(line)
                run = Run(line, False, False, False, "", "")
                self.paras.append(Para("Normal", 0, (run,), -1, False, 1, "", False, 0, line))
        self._flush()


def _lstrip(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    runs = tuple(runs)
    while runs and not runs[0].text.strip():
        runs = runs[1:]
    if runs:
        runs = (runs[0]._replace(text=runs[0].text.lstrip()), *runs[1:])
    return runs


def _all_italic(para: Para) -> bool:
    visible = [r for r in para.runs if r.text.strip()]
    return bool(visible) and all(r.italic for r in visible)


def _next_para(items: list, index: int) -> Para | None:
    for item in items[index + 1 :]:
        if isinstance(item, Table):
            return None
        if item.text.strip():
            return item
    return None


def _opens_plain(para: Para) -> bool:
    return (
        para.level == 0
        and para.list_level < 0
        and para.style not in QUOTE_STYLES
        and para.style not in (SPEAKER_STYLE, QUESTION_STYLE)
        and not (para.runs and para.runs[0].style == SPEAKER_NAME_STYLE)
    )
