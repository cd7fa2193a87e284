"""Masir: with no arguments it opens the window; with a command it runs headless.

`--selftest` (before any command) checks this installation and prints one line.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if not argv:
        from gui.app import run_gui

        return run_gui()
    if argv[0] == "--selftest":
        from cli.selftest import run_selftest

        return run_selftest()
    from cli.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
