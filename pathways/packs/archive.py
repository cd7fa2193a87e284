"""The rule pack file (`.masirrules`): a zip whose comment is an Ed25519 signature of every
byte before it, so a single changed byte anywhere is refused before the zip is even read.

    <zip entries> <central directory> <end record, comment length 129>
    comment = b"masir-rules-signature:1:" + key id (16 hex) + b":" + base64(signature)

Inside: `manifest.json` ({"format": 1, "files": {path: sha256}}) and exactly the files it lists
(pathways/packs/layout.py). Only after the signature is good are the entries looked at, and
then refused if a name is absolute, climbs out (`..`), is a link or a folder, repeats, or if
there are too many entries or they unpack to too much (a zip bomb). Nothing is written to disk
here: the verified files come back in memory.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import stat
import struct
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ConfigDict, ValidationError

from i18n.runtime import _
from pathways.errors import RulePackError
from pathways.packs import layout
from pathways.packs.keys import key_id, trusted_key

SUFFIX = ".masirrules"
MAX_PACK_BYTES = 16 * 1024 * 1024  # the file itself
MAX_UNPACKED_BYTES = 48 * 1024 * 1024  # all entries unpacked
MAX_ENTRIES = 1000
_PREFIX = b"masir-rules-signature:1:"
_COMMENT_LENGTH = len(_PREFIX) + 16 + 1 + 88  # key id, ":", base64 of 64 bytes
_END_RECORD = 22  # the zip end-of-central-directory record before its comment


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int
    files: dict[str, str]  # path inside the pack -> SHA-256 (hex) of its bytes


@dataclass(frozen=True)
class Pack:
    """A verified pack: who signed it, the file itself, and its files (path -> bytes)."""

    key_id: str
    raw: bytes
    files: Mapping[str, bytes]


def pack_bytes(files: Mapping[str, bytes], private_key: Ed25519PrivateKey) -> bytes:
    """A signed pack of `files` (path inside the pack -> bytes) with their manifest."""
    manifest = Manifest(
        format=1, files={name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(layout.MANIFEST, manifest.model_dump_json(indent=1))
        for name in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            archive.writestr(entry, files[name], compress_type=zipfile.ZIP_DEFLATED)
        archive.comment = b"\0" * _COMMENT_LENGTH  # the length is fixed: the signature fits
    unsigned = buffer.getvalue()[:-_COMMENT_LENGTH]
    signature = private_key.sign(unsigned)
    comment = _PREFIX + key_id(private_key.public_key()).encode() + b":"
    return unsigned + comment + base64.b64encode(signature)


def read_pack_file(path: Path) -> Pack:
    """Read and verify the pack at `path` (RulePackError says why it is refused)."""
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise RulePackError(_("This file is too large to be a rule pack."))
        data = path.read_bytes()
    except OSError as error:
        raise RulePackError(
            _("The rule pack cannot be read (%(reason)s).") % {"reason": error.strerror}
        ) from None
    return read_pack(data)


def read_pack(data: bytes) -> Pack:
    """Verify the signature first, then the entries; the files, in memory."""
    signer = _verify_signature(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        files = _entries(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        raise _damaged() from None
    manifest_data = files.pop(layout.MANIFEST, None)
    if manifest_data is None:
        raise _damaged()
    try:
        manifest = Manifest.model_validate_json(manifest_data)
    except ValidationError:
        raise _damaged() from None
    if manifest.format != 1:
        raise RulePackError(_("This rule pack needs a newer Masir."))
    if set(manifest.files) != set(files) or any(
        hashlib.sha256(files[name]).hexdigest() != digest for name, digest in manifest.files.items()
    ):
        raise _damaged()
    return Pack(signer, data, files)


def _verify_signature(data: bytes) -> str:
    """The id of the trusted key that signed `data`."""
    end = len(data) - _COMMENT_LENGTH - _END_RECORD
    if end < 0 or data[end : end + 4] != b"PK\x05\x06":
        raise RulePackError(_("This is not a Masir rule pack, or the file is cut short."))
    (comment_length,) = struct.unpack("<H", data[end + 20 : end + 22])
    comment = data[-_COMMENT_LENGTH:]
    if comment_length != _COMMENT_LENGTH or not comment.startswith(_PREFIX):
        raise RulePackError(_("This is not a Masir rule pack, or the file is cut short."))
    signer, _colon, encoded = comment[len(_PREFIX) :].partition(b":")
    public = trusted_key(signer.decode("ascii", "replace"))
    if public is None:
        raise RulePackError(
            _("This rule pack is signed by a key this Masir does not trust. Do not use it.")
        )
    try:
        public.verify(base64.b64decode(encoded, validate=True), data[:-_COMMENT_LENGTH])
    except (InvalidSignature, binascii.Error, ValueError):
        raise RulePackError(
            _("The rule pack's signature does not match: the file was changed or damaged.")
        ) from None
    return signer.decode("ascii")


def _entries(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """Every entry's bytes, refusing unsafe names, links, repeats and too much data."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise _unsafe(_("too many files"))
    names = [entry.filename for entry in entries]
    if len(set(names)) != len(names):
        raise _unsafe(_("a file name appears twice"))
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise _unsafe(_("it unpacks to too much data"))
    files: dict[str, bytes] = {}
    budget = MAX_UNPACKED_BYTES
    for entry in entries:
        if not _safe_name(entry.filename) or entry.is_dir():
            raise _unsafe(_("a file name points outside the pack"))
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise _unsafe(_("it holds a link"))
        with archive.open(entry) as stream:
            content = stream.read(min(entry.file_size, budget) + 1)  # never more than declared
        if len(content) != entry.file_size:
            raise _unsafe(_("it unpacks to too much data"))
        budget -= len(content)
        files[entry.filename] = content
    return files


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        bool(name)
        and "\\" not in name
        and ":" not in name
        and "\0" not in name
        and not path.is_absolute()
        and all(part not in ("", ".", "..") for part in name.split("/"))
    )


def _damaged() -> RulePackError:
    return RulePackError(_("The rule pack is damaged: its contents do not match its list."))


def _unsafe(reason: str) -> RulePackError:
    return RulePackError(_("The rule pack is refused: %(reason)s.") % {"reason": reason})
