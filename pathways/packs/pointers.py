"""Which installed rule pack is in use: the pointer files, and the checks a pack passes again
at every start. Engines are loaded elsewhere (pathways/engine.py); this module only names the
folder, so the engine can ask it without importing what installs packs.

    <data>/rules/current          one line: the pack folder in use, or "built-in"
    <data>/rules/previous         the rules before (what rollback returns to)
    <data>/rules/packs/<name>/    the pack file (pack.masirrules) and its files unpacked
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from forms.atomic_files import fsync_path, write_atomically
from forms.errors import MasirError
from forms.user_data import data_folder
from forms.yaml_files import first_error, load_yaml
from i18n.runtime import _
from pathways.errors import RulePackError, RulesError
from pathways.model import RulesMeta
from pathways.packs import layout
from pathways.packs.archive import Pack, read_pack_file
from pathways.packs.versions import APP_VERSION, version_key
from pathways.rules import read_meta

BUILT_IN = "built-in"
PACK_FILE = "pack.masirrules"
_NAME = re.compile(r"^[0-9.]+-[0-9a-f]{8}$")


def rules_folder() -> Path:
    return data_folder() / "rules"


@dataclass(frozen=True)
class Choice:
    """The installed pack to use (its folder and name), or None and why not."""

    root: Path | None
    name: str | None
    note: str | None = None


def chosen_pack(folder: Path | None = None) -> Choice:
    """The `current` pack when it verifies again, fits this app and is not older than the
    built-in rules; otherwise no pack (with a note saying why, if one was installed)."""
    folder = folder or rules_folder()
    name = read_pointer(folder / "current")
    if name in (None, BUILT_IN):
        return Choice(None, None)
    root = folder / "packs" / name
    try:
        meta = verified_meta(root)
    except (MasirError, OSError) as error:
        return Choice(None, None, unusable_note(error))
    if version_key(meta.min_app_version) > version_key(APP_VERSION):
        note = _("The installed rules need Masir %(version)s or newer.") % {
            "version": meta.min_app_version
        }
        return Choice(None, None, note)
    if version_key(meta.version) < version_key(read_meta().version):
        return Choice(None, None, _("The built-in rules are newer than the installed rules."))
    return Choice(root, name)


def unusable_note(error: Exception) -> str:
    return _("The installed rules cannot be used (%(problem)s).") % {
        "problem": getattr(error, "message", None) or error.__class__.__name__
    }


def verified_meta(root: Path) -> RulesMeta:
    """The installed pack verifies again, and its folder holds exactly its files."""
    pack = read_pack_file(root / PACK_FILE)
    on_disk = {
        path.relative_to(root).as_posix() for path in root.rglob("*") if not path.is_dir()
    } - {PACK_FILE}
    if on_disk != set(pack.files) or any(
        (root / name).read_bytes() != data for name, data in pack.files.items()
    ):
        raise RulePackError(_("its files were changed after it was installed"))
    return pack_meta(pack)


def pack_meta(pack: Pack) -> RulesMeta:
    """The pack's meta/rules.yaml, read from memory (before anything is unpacked)."""
    data = pack.files.get(str(layout.META))
    if data is None:
        raise RulePackError(_("The rule pack has no %(file)s.") % {"file": str(layout.META)})
    try:
        return RulesMeta.model_validate(load_yaml(data.decode("utf-8")))
    except ValidationError as error:
        problem = first_error(error)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError):
        problem = "not valid YAML"
    raise RulePackError(
        _("The rule pack's %(file)s is broken: %(problem)s")
        % {"file": str(layout.META), "problem": problem}
    )


def installed_meta(folder: Path | None = None) -> dict[str, RulesMeta]:
    """The `current` and `previous` installed packs' meta, by pointer (built-in ones left out)."""
    folder = folder or rules_folder()
    found: dict[str, RulesMeta] = {}
    for pointer in ("current", "previous"):
        name = read_pointer(folder / pointer)
        if name not in (None, BUILT_IN):
            try:
                found[pointer] = read_meta(folder / "packs" / name / layout.RULES)
            except RulesError:
                continue
    return found


def read_pointer(path: Path) -> str | None:
    try:
        name = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name if name == BUILT_IN or _NAME.match(name) else None


def write_pointer(path: Path, name: str) -> None:
    """Written whole, flushed and renamed over the old one: a kill leaves the old or the new."""
    write_atomically(path, f"{name}\n".encode())
    fsync_path(path.parent)
