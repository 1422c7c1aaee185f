"""The layer rules hold because lint-imports checks them, and it does catch a breach."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def run_lint(tree: Path) -> subprocess.CompletedProcess[str]:
    # The copied tree comes first on the path, so the packages analysed are the copies.
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.docx", "*.png", "*.qm")
    for package in ("models", "exporters", "ui"):
        shutil.copytree(ROOT / package, tree / package, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_project_keeps_its_layers(tmp_path):
    result = run_lint(copy_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_qt_import_in_an_exporter_is_caught(tmp_path):
    tree = copy_tree(tmp_path)
    module = tree / "exporters" / "typography.py"
    module.write_text("from PySide6 import QtCore  # noqa\n" + module.read_text(encoding="utf-8"))
    result = run_lint(tree)
    assert result.returncode != 0
    assert "exporters.typography -> PySide6" in result.stdout


def test_an_upward_import_from_models_is_caught(tmp_path):
    tree = copy_tree(tmp_path)
    module = tree / "models" / "errors.py"
    module.write_text("import ui.times  # noqa\n" + module.read_text(encoding="utf-8"))
    result = run_lint(tree)
    assert result.returncode != 0
    assert "models.errors -> ui.times" in result.stdout
