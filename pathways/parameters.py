"""Named, dated parameters and derived conditions of a rule file, resolved before validation.

A closing date or an age limit that several rules read is written once, with its source and
the date it took effect (`parameters:`), and a condition several rules share is named once
(`derived:`), as OpenFisca keeps its parameters. Rules refer to them as `{param: NAME}` where
a value stands and `{derived: NAME}` where a condition stands; this module replaces the
references with what they name, so the condition language itself stays as it is. Every
reference is checked: an unknown name, an unused parameter, a name used twice or derived
conditions that refer to each other in a circle is a RulesError naming its place.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from forms.conditions import Condition
from forms.yaml_files import first_error
from pathways.errors import RulesError

PARAM = "param"
DERIVED = "derived"


class Parameter(BaseModel):
    """One value several rules read, with where it comes from and since when it holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    value: date | int | float | str | list[str]
    source: str
    since: date
    about: str | None = None  # for maintainers; never shown to a person
    to_verify: bool = False


class Derived(BaseModel):
    """A named condition, e.g. `worked_for_us_gov`, that rules use as one leaf."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    test: Condition
    about: str | None = None


def resolve(data: object, file_name: str) -> object:
    """`data` (a rule file as read) with every `{param: …}` and `{derived: …}` replaced."""
    if not isinstance(data, dict):
        return data
    parameters: dict[str, Parameter] = {}
    for number, item in enumerate(_listed(data, "parameters", file_name), start=1):
        try:
            parameter = Parameter.model_validate(item)
        except ValidationError as error:
            raise RulesError(f"{file_name}, parameters {number}: {first_error(error)}") from None
        _add(parameters, parameter.name, parameter, file_name, "parameters")
    derived: dict[str, object] = {}
    for number, item in enumerate(_listed(data, "derived", file_name), start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise RulesError(f"{file_name}, derived {number}: needs a name and a test")
        _add(derived, item["name"], item.get("test"), file_name, "derived")
    for name in sorted(set(parameters) & set(derived)):
        raise RulesError(f"{file_name}: '{name}' is both a parameter and a derived condition")
    resolver = _Resolver(file_name, parameters, derived)
    out = {
        key: value if key in ("parameters", "derived") else resolver.walk(value, key)
        for key, value in data.items()
    }
    unused = sorted(set(parameters) - resolver.used_parameters)
    if unused:
        raise RulesError(f"{file_name}, parameters: '{unused[0]}' is not used by any rule")
    unused = sorted(set(derived) - resolver.used_derived)
    if unused:
        raise RulesError(f"{file_name}, derived: '{unused[0]}' is not used by any rule")
    if "derived" in out:
        out["derived"] = [
            {**item, "test": resolver.condition(item["name"], f"derived {item['name']}")}
            for item in _listed(data, "derived", file_name)
            if isinstance(item, dict)
        ]
    return out


def _listed(data: Mapping[str, object], block: str, file_name: str) -> list[object]:
    items = data.get(block, [])
    if not isinstance(items, list):
        raise RulesError(f"{file_name}, {block}: expected a list")
    return items


def _add(named: dict[str, Any], name: str, value: object, file_name: str, block: str) -> None:
    if name in named:
        raise RulesError(f"{file_name}, {block}: '{name}' is defined twice")
    named[name] = value


class _Resolver:
    def __init__(
        self,
        file_name: str,
        parameters: Mapping[str, Parameter],
        derived: Mapping[str, object],
    ) -> None:
        self.file_name = file_name
        self.parameters = parameters
        self.derived = derived
        self.used_parameters: set[str] = set()
        self.used_derived: set[str] = set()
        self._done: dict[str, object] = {}
        self._resolving: list[str] = []

    def walk(self, node: object, place: str) -> object:
        if isinstance(node, list):
            return [self.walk(item, place) for item in node]
        if not isinstance(node, dict):
            return node
        if set(node) == {PARAM}:
            return self._parameter(node[PARAM], place)
        if set(node) == {DERIVED}:
            return copy.deepcopy(self.condition(node[DERIVED], place))
        here = f"{place} {node['id']}" if isinstance(node.get("id"), str) else place
        return {key: self.walk(value, here) for key, value in node.items()}

    def _parameter(self, name: object, place: str) -> object:
        parameter = self.parameters.get(str(name))
        if parameter is None:
            raise RulesError(f"{self.file_name}, {place}: unknown parameter '{name}'")
        self.used_parameters.add(parameter.name)
        value = parameter.value
        return list(value) if isinstance(value, list) else value

    def condition(self, name: object, place: str) -> object:
        key = str(name)
        if key not in self.derived:
            raise RulesError(f"{self.file_name}, {place}: unknown derived condition '{name}'")
        self.used_derived.add(key)
        if key in self._resolving:
            circle = " -> ".join([*self._resolving[self._resolving.index(key) :], key])
            raise RulesError(f"{self.file_name}, derived: a circle ({circle})")
        if key not in self._done:
            self._resolving.append(key)
            self._done[key] = self.walk(self.derived[key], f"derived {key}")
            self._resolving.pop()
        return self._done[key]
