"""Where each part of the rules sits inside a rule pack (and inside an installed pack's folder).

The same names as in the repository, so a pack unpacked is a small copy of it.
"""

from __future__ import annotations

from pathlib import PurePosixPath

RULES = PurePosixPath("pathways")  # the rule files and meta/rules.yaml
META = RULES / "meta" / "rules.yaml"
FORMS = PurePosixPath("forms") / "sections"  # the questionnaire
CATALOGS = PurePosixPath("i18n")  # <language>/masir.po: translations of the texts above
CASES = PurePosixPath("cases")  # the rule cases, all run before the pack is installed
MANIFEST = "manifest.json"  # every other file with its SHA-256
