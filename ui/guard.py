"""Unexpected exceptions: logged and shown, so the editor never dies silently."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

log = logging.getLogger("minutier")
_showing = False


def log_file():
    from platformdirs import user_log_path

    return user_log_path("Minutier", appauthor=False) / "minutier.log"


def _append_to_log_file(text: str) -> str:
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text + "\n")
        return str(path)
    except OSError:
        return ""


def handle(exc_type, exc, tb) -> None:
    global _showing
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error\n%s", details)
    where = _append_to_log_file(details)
    # A second error while the box is up (a paint event failing again) is only logged.
    if _showing or QApplication.instance() is None:
        return
    from ui import dialogs

    first_line = (str(exc).strip().splitlines() or [exc_type.__name__])[0]
    text = QCoreApplication.translate(
        "Guard", "Something unexpected went wrong: {0}\nYour data is stored; you can go on working."
    ).format(first_line)
    if where:
        text += "\n" + QCoreApplication.translate("Guard", "Details are in {0}.").format(where)
    _showing = True
    try:
        dialogs.error(None, text, details)
    finally:
        _showing = False


def install() -> None:
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        handle(exc_type, exc, tb)

    sys.excepthook = hook
