"""A babel extractor for our YAML data: every text a person sees, with where it comes from.

Stored values and ids are never extracted; each message carries a translator comment naming
its place ("question employer_type, choice us_gov_direct") so translators see the context.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import yaml

TRANSLATABLE = frozenset(
    {
        "text", "help", "caseworker_note", "title", "intro", "item_label", "name", "summary",
        "status_note", "note", "freshness_note", "unit", "short",
    }
)  # fmt: skip
TRANSLATABLE_LISTS = frozenset({"next_steps"})
NOT_SHOWN = frozenset({"sources", "purpose", "parameters", "derived"})  # maintainers only

Message = tuple[int, str, str, list[str]]


def extract_yaml(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: object
) -> Iterator[Message]:
    """Babel's extractor interface: (line number, function name, message, comments)."""
    root = yaml.compose(fileobj.read().decode("utf-8"))
    if root is not None:
        yield from _walk(root, [])


KIND = {
    "questions": "question", "choices": "choice", "pathways": "pathway", "criteria": "criterion",
    "notices": "notice", "documents": "document", "rules": "family rule", None: "section",
    "next_steps": "next step",
}  # fmt: skip


def _walk(node: yaml.Node, place: list[str], parent: str | None = None) -> Iterator[Message]:
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _walk(child, place, parent)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    label = _label(node)
    here = [*place, f"{KIND.get(parent, parent)} {label}"] if label else place
    for key_node, value in node.value:
        key = key_node.value
        if key in NOT_SHOWN:
            continue
        if key in TRANSLATABLE and isinstance(value, yaml.ScalarNode) and value.value:
            yield _message(value, here, key)
        elif key in TRANSLATABLE_LISTS and isinstance(value, yaml.SequenceNode):
            for child in value.value:
                if isinstance(child, yaml.ScalarNode):
                    yield _message(child, here, key)
                else:  # a step for one stage: {id, text, when}
                    yield from _walk(child, here, key)
        elif isinstance(value, yaml.MappingNode) and _label(value) is None:
            yield from _walk(value, [*here, key], key)
        else:
            yield from _walk(value, here, key)


def _label(node: yaml.MappingNode) -> str | None:
    """The id (or stored value) of a mapping, which names it for translators."""
    for key_node, value in node.value:
        if key_node.value in ("id", "value") and isinstance(value, yaml.ScalarNode):
            return str(value.value)
    return None


def _message(node: yaml.ScalarNode, place: list[str], key: str) -> Message:
    return node.start_mark.line + 1, "_", node.value, [" > ".join([*place, key])]
