"""Export from the window, the error guard, and `--screenshots` end to end."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from editor_helpers import answering, make_window

from ui import guard

ROOT = Path(__file__).resolve().parent.parent


def test_export_to_an_unwritable_target_shows_the_message(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    blocker = tmp_path / "a-file.txt"
    blocker.write_text("not a folder")
    with answering() as seen, qtbot.waitSignal(window.export.finished, timeout=20_000) as finished:
        window.export.export_to(blocker / "compte-rendu.docx")
    assert finished.args == [""]
    assert len(seen) == 1 and "a-file.txt" in seen[0]
    assert window.export.action.isEnabled()


@pytest.mark.skipif(
    importlib.util.find_spec("exporters.compte_rendu") is None,
    reason="exporters.compte_rendu not written yet",
)
def test_export_writes_a_docx_and_offers_to_open_it(qtbot, db, sample_id, tmp_path):
    window = make_window(qtbot, db, tmp_path, sample_id)
    target = tmp_path / "out" / "compte-rendu.docx"
    target.parent.mkdir()
    with answering("no") as seen, qtbot.waitSignal(window.export.finished, timeout=60_000) as finished:
        window.export.export_to(target)
    assert finished.args == [str(target)]
    assert target.read_bytes()[:2] == b"PK"
    assert len(seen) == 1 and str(target) in seen[0]


def test_guard_shows_and_logs_unexpected_errors(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        error = exc
    with answering() as seen:
        guard.handle(RuntimeError, error, error.__traceback__)
    assert len(seen) == 1 and "boom in a slot" in seen[0]
    assert "boom in a slot" in guard.log_file().read_text()


def test_screenshots_option_saves_one_png_per_tab_and_the_preview(db_path, sample_id, tmp_path):
    shots = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = (
        f"import sys, main; sys.exit(main.main(['--db', {str(db_path)!r}, '--screenshots', {str(shots)!r}]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names == [
        "compte-rendu.png",
        "decisions.png",
        "general.png",
        "participants.png",
        "preview.png",
        "programme.png",
    ]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in shots.glob("*.png"))


def test_french_by_default_english_on_request(qapp, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    monkeypatch.delenv("MINUTIER_LANG", raising=False)
    assert i18n.choose("") == "fr"
    assert i18n.choose("en") == "en"
    monkeypatch.setenv("MINUTIER_LANG", "en_GB.UTF-8")
    assert i18n.choose("fr") == "en"
    try:
        i18n.install(qapp, "fr")
        assert QCoreApplication.translate("Labels", "Welcome") == "Accueil"
        assert QCoreApplication.translate("MainWindow", "Saved at {0}") == "Enregistré à {0}"
    finally:
        i18n.install(qapp, "en")
    assert QCoreApplication.translate("Labels", "Welcome") == "Welcome"
