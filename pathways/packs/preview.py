"""What installing a pack would change: routes whose status, criteria, documents or links
changed, routes and questions added or removed. The window and `rules diff` show the same lines.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from i18n.runtime import _
from pathways.engine import Engine
from pathways.model import Pathway
from pathways.packs.archive import read_pack_file
from pathways.packs.installed import load_unpacked
from pathways.words import STATUS


@dataclass(frozen=True)
class RulesDiff:
    old_release: str
    new_release: str
    new_checked: str  # ISO date the new rules were last checked
    added_routes: list[str] = field(default_factory=list)
    removed_routes: list[str] = field(default_factory=list)
    changed_routes: dict[str, list[str]] = field(default_factory=dict)  # id -> what changed
    added_questions: list[str] = field(default_factory=list)
    removed_questions: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.added_routes
            or self.removed_routes
            or self.changed_routes
            or self.added_questions
            or self.removed_questions
        )


def preview_pack(path: Path, current: Engine) -> RulesDiff:
    """Verify the pack at `path`, load its rules in a temporary folder and compare them with
    `current` (RulePackError when it is refused; nothing is installed)."""
    pack = read_pack_file(path)
    with tempfile.TemporaryDirectory(prefix="masir-rules-") as temp:
        new = load_unpacked(pack, Path(temp) / "pack")
    return compare_rules(current, new)


def compare_rules(old: Engine, new: Engine) -> RulesDiff:
    old_routes = {p.id: p for p in old.rules.pathways}
    new_routes = {p.id: p for p in new.rules.pathways}
    old_questions, new_questions = old.questionnaire.all_facts(), new.questionnaire.all_facts()
    changed = {
        pathway_id: what
        for pathway_id, pathway in new_routes.items()
        if pathway_id in old_routes
        and (what := _changes(old, old_routes[pathway_id], new, pathway))
    }
    return RulesDiff(
        old_release=old.rules.release,
        new_release=new.rules.release,
        new_checked=new.rules.checked.isoformat(),
        added_routes=[p for p in new_routes if p not in old_routes],
        removed_routes=[p for p in old_routes if p not in new_routes],
        changed_routes=changed,
        added_questions=sorted(new_questions - old_questions),
        removed_questions=sorted(old_questions - new_questions),
    )


def _changes(old: Engine, before: Pathway, new: Engine, after: Pathway) -> list[str]:
    """Translated words for each aspect that differs ('status: Open → Paused', 'criteria' …)."""
    what: list[str] = []
    if (before.status, before.status_since) != (after.status, after.status_since):
        what.append(
            _("status: %(old)s → %(new)s")
            % {"old": _(STATUS[before.status]), "new": _(STATUS[after.status])}
        )
    if before.criteria != after.criteria:
        what.append(_("criteria"))
    if before.documents != after.documents:
        what.append(_("documents"))
    if _links(old, before) != _links(new, after):
        what.append(_("links"))
    return what


def _links(engine: Engine, pathway: Pathway) -> list[str]:
    return [source.url for source in engine.rules.sources_of[pathway.id] if source.url]


def diff_lines(diff: RulesDiff, value: Callable[[str], str] = str) -> list[str]:
    """The preview as short translated lines, the same in the window and on the command line;
    `value` wraps each release, date and id (the window isolates them in Dari and Pashto)."""
    lines = [
        _("Rules %(old)s → %(new)s (last checked %(date)s)")
        % {
            "old": value(diff.old_release),
            "new": value(diff.new_release),
            "date": value(diff.new_checked),
        }
    ]
    for label, items in (
        (_("New routes"), diff.added_routes),
        (_("Removed routes"), diff.removed_routes),
        (_("New questions"), diff.added_questions),
        (_("Removed questions"), diff.removed_questions),
    ):
        if items:
            lines.append(f"{label}: {', '.join(map(value, items))}")
    for pathway_id, what in diff.changed_routes.items():
        lines.append(f"{value(pathway_id)}: {', '.join(what)}")
    if diff.empty:
        lines.append(_("No route or question changes."))
    return lines
