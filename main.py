"""Masir: with no arguments it opens the window; with a command it runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if not argv:
        from gui.app import run_gui

        return run_gui()
    from cli.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
