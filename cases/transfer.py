"""Export cases to a ``.masir`` file under its own passphrase, and import them back.

File layout (all integers big-endian)::

    "MASIR1" | version u8 | time_cost u32 | memory_kib u32 | parallelism u8 | salt (16)
    | key check: nonce (12) + AES-GCM of a constant (34)
    | nonce (12) | AES-256-GCM of the padded JSON payload, with tag (16)

The header (magic to salt) is the associated data of both ciphertexts, so no header byte can be
changed unnoticed. The key check tells a wrong passphrase from a damaged file. The payload is
padded to a multiple of 1 KiB, so the file size tells the number of cases only roughly.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from cases.crypto import (
    DEFAULT_KDF,
    KEY_CHECK_BYTES,
    NONCE_BYTES,
    SALT_BYTES,
    TAG_BYTES,
    DecryptionError,
    KdfError,
    KdfParams,
    accepted_kdf,
    decrypt,
    derive_key,
    encrypt,
    key_check_passes,
    make_key_check,
    new_salt,
    pad,
    unpad,
)
from cases.errors import CaseStoreError, ErrorKind
from cases.models import CaseRecord
from cases.passphrase_rules import require_acceptable
from cases.store import CaseStore, guarded
from forms.atomic_files import fsync_path, write_atomically

MAGIC = b"MASIR1"
FILE_VERSION = 1
# Far above any real export (a case is a few KiB); refuses to read a huge foreign file.
MAX_FILE_BYTES = 64 * 1024 * 1024

_PARAMS = struct.Struct(">BIIB")
_HEADER_BYTES = len(MAGIC) + _PARAMS.size + SALT_BYTES
_MIN_FILE_BYTES = _HEADER_BYTES + KEY_CHECK_BYTES + NONCE_BYTES + TAG_BYTES


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal[1]
    cases: list[CaseRecord]


def encode_export(records: Sequence[CaseRecord], passphrase: str, kdf: KdfParams) -> bytes:
    require_acceptable(passphrase)
    salt = new_salt()
    header = (
        MAGIC + _PARAMS.pack(FILE_VERSION, kdf.time_cost, kdf.memory_kib, kdf.parallelism) + salt
    )
    key = derive_key(passphrase, salt, kdf)
    payload = _Payload(format=1, cases=list(records)).model_dump_json().encode("utf-8")
    nonce, ciphertext = encrypt(key, pad(payload), header + b"payload")
    return header + make_key_check(key, header + b"check") + nonce + ciphertext


def decode_export(data: bytes, passphrase: str) -> list[CaseRecord]:
    """Parse and decrypt a whole export; every failure is one CaseStoreError."""
    bad = CaseStoreError(ErrorKind.BAD_EXPORT_FILE)
    if len(data) < _MIN_FILE_BYTES or not data.startswith(MAGIC):
        raise bad
    version, time_cost, memory_kib, parallelism = _PARAMS.unpack_from(data, len(MAGIC))
    if version != FILE_VERSION:
        raise bad
    try:
        kdf = KdfParams(time_cost=time_cost, memory_kib=memory_kib, parallelism=parallelism)
    except ValidationError as exc:
        raise bad from exc
    if not accepted_kdf(kdf):  # refused before any memory is spent on deriving
        raise bad
    header = data[:_HEADER_BYTES]
    check_end = _HEADER_BYTES + KEY_CHECK_BYTES
    try:
        key = derive_key(passphrase, header[-SALT_BYTES:], kdf)
    except KdfError:
        raise bad from None
    if not key_check_passes(key, data[_HEADER_BYTES:check_end], header + b"check"):
        raise CaseStoreError(ErrorKind.WRONG_EXPORT_PASSPHRASE)
    nonce, ciphertext = data[check_end : check_end + NONCE_BYTES], data[check_end + NONCE_BYTES :]
    try:
        plaintext = decrypt(key, nonce, ciphertext, header + b"payload")
        return _Payload.model_validate_json(unpad(plaintext)).cases
    except (DecryptionError, ValueError):
        raise bad from None  # not chained: a validation error quotes the decrypted content


def export_cases(
    store: CaseStore,
    case_ids: Sequence[str],
    path: Path,
    passphrase: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
) -> None:
    """Write the cases to ``path``; a crash never leaves a partial file under that name."""
    records = [store.load(case_id) for case_id in case_ids]
    _write_atomically(Path(path), encode_export(records, passphrase, kdf))


def import_cases(store: CaseStore, path: Path, passphrase: str) -> list[str]:
    """Add every case of the file as a new case, all or none; returns the new ids."""
    with guarded(), open(path, "rb") as file:
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise CaseStoreError(ErrorKind.BAD_EXPORT_FILE)
    return store.add_cases(decode_export(data, passphrase))


def _write_atomically(path: Path, data: bytes) -> None:
    with guarded():
        write_atomically(path, data)
        fsync_path(path.parent)
