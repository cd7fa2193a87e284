"""The encrypted case store: one SQLite file in a folder the caller names.

On disk (``cases.sqlite3``, plus ``-wal`` and ``-shm`` while open):

- ``meta(name, value)``: format version, Argon2id parameters, salt, key check. Nothing personal.
- ``cases(case_id, nonce, ciphertext)``, WITHOUT ROWID: a random uuid4 hex id, a random
  96-bit nonce, and AES-256-GCM over the case as JSON (label, language, answers, current
  question, screening, created and updated times), zero-padded to a multiple of 1 KiB, with the
  format version and case id as associated data, so a ciphertext moved to another row fails.

An attacker holding the disk learns: that Masir keeps cases here, how many, each case's size
rounded up to 1 KiB, the KDF parameters and salt, and the files' modification times; comparing
copies taken at different times shows which cases changed. Rows sit in random-id order, not
creation order, though page allocation may hint at it. Nothing else without the passphrase, and
each guess costs one Argon2id derivation. Not covered: rolling a case back to an older
ciphertext of the same case, or removing a row, is not detected; the key is held in ordinary
Python memory while unlocked.

Every write is one transaction, fsynced (WAL, ``synchronous=FULL``) before it returns, so the
interview resumes at the last confirmed answer after a crash or power cut. ``secure_delete``
zeroes freed content and a TRUNCATE checkpoint after deleting or re-keying empties the WAL, so
old ciphertexts do not linger in the folder's files.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from pydantic import JsonValue, ValidationError

from cases.crypto import (
    DEFAULT_KDF,
    NONCE_BYTES,
    TEST_KDF,
    DecryptionError,
    KdfError,
    KdfParams,
    accepted_kdf,
    decrypt,
    derive_key,
    encrypt,
    kdf_for_new_keys,
    key_check_passes,
    make_key_check,
    new_salt,
    pad,
    test_kdf_allowed,
    unpad,
)
from cases.errors import CaseStoreError, ErrorKind, from_os_error, from_sqlite_error
from cases.models import CaseRecord, CaseSummary, HistoryEntry, RecordedChange, utc_now
from cases.passphrase_rules import require_acceptable
from forms.atomic_files import fsync_path
from forms.user_data import data_folder

FORMAT_VERSION = 1
DB_NAME = "cases.sqlite3"

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE cases (
    case_id TEXT PRIMARY KEY,
    nonce BLOB NOT NULL,
    ciphertext BLOB NOT NULL
) WITHOUT ROWID;
"""


