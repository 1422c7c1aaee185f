"""The preview pane: the open meeting's compte-rendu as it will print, in a chosen language.

It redraws ``DEBOUNCE_MS`` after the last change it is told of, so a burst
of keystrokes costs one redraw, and never while hidden (it catches up when
shown). Each redraw reads the records through the services, lays the
unsaved edits over them (``unsaved``), builds the HTML and keeps the
scroll position.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from exporters.labels import available_languages
from models.database import Database
from models.errors import MinutierError
from models.records import MeetingData, with_unsaved
from models.services.reading import meeting_record

log = logging.getLogger("minutier.ui")

DEBOUNCE_MS = 100
SLOW_UPDATE_S = 0.15
MAX_WAIT_MS = 3000
# Word's list indent (360 twips = 24 px), not Qt's 40 px.
LIST_INDENT_PX = 24
# Names of the document languages in themselves, as a language menu shows them.
LANGUAGE_NAMES = {"fr": "Français", "en": "English", "es": "Español"}

Unsaved = Callable[[], tuple[dict[int, dict], dict[int, dict]]]


def read_meeting(db: Database, meeting_id: int) -> MeetingData:
    with db.reading() as session:
        return meeting_record(session, meeting_id)


class PreviewPane(QWidget):
    chosen = Signal(str, int)  # "section" | "block", id: clicked in the preview
    updated = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self.meeting_id: int | None = None
        self.unsaved: Unsaved = lambda: ({}, {})
        self.last_update_s = 0.0
        self._stale = True
        self._language = ""  # "" follows the meeting's own

        self.language = QComboBox()
        self.language.setToolTip(self.tr("Language of the document"))
        self.language.addItem(self.tr("Meeting's language"), "")
        for code in available_languages():
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.currentIndexChanged.connect(self._language_chosen)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Language:")))
        bar.addWidget(self.language)
        bar.addStretch(1)

        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        self.browser.document().setIndentWidth(LIST_INDENT_PX)
        self.browser.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

    # ------------------------------------------------------------ following changes

    def set_meeting(self, meeting_id: int | None) -> None:
        changed = meeting_id != self.meeting_id
        self.meeting_id = meeting_id
        self.schedule(now=True)
        if changed:
            self.browser.verticalScrollBar().setValue(0)

    def schedule(self, now: bool = False) -> None:
        """Something changed: redraw after the typing pauses (``now``: at once), if shown."""
        self._stale = True
        if not self.isVisible():
            self._timer.stop()
        elif now:
            self.refresh()
        else:
            # A meeting many times 2023's takes long enough to draw that redrawing at every
            # pause would stall the typing: wait for longer pauses, in proportion.
            slow = self.last_update_s > SLOW_UPDATE_S
            self._timer.start(min(MAX_WAIT_MS, int(self.last_update_s * 3000)) if slow else DEBOUNCE_MS)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self._stale = False
        started = time.perf_counter()
        html = self._html()
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(html)
        bar.setValue(position)  # setHtml lays the document out and puts the view back at the top
        self.last_update_s = time.perf_counter() - started
        self.updated.emit()

    def _html(self) -> str:
        if self.meeting_id is None:
            return ""
        try:
            data = with_unsaved(read_meeting(self._db, self.meeting_id), *self.unsaved())
            # The exporters are imported with the first preview shown, not at launch.
            from exporters.html_preview import render_html

            return render_html(data, self._language or None)
        except MinutierError as exc:  # the meeting was deleted meanwhile; a template lost a style
            log.warning("preview: %s", exc)
            return f"<p>{_escape(str(exc))}</p>"

    # ------------------------------------------------------------ language and links

    def set_language(self, code: str) -> None:
        self.language.setCurrentIndex(max(self.language.findData(code), 0))

    def _language_chosen(self, _index: int) -> None:
        self._language = self.language.currentData() or ""
        self.schedule(now=True)

    def scroll_to(self, kind: str, row_id: int) -> None:
        if self._stale and self.isVisible():
            self.refresh()
        from exporters.html_preview import anchor_name

        self.browser.scrollToAnchor(anchor_name(kind, row_id))

    def _clicked(self, url: QUrl) -> None:
        from exporters.html_preview import parse_link

        target = parse_link(url.toString())
        if target is not None:
            self.chosen.emit(*target)
        elif url.scheme() in ("http", "https", "mailto", "ftp"):
            QDesktopServices.openUrl(url)

    def text(self) -> str:
        return self.browser.document().toPlainText()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
