"""Build Masir's one-folder bundle: compile the catalogs, run PyInstaller on build/masir.spec.

    .venv/bin/python build/build_bundle.py [--archive] [--unfiltered]
    .venv/bin/python build/build_bundle.py --bare

Work files go to build/work/, the bundle to dist/masir/ (both ignored by git). --archive also
writes dist/masir-<system>-<machine>.zip, the folder caseworkers unzip. --unfiltered keeps
every Qt plugin, library, translation and babel locale and does not strip (to compare sizes).
--bare builds only dist/bare_window/ (build/bare_window.spec), the bench's yardstick.
PyInstaller does not cross-compile: this makes a bundle for the system it runs on.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "masir.spec"
WORK = ROOT / "build" / "work"
DIST = ROOT / "dist"
BUNDLE = DIST / "masir"
BARE_SPEC = ROOT / "build" / "bare_window.spec"
BARE = DIST / "bare_window"
# In dist/bare_window/: what it was frozen from (the bench rebuilds it when that changed).
BARE_STAMP = "frozen-from.txt"
BARE_SCRIPT = ROOT / "bench" / "bare_window.py"


def compile_catalogs() -> list[Path]:
    """i18n/<lang>/LC_MESSAGES/masir.po → masir.mo (fuzzy entries left out, as pybabel does)."""
    written = []
    for source in sorted((ROOT / "i18n").glob("*/LC_MESSAGES/masir.po")):
        language = source.parent.parent.name
        with source.open("rb") as stream:
            catalog = read_po(stream, locale=language)
        target = source.with_suffix(".mo")
        with target.open("wb") as stream:
            write_mo(stream, catalog, use_fuzzy=False)
        written.append(target)
    return written


def run_pyinstaller(spec: Path, work: Path, unfiltered: bool = False) -> None:
    env = dict(os.environ, MASIR_BUNDLE_UNFILTERED="1" if unfiltered else "0")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN"]
    command += ["--workpath", str(work), "--distpath", str(DIST), str(spec)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def bare_stamp() -> str:
    """The PySide6 version and the script the bare window is frozen from."""
    from PySide6 import __version__ as pyside_version

    script = hashlib.sha256(BARE_SCRIPT.read_bytes()).hexdigest()[:16]
    return f"PySide6 {pyside_version}, bare_window.py {script}"


def build_bare() -> Path:
    """dist/bare_window/: a bare PySide6 window frozen like Masir, stamped (`bare_stamp`)."""
    shutil.rmtree(BARE, ignore_errors=True)
    run_pyinstaller(BARE_SPEC, WORK / "bare")
    (BARE / BARE_STAMP).write_text(bare_stamp(), encoding="utf-8")
    return BARE


def folder_size(folder: Path) -> int:
    """Bytes in regular files (symbolic links count once, as the file they point to)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def write_zip(folder: Path, target: Path) -> Path:
    """The bundle as a zip; symbolic links stay links (unzip restores them), not copies."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.create_system = 3  # Unix, so the mode below is read
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, os.readlink(path))
            elif path.is_file():
                archive.write(path, name)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", action="store_true", help="also write dist/masir-*.zip")
    parser.add_argument("--unfiltered", action="store_true", help="keep everything (compare)")
    parser.add_argument("--bare", action="store_true", help="only the bench's bare window")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.bare:
        built = build_bare()
        print(f"built {built.relative_to(ROOT)}: {folder_size(built) / 1e6:.0f} MB")
        return 0
    catalogs = compile_catalogs()
    print(f"compiled {len(catalogs)} catalogs: {', '.join(p.parent.parent.name for p in catalogs)}")
    shutil.rmtree(BUNDLE, ignore_errors=True)
    run_pyinstaller(SPEC, WORK, args.unfiltered)
    size = folder_size(BUNDLE)
    line = f"built {BUNDLE.relative_to(ROOT)}: {size / 1e6:.0f} MB"
    if args.archive:
        system, machine = platform.system().lower(), platform.machine().lower()
        archive = write_zip(BUNDLE, DIST / f"masir-{system}-{machine}.zip")
        line += f", {archive.relative_to(ROOT)}: {archive.stat().st_size / 1e6:.0f} MB"
    print(f"{line} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
