"""A rule pack's verify and install, as a caseworker waits for them: a fresh process, a pack of
this repository's rules signed with the tests-only key, installed into a temporary folder.

Prints one JSON line: verify (read and check the signature and entries), install (verify again,
unpack, load the rules, run every rule case, switch), and the check every start makes of the
pack in use (verify it again and load its rules). Run by `python -m bench`.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["MASIR_TEST_RULES_KEY"] = "1"  # the tests-only key signs the pack

from pathways.engine import load_engine  # noqa: E402
from pathways.packs.archive import pack_bytes, read_pack_file  # noqa: E402
from pathways.packs.build import repository_files  # noqa: E402
from pathways.packs.installed import install  # noqa: E402
from pathways.packs.keys import read_private_key  # noqa: E402
from pathways.packs.pointers import chosen_pack  # noqa: E402

KEY = ROOT / "tests" / "data" / "rules-test-key.pem"


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def main() -> None:
    files = repository_files()
    meta = files["pathways/meta/rules.yaml"].decode("utf-8")
    files["pathways/meta/rules.yaml"] = meta.replace('version: "', 'version: "9', 1).encode()
    with tempfile.TemporaryDirectory() as temp:
        pack = Path(temp) / "bench.masirrules"
        pack.write_bytes(pack_bytes(files, read_private_key(KEY)))
        started = time.perf_counter()
        read_pack_file(pack)
        verify = _ms(started)
        started = time.perf_counter()
        done = install(pack, folder=Path(temp) / "rules")
        installed = _ms(started)
        started = time.perf_counter()
        choice = chosen_pack(Path(temp) / "rules")
        assert choice.root is not None, choice.note
        load_engine(choice.root)
        start_check = _ms(started)
        size = pack.stat().st_size
    print(
        json.dumps(
            {
                "verify": verify,
                "install": installed,
                "start": start_check,
                "cases": done.cases,
                "kb": size / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
