"""The encrypted case store for caseworkers (plain Python, no Qt).

Encryption layout:

- Key: Argon2id(passphrase in NFC, 16-byte random salt; t=3, m=256 MiB, p=2 by default,
  about 0.5 s) gives a 256-bit key. Salt and parameters are stored in clear beside the cases, so
  they can be raised later; a key check (a constant encrypted under the key) tells a wrong
  passphrase from a damaged store.
- Cases: one SQLite row each, ``(random uuid4 hex id, 12-byte random nonce, AES-256-GCM
  ciphertext)``. The ciphertext holds the whole case as JSON (label, language, answers, current
  question, screening, the dated history of its changed results, created and updated times),
  zero-padded to a multiple of 1 KiB; the format version and case id are its associated data,
  so rows cannot be swapped.
- Exports (``.masir``): the same scheme under the export's own passphrase and salt, with the
  header (magic ``MASIR1``, version, KDF parameters, salt) as associated data.
- Manifest: every case id with the nonce of its last encryption, sealed under the key and
  rewritten in the same transaction as every save. At unlock a row deleted, replaced by an older
  (or another) ciphertext, or added outside Masir no longer matches it and is reported once.
- Only the KDF parameters Masir writes are accepted (``DEFAULT_KDF``; ``TEST_KDF`` only under
  the test variable): a hostile store or ``.masir`` file cannot make unlocking cost gigabytes,
  and a store made by the tests refuses to open for real use. A passphrase change derives the
  new key with today's parameters. The store refuses passphrases under 10 characters.
- Files: the folder is kept 0700 and the database with its ``-wal``/``-shm`` 0600, checked and
  fixed at every open (a warning says when they were wider).
- Failed tries: each wrong passphrase adds one to a counter kept in the clear (no key is known
  when a try fails); the next unlock tells how many, then resets it. The window waits 2, 4, 8 …
  seconds (at most a minute) after the third wrong try in a row.
- One damaged case never hides the others: it is listed by id as damaged and can be deleted.

What an attacker learns or can do:

- With the disk (or a copied folder): that Masir is used, how many cases there are, their ids,
  their sizes in 1 KiB steps, the KDF parameters and salt, the count of failed tries, file
  times, and which cases changed between two copies. With the copy they can guess passphrases
  offline at Argon2id's cost (about 0.5 s and 256 MiB a guess here); the counter and the wait
  slow only guesses made through Masir.
- Not detected: the whole store (cases and manifest together) put back to an older copy;
  the failed-try counter reset or removed (it cannot be sealed without the key).
- The key lives in ordinary Python memory while the store is unlocked.

Where: ``default_store_folder()`` (the user's data folder, or ``$MASIR_DATA_DIR/cases``).
``MASIR_TEST_CHEAP_KDF=1`` is for the test suite only: new keys then use a cheap Argon2id
(``TEST_KDF``) so tests run fast. Never set it for real cases.
"""

from cases.crypto import DEFAULT_KDF, TEST_KDF, KdfParams, kdf_for_new_keys
from cases.errors import PERMISSIONS_FIXED, CaseStoreError, ErrorKind
from cases.models import Answers, CaseRecord, CaseSummary, HistoryEntry, RecordedChange
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
    "HistoryEntry",
    "KdfParams",
    "RecordedChange",
    "default_store_folder",
    "export_cases",
    "import_cases",
    "kdf_for_new_keys",
]
