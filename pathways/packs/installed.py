"""Installed rule packs, kept under Masir's data folder and switched atomically.

    <data>/rules/current          one line: the pack folder in use, or "built-in"
    <data>/rules/previous         the rules before (what rollback returns to)
    <data>/rules/packs/<name>/    the pack file (pack.masirrules) and its files unpacked
    <data>/rules/packs/.staging-* a pack being unpacked and tested (removed at the next install)

An install unpacks and tests the pack in a staging folder, renames it into place, and only then
replaces the `current` pointer (written whole, flushed, renamed over the old one), so a kill at
any moment leaves either the old rules or the new ones in use, never a mix. At every start the
pack in use is verified again against its signature; when it fails, or when the built-in rules
are a newer release, the built-in rules are used. They are never deleted.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from forms.atomic_files import fsync_path, write_atomically
from forms.errors import FormsError, MasirError
from forms.user_data import data_folder
from forms.yaml_files import first_error, load_yaml
from i18n.runtime import _, ngettext, use_pack_catalogs
from pathways.engine import Engine, load_engine
from pathways.errors import RulePackError, RulesError
from pathways.model import RulesMeta
from pathways.packs import layout
from pathways.packs.archive import Pack, read_pack_file
from pathways.packs.versions import APP_VERSION, version_key
from pathways.rule_cases import failing_cases
from pathways.rules import read_meta

BUILT_IN = "built-in"
PACK_FILE = "pack.masirrules"
_NAME = re.compile(r"^[0-9.]+-[0-9a-f]{8}$")


def rules_folder() -> Path:
    return data_folder() / "rules"


@dataclass(frozen=True)
class RulesInUse:
    """The engine of the rules in use and where they come from."""

    engine: Engine
    pack: str | None  # the installed pack's folder name; None: the built-in rules
    note: str | None = None  # why an installed pack is not in use, if one is not


def rules_in_use(folder: Path | None = None) -> RulesInUse:
    """The installed pack when it verifies, loads and is not older than the built-in rules;
    otherwise the built-in rules (with a note saying why)."""
    folder = folder or rules_folder()
    name = _pointer(folder / "current")
    note: str | None = None
    if name not in (None, BUILT_IN):
        root = folder / "packs" / name
        try:
            meta = _verified_meta(root)
            if version_key(meta.min_app_version) > version_key(APP_VERSION):
                note = _("The installed rules need Masir %(version)s or newer.") % {
                    "version": meta.min_app_version
                }
            elif version_key(meta.version) < version_key(read_meta().version):
                note = _("The built-in rules are newer than the installed rules.")
            else:
                engine = load_engine(root)
                use_pack_catalogs(root / layout.CATALOGS)
                return RulesInUse(engine, name)
        except (MasirError, OSError) as error:
            note = _("The installed rules cannot be used (%(problem)s).") % {
                "problem": getattr(error, "message", None) or error.__class__.__name__
            }
    use_pack_catalogs(None)
    return RulesInUse(load_engine(), None, note)


def installed_meta(folder: Path | None = None) -> dict[str, RulesMeta]:
    """The `current` and `previous` installed packs' meta, by pointer (built-in ones left out)."""
    folder = folder or rules_folder()
    found: dict[str, RulesMeta] = {}
    for pointer in ("current", "previous"):
        name = _pointer(folder / pointer)
        if name not in (None, BUILT_IN):
            try:
                found[pointer] = read_meta(folder / "packs" / name / layout.RULES)
            except RulesError:
                continue
    return found


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


@dataclass(frozen=True)
class Installed:
    name: str
    meta: RulesMeta
    cases: int  # rule cases run, all passed


