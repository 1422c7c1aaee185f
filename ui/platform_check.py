"""Before Qt opens windows on Linux/X11: are the system libraries of its xcb plugin there?

Qt's own message when one is missing names libxcb-cursor0 whatever is actually
missing, then aborts. This module imports no Qt (the check must run before Qt
loads anything), tries to load each library the plugin links against and, if
some are missing, builds one line naming the packages and the command that
installs them. tests/test_platform_check.py compares LIBRARIES with ``ldd`` on the
installed plugin, so a PySide6 upgrade that needs another library fails the suite.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package): the libraries outside PySide6 that its
# xcb plugin (libqxcb.so) and the Qt libraries it loads link against directly.
LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}


def needs_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt is about to use its xcb plugin: Linux, and QT_QPA_PLATFORM xcb or unset."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if chosen:
        return chosen.split(":", 1)[0].split(";", 1)[0] == "xcb"
    # Unset in a Wayland session, Qt 6 takes its Wayland plugin and never needs these.
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE", "").lower() == "wayland")


def _loadable(soname: str) -> bool:
    # In a PyInstaller bundle the libraries it collected sit beside the program, not on the
    # loader's search path.
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled and (Path(bundled) / soname).is_file():
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(loadable=_loadable) -> list[str]:
    return [soname for soname in LIBRARIES if not loadable(soname)]


def distribution(os_release: Path = Path("/etc/os-release")) -> str:
    """ "fedora", "debian" or "" (unknown), from the ID and ID_LIKE of os-release."""
    try:
        text = os_release.read_text("utf-8", errors="replace")
    except OSError:
        return ""
    ids: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            ids += value.strip().strip("\"'").lower().split()
    if any(i in ("fedora", "rhel", "centos") for i in ids):
        return "fedora"
    if any(i in ("debian", "ubuntu") for i in ids):
        return "debian"
    return ""


def install_message(missing: list[str], distro: str) -> str:
    """One line: what is missing and the command that installs it."""
    debian = sorted({LIBRARIES[s][0] for s in missing})
    fedora = sorted({LIBRARIES[s][1] for s in missing})
    head = f"Qt cannot open windows: missing system libraries {', '.join(missing)}"
    if distro == "fedora":
        return f"{head}; install them with: sudo dnf install {' '.join(fedora)}"
    if distro == "debian":
        return f"{head}; install them with: sudo apt-get install {' '.join(debian)}"
    return (
        f"{head}; on Debian/Ubuntu: sudo apt-get install {' '.join(debian)}"
        f"; on Fedora: sudo dnf install {' '.join(fedora)}"
    )


def check(environ=os.environ) -> str | None:
    """The line to print when Qt's xcb plugin would fail to load, else None."""
    if not needs_xcb(environ):
        return None
    missing = missing_libraries()
    return install_message(missing, distribution()) if missing else None
