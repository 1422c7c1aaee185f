"""Minutier as a desktop application: launchers, icon, menu entry, version, help, quiet install."""

from __future__ import annotations

import argparse
import configparser
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from editor_helpers import make_window

import main

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
DESKTOP = ROOT / "resources" / "minutier.desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "COLUMNS"} | (env or {}),
    )


# ---------------------------------------------------------------- command line


def test_version_prints_the_version_of_pyproject():
    done = run("--version")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == f"minutier {PYPROJECT['project']['version']}\n"


def test_help_lists_every_command_on_one_line_each():
    done = run("--help", env={"COLUMNS": "80"})
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    commands = next(a for a in main.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in commands._choices_actions}
    assert set(helps) == set(main.COMMANDS) | set(main.OFFLINE_COMMANDS)
    for name, help_text in helps.items():
        line = next((x for x in lines if x.split(None, 1)[:1] == [name]), None)
        assert line is not None, f"--help does not list {name}"
        assert line.split(None, 1)[1] == help_text, f"{name}: its help is not on its own line"
    assert "--version" in done.stdout


# ---------------------------------------------------------------- packaging


def test_console_and_gui_launchers_are_declared():
    project = PYPROJECT["project"]
    assert project["scripts"]["minutier"] == "minutier.main:main"
    assert project["gui-scripts"]["minutier-gui"] == "minutier.main:main"


def test_license_is_an_spdx_expression_for_a_setuptools_that_reads_it():
    # A {text = ...} table makes setuptools >= 77 print a deprecation warning on every install.
    assert PYPROJECT["project"]["license"] == "MIT"
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]


def test_a_wheel_carries_icons_translations_and_desktop_entry():
    data = PYPROJECT["tool"]["setuptools"]["package-data"]["minutier.resources"]
    for pattern, example in [
        ("translations/*.qm", "translations/minutier_fr.qm"),
        ("icons/*.png", "icons/minutier-16.png"),
        ("icons/*.svg", "icons/minutier.svg"),
        ("*.desktop", "minutier.desktop"),
    ]:
        assert pattern in data
        assert (ROOT / "resources" / example).is_file()


def _packages_of_the_checkout() -> set[str]:
    """Every folder of Python files under the program's folders, as the wheel must name it."""
    found = {"minutier"}
    for top in ("models", "exporters", "ui", "resources"):
        for folder in [ROOT / top, *(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            # resources/icons holds render_icons.py, the tool that draws the PNGs: data, not code.
            if "__pycache__" in folder.parts or folder == ROOT / "resources" / "icons":
                continue
            if (folder / "__init__.py").is_file() or any(folder.glob("*.py")):
                found.add("minutier." + ".".join(folder.relative_to(ROOT).parts))
    return found


def test_every_package_of_the_checkout_is_named_for_the_wheel():
    # Named one by one because they install under minutier/: a new folder left out of this list
    # would be missing from an installed copy, and only there.
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"minutier": "."}
    assert set(setuptools["packages"]) == _packages_of_the_checkout()


@pytest.mark.slow
def test_the_wheel_installs_one_folder_and_runs_from_it(tmp_path):
    # Nothing named models, ui, exporters or resources at the top of site-packages: the wheel
    # holds minutier/ and its metadata, and the program runs from that folder alone.
    import zipfile

    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("minutier-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "site")
    assert {name.split("/")[0] for name in names} == {"minutier", wheel.name.split("-py")[0] + ".dist-info"}
    for needed in (
        "minutier/main.py",
        "minutier/models/migrations/versions/0001_initial_schema.py",
        "minutier/resources/translations/minutier_fr.qm",
        "minutier/resources/icons/minutier-48.png",
        "minutier/resources/minutier.desktop",
        "minutier/resources/samples/committee-2025.json",
    ):
        assert needed in names
    # Run as the `minutier` launcher does, from a folder that is not the checkout.
    launcher = (
        "import sys; from minutier.main import main; code = main(sys.argv[1:]); "
        "import models, exporters; print(models.__file__); print(exporters.__file__); sys.exit(code)"
    )
    database = tmp_path / "m.sqlite"
    ran = subprocess.run(
        [sys.executable, "-c", launcher, "--db", str(database), "list"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
    )
    assert ran.returncode == 0, ran.stderr
    for line in ran.stdout.splitlines()[-2:]:
        assert Path(line).is_relative_to(tmp_path / "site" / "minutier")


# ---------------------------------------------------------------- icon and menu entry


def test_icon_svg_and_every_png_size():
    from PySide6.QtGui import QImage

    assert (ICONS / "minutier.svg").read_text("utf-8").lstrip().startswith("<?xml")
    for size in SIZES:
        image = QImage(str(ICONS / f"minutier-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_the_window_shows_the_icon(qtbot, db, sample_id, tmp_path):
    from PySide6.QtCore import QSize

    from ui.app import make_app

    app = make_app()
    assert {s.width() for s in app.windowIcon().availableSizes()} == set(SIZES)
    assert app.desktopFileName() == "minutier"
    window = make_window(qtbot, db, tmp_path, sample_id)
    assert QSize(256, 256) in window.windowIcon().availableSizes()


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def validate(path: Path) -> None:
    """The freedesktop.org checker, where it is installed (Debian: desktop-file-utils)."""
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry():
    entry = desktop_entry(DESKTOP)
    validate(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Minutier"
    assert entry["Exec"] == "minutier-gui"
    assert entry["Icon"] == "minutier"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_install_desktop_registers_entry_and_icons_for_the_user(tmp_path):
    data = tmp_path / "share dir"
    done = subprocess.run(
        # -o: the virtual environment is taken as it is, never rebuilt by a test.
        ["make", "-s", "-o", ".venv/.installed", "install-desktop", f"XDG_DATA_HOME={data}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    entry = desktop_entry(data / "applications" / "minutier.desktop")
    validate(data / "applications" / "minutier.desktop")
    assert entry["Exec"] == f'"{ROOT / ".venv" / "bin" / "minutier-gui"}"'
    assert entry["Icon"] == "minutier"
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "minutier.svg").is_file()
    for size in SIZES:
        installed = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "minutier.png"
        assert installed.read_bytes() == (ICONS / f"minutier-{size}.png").read_bytes()