def default_store_folder() -> Path:
    """The per-user default; a subfolder so the store's files are the only ones in it."""
    return data_folder() / "cases"


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Turn SQLite and file failures into CaseStoreError of the matching kind."""
    try:
        yield
    except sqlite3.Error as exc:
        raise from_sqlite_error(exc) from exc
    except OSError as exc:
        # Not chained: an OSError names the file, and a file name may name a person.
        raise from_os_error(exc) from None


def _connect(path: Path) -> sqlite3.Connection:
    # check_same_thread=False: the GUI calls from worker threads; CaseStore serialises calls.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    if path.exists():
        os.chmod(path, FILE_MODE)  # before SQLite makes -wal and -shm, which copy its mode
    return conn


FOLDER_MODE = 0o700
FILE_MODE = 0o600


def secure_folder(folder: Path) -> bool:
    """Only this user may read the store: the folder 0700, its files 0600, checked at every
    open (a shared folder, `--store`, a restored backup). True when something was wider."""
    wider = False
    if folder.stat().st_mode & 0o077:
        wider = True
        os.chmod(folder, FOLDER_MODE)
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        path = folder / name
        if path.exists() and path.stat().st_mode & 0o077:
            wider = True
            os.chmod(path, FILE_MODE)
    return wider


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("PRAGMA temp_store=MEMORY")  # no SQLite temp files outside the folder
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # WAL + NORMAL would lose commits on power loss


def _case_aad(case_id: str) -> bytes:
    return b"masir-case\x00%d\x00" % FORMAT_VERSION + case_id.encode("utf-8")


@dataclass(frozen=True)
class _Meta:
    kdf: KdfParams
    salt: bytes
    key_check: bytes

    def check_aad(self) -> bytes:
        params = self.kdf.model_dump_json().encode("ascii")
        return b"masir-store\x00%d\x00" % FORMAT_VERSION + params + b"\x00" + self.salt

    def rows(self) -> list[tuple[str, bytes]]:
        return [
            ("format_version", str(FORMAT_VERSION).encode("ascii")),
            ("kdf", self.kdf.model_dump_json().encode("ascii")),
            ("salt", self.salt),
            ("key_check", self.key_check),
        ]


def _new_meta(passphrase: str, kdf: KdfParams) -> tuple[_Meta, bytes]:
    """Fresh salt and key check for a passphrase; returns the meta and the derived key."""
    salt = new_salt()
    key = derive_key(passphrase, salt, kdf)
    unchecked = _Meta(kdf=kdf, salt=salt, key_check=b"")
    return _Meta(kdf, salt, make_key_check(key, unchecked.check_aad())), key


def _read_meta(conn: sqlite3.Connection) -> _Meta:
    values = dict(conn.execute("SELECT name, value FROM meta").fetchall())
    if values.get("format_version") != str(FORMAT_VERSION).encode("ascii"):
        raise CaseStoreError(ErrorKind.CORRUPT)
    try:
        kdf = KdfParams.model_validate_json(values["kdf"])
        salt, key_check = values["salt"], values["key_check"]
    except (KeyError, ValueError) as exc:
        raise CaseStoreError(ErrorKind.CORRUPT) from exc
    if not isinstance(salt, bytes) or not isinstance(key_check, bytes):
        raise CaseStoreError(ErrorKind.CORRUPT)
    return _Meta(kdf, salt, key_check)


def _unlock(conn: sqlite3.Connection, passphrase: str) -> bytes:
    meta = _read_meta(conn)
    if meta.kdf == TEST_KDF and not test_kdf_allowed():
        raise CaseStoreError(ErrorKind.TEST_STORE)
    if not accepted_kdf(meta.kdf):
        raise CaseStoreError(ErrorKind.CORRUPT)
    try:
        key = derive_key(passphrase, meta.salt, meta.kdf)
    except KdfError:
        raise CaseStoreError(ErrorKind.CORRUPT) from None
    if not key_check_passes(key, meta.key_check, meta.check_aad()):
        _count_failed_try(conn)
        raise CaseStoreError(ErrorKind.WRONG_PASSPHRASE)
    return key


_FAILED_TRIES = "failed_tries"


def _count_failed_try(conn: sqlite3.Connection) -> None:
    """Counted in the clear (no key is known when a try fails): one more wrong passphrase."""
    with contextlib.suppress(sqlite3.Error):  # a read-only store still refuses the passphrase
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET "
            "value = CAST(CAST(value AS TEXT) AS INTEGER) + 1",
            (_FAILED_TRIES, b"1"),
        )
        conn.execute("COMMIT")
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _take_failed_tries(conn: sqlite3.Connection) -> int:
    """The wrong passphrases since the last unlock, then reset (told once, after an unlock)."""
    row = conn.execute("SELECT value FROM meta WHERE name = ?", (_FAILED_TRIES,)).fetchone()
    if row is None:
        return 0
    try:
        count = int(row[0] if isinstance(row[0], int) else bytes(row[0]).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        count = 0
    with contextlib.suppress(sqlite3.Error):
        conn.execute("DELETE FROM meta WHERE name = ?", (_FAILED_TRIES,))
    return max(count, 0)


_MANIFEST = "manifest"
_MANIFEST_AAD = b"masir-manifest\x00%d" % FORMAT_VERSION


@dataclass(frozen=True)
class Integrity:
    """What changed in the store outside Masir since it last wrote, found at unlock.

    The manifest (every case id with the nonce of its last encryption, sealed under the key)
    is rewritten in the same transaction as every save; a row deleted, replaced by an older
    ciphertext or added with another tool no longer matches it.
    """

    missing: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    unchecked: bool = False  # no manifest (a store from before this check) or a damaged one

    @property
    def ok(self) -> bool:
        return not (self.missing or self.replaced or self.unexpected or self.unchecked)


def _manifest_of(conn: sqlite3.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT case_id, nonce FROM cases").fetchall()
    return {str(case_id): bytes(nonce).hex() for case_id, nonce in rows}


def _put_manifest(conn: sqlite3.Connection, key: bytes) -> None:
    body = json.dumps(_manifest_of(conn), sort_keys=True).encode("ascii")
    nonce, ciphertext = encrypt(key, body, _MANIFEST_AAD)
    conn.execute(
        "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (_MANIFEST, nonce + ciphertext)
    )


def _check_integrity(conn: sqlite3.Connection, key: bytes) -> Integrity:
    row = conn.execute("SELECT value FROM meta WHERE name = ?", (_MANIFEST,)).fetchone()
    if row is None or not isinstance(row[0], bytes):
        return Integrity(unchecked=True)
    blob = row[0]
    try:
        saved = json.loads(decrypt(key, blob[:NONCE_BYTES], blob[NONCE_BYTES:], _MANIFEST_AAD))
    except (DecryptionError, ValueError):
        return Integrity(unchecked=True)
    if not isinstance(saved, dict):
        return Integrity(unchecked=True)
    current = _manifest_of(conn)
    return Integrity(
        missing=sorted(set(saved) - set(current)),
        replaced=sorted(c for c in set(saved) & set(current) if saved[c] != current[c]),
        unexpected=sorted(set(current) - set(saved)),
    )


def _seal(key: bytes, record: CaseRecord) -> tuple[bytes, bytes]:
    """Encrypt all but the id, which the row holds and the associated data binds."""
    plaintext = pad(record.model_dump_json(exclude={"case_id"}).encode("utf-8"))
    return encrypt(key, plaintext, _case_aad(record.case_id))


def _record(**fields: Any) -> CaseRecord:
    """Validate a case; a wrong-typed field is a programming error, reported without the data."""
    try:
        return CaseRecord.model_validate(fields)
    except ValidationError as exc:
        names = ", ".join(str(error["loc"][0]) for error in exc.errors() if error["loc"])
        raise ValueError(f"case fields of the wrong type: {names}") from None


def _unseal(key: bytes, case_id: str, nonce: object, ciphertext: object) -> CaseRecord:
    if not isinstance(nonce, bytes) or not isinstance(ciphertext, bytes):
        raise CaseStoreError(ErrorKind.TAMPERED, case_id=case_id)
    try:
        plaintext = decrypt(key, nonce, ciphertext, _case_aad(case_id))
    except DecryptionError as exc:
        raise CaseStoreError(ErrorKind.TAMPERED, case_id=case_id) from exc
    try:
        return CaseRecord.model_validate({**json.loads(unpad(plaintext)), "case_id": case_id})
    except (ValueError, TypeError):
        # Not chained: a validation error quotes the decrypted content.
        raise CaseStoreError(ErrorKind.CORRUPT, case_id=case_id) from None


class CaseStore:
    """An open case store. Thread-safe: calls are serialised by a lock."""

    def __init__(self, folder: Path, conn: sqlite3.Connection, key: bytes) -> None:
        self.folder = folder
        self._conn: sqlite3.Connection | None = conn
        self._key: bytes | None = key
        self._mutex = threading.RLock()
        self.permissions_fixed = False
        """Other users could read the store's folder or files; they were made private."""
        self.integrity = Integrity()
        """What changed outside Masir since it last wrote (found at unlock)."""
        self.failed_tries = 0
        """Wrong passphrases typed since the store was last unlocked."""

    # --- opening and closing ---------------------------------------------------------------

    @staticmethod
    def exists(folder: Path) -> bool:
        return (Path(folder) / DB_NAME).is_file()

    @classmethod
    def create(cls, folder: Path, passphrase: str, *, kdf: KdfParams = DEFAULT_KDF) -> Self:
        """Make a new empty store; built under a temporary name so a crash leaves no half store."""
        folder = Path(folder)
        if cls.exists(folder):
            raise CaseStoreError(ErrorKind.ALREADY_EXISTS)
        require_acceptable(passphrase)
        meta, key = _new_meta(passphrase, kdf)
        building = folder / (DB_NAME + ".new")
        with guarded():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            building.unlink(missing_ok=True)
            try:
                conn = _connect(building)
                try:
                    conn.executescript("BEGIN;" + _SCHEMA)
                    conn.executemany("INSERT INTO meta (name, value) VALUES (?, ?)", meta.rows())
                    _put_manifest(conn, key)
                    conn.execute("COMMIT")
                finally:
                    conn.close()
                os.chmod(building, FILE_MODE)
                fsync_path(building)
                os.replace(building, folder / DB_NAME)
            except BaseException:
                with contextlib.suppress(OSError):
                    building.unlink(missing_ok=True)
                raise
            fsync_path(folder)
        return cls._connected(folder, lambda conn: key)

    @classmethod
    def open(cls, folder: Path, passphrase: str) -> Self:
        """Open and unlock; a wrong passphrase is told apart from a damaged store."""
        folder = Path(folder)
        if not cls.exists(folder):
            raise CaseStoreError(ErrorKind.NOT_FOUND)
        return cls._connected(folder, lambda conn: _unlock(conn, passphrase))

    @classmethod
    def _connected(cls, folder: Path, unlock: Callable[[sqlite3.Connection], bytes]) -> Self:
        with guarded():
            widened = secure_folder(folder)
            conn = _connect(folder / DB_NAME)
            try:
                _configure(conn)
                if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
                    raise CaseStoreError(ErrorKind.CORRUPT)
                key = unlock(conn)
                failed_tries = _take_failed_tries(conn)
                integrity = _check_integrity(conn, key)
                if not integrity.ok:  # told once, at this unlock; then the manifest is made anew
                    conn.execute("BEGIN IMMEDIATE")
                    _put_manifest(conn, key)
                    conn.execute("COMMIT")
            except BaseException:
                conn.close()
                raise
        store = cls(folder, conn, key)
        store.permissions_fixed = widened
        store.integrity = integrity
        store.failed_tries = failed_tries
        return store

    def lock(self) -> None:
        """Forget the key; the store stays open and can be unlocked again."""
        self._key = None

    def unlock(self, passphrase: str) -> None:
        with self._mutex, guarded():
            self._key = _unlock(self._connection(), passphrase)

    def close(self) -> None:
        with self._mutex:
            self._key = None
            if self._conn is not None:
                with guarded():
                    self._conn.close()
                self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------

    def list_cases(self) -> list[CaseSummary]:
        """Every case that can be read, most recently updated first (decrypts every case)."""
        return self.scan()[0]

    def scan(self) -> tuple[list[CaseSummary], list[str]]:
        """The readable cases (most recent first) and the ids of damaged ones: one damaged case
        never hides the others, and can still be deleted by its id."""
        with self._mutex, guarded():
            key = self._require_key()
            rows = self._connection().execute("SELECT case_id, nonce, ciphertext FROM cases")
            summaries, damaged = [], []
            for row in rows.fetchall():
                try:
                    summaries.append(_unseal(key, *row).summary())
                except CaseStoreError:
                    damaged.append(str(row[0]))
        return sorted(summaries, key=lambda s: s.updated, reverse=True), sorted(damaged)

    def raw_row(self, case_id: str) -> tuple[bytes, bytes]:
        """A case's nonce and ciphertext as stored, never decrypted: to hand a damaged case to
        someone who can try to recover it (it stays encrypted under the store's key)."""
        with self._mutex, guarded():
            self._require_key()
            row = (
                self._connection()
                .execute("SELECT nonce, ciphertext FROM cases WHERE case_id = ?", (case_id,))
                .fetchone()
            )
        if row is None:
            raise CaseStoreError(ErrorKind.NOT_FOUND)
        return bytes(row[0]), bytes(row[1])

    def case_ids(self) -> list[str]:
        """Every case id in the store, readable or not (ids are stored in the clear)."""
        with self._mutex, guarded():
            self._require_key()
            rows = self._connection().execute("SELECT case_id FROM cases ORDER BY case_id")
            return [str(row[0]) for row in rows.fetchall()]

    def search(self, text: str) -> list[CaseSummary]:
        return [summary for summary in self.list_cases() if summary.matches(text)]

    def load(self, case_id: str) -> CaseRecord:
        with self._mutex, guarded():
            return self._fetch(self._connection(), case_id)

    # --- writing ---------------------------------------------------------------------------

    def new_case(self, label: str, language: str = "en") -> str:
        now = utc_now()
        record = _record(
            case_id=uuid.uuid4().hex,
            label=label,
            language=language,
            answers={},
            current_question=None,
            screening=None,
            created=now,
            updated=now,
        )
        return self.add_cases([record])[0]

    def add_cases(self, records: Sequence[CaseRecord]) -> list[str]:
        """Add copies of the records under new ids, all or none (used by import)."""
        fresh = [record.model_copy(update={"case_id": uuid.uuid4().hex}) for record in records]
        with self._write() as (conn, key):
            for record in fresh:
                conn.execute(
                    "INSERT INTO cases (case_id, nonce, ciphertext) VALUES (?, ?, ?)",
                    (record.case_id, *_seal(key, record)),
                )
        return [record.case_id for record in fresh]

    def save_answers(
        self, case_id: str, answers: Mapping[str, JsonValue], current_question: str | None
    ) -> None:
        """Durable on disk when it returns: called after every confirmed answer."""
        self._update(case_id, answers=answers, current_question=current_question)

    def save_screening(
        self,
        case_id: str,
        screening: Mapping[str, JsonValue],
        changes: Sequence[RecordedChange] | None = None,
    ) -> HistoryEntry | None:
        """The latest results. `changes` since the results saved before (None: not compared,
        e.g. none were saved) go into the case's history in the same write; results that
        changed nothing add no entry. Returns the entry added, if one was."""
        now = utc_now()
        version = screening.get("rules_version")
        entry = HistoryEntry(
            when=now,
            rules_version=version if isinstance(version, str) else None,
            changes=list(changes or []),
        )
        added = changes is None or bool(entry.changes)

        def history(record: CaseRecord) -> dict[str, Any]:
            return {"history": [*record.history, entry]} if added else {}

        self._update(case_id, history, screening=screening)
        return entry if added else None

    def rename(self, case_id: str, label: str) -> None:
        self._update(case_id, label=label)

    def delete(self, case_id: str) -> None:
        """Delete for good: freed pages are zeroed and the WAL is emptied."""
        with self._write() as (conn, _key):
            if conn.execute("DELETE FROM cases WHERE case_id = ?", (case_id,)).rowcount != 1:
                raise CaseStoreError(ErrorKind.NOT_FOUND)
        self._scrub()

    def change_passphrase(self, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
        """Re-encrypt every case under a key from the new passphrase and a new salt, at once."""
        with self._mutex, guarded():
            self._require_key()
            require_acceptable(new)
            old_key = _unlock(self._connection(), old)
            meta, new_key = _new_meta(new, kdf or kdf_for_new_keys())  # today's parameters
            with self._write(manifest_key=new_key) as (conn, _key):
                rows = conn.execute("SELECT case_id, nonce, ciphertext FROM cases").fetchall()
                for row in rows:
                    record = _unseal(old_key, *row)
                    conn.execute(
                        "UPDATE cases SET nonce = ?, ciphertext = ? WHERE case_id = ?",
                        (*_seal(new_key, record), record.case_id),
                    )
                conn.executemany(
                    "UPDATE meta SET value = ? WHERE name = ?",
                    [(value, name) for name, value in meta.rows()],
                )
            self._key = new_key
            self._scrub()

    # --- internals -------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise CaseStoreError(ErrorKind.LOCKED, "The case store is closed. Open it again.")
        return self._conn

    def _require_key(self) -> bytes:
        self._connection()
        if self._key is None:
            raise CaseStoreError(ErrorKind.LOCKED)
        return self._key

    def _fetch(self, conn: sqlite3.Connection, case_id: str) -> CaseRecord:
        key = self._require_key()
        row = conn.execute(
            "SELECT nonce, ciphertext FROM cases WHERE case_id = ?", (case_id,)
        ).fetchone()
        if row is None:
            raise CaseStoreError(ErrorKind.NOT_FOUND)
        return _unseal(key, case_id, *row)

    def _update(
        self,
        case_id: str,
        derived: Callable[[CaseRecord], dict[str, Any]] | None = None,
        **changes: Any,
    ) -> None:
        """Change fields of one case; `derived` computes more from the case as stored, inside
        the same transaction (so nothing saved between read and write is lost)."""
        with self._write() as (conn, key):
            current = self._fetch(conn, case_id)
            more = derived(current) if derived is not None else {}
            fields = current.model_dump() | changes | more | {"updated": utc_now()}
            record = _record(**fields)
            conn.execute(
                "UPDATE cases SET nonce = ?, ciphertext = ? WHERE case_id = ?",
                (*_seal(key, record), case_id),
            )

    @contextlib.contextmanager
    def _write(
        self, manifest_key: bytes | None = None
    ) -> Iterator[tuple[sqlite3.Connection, bytes]]:
        """One IMMEDIATE transaction, committed (and fsynced) or rolled back as a whole; the
        manifest is rewritten inside it (under `manifest_key` when the key changes)."""
        with self._mutex, guarded():
            key = self._require_key()
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn, key
                _put_manifest(conn, manifest_key or key)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise

    def _scrub(self) -> None:
        """Copy the WAL into the database and truncate it, so no old page stays in the WAL."""
        with self._mutex, guarded():
            self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
