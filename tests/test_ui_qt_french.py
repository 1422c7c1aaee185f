"""Qt's own strings (file dialogs, standard buttons) follow the interface language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QFileIconProvider, QLabel

from ui import i18n


@pytest.fixture
def language(qapp):
    yield lambda code: i18n.install(qapp, code)
    i18n.install(qapp, "en")


def dialog_texts(qtbot) -> set[str]:
    # Qt's own dialog, not the desktop's: its labels are what qtbase_fr.qm translates.
    dialog = QFileDialog(None, "", "", "Word (*.docx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    texts |= {button.text() for box in dialog.findChildren(QDialogButtonBox) for button in box.buttons()}
    # Shortcut marks and French non-breaking spaces aside.
    return {t.replace("&", "").replace("\u00a0", " ") for t in texts}


def test_the_file_dialog_is_in_french(qtbot, language):
    language("fr")
    texts = dialog_texts(qtbot)
    assert {"Voir dans :", "Fichiers de type :", "Nom de fichier :", "Annuler"} <= texts
    assert not any("Look" in t or "type:" in t for t in texts)
    # The Type column of the file list.
    assert QFileIconProvider().type(QFileInfo(str(Path(__file__).parent))) == "Dossier"


def test_and_in_english_when_english_is_chosen(qtbot, language):
    language("fr")
    language("en")
    texts = dialog_texts(qtbot)
    assert {"Look in:", "Files of type:", "File name:", "Cancel"} <= texts


def test_shortcuts_qt_added_keep_the_translation_of_the_plain_text(language):
    from PySide6.QtCore import QCoreApplication

    language("fr")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Voir dans\u00a0:"
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "&Fichiers de type\u00a0:"
    assert QCoreApplication.translate("NoSuchContext", "&Nothing to see") == "&Nothing to see"
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Dossier"
    assert QCoreApplication.translate("Labels", "Welcome") == "Accueil"  # ours still answer


def test_qt_translations_are_found_where_pyside6_ships_them():
    folders = i18n.qt_translation_folders()
    assert any((folder / "qtbase_fr.qm").is_file() for folder in folders)
