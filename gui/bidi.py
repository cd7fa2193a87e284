"""Unicode isolates for the window: the Qt-free helpers of `i18n.bidi`, kept importable here."""

from __future__ import annotations

from i18n.bidi import FSI, PDI, isolate

__all__ = ["FSI", "PDI", "isolate"]
