"""The French translation: complete, in step with the code, and what each language shows."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from editor_helpers import make_window
from PySide6.QtCore import Qt

from ui import i18n
from ui.participants.table_model import STATUS_COLUMN

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "minutier_fr.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
PLACEHOLDERS = re.compile(r"\{\d*\}|%n|%\d")


def messages(path: Path):
    """(context, source, comment, translation element) of every message in a .ts file."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.findtext("comment") or "", message


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    forms = [form.text or "" for form in element.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [element.text or ""]


def test_every_string_has_its_french():
    problems = []
    for context, source, _comment, message in messages(TS):
        element = message.find("translation")
        if element.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source!r} is {element.get('type')}")
            continue
        texts = translations(message)
        if not texts or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} has an empty translation")
        wanted = sorted(PLACEHOLDERS.findall(source))
        # French has two plural forms: singular (0 and 1) and plural.
        if message.get("numerus") == "yes" and len(texts) != 2:
            problems.append(f"{context}: {source!r} needs two plural forms")
        for n, text in enumerate(texts):
            found = PLACEHOLDERS.findall(text)
            if n < len(texts) - 1 and "%n" not in found:
                found.append("%n")  # a singular may leave the number out: « Inviter la personne »
            if sorted(found) != wanted:
                problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
    assert not problems, "\n".join(problems)


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} not installed")
        path = Path(found)
    return path


def test_translation_files_are_in_step_with_the_code(tmp_path):
    """`make translations` was run after the last change of a visible string (and lrelease too)."""
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    copy = tmp_path / "resources" / "translations" / TS.name
    copy.parent.mkdir(parents=True)
    shutil.copy(TS, copy)
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete", "-silent"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    key = lambda m: (m[0], m[1], m[2])  # noqa: E731
    assert sorted(map(key, messages(copy))) == sorted(map(key, messages(TS))), "run `make translations`"
    qm = tmp_path / "check.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(qm), "-silent"], check=True, capture_output=True
    )
    assert qm.read_bytes() == QM.read_bytes(), "run `make translations` (the .qm is older than the .ts)"


@pytest.fixture
def language(qapp):
    """Install a language for one test; English (the source strings) again afterwards."""
    yield lambda code: i18n.install(qapp, code)
    i18n.install(qapp, "en")


WORDS = {
    "en": {
        "saved": "All changes are saved",
        "present": "Present (P)",
        "counts": "Participants: <b>43</b>",
        "status": "Present",
        "woman": "Present",
        "from_programme": "Create sections from the programme",
        "bold": "Bold",
        "outline": "Outline of the compte-rendu",
        "stored": "Saved at",
        "body": "Group / body",
    },
    "fr": {
        "saved": "Toutes les modifications sont enregistrées",
        "present": "Présent (P)",
        "counts": "<b>43</b> participants",
        "status": "Présent",
        "woman": "Présente",
        "from_programme": "Créer les sections depuis le programme",
        "bold": "Gras",
        "outline": "Plan du compte-rendu",
        "stored": "Enregistré à",
        "body": "Groupe / instance",
    },
}


@pytest.mark.parametrize("code", ["en", "fr"])
def test_participants_and_compte_rendu_speak_the_chosen_language(
    qtbot, db, sample_id, tmp_path, language, code
):
    language(code)
    words = WORDS[code]
    window = make_window(qtbot, db, tmp_path, sample_id)
    assert window.saved_label.text() == words["saved"]
    assert window.show_tab("general").labels["body"] == words["body"]

    participants = window.show_tab("participants")
    assert participants.mark_buttons["present"].text() == words["present"]
    assert words["counts"] in participants.counts_label.text()
    model = participants.model
    status = STATUS_COLUMN
    shown = {model.rows[r].civility: model.index(r, status).data() for r in range(model.rowCount())}
    assert (shown["M."], shown["Mme"]) == (words["status"], words["woman"])

    report = window.show_tab("compte-rendu")
    assert report.from_programme_action.text() == words["from_programme"]
    assert report.block_editor.text.bold_action.text() == words["bold"]
    assert report.model.headerData(0, Qt.Orientation.Horizontal) == words["outline"]

    participants.model.mark([model.rows[0].id], status="excused")
    assert window.saved_label.text().startswith(words["stored"])
    window.close()


def test_french_plurals_agree_with_their_number(qtbot, db, sample_id, tmp_path, language):
    language("fr")
    window = make_window(qtbot, db, tmp_path, sample_id)
    participants = window.show_tab("participants")
    text = participants.counts_label.text()
    assert "0 excusé ·" in text and "<b>43</b> présents" in text
    participants.model.mark([r.id for r in participants.model.rows[:2]], status="excused")
    assert "2 excusés" in participants.counts_label.text()
    assert participants.model.statuses["excused"] == "Excusé"
    window.close()
