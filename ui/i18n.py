"""Interface language: English source strings, French shipped as a translation.

Source strings are English (the Qt convention, and what translators expect);
resources/translations/minutier_fr.qm makes French the default interface.
The choice: $MINUTIER_LANG, else the one saved from the Language menu, else French.

Conventions for every visible string: ``self.tr`` (or
``QCoreApplication.translate`` with a literal context) around the literal,
so that lupdate finds it; arguments as ``{0}``, ``{1}`` filled by
``str.format`` after translating; counts as ``self.tr("…%n…", "", n)`` so
each language picks its plural; names of stored codes (kinds, statuses,
modes) only in ui/labels.py. Then ``make translations`` and fill the
French; tests/test_ui_translations.py fails on anything left undone.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

LANGUAGES = {"fr": "Français", "en": "English"}
DEFAULT = "fr"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"

_installed: list[QTranslator] = []


def choose(saved: str) -> str:
    for candidate in (os.environ.get("MINUTIER_LANG", ""), saved):
        code = candidate.strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT


def install(app: QApplication, language: str) -> None:
    """Replace the translators in force by those of ``language``."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"minutier_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    # Qt's own strings: standard buttons (Annuler, Fermer), the file dialog.
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
