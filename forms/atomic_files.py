"""Writing a whole file or nothing: a crash or a full disk never leaves half a file under the
name a person chose (the case export and the summary PDF both write this way)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, suffix: str = ".part") -> None:
    """Write `data` to a hidden temporary file beside `path`, flush it, then rename it over
    `path`. OSError (disk full, read-only folder …) reaches the caller; the temporary file is
    removed on any failure."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".masir-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def fsync_path(path: Path) -> None:
    """Flush a file's or folder's entry to disk (folders cannot be opened on Windows)."""
    if path.is_dir() and os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
