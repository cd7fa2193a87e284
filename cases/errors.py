"""The one exception family of the case store, and the mapping of OS and SQLite failures to it.

Every failure a person can meet (wrong passphrase, damaged file, full or read-only disk) leaves
the store as ``CaseStoreError`` with a ``kind``; the GUI translates the kind, the command line
prints the message. Messages never contain labels, answers or passphrases.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum

from forms.errors import MasirError


class ErrorKind(StrEnum):
    """What went wrong, as a stable id the GUI maps to a translated message."""

    WRONG_PASSPHRASE = "wrong_passphrase"  # noqa: S105 (an error id, not a secret)
    TAMPERED = "tampered"
    CORRUPT = "corrupt"
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    NOT_FOUND = "not_found"
    LOCKED = "locked"
    BAD_EXPORT_FILE = "bad_export_file"
    WRONG_EXPORT_PASSPHRASE = "wrong_export_passphrase"  # noqa: S105
    ALREADY_EXISTS = "already_exists"
    IN_USE = "in_use"
    IO_ERROR = "io_error"
    TEST_STORE = "test_store"
    WEAK_PASSPHRASE = "weak_passphrase"  # noqa: S105 (an error id, not a secret)


_MESSAGES: dict[ErrorKind, str] = {
    ErrorKind.WRONG_PASSPHRASE: "The passphrase is not right for this case store. Try again.",
    ErrorKind.TAMPERED: (
        "A case in the store was changed outside Masir and cannot be trusted. "
        "Restore the store from a backup or an export."
    ),
    ErrorKind.CORRUPT: (
        "The case store is damaged or was made by a newer Masir. "
        "Restore it from a backup or an export."
    ),
    ErrorKind.DISK_FULL: "The disk is full. Free some space and try again; nothing was lost.",
    ErrorKind.READ_ONLY: (
        "Masir cannot write to this folder or file. Check its permissions or choose another "
        "place; nothing was lost."
    ),
    ErrorKind.NOT_FOUND: "There is no such case store, case or file.",
    ErrorKind.LOCKED: "The case store is locked. Enter the passphrase to unlock it.",
    ErrorKind.BAD_EXPORT_FILE: (
        "This is not a Masir export file, or it is incomplete or was changed. Ask for a new export."
    ),
    ErrorKind.WRONG_EXPORT_PASSPHRASE: (
        "The passphrase is not right for this export file. Ask the sender for it."
    ),
    ErrorKind.ALREADY_EXISTS: "A case store already exists in this folder. Open it instead.",
    ErrorKind.IN_USE: "The case store is in use by another Masir window. Close it and try again.",
    ErrorKind.IO_ERROR: "The disk could not be read or written. Check it and try again.",
    ErrorKind.WEAK_PASSPHRASE: "The passphrase is too short: use at least 10 characters.",
    ErrorKind.TEST_STORE: (
        "This case store was made by Masir's tests with weak protection and cannot hold real "
        "cases. Make a new case store in another folder."
    ),
}


PERMISSIONS_FIXED = (
    "Other users of this computer could read the case store's folder or files; "
    "they are now private to you. Check who had access."
)


class CaseStoreError(MasirError):
    """A case store failure a person can act on; ``case_id`` names a damaged case, if any.

    A MasirError, so the command line prints its message in one line and exits 2.
    """

    def __init__(
        self, kind: ErrorKind, message: str | None = None, *, case_id: str | None = None
    ) -> None:
        self.kind = kind
        self.message = message or _MESSAGES[kind]
        self.case_id = case_id
        super().__init__(self.message)


def from_os_error(exc: OSError) -> CaseStoreError:
    """Classify a failed file operation by its errno."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        kind = ErrorKind.DISK_FULL
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        kind = ErrorKind.READ_ONLY
    elif exc.errno == errno.ENOENT:
        kind = ErrorKind.NOT_FOUND
    else:
        kind = ErrorKind.IO_ERROR
    return CaseStoreError(kind)


# Primary SQLite result codes (https://sqlite.org/rescode.html); extended codes keep them in
# their low byte.
_SQLITE_KINDS: dict[int, ErrorKind] = {
    3: ErrorKind.READ_ONLY,  # SQLITE_PERM
    5: ErrorKind.IN_USE,  # SQLITE_BUSY
    6: ErrorKind.IN_USE,  # SQLITE_LOCKED
    8: ErrorKind.READ_ONLY,  # SQLITE_READONLY
    10: ErrorKind.IO_ERROR,  # SQLITE_IOERR
    11: ErrorKind.CORRUPT,  # SQLITE_CORRUPT
    13: ErrorKind.DISK_FULL,  # SQLITE_FULL
    14: ErrorKind.READ_ONLY,  # SQLITE_CANTOPEN: the folder or file cannot be written
    26: ErrorKind.CORRUPT,  # SQLITE_NOTADB
}


def from_sqlite_error(exc: sqlite3.Error) -> CaseStoreError:
    """Classify a SQLite failure by its result code; unknown codes count as damage."""
    code: int | None = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return CaseStoreError(ErrorKind.CORRUPT)
    return CaseStoreError(_SQLITE_KINDS.get(code & 0xFF, ErrorKind.CORRUPT))
