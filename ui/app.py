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


def make_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Minutier")
    app.setOrganizationName("Minutier")
    return app


def run_gui(args, open_db, *, on_shown=None) -> int:
    """The editor's life. ``on_shown(window)``, if given, runs once the meeting is on screen,
    and then the editor closes instead of waiting for the user (bench/bench_ui.py)."""
    _headless_if_needed(args)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = make_app()
    from models.errors import MinutierError
    from ui import dialogs, guard, i18n
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
        else:
            dialogs.error(None, str(exc))
        return 1
    try:
        if screenshots:
            return _screenshots(db, settings, screenshots)
        return _run(app, db, settings, on_shown)
    finally:
        db.close()
        if scratch is not None:
            scratch.cleanup()


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


def _run(app, db, settings, on_shown) -> int:
    from ui import i18n
    from ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def open_window(meeting_id: int | None) -> None:
        window = MainWindow(db, settings)
        window.language_chosen.connect(relaunch)
        window.start(meeting_id)
        window.show()
        windows.append(window)

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
