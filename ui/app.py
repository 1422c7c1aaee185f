"""Starting the editor: QApplication, language, error guard, database, main window."""

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


def run_gui(args, open_db, *, on_shown=None) -> int:
    """The editor's life. ``on_shown(window)``, if given, runs once the meeting is on screen,
    and then the editor closes instead of waiting for the user (bench/bench_ui.py)."""
    _headless_if_needed(args)
    from ui.platform_check import check

    missing = check()
    if missing:
        # Before QApplication: Qt would print a misleading message about libxcb-cursor0 and abort.
        from models.errors import MinutierError

        raise MinutierError(missing)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
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
        return _run(app, opened, settings, on_shown)
    finally:
        for each in opened:
            each.close()
        if scratch is not None:
            scratch.cleanup()


def _database_file(args) -> Path:
    from main import database_target  # the file the command line's `restore` would restore too
    from models import backup

    return backup.database_file(database_target(args)[0])


def _restore_instead(args, open_db, exc):
    """The database refused at start: say so and, when a good backup exists, offer to restore it.

    Returns the database opened after a restore, or None (the editor then quits). The refused
    file is never changed: restore_backup moves it aside whole and puts a copy of the backup in
    its place.
    """
    from PySide6.QtCore import QCoreApplication

    from models import backup
    from models.database import DatabaseDamaged
    from models.errors import DatabaseRefused, MinutierError
    from ui import dialogs

    info = getattr(exc, "backup", None)
    if not isinstance(exc, DatabaseRefused) or info is None:
        dialogs.error(None, str(exc))
        return None
    path = _database_file(args)
    if isinstance(exc, DatabaseDamaged):
        text = QCoreApplication.translate(
            "App", "{0} is damaged and cannot be opened; Minutier has not changed it."
        ).format(path)
    else:
        text = QCoreApplication.translate(
            "App", "{0} cannot be opened as a Minutier database; Minutier has not changed it."
        ).format(path)
    when = f"{info.taken:%d/%m/%Y %H:%M}"
    action = QCoreApplication.translate("App", "Restore the newest good backup ({0})").format(when)
    if not dialogs.ask(None, text, action, details=str(exc), warning=True):
        return None
    try:
        done = backup.restore_backup(path, info.path)
        db = open_db(args)
    except MinutierError as failure:
        text = QCoreApplication.translate("App", "The backup was not restored: {0}").format(failure)
        dialogs.error(None, text)
        return None
    restored = QCoreApplication.translate("App", "The backup of {0} is restored.").format(when)
    if done.set_aside is not None:
        restored += " " + QCoreApplication.translate("App", "The damaged file is kept as {0}.").format(
            done.set_aside
        )
    dialogs.inform(None, restored)
    return db


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


def _run(app, opened, settings, on_shown) -> int:
    """``opened``: the databases opened, the one in use last (a restore adds the reopened one)."""
    from ui import i18n
    from ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def adopt(window: MainWindow) -> None:
        window.language_chosen.connect(relaunch)
        window.safety.reopened.connect(lambda new, old=window: replaced(old, new))
        windows.append(window)

    def open_window(meeting_id: int | None) -> None:
        window = MainWindow(opened[-1], settings)
        adopt(window)
        window.start(meeting_id)
        window.show()

    def replaced(old: MainWindow, new: MainWindow | None) -> None:
        # After a restore: a new window on the reopened database (None: it could not be reopened).
        if old in windows:
            windows.remove(old)
        old.deleteLater()
        if new is not None:
            opened.append(new.db)
            adopt(new)

    def relaunch(language: str) -> None:
        # A new window in the new language; the old one stores what was being typed as it closes.
        old = windows.pop()
        settings.language = language
        i18n.install(app, i18n.choose(language))
        old.close()
        old.deleteLater()
        open_window(old.meeting_id)

    open_window(None)
    if on_shown is not None:
        app.processEvents()
        on_shown(windows[-1])
        windows[-1].close()
        return 0
    return app.exec()
