"""A .docx converted to PDF by LibreOffice (``soffice --headless --convert-to pdf``).

Bytes in, bytes out: the Word document is written to a temporary folder,
converted there, and the PDF read back; nothing is left behind. Each run
gets its own LibreOffice profile (``-env:UserInstallation``) so it neither
waits for nor disturbs a LibreOffice the user has open, whose profile lock
would otherwise make the headless one hand the job over and exit at once.

LibreOffice is found on PATH, then in the folders its installers use on
each system; ``$MINUTIER_SOFFICE`` names the program instead, for a portable
or unusual install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from exporters.errors import ExportError

ENV_VARIABLE = "MINUTIER_SOFFICE"
PROGRAM_NAMES = ("soffice", "libreoffice")
# A first run builds its profile (a few seconds); a long document takes longer.
TIMEOUT_SECONDS = 180
DOWNLOAD_URL = "https://www.libreoffice.org/download/"


def _install_folders() -> list[Path]:
    if sys.platform == "win32":
        roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        return [Path(r) / "LibreOffice" / "program" / "soffice.exe" for r in roots if r]
    if sys.platform == "darwin":
        return [
            Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
            Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice",
        ]
    found = [
        Path("/usr/bin/soffice"),
        Path("/usr/lib/libreoffice/program/soffice"),
        Path("/usr/lib64/libreoffice/program/soffice"),
        Path("/usr/local/bin/soffice"),
        Path("/snap/bin/libreoffice"),
    ]
    # The libreoffice.org packages install into /opt/libreofficeX.Y.
    found += sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)
    return found


def install_hint() -> str:
    if sys.platform == "win32" or sys.platform == "darwin":
        how = f"install it from {DOWNLOAD_URL}"
    else:
        how = (
            "install it with your package manager (for example "
            f"`sudo apt install libreoffice-writer`) or from {DOWNLOAD_URL}"
        )
    return f"PDF export needs LibreOffice: {how}, or export as .docx instead."


def find_soffice(search_path: str | None = None, folders: Sequence[Path] | None = None) -> Path | None:
    """LibreOffice's ``soffice``: on ``search_path`` (default $PATH), else in ``folders``
    (default the usual install folders of this system); None when it is nowhere."""
    for name in PROGRAM_NAMES:
        found = shutil.which(
            name, path=os.environ.get("PATH", os.defpath) if search_path is None else search_path
        )
        if found:
            return Path(found)
    for candidate in _install_folders() if folders is None else folders:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def locate_soffice() -> Path:
    """The program to run, or an ExportError saying LibreOffice is missing and how to get it."""
    chosen = os.environ.get(ENV_VARIABLE)
    if chosen is not None:
        program = shutil.which(chosen) if chosen.strip() else None
        if program is None:
            raise ExportError(f"LibreOffice is not at {ENV_VARIABLE}={chosen!r}. {install_hint()}")
        return Path(program)
    program = find_soffice()
    if program is None:
        raise ExportError(f"LibreOffice is not installed on this computer. {install_hint()}")
    return program


def docx_to_pdf(docx: bytes, *, soffice: Path | None = None, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The PDF LibreOffice makes of ``docx``; raises ExportError (one sentence) on any failure."""
    program = soffice or locate_soffice()
    with tempfile.TemporaryDirectory(prefix="minutier-pdf-") as scratch:
        folder = Path(scratch)
        source = folder / "document.docx"
        source.write_bytes(docx)
        out = folder / "out"
        command = [
            str(program),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            done = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ExportError(
                f"LibreOffice did not finish converting the document to PDF within {timeout:.0f} seconds."
            ) from None
        except OSError as exc:
            raise ExportError(
                f"LibreOffice ({program}) could not be started: {exc.strerror or exc}."
            ) from None
        pdf = out / "document.pdf"
        if done.returncode != 0 or not pdf.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            detail = f": {said[-1]}" if said else f" (exit status {done.returncode})"
            raise ExportError(f"LibreOffice could not convert the document to PDF{detail}.")
        return pdf.read_bytes()
