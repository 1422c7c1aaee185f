"""The rich text editor of meeting texts: Markdown in, Markdown out.

Only what Markdown and the exporter carry is offered: bold, italic, bullet
and numbered lists, links. What is typed is text: ``**x**`` typed stays
two asterisks (ui.richtext_markdown escapes it). Underline is not kept
(stripped on paste, never stored).

The text is stored on focus-out and after a second without typing, and
only when the user changed it, so merely opening a block never rewrites it.
Each save is one command on the window's undo stack, and that stack is the
only history: the editor keeps no undo of its own, and Ctrl+Z / Ctrl+Y in
it go to the window (which stores what is typed first). Two histories, the
editor's and the window's, let an undo in the editor save over a text the
window could then no longer bring back (issue 10).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QInputDialog, QTextEdit, QToolBar, QWidget

from ui import richtext_markdown
from ui.richtext_markdown import document_markdown

__all__ = ["RichTextEdit", "RichTextToolbar", "document_markdown"]

IDLE_MS = 1000
# The window's undo and redo keys (ui.menus): the editor must not take them for itself.
_HISTORY_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)
_HISTORY_SHORTCUTS = (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def is_history_key(event: QKeyEvent) -> bool:
    if any(event.matches(key) for key in _HISTORY_KEYS):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in _HISTORY_SHORTCUTS)


def _without_link(fmt: QTextCharFormat) -> QTextCharFormat:
    plain = QTextCharFormat(fmt)
    for prop in (
        QTextFormat.Property.IsAnchor,
        QTextFormat.Property.AnchorHref,
        QTextFormat.Property.ForegroundBrush,
    ):
        plain.clearProperty(prop)
    return plain


class RichTextEdit(QTextEdit):
    committed = Signal(str)  # the new Markdown, after the user changed it
    left = Signal()  # focus went elsewhere (after any commit)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self._saved = ""
        self._loading = False
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.commit)
        self.textChanged.connect(self._changed)
        self._make_actions()
        self.currentCharFormatChanged.connect(self._show_format)
        self.cursorPositionChanged.connect(self._show_format)

    # Loading and saving -----------------------------------------------------

    def load_markdown(self, text: str) -> None:
        """Show stored text; what the user does next is what gets saved, nothing before."""
        self._idle.stop()
        same = text == self._saved
        position = self.textCursor().position()
        self._loading = True
        try:
            richtext_markdown.load_markdown(self.document(), text, self.palette().link())
        finally:
            self._loading = False
        self.document().setModified(False)
        self._saved = text
        # An undo or a reload under the cursor keeps its place; another text opens at its start.
        cursor = self.textCursor()
        keep = same or self.hasFocus()
        cursor.setPosition(min(position, self.document().characterCount() - 1) if keep else 0)
        self.setTextCursor(cursor)

    def saved_text(self) -> str:
        return self._saved

    def markdown(self) -> str:
        return document_markdown(self.document())

    def commit(self) -> None:
        """Emit ``committed`` if the user changed the text since it was loaded or last saved."""
        self._idle.stop()
        if not self.document().isModified():
            return
        self.document().setModified(False)
        text = self.markdown()
        if text != self._saved:
            self._saved = text
            self.committed.emit(text)

    def _changed(self) -> None:
        if not self._loading and self.document().isModified():
            self._idle.start()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):
            # Left to the window's Undo/Redo, which store what is typed and then step back.
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if is_history_key(event):
            # The window's action was disabled (nothing stored yet to undo): store what is typed,
            # which enables it, and hand it the key again.
            self.commit()
            pressed = QKeySequence(event.keyCombination())
            exact = QKeySequence.SequenceMatch.ExactMatch
            for action in self.window().findChildren(QAction):
                if action.isEnabled() and any(pressed.matches(s) == exact for s in action.shortcuts()):
                    action.trigger()
                    break
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        self.commit()
        self.left.emit()
        super().focusOutEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Word and browsers paste fonts, colours and underline; keep what Markdown keeps.
        if source.hasHtml():
            pasted = QTextDocument()
            pasted.setHtml(source.html())
            kept = QTextDocument()
            richtext_markdown.load_markdown(kept, document_markdown(pasted), self.palette().link())
            self.textCursor().insertFragment(QTextDocumentFragment(kept))
        elif source.hasText():
            self.textCursor().insertText(source.text())

    # Formatting ---------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str, slot, checkable: bool = True) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.bold_action = self._action(self.tr("Bold"), QKeySequence.StandardKey.Bold, self.set_bold)
        self.italic_action = self._action(self.tr("Italic"), QKeySequence.StandardKey.Italic, self.set_italic)
        self.bullets_action = self._action(
            self.tr("Bulleted list"), "Ctrl+Shift+8", lambda: self.toggle_list(QTextListFormat.Style.ListDisc)
        )
        self.numbers_action = self._action(
            self.tr("Numbered list"),
            "Ctrl+Shift+7",
            lambda: self.toggle_list(QTextListFormat.Style.ListDecimal),
        )
        self.link_action = self._action(self.tr("Link…"), "Ctrl+K", self.ask_link, checkable=False)
        # Claimed so that no platform binding underlines: underline cannot be stored.
        self._action("", QKeySequence.StandardKey.Underline, lambda: None, checkable=False)
        bold = self.bold_action.font()
        bold.setBold(True)
        self.bold_action.setFont(bold)
        italic = self.italic_action.font()
        italic.setItalic(True)
        self.italic_action.setFont(italic)

    def format_actions(self) -> list[QAction]:
        return [
            self.bold_action,
            self.italic_action,
            self.bullets_action,
            self.numbers_action,
            self.link_action,
        ]

    def set_bold(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    def set_italic(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self.mergeCurrentCharFormat(fmt)

    def toggle_list(self, style: QTextListFormat.Style) -> None:
        """Make the selected paragraphs a list of ``style``, or plain paragraphs if they already are."""
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            self._unlist(cursor)
        elif current is not None:
            fmt = current.format()
            fmt.setStyle(style)
            current.setFormat(fmt)
        else:
            fmt = QTextListFormat()
            fmt.setStyle(style)
            cursor.createList(fmt)
        cursor.endEditBlock()
        self._show_format()

    def _unlist(self, cursor: QTextCursor) -> None:
        document = self.document()
        block = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        while block.isValid():
            text_list = block.textList()
            if text_list is not None:
                text_list.remove(block)
                at = QTextCursor(block)
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setIndent(0)
                at.setBlockFormat(fmt)
            if block == last:
                break
            block = block.next()

    def ask_link(self) -> None:
        current = self.textCursor().charFormat().anchorHref()
        url, ok = QInputDialog.getText(self, self.tr("Link"), self.tr("Address (URL):"), text=current)
        if ok:
            self.insert_link(url.strip())

    def insert_link(self, url: str) -> None:
        """Link the selection to ``url`` (no selection: insert the address itself); empty unlinks."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if not url:
            self._unlink(cursor)
        elif cursor.hasSelection():
            cursor.mergeCharFormat(self._link_format(url))
        else:
            cursor.insertText(url, self._link_format(url))
        cursor.endEditBlock()
        cursor.setPosition(cursor.selectionEnd())
        self.setTextCursor(cursor)
        # Typing after a link must not extend it.
        self.setCurrentCharFormat(_without_link(self.currentCharFormat()))

    def _link_format(self, url: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(url)
        fmt.setForeground(self.palette().link())
        return fmt

    def _unlink(self, cursor: QTextCursor) -> None:
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                low = max(start, fragment.position())
                high = min(end, fragment.position() + fragment.length())
                if low < high and fragment.charFormat().isAnchor():
                    part = QTextCursor(self.document())
                    part.setPosition(low)
                    part.setPosition(high, QTextCursor.MoveMode.KeepAnchor)
                    part.setCharFormat(_without_link(fragment.charFormat()))
                it += 1
            block = block.next()

    def _show_format(self, *_args) -> None:
        fmt = self.currentCharFormat()
        self.bold_action.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold)
        self.italic_action.setChecked(fmt.fontItalic())
        current = self.textCursor().currentList()
        style = current.format().style() if current is not None else None
        self.bullets_action.setChecked(style == QTextListFormat.Style.ListDisc)
        self.numbers_action.setChecked(style == QTextListFormat.Style.ListDecimal)


class RichTextToolbar(QToolBar):
    """The buttons for ``editor``'s formatting actions (which also answer their shortcuts)."""

    def __init__(self, editor: RichTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in editor.format_actions():
            self.addAction(action)
