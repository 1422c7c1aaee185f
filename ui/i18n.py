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
    # Qt's own strings: standard buttons (Annuler, Fermer), the file dialog (« Voir dans : »).
    qt = QTranslator(app)
    has_qt = any(qt.load(f"qtbase_{language}", str(folder)) for folder in qt_translation_folders())
    ours = QTranslator(app)
    # Qt asks the translator installed last first: the fallback goes in first, to be asked last.
    for translator, loaded in [
        (QtStringsFallback(qt, app), has_qt),
        (ours, ours.load(str(TRANSLATIONS / f"minutier_{language}.qm"))),
        (qt, has_qt),
    ]:
        if loaded:
            app.installTranslator(translator)
            _installed.append(translator)


def qt_translation_folders() -> list[Path]:
    """Where qtbase_*.qm may be: Qt's configured folder, else the one inside the PySide6 package
    (a bundle or an unusual install can leave Qt's configured path pointing nowhere)."""
    import PySide6

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).resolve().parent / "Qt" / "translations",
    ]


class QtStringsFallback(QTranslator):
    """Qt strings that changed after the qtbase_*.qm shipped with PySide6 were made, so they
    stayed English in the file dialog: labels that gained a shortcut (« &Look in: » where the
    .qm knows « Look in: ») and the Type column, moved from QFileDialog to another context.
    They get the translation of the old string, with the shortcut on its first letter."""

    MOVED = {"QAbstractFileIconProvider": "QFileDialog"}

    def __init__(self, qt: QTranslator, parent):
        super().__init__(parent)
        self._qt = qt

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        # None: no translation here, and Qt shows the source text.
        if not source:
            return None
        if context in self.MOVED:
            return self._qt.translate(self.MOVED[context], source, disambiguation, n) or None
        if "&" not in source:
            return None
        plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = self._qt.translate(context, plain, disambiguation, n)
        if not text:
            return None
        return text if "&" in text else f"&{text}"
