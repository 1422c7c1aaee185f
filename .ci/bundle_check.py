"""Smoke test of the standalone bundle (`make bundle`), offscreen, on a fresh data folder.

    python .ci/bundle_check.py dist/minutier/minutier

Runs --version, --help, `list` (which creates and seeds the default database), `export 2023`
read back with python-docx, and --screenshots; checks what the bundle carries (template,
translations, sample, Qt's French) and that it holds PySide6-Essentials only. Prints the
bundle's size and each command's wall time next to the same command run from the checkout.
Exits 1 on the first failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Libraries that only PySide6-Addons ships: the bundle must have none.
ADDONS = ("Qt6WebEngine", "Qt63D", "Qt6Charts", "Qt6Multimedia", "Qt6DataVisualization", "Qt6Pdf")


def fail(message: str) -> None:
    print(f"bundle-check: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def run(command: list[str], env: dict[str, str]) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        fail(f"{' '.join(command[1:]) or command[0]} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout, elapsed


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    exe = Path(sys.argv[1]).resolve()
    if not exe.is_file():
        fail(f"{exe}: no such program; run `make bundle` first")
    bundle = exe.parent
    files = {p.name for p in bundle.rglob("*")}
    for needed in ("compte-rendu.docx", "meeting-2023.json", "minutier_fr.qm", "qtbase_fr.qm", "libqxcb.so"):
        if needed not in files:
            fail(f"{needed} is not in the bundle")
    addons = sorted(n for n in files if n.startswith(("lib", "Qt")) and any(a in n for a in ADDONS))
    if addons:
        fail(f"the bundle holds PySide6-Addons libraries: {', '.join(addons)}")

    times: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MINUTIER_", "PYTHON"))}
        # A fresh user: no data folder yet, no display.
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
        env.update(QT_QPA_PLATFORM="offscreen", MINUTIER_LANG="fr")
        # The same commands as `make run` runs them, on a fresh data folder of their own.
        source = [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "main.py")]
        checkout_env = dict(env, XDG_DATA_HOME=str(home / "checkout-data"))

        def both(label: str, args: list[str], check) -> None:
            out, bundled = run([str(exe), *args], env)
            check(out)
            _, checkout = run([*source, *args], checkout_env)
            times[label] = (bundled, checkout)

        def version(out: str) -> None:
            if not out.startswith("minutier ") or "unknown" in out:
                fail(f"--version printed {out!r}")

        both("--version", ["--version"], version)

        def help_lists(out: str) -> None:
            for command in ("list", "export", "import", "dump", "attendance-sheet", "restore"):
                if f"    {command} " not in out:
                    fail(f"--help does not list {command}")

        both("--help", ["--help"], help_lists)

        def listed(out: str) -> None:
            if "\t2023-12-12\t" not in out:
                fail(f"`list` on a fresh data folder does not show the 2023 meeting: {out!r}")

        both("list (fresh folder, seeded)", ["list"], listed)
        if not (home / "data" / "Minutier" / "minutier.sqlite").is_file():
            fail("`list` did not create the default database in the user data folder")

        docx_path = home / "x.docx"

        def exported(_out: str) -> None:
            import docx

            document = docx.Document(str(docx_path))
            titles = [p.text for p in document.paragraphs]
            if "COMPTE-RENDU" not in titles or len(document.tables) < 3:
                fail("the exported compte-rendu does not read back as the 2023 minutes")

        both("export 2023 -o x.docx", ["export", "2023", "-o", str(docx_path)], exported)

        shots = home / "shots"

        def screenshots(out: str) -> None:
            pngs = sorted(shots.glob("*.png"))
            if len(pngs) < 4 or any(p.stat().st_size < 5000 for p in pngs):
                fail(f"--screenshots wrote {[p.name for p in pngs]}")

        both("--screenshots (editor start)", ["--screenshots", str(shots)], screenshots)

    size = folder_size(bundle)
    print(f"bundle-check: OK: {bundle} holds {size / 2**20:.0f} MiB in {len(files)} files")
    print(f"bundle-check: {'command':<30} {'bundle':>8} {'checkout':>9}")
    for label, (bundled, checkout) in times.items():
        print(f"bundle-check: {label:<30} {bundled:>7.2f}s {checkout:>8.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
