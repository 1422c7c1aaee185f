"""Starting the editor: QApplication, language, error guard, database; and the windows' lifetime.

Every main window is made, replaced and let go here (``Windows``): at start, in
another language (View › Interface language), and after a restore from backup,
which closes the database under the window and reopens it in a new one.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path


def _headless_if_needed(args) -> None:
    # Screenshots need no screen: without a display, draw offscreen instead of failing.
    if getattr(args, "screenshots", None) and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def app_icon():
    """Minutier's icon at every size drawn (resources/icons/render_icons.py)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    # PNGs rather than the SVG: drawing an SVG icon needs Qt's SVG plugin, which a bundle may lack.
    for png in sorted(ICONS.glob("minutier-*.png")):
        icon.addFile(str(png))
    return icon


def make_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Minutier")
    app.setOrganizationName("Minutier")
    # Lets Wayland desktops and taskbars match windows with resources/minutier.desktop.
    app.setDesktopFileName("minutier")
    app.setWindowIcon(app_icon())
    return app


def run_gui(args, open_db, *, imports_done=None, on_shown=None) -> int:
    """The editor's life. ``imports_done()`` is called once the window is up (main.py says
    why). ``on_shown(window)``, if given, runs once the meeting is on screen, and then the
    editor closes instead of waiting for the user (bench/bench_ui.py)."""
    _headless_if_needed(args)
    from ui.platform_check import check

    missing = check()
    if missing:
        # Before QApplication: Qt would print a misleading message about libxcb-cursor0 and abort.
        from models.errors import MinutierError

        raise MinutierError(missing)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # The data layer before Qt: once PySide6 is imported, it reads the source of every module
    # imported after it, looking for its own name; for SQLAlchemy's two hundred that is ~40 ms.
    import models.database
    import models.services.reading  # noqa: F401

    app = make_app()
    from models.errors import MinutierError
    from ui import guard, i18n
    from ui.settings import Settings

    screenshots: Path | None = getattr(args, "screenshots", None)
    scratch = tempfile.TemporaryDirectory() if screenshots else None
    # Screenshots neither read nor change the user's remembered window and meeting.
    settings = Settings(Path(scratch.name) / "settings.ini" if scratch else None)
    i18n.install(app, i18n.choose(settings.language))
    if not screenshots:
        guard.install()
    try:
        db = open_db(args)
    except MinutierError as exc:
        if screenshots:
            print(f"minutier: {exc}", file=sys.stderr)
            return 1
        db = _restore_instead(args, open_db, exc)
        if db is None:
            return 1
    opened = [db]  # a restore from the window reopens the database: each is closed at the end
    try:
        if screenshots:
            return _screenshots(db, settings, screenshots)
        return _run(app, opened, settings, on_shown, imports_done)
    finally:
        for each in opened:
            each.close()
        if scratch is not None:
            scratch.cleanup()


def _restore_instead(args, open_db, exc):
    """The database refused at start: say so and, when a good backup exists, offer to restore it.

    Returns the database opened after a restore, or None (the editor then quits). The refused
    file is never changed: restore_backup moves it aside whole and puts a copy of the backup in
    its place.
    """
    from PySide6.QtCore import QCoreApplication

    from models.database import DatabaseDamaged
    from models.errors import DatabaseRefused
    from ui import dialogs, restoring

    info = exc.backup if isinstance(exc, DatabaseRefused) else None
    if info is None:
        dialogs.error(None, str(exc))
        return None
    path = exc.database
    if isinstance(exc, DatabaseDamaged):
        text = QCoreApplication.translate(
            "App", "{0} is damaged and cannot be opened; Minutier has not changed it."
        ).format(path)
    else:
        text = QCoreApplication.translate(
            "App", "{0} cannot be opened as a Minutier database; Minutier has not changed it."
        ).format(path)
    when = f"{info.taken:{restoring.DATE_FORMAT}}"
    action = QCoreApplication.translate("App", "Restore the newest good backup ({0})").format(when)
    if not dialogs.ask(None, text, action, details=str(exc), warning=True):
        return None
    outcome = restoring.restore(path, info, lambda: open_db(args), at_start=True)
    if not outcome.restored:
        if outcome.db is not None:
            outcome.db.close()
        dialogs.error(None, outcome.message)
        return None
    dialogs.inform(None, outcome.message)
    return outcome.db


def _screenshots(db, settings, folder: Path) -> int:
    from ui.main_window import MainWindow
    from ui.screenshots import save_screenshots

    window = MainWindow(db, settings, remember=False)
    window.start(None)
    window.show()
    for path in save_screenshots(window, folder):
        print(path)
    window.close()
    return 0


def _run(app, opened, settings, on_shown, imports_done) -> int:
    """``opened``: the databases opened, the one in use last (a restore adds the reopened one)."""
    windows = Windows(settings, opened)
    windows.open(opened[-1], None)
    if imports_done is not None:
        imports_done()
    if on_shown is not None:
        app.processEvents()
        last = windows.windows[-1]
        on_shown(last)
        # on_shown may have replaced the window (a restore): the one left is closed.
        windows.windows[-1].close()
        return 0
    return app.exec()


class Windows:
    """The editor's main windows: the only place that makes, replaces and lets go of them.

    ``databases``: every database opened in this run, the one in use last; a restore adds
    the reopened one, and the caller closes them all at the end.
    """

    def __init__(self, settings, databases: list | None = None):
        self.settings = settings
        self.databases = databases if databases is not None else []
        self.windows: list = []

    def open(self, db, meeting_id: int | None, *, geometry=None, remember: bool = True):
        from ui.main_window import MainWindow

        if db not in self.databases:
            self.databases.append(db)
        window = MainWindow(db, self.settings, remember=remember, restore=self.restore)
        window.language_chosen.connect(self.relaunch)
        self.windows.append(window)
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.start(meeting_id)
        window.show()
        return window

    def _let_go(self, window) -> None:
        # Closed and no longer held: Python frees it with its last reference (one may still look
        # at it, as the tests do), rather than deleteLater pulling it from under them.
        if window in self.windows:
            self.windows.remove(window)
        window.close()

    def relaunch(self, language: str) -> None:
        """A new window in the new language, replacing the last one opened, which stores what was
        being typed as it closes."""
        from PySide6.QtWidgets import QApplication

        from ui import i18n

        self.settings.language = language
        i18n.install(QApplication.instance(), i18n.choose(language))
        window = self.windows[-1]
        self._let_go(window)
        self.open(window.db, window.meeting_id)

    def restore(self, window, info):
        """Restore ``info`` over ``window``'s database and reopen it in a new window, which is returned.

        If the restore is refused, the same file is reopened; None when it cannot be reopened.
        """
        from models.database import open_database
        from ui import dialogs, restoring

        path = window.db.path
        geometry, meeting_id = window.saveGeometry(), window.meeting_id
        window.retire()
        # Nothing runs between closing and reopening: no event is processed, so nothing reads the file.
        window.db.close()
        outcome = restoring.restore(path, info, lambda: open_database(path), at_start=False)
        if outcome.db is None:
            window.safety.reopened.emit(None)
            self._let_go(window)
            dialogs.error(None, outcome.message)
            return None
        new = self.open(outcome.db, meeting_id, geometry=geometry, remember=window.remember)
        window.safety.reopened.emit(new)
        self._let_go(window)
        (dialogs.inform if outcome.restored else dialogs.error)(new, outcome.message)
        return new
