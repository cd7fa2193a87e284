"""Key derivation (Argon2id), authenticated encryption (AES-256-GCM), key check and padding.

The store and the export file share these primitives: a passphrase and a stored random salt give
a 256-bit key; every ciphertext gets a fresh random 96-bit nonce and associated data naming what
it is (format version, case id or file header), so a ciphertext moved elsewhere fails to decrypt.
"""

from __future__ import annotations

import os
import struct
import unicodedata

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import BaseModel, ConfigDict, Field, model_validator

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
PAD_BUCKET = 1024

_KEY_CHECK_PLAINTEXT = b"masir key check v1"
KEY_CHECK_BYTES = NONCE_BYTES + len(_KEY_CHECK_PLAINTEXT) + TAG_BYTES


class KdfParams(BaseModel):
    """Argon2id cost parameters, stored beside the salt so they can be raised later.

    The bounds reject absurd values read from a damaged or hostile file before any memory is
    allocated; they do not forbid the cheap values the tests use.
    """

    model_config = ConfigDict(frozen=True)

    time_cost: int = Field(ge=1, le=16)
    memory_kib: int = Field(ge=8, le=2 * 1024 * 1024)
    parallelism: int = Field(ge=1, le=8)

    @model_validator(mode="after")
    def _argon2_minimum_memory(self) -> KdfParams:
        if self.memory_kib < 8 * self.parallelism:
            raise ValueError("Argon2 needs at least 8 KiB of memory per lane")
        return self


# Unlock median ~0.47 s on the reference 2-core machine (bench/bench_unlock.py measures it).
DEFAULT_KDF = KdfParams(time_cost=3, memory_kib=256 * 1024, parallelism=2)


TEST_CHEAP_KDF_ENV = "MASIR_TEST_CHEAP_KDF"
"""Tests only: when "1", new keys (new stores, exports, changed passphrases) use TEST_KDF."""
TEST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


def test_kdf_allowed() -> bool:
    return os.environ.get(TEST_CHEAP_KDF_ENV) == "1"


def kdf_for_new_keys() -> KdfParams:
    """DEFAULT_KDF, or the cheap TEST_KDF when the test suite sets MASIR_TEST_CHEAP_KDF=1.

    Never set that variable for real cases: a cheap key is cheap to guess.
    """
    return TEST_KDF if test_kdf_allowed() else DEFAULT_KDF


def accepted_kdf(params: KdfParams) -> bool:
    """Only the parameters this app writes: a store or an export file read from disk cannot
    choose what unlocking it costs (time and memory), nor keep a weak test key in real use."""
    return params == DEFAULT_KDF or (params == TEST_KDF and test_kdf_allowed())


class KdfError(Exception):
    """The key could not be derived (Argon2 refused, e.g. not enough memory)."""


class DecryptionError(Exception):
    """A ciphertext failed authentication: wrong key, or changed bytes."""


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id over the NFC form of the passphrase.

    NFC, because Dari and Pashto keyboards can type the same letters as different code point
    sequences; the same visible passphrase must give the same key.
    """
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    try:
        key: bytes = hash_secret_raw(
            secret,
            salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    except HashingError as error:
        raise KdfError(str(error)) from None
    return key


def encrypt(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """Return (nonce, ciphertext with tag) under a fresh random nonce."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def decrypt(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    """Authenticate and decrypt; any failure (including malformed input) is DecryptionError."""
    if len(nonce) != NONCE_BYTES or len(ciphertext) < TAG_BYTES:
        raise DecryptionError
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag as exc:
        raise DecryptionError from exc


def make_key_check(key: bytes, aad: bytes) -> bytes:
    """A constant encrypted under the key: tells a wrong passphrase from a damaged case."""
    nonce, ciphertext = encrypt(key, _KEY_CHECK_PLAINTEXT, aad)
    return nonce + ciphertext


def key_check_passes(key: bytes, check: bytes, aad: bytes) -> bool:
    try:
        plaintext = decrypt(key, check[:NONCE_BYTES], check[NONCE_BYTES:], aad)
    except DecryptionError:
        return False
    return plaintext == _KEY_CHECK_PLAINTEXT


def pad(data: bytes) -> bytes:
    """Length-prefix and zero-fill to a multiple of PAD_BUCKET, so sizes leak only in buckets."""
    framed = struct.pack(">I", len(data)) + data
    return framed + bytes(-len(framed) % PAD_BUCKET)


def unpad(padded: bytes) -> bytes:
    """Inverse of pad; a bad frame (only possible through a bug) raises ValueError."""
    if len(padded) < 4:
        raise ValueError("padded plaintext too short")
    (length,) = struct.unpack(">I", padded[:4])
    if length > len(padded) - 4:
        raise ValueError("padded plaintext length out of range")
    return padded[4 : 4 + length]
