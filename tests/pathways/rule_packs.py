"""Rule packs for tests: this repository's rules, changed as a test needs, signed with the
tests-only key (trusted while MASIR_TEST_RULES_KEY=1)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pathways.packs import layout
from pathways.packs.archive import pack_bytes
from pathways.packs.build import repository_files
from pathways.packs.keys import read_private_key

ROOT = Path(__file__).resolve().parents[2]
TEST_KEY = ROOT / "tests" / "data" / "rules-test-key.pem"
META = str(layout.META)

Files = dict[str, bytes]


@cache
def _repository() -> tuple[tuple[str, bytes], ...]:
    return tuple(sorted(repository_files().items()))


def files(version: str = "2026.12.1", *, min_app: str | None = None) -> Files:
    """The repository's pack files with meta/rules.yaml at `version` (and `min_app`)."""
    found = dict(_repository())
    meta = found[META].decode("utf-8")
    meta = re.sub(r'(?m)^version: ".*"$', f'version: "{version}"', meta)
    if min_app is not None:
        meta = re.sub(r'(?m)^min_app_version: ".*"$', f'min_app_version: "{min_app}"', meta)
    found[META] = meta.encode("utf-8")
    return found


def signed(folder: Path, name: str, content: Files, key: Ed25519PrivateKey | None = None) -> Path:
    """`content` signed (by the test key unless `key`) into `folder/name.masirrules`."""
    path = folder / f"{name}.masirrules"
    path.write_bytes(pack_bytes(content, key or read_private_key(TEST_KEY)))
    return path


def with_case_changed(content: Files, change: Callable[[dict[str, object]], None]) -> Files:
    """`content` with the first rule case of the first case file changed by `change`."""
    name = min(n for n in content if n.startswith(f"{layout.CASES}/"))
    data = yaml.safe_load(content[name])
    change(data["cases"][0])
    return {**content, name: yaml.safe_dump(data, allow_unicode=True).encode("utf-8")}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: what "nothing was changed" compares."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
