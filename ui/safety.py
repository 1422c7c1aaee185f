"""Data safety in the window: restoring a backup, the read-only banner, conflicts, storage errors.

- File › Restore from backup… lists the database's backups (date, kind,
  size, whether each passes its integrity check). Restoring one stores what
  is typed, closes the database, puts the backup in its place
  (models.backup.restore_backup keeps the current file aside, ui/restoring.py),
  reopens it and replaces the window by a new one on the restored data: the
  windows' owner does that (ui.app.Windows.restore); ``reopened(window)`` says so.
- A database opened read-only shows a banner above the tabs.
- A command refused because its row changed elsewhere (ConflictError), or
  because the storage refused the write (read-only, disk full, lock held,
  damage), is told here once, as a message box, whichever tab ran it
  (ui.history.UndoStack.report; the tab does not show it again). After a
  conflict the window reloads the meeting; what the user typed is put in
  the clipboard and quoted in the message (docs/data-safety.md).
- A daily backup that could not be taken (``Database.backup_problem``)
  shows as a warning in the status bar, without interrupting.

Messages wait for the end of the action that raised them (a zero-delay
timer), so a model is never reloaded in the middle of its own change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStatusBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import backup
from models.backup import BackupInfo
from ui import dialogs, labels

log = logging.getLogger("minutier.ui")

QUOTE_LIMIT = 300  # characters of unsaved text quoted in a message; all of it is in the clipboard
DATE_FORMAT = "%d/%m/%Y %H:%M"


def _one_line(text: str, limit: int = QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RestoreDialog(QDialog):
    """The backups of one database, newest first; ``chosen()`` once accepted."""

    COLUMNS = 4

    def __init__(self, db_path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.folder = backup.backup_folder(db_path)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.backups = backup.list_backups(db_path, check=True)
        finally:
            QApplication.restoreOverrideCursor()

        intro = QLabel(
            self.tr(
                "Backups of {0}, newest first. Restoring one replaces the current data by it; "
                "the current file is kept aside in {1}, nothing is deleted."
            ).format(db_path.name, self.folder)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Size"), self.tr("Check")])
        header = self.list.header()
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        tiers = labels.backup_tiers()
        for info in self.backups:
            ok = info.status == "ok"
            if ok:
                check = self.tr("Passes the check")
            else:
                check = self.tr("Fails: {0}").format(labels.backup_status(info.status or ""))
            when = f"{info.taken:{DATE_FORMAT}}"
            size = QLocale().formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
            item = QTreeWidgetItem([when, tiers.get(info.tier, info.tier), size, check])
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(0, str(info.path))
            item.setToolTip(3, check)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not ok:  # shown, so the user knows it is there, but it cannot be chosen
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addTopLevelItem(item)
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _item, _column: self.accept_if_chosen())

        self.empty = QLabel(self.tr("There are no backups yet in {0}.").format(self.folder))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.backups)
        self.list.setVisible(bool(self.backups))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept_if_chosen)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(720, 380)
        first_good = next((i for i, b in enumerate(self.backups) if b.status == "ok"), None)
        if first_good is not None:
            self.list.setCurrentItem(self.list.topLevelItem(first_good))
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> BackupInfo | None:
        items = self.list.selectedItems()
        if not items:
            return None
        return self.backups[self.list.indexOfTopLevelItem(items[0])]

    def choose(self, info: BackupInfo) -> None:
        """Select ``info`` (tests, screenshots)."""
        row = self.backups.index(info)
        self.list.setCurrentItem(self.list.topLevelItem(row))

    def accept_if_chosen(self) -> None:
        if self.chosen() is not None:
            self.accept()


class SafetyActions(QObject):
    """Made by the window before its menus; ui/menus.py places ``restore_action``.

    It is given what it works with, not the window: the database, the undo stack, where
    notices go, how to store what is typed and reload, and ``restore(info)``, the owner's
    replacing of the window after a restore (ui.app.Windows; None: this window cannot restore).
    """

    reopened = Signal(object)  # the window that replaced this one after a restore (None: none could)

    def __init__(
        self,
        parent: QWidget,
        db,
        stack,
        *,
        banners: QVBoxLayout,
        status_bar: QStatusBar,
        flush: Callable[[], None],
        reload: Callable[[], None],
        restore: Callable[[BackupInfo], QWidget | None] | None,
    ):
        super().__init__(parent)
        self.parent_widget = parent
        self.db = db
        self._flush = flush
        self._reload = reload
        self._restore = restore
        self.restore_dialog: RestoreDialog | None = None
        self.restore_action = QAction(self.tr("Restore from backup…"), self)
        self.restore_action.triggered.connect(self.open_restore)
        # A server keeps its own backups.
        self.restore_action.setEnabled(self.db.path is not None and restore is not None)

        self.banner: QLabel | None = None
        if self.db.read_only:
            self.banner = self._banner(self.db.read_only_reason)
            banners.insertWidget(0, self.banner)
        self.backup_warning: QLabel | None = None
        if self.db.backup_problem:
            self.backup_warning = self._backup_warning(self.db.backup_problem)
            status_bar.addWidget(self.backup_warning, 1)

        self._refusals: list[str] = []
        self._unsaved: list[str] = []
        self._conflict_due = False
        self._retired = False  # the database was closed for a restore: this window is done
        stack.window_reports = True
        stack.conflicted.connect(self._conflicted)
        stack.refused.connect(self._refused)

    def retire(self) -> None:
        """The database is being closed under the window: say nothing more about it."""
        self._retired = True

    # ------------------------------------------------------------ notices

    def _banner(self, reason: str) -> QLabel:
        text = self.tr("This database is read-only: {0}. Changes cannot be saved.").format(
            labels.read_only_reason(reason)
        )
        banner = QLabel("⚠  " + text)
        banner.setObjectName("readOnlyBanner")
        banner.setWordWrap(True)
        banner.setToolTip(
            self.tr("To edit it, copy the file (with its -wal and -shm, if any) to a writable folder.")
        )
        banner.setStyleSheet(
            "QLabel#readOnlyBanner { background: #fff4ce; color: #5c4400; padding: 8px 12px;"
            " border-bottom: 1px solid #e0c36a; font-weight: bold; }"
        )
        return banner

    def _backup_warning(self, problem: str) -> QLabel:
        label = QLabel("⚠ " + self.tr("No backup today: {0}").format(_one_line(problem, 120)))
        label.setObjectName("backupWarning")
        label.setToolTip(problem)
        label.setStyleSheet("QLabel#backupWarning { color: #8a4b00; }")
        log.warning("daily backup: %s", problem)
        return label

    # ------------------------------------------------------------ errors from commands

    def _refused(self, text: str) -> None:
        if text not in self._refusals:
            self._refusals.append(text)
        if len(self._refusals) == 1:
            QTimer.singleShot(0, self._show_refusals)

    def _show_refusals(self) -> None:
        texts, self._refusals = self._refusals, []
        if texts and not self._retired:
            dialogs.error(self.parent_widget, "\n".join(texts))

    def _conflicted(self, command) -> None:
        for value in getattr(command, "unsaved", {}).values():
            if isinstance(value, str) and value.strip() and value not in self._unsaved:
                self._unsaved.append(value)
        if not self._conflict_due:
            self._conflict_due = True
            QTimer.singleShot(0, self._after_conflict)

    def _after_conflict(self) -> None:
        # Reload first (a conflict met while reloading only adds its text), then say so: the
        # message box takes the focus, and a field left then stores the current value, not a stale one.
        if self._retired:
            return
        try:
            self._reload()
        finally:
            self._conflict_due = False
        texts, self._unsaved = self._unsaved, []
        text = self.tr(
            "This was changed elsewhere (in another window or program) since you opened it; "
            "the window has been reloaded with the current version."
        )
        details = ""
        if texts:
            QGuiApplication.clipboard().setText("\n\n".join(texts))
            text += "\n\n" + self.tr(
                "What you typed was not saved. It is in the clipboard, to paste where it belongs:"
            )
            text += "\n« " + _one_line(texts[0]) + " »"
            details = "\n\n".join(texts)
        dialogs.error(self.parent_widget, text, details)

    # ------------------------------------------------------------ restoring

    def open_restore(self) -> RestoreDialog | None:
        path = self.db.path
        if path is None or self._restore is None:
            return None
        self._flush()
        dialog = RestoreDialog(path, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "restore_dialog", None))
        dialog.accepted.connect(lambda: self.confirm_restore(dialog.chosen()))
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def confirm_restore(self, info: BackupInfo | None) -> QWidget | None:
        if info is None:
            return None
        question = self.tr(
            "Replace the current data by the backup of {0}?\n"
            "What is in the file now is kept aside in {1}; nothing is deleted."
        ).format(f"{info.taken:{DATE_FORMAT}}", backup.backup_folder(self.db.path))
        if not dialogs.confirm(self.parent_widget, question, self.tr("Restore")):
            return None
        return self.restore(info)

    def restore(self, info: BackupInfo) -> QWidget | None:
        """Restore ``info`` over the database: the owner closes this window and returns the new one
        (None: the database could not be reopened), after saying so with ``reopened``."""
        return self._restore(info) if self._restore is not None else None
