"""The check run before Qt loads its xcb plugin: in step with the plugin, and one clear line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import main
from ui import platform_check
from ui.platform_check import LIBRARIES, install_message, needs_xcb

# The C and C++ runtime: there on any system that runs Python at all.
BASE = {"linux-vdso.so.1", "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1"}
BASE |= {"libstdc++.so.6", "libgcc_s.so.1"}


def plugin() -> Path:
    import PySide6

    path = Path(PySide6.__file__).resolve().parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not sys.platform.startswith("linux") or not path.is_file():
        pytest.skip("Linux only: PySide6's xcb plugin")
    if shutil.which("ldd") is None:
        pytest.skip("ldd is not installed")
    return path


def ldd(path: Path) -> dict[str, str | None]:
    """soname -> where the loader finds it (None: not found), for ``path`` and all it pulls in."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout
    found: dict[str, str | None] = {}
    for line in out.splitlines():
        name, arrow, where = line.strip().partition(" => ")
        if not arrow:
            found[name.split()[0]] = name.split()[0]
        elif where.startswith("not found"):
            found[name] = None
        else:
            found[name] = where.split(" (")[0]
    return found


def test_the_check_covers_every_system_library_the_xcb_plugin_needs():
    path = plugin()
    qt_folder = str(path.parents[2])
    everything = ldd(path)
    system = {n: w for n, w in everything.items() if (w is None or not w.startswith(qt_folder))}
    system = {n: w for n, w in system.items() if n not in BASE and not n.startswith("ld-linux")}
    # What a system library pulls in comes with its package: only Qt's direct needs count.
    pulled_in: set[str] = set()
    for name, where in system.items():
        if where is not None:
            pulled_in |= set(ldd(Path(where))) - {name}
    needs = set(system) - pulled_in
    assert needs, "ldd found no system library at all: the test is broken"
    assert needs <= set(LIBRARIES), f"add to ui/platform_check.LIBRARIES: {sorted(needs - set(LIBRARIES))}"
    # And nothing the plugin no longer needs: a missing one would stop Minutier for no reason.
    assert set(LIBRARIES) <= set(everything), f"stale: {sorted(set(LIBRARIES) - set(everything))}"


def test_the_check_finds_missing_what_ldd_finds_missing():
    missing_for_ldd = sorted(n for n, w in ldd(plugin()).items() if w is None)
    assert sorted(platform_check.missing_libraries()) == missing_for_ldd


def test_one_line_with_the_packages_and_the_command():
    missing = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    debian = install_message(missing, "debian")
    assert debian == (
        "Qt cannot open windows: missing system libraries libxcb-icccm.so.4, libxcb-keysyms.so.1; "
        "install them with: sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    )
    assert install_message(missing, "fedora").endswith("sudo dnf install xcb-util-keysyms xcb-util-wm")
    neither = install_message(missing, "")
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in neither and "sudo dnf install" in neither
    assert all("\n" not in m for m in (debian, neither))


def test_the_distribution_from_os_release(tmp_path):
    release = tmp_path / "os-release"
    for text, expected in [
        ('ID=debian\nVERSION_ID="12"\n', "debian"),
        ("ID=ubuntu\nID_LIKE=debian\n", "debian"),
        ("ID=linuxmint\nID_LIKE='ubuntu debian'\n", "debian"),
        ("ID=fedora\nVERSION_ID=40\n", "fedora"),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "fedora"),
        ("ID=arch\n", ""),
    ]:
        release.write_text(text)
        assert platform_check.distribution(release) == expected, text
    assert platform_check.distribution(tmp_path / "absent") == ""


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:dpi=96"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_when_the_check_applies(environ, platform, expected):
    assert needs_xcb(environ, platform) is expected


def test_the_editor_stops_with_the_line_and_status_1(monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(platform_check, "missing_libraries", lambda: ["libxcb-keysyms.so.1"])
    monkeypatch.setattr(platform_check, "distribution", lambda: "debian")

    def no_database(args):
        raise AssertionError("the database is opened before the check")

    monkeypatch.setattr(main, "open_db", no_database)
    assert main.main(["--db", os.devnull]) == 1
    err = capsys.readouterr().err
    assert err == (
        "minutier: Qt cannot open windows: missing system libraries libxcb-keysyms.so.1; "
        "install them with: sudo apt-get install libxcb-keysyms1\n"
    )


def test_the_readme_names_the_system_packages():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("**System packages (Linux).**", 1)[1].split("\n\n", 1)[0]
    apt = " ".join(section.split("sudo apt-get install", 1)[1].split("`", 1)[0].split())
    dnf = " ".join(section.split("sudo dnf install", 1)[1].split("`", 1)[0].split())
    # The packages of the xcb utility libraries, the ones minimal systems lack.
    utilities = [packages for soname, packages in LIBRARIES.items() if soname.startswith("libxcb-")]
    for debian, fedora in utilities:
        if fedora != "libxcb":  # the core xcb libraries come with any X11 system
            assert debian in apt.split() and fedora in dnf.split(), (debian, fedora)
