"""The window's lines about the rules in use: which ones, and a warning when they are old."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from gui.bidi import isolate, isolate_date
from pathways.freshness import rules_in_use_line, stale_line

if TYPE_CHECKING:  # the start page shows the warning without importing the engine
    from pathways.engine import Engine


def rules_text(engine: Engine) -> str:
    """Which rules are in use and the day they were last checked, in the window's words."""
    rules = engine.rules
    return rules_in_use_line(isolate(rules.release), isolate_date(rules.checked), engine.from_pack)


def stale_text(checked: date | None, today: date) -> str | None:
    """The one-line warning when the rules were last checked more than 90 days before today."""
    if checked is None:
        return None
    line = stale_line(checked, today, isolate_date(checked))
    return None if line is None else "⚠ " + line
