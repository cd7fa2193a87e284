"""The encrypted case store for caseworkers (plain Python, no Qt).

Encryption layout:

- Key: Argon2id(passphrase in NFC, 16-byte random salt; t=3, m=256 MiB, p=2 by default,
  about 0.5 s) gives a 256-bit key. Salt and parameters are stored in clear beside the cases, so
  they can be raised later; a key check (a constant encrypted under the key) tells a wrong
  passphrase from a damaged store.
- Cases: one SQLite row each, ``(random uuid4 hex id, 12-byte random nonce, AES-256-GCM
  ciphertext)``. The ciphertext holds the whole case as JSON (label, language, answers, current
  question, screening, created and updated times), zero-padded to a multiple of 1 KiB; the
  format version and case id are its associated data, so rows cannot be swapped.
- Exports (``.masir``): the same scheme under the export's own passphrase and salt, with the
  header (magic ``MASIR1``, version, KDF parameters, salt) as associated data.
- An attacker with the disk learns that Masir is used, how many cases there are, their sizes in
  1 KiB steps, the KDF parameters and salt, file times, and which cases changed between two
  copies. Not detected: a row removed, or rolled back to an older ciphertext of the same case.

Where: ``default_store_folder()`` (the user's data folder, or ``$MASIR_DATA_DIR/cases``).
``MASIR_TEST_CHEAP_KDF=1`` is for the test suite only: new keys then use a cheap Argon2id
(``TEST_KDF``) so tests run fast. Never set it for real cases.
"""

from cases.crypto import DEFAULT_KDF, TEST_KDF, KdfParams, kdf_for_new_keys
from cases.errors import PERMISSIONS_FIXED, CaseStoreError, ErrorKind
from cases.models import Answers, CaseRecord, CaseSummary
from cases.store import CaseStore, default_store_folder
from cases.transfer import export_cases, import_cases

__all__ = [
    "DEFAULT_KDF",
    "PERMISSIONS_FIXED",
    "TEST_KDF",
    "Answers",
    "CaseRecord",
    "CaseStore",
    "CaseStoreError",
    "CaseSummary",
    "ErrorKind",
    "KdfParams",
    "default_store_folder",
    "export_cases",
    "import_cases",
    "kdf_for_new_keys",
]
