"""Reading our YAML data files safely (never as code), with one clear error when broken."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

# libyaml's safe loader when PyYAML was built with it (about seven times faster), else Python's.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> object:
    """Parse YAML data safely: plain data only, never objects or code."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader, C or Python


def read_yaml(path: Path, error: Callable[[str], Exception]) -> object:
    """The file's data, loaded safely; `error(message)` is raised when it cannot be read."""
    try:
        with path.open(encoding="utf-8") as stream:
            return load_yaml(stream.read())
    except OSError as problem:
        raise error(f"{path.name}: cannot be read ({problem.strerror})") from None
    except UnicodeDecodeError:
        raise error(f"{path.name}: is not UTF-8 text") from None
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        place = f" at line {mark.line + 1}" if mark is not None else ""
        raise error(f"{path.name}: is not valid YAML{place}") from None
    except (ValueError, TypeError, OverflowError, RecursionError):
        # A value YAML reads but Python cannot hold, e.g. the date 2022-02-30.
        raise error(f"{path.name}: holds a value that cannot be read, such as a date that does "
                    "not exist") from None  # fmt: skip


def first_error(error: Exception) -> str:
    """The first problem pydantic found, as 'where: what'."""
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else str(first["msg"])
    return str(error)
