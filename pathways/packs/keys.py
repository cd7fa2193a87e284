"""The public keys this Masir trusts for rule packs, and signing with a private key.

A key is named by its id: the first 16 hex digits of the SHA-256 of its raw 32 bytes. The test
key (`tests_only: true`) is trusted only while MASIR_TEST_RULES_KEY=1, so tests and CI can build
packs without the release key, and a laptop without that variable refuses them.
"""

from __future__ import annotations

import base64
import hashlib
import os
from functools import cache
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import BaseModel, ConfigDict

from forms.yaml_files import read_yaml
from pathways.errors import RulePackError

TRUSTED_KEYS_FILE = Path(__file__).with_name("trusted_keys.yaml")
TEST_KEY_ENV = "MASIR_TEST_RULES_KEY"


class TrustedKey(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    key: str  # base64 of the raw 32-byte Ed25519 public key
    note: str = ""
    tests_only: bool = False


class TrustedKeys(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    keys: list[TrustedKey]


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


@cache
def _listed() -> dict[str, tuple[Ed25519PublicKey, bool]]:
    listed = TrustedKeys.model_validate(read_yaml(TRUSTED_KEYS_FILE, RulePackError))
    keys: dict[str, tuple[Ed25519PublicKey, bool]] = {}
    for entry in listed.keys:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(entry.key))
        if key_id(public) != entry.id:
            raise RulePackError(f"{TRUSTED_KEYS_FILE.name}: key {entry.id} has the wrong id")
        keys[entry.id] = (public, entry.tests_only)
    return keys


def trusted_key(identifier: str) -> Ed25519PublicKey | None:
    """The public key with this id, if this Masir trusts it now."""
    found = _listed().get(identifier)
    if found is None:
        return None
    public, tests_only = found
    if tests_only and os.environ.get(TEST_KEY_ENV) != "1":
        return None
    return public


def read_private_key(path: Path) -> Ed25519PrivateKey:
    """An unencrypted PEM Ed25519 private key (a maintainer's; never in the repository)."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise RulePackError(f"{path.name}: cannot be read ({error.strerror})") from None
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise RulePackError(f"{path.name}: is not an unencrypted PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise RulePackError(f"{path.name}: is not an Ed25519 key")
    return key