def install(path: Path, *, allow_older: bool = False, folder: Path | None = None) -> Installed:
    """Verify, test and switch to the pack at `path`; RulePackError changes nothing."""
    folder = folder or rules_folder()
    pack = read_pack_file(path)
    meta = pack_meta(pack)
    if version_key(meta.min_app_version) > version_key(APP_VERSION):
        raise RulePackError(
            _("This rule pack needs Masir %(needed)s or newer; this is Masir %(this)s.")
            % {"needed": meta.min_app_version, "this": APP_VERSION}
        )
    in_use = current_release(folder)
    if not allow_older and version_key(meta.version) <= version_key(in_use):
        raise RulePackError(
            _(
                "This rule pack (%(new)s) is not newer than the rules in use (%(old)s); "
                "nothing was changed."
            )
            % {"new": meta.version, "old": in_use}
        )
    packs = folder / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    _remove_unused(folder)
    staging = packs / f".staging-{secrets.token_hex(4)}"
    try:
        _unpack(pack, staging)
        cases = _test(staging)
        name = f"{meta.version}-{secrets.token_hex(4)}"
        os.rename(staging, packs / name)
        fsync_path(packs)
        _write_pointer(folder / "previous", _pointer(folder / "current") or BUILT_IN)
        _write_pointer(folder / "current", name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _remove_unused(folder)
    return Installed(name, meta, cases)


def rollback(folder: Path | None = None) -> str:
    """Return to the rules in use before the last install or rollback; the name now in use."""
    folder = folder or rules_folder()
    current = _pointer(folder / "current") or BUILT_IN
    previous = _pointer(folder / "previous")
    if previous is None or previous == current:
        raise RulePackError(_("There are no earlier rules to go back to; nothing was changed."))
    if previous != BUILT_IN and not (folder / "packs" / previous / PACK_FILE).is_file():
        raise RulePackError(_("The earlier rules are no longer there; nothing was changed."))
    _write_pointer(folder / "current", previous)
    _write_pointer(folder / "previous", current)
    return previous


def current_release(folder: Path | None = None) -> str:
    """The release of the rules in use, without loading them."""
    folder = folder or rules_folder()
    built_in = read_meta().version
    name = _pointer(folder / "current")
    if name in (None, BUILT_IN):
        return built_in
    try:
        installed = read_meta(folder / "packs" / name / layout.RULES).version
    except RulesError:
        return built_in
    return max(installed, built_in, key=version_key)


def _verified_meta(root: Path) -> RulesMeta:
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


def _unpack(pack: Pack, staging: Path) -> None:
    """Write every file and the pack itself, flushed to disk, into a new folder."""
    staging.mkdir()
    folders = {staging}
    for name, data in {**pack.files, PACK_FILE: pack.raw}.items():
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        folders.add(target.parent)
        write_atomically(target, data)
    for each in folders:
        fsync_path(each)


def _test(staging: Path) -> int:
    """Load the pack's rules and run all its rule cases; the number of cases run."""
    try:
        engine = load_engine(staging)
        failures, total = failing_cases(engine, staging / layout.CASES)
    except (RulesError, FormsError) as error:
        raise RulePackError(
            _("The rules in this pack do not load: %(problem)s") % {"problem": error.message}
        ) from None
    if total == 0:
        raise RulePackError(_("This rule pack holds no rule cases; it is refused."))
    if failures:
        raise RulePackError(
            ngettext(
                "%(count)d of the pack's rule cases fails (%(first)s); it is refused.",
                "%(count)d of the pack's rule cases fail (first: %(first)s); it is refused.",
                len(failures),
            )
            % {"count": len(failures), "first": failures[0]}
        )
    return total


def _pointer(path: Path) -> str | None:
    try:
        name = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name if name == BUILT_IN or _NAME.match(name) else None


def _write_pointer(path: Path, name: str) -> None:
    write_atomically(path, f"{name}\n".encode())
    fsync_path(path.parent)


def _remove_unused(folder: Path) -> None:
    """Remove packs neither `current` nor `previous` names, and staging left by a crash."""
    keep = {_pointer(folder / "current"), _pointer(folder / "previous")}
    for child in (folder / "packs").iterdir():
        if child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)
    for leftover in folder.glob(".masir-*.part"):
        leftover.unlink(missing_ok=True)
