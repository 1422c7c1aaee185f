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


def lint_with(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """lint-imports on a copy of the project where ``module`` (a path) starts with ``line``."""
    tree = copy_tree(tmp_path)
    path = tree / module
    path.write_text(line + "  # noqa\n" + path.read_text(encoding="utf-8"))
    return run_lint(tree)


def test_a_qt_import_in_an_exporter_is_caught(tmp_path):
    result = lint_with(tmp_path, "exporters/typography.py", "from PySide6 import QtCore")
    assert result.returncode != 0
    assert "exporters.typography -> PySide6" in result.stdout


def test_an_upward_import_from_models_is_caught(tmp_path):
    result = lint_with(tmp_path, "models/errors.py", "import ui.times")
    assert result.returncode != 0
    assert "models.errors -> ui.times" in result.stdout


def test_an_orm_import_in_an_exporter_is_caught(tmp_path):
    result = lint_with(tmp_path, "exporters/programme.py", "from models.entities import Meeting")
    assert result.returncode != 0
    assert "exporters.programme -> models.entities" in result.stdout


def test_a_sqlalchemy_import_in_the_ui_is_caught(tmp_path):
    result = lint_with(tmp_path, "ui/times.py", "import sqlalchemy")
    assert result.returncode != 0
    assert "ui.times -> sqlalchemy" in result.stdout


def test_a_helper_importing_the_main_window_is_caught(tmp_path):
    # The type-only import the menus used to make: a cycle all the same.
    result = lint_with(tmp_path, "ui/menus.py", "from ui.main_window import MainWindow")
    assert result.returncode != 0
    assert "ui.menus -> ui.main_window" in result.stdout


def test_ui_importing_the_command_line_is_caught(tmp_path):
    result = lint_with(tmp_path, "ui/app.py", "import main")
    assert result.returncode != 0
    assert "ui.app -> main" in result.stdout


# Strongly connected groups of modules in the import graph (every import, even inside functions,
# as lint-imports sees them): a group of two or more is a cycle. The layers contract only sees
# cycles between the three packages; this sees them between any two modules.
FIND_CYCLES = """
import sys
import grimp

graph = grimp.build_graph("models", "exporters", "ui", cache_dir=None)
order, low, stack, on_stack, groups = {}, {}, [], set(), []
sys.setrecursionlimit(10_000)

def visit(module):
    order[module] = low[module] = len(order)
    stack.append(module)
    on_stack.add(module)
    for other in graph.find_modules_directly_imported_by(module):
        if other not in graph.modules:
            continue
        if other not in order:
            visit(other)
            low[module] = min(low[module], low[other])
        elif other in on_stack:
            low[module] = min(low[module], order[other])
    if low[module] == order[module]:
        group = []
        while not group or group[-1] != module:
            group.append(stack.pop())
            on_stack.discard(group[-1])
        if len(group) > 1:
            groups.append(" <-> ".join(sorted(group)))

for module in sorted(graph.modules):
    if module not in order:
        visit(module)
print("\\n".join(groups))
"""


def find_cycles(tree: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", FIND_CYCLES],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n") if done.stdout.strip() else []


def test_no_module_imports_itself_back_even_through_others(tmp_path):
    assert find_cycles(copy_tree(tmp_path)) == []


def test_a_cycle_between_two_models_modules_is_caught(tmp_path):
    tree = copy_tree(tmp_path)
    errors = tree / "models" / "errors.py"
    errors.write_text("import models.database  # noqa\n" + errors.read_text(encoding="utf-8"))
    cycles = find_cycles(tree)
    assert any("models.errors" in cycle and "models.database" in cycle for cycle in cycles), cycles
