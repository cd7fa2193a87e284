"""Letting go of the module sources PySide6 reads at every import.

Once PySide6 is imported, its import hook reads the whole source of each module imported
after it, to see whether that module uses PySide6 (shibokensupport's feature.py,
PYSIDE-2029), and the lines stay in the standard library's `linecache`. The window imports
the rules, the case store and the PDF stack after Qt: ~25 MB of source text that nothing
reads again (a traceback reads its lines anew). A frozen bundle has no sources to read.
"""

from __future__ import annotations

import linecache


def forget_module_sources() -> None:
    """Empty `linecache`: called after each step of the window that imports modules."""
    linecache.clearcache()
