"""Saving the summary PDF off the UI thread, reporting back on the main thread.

The PDF itself is made by `summary/` (another module, maybe not in this build). The window
only needs `export_pdf`; until `summary` can be imported, `summary_writer()` is None and the
button stays disabled.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from forms.errors import MasirError
from pathways.results import Screening

WRITER_NAME = "write_summary_pdf"
"""summary.write_summary_pdf(screening, path, *, language, include_sensitive, bilingual)."""

Writer = Callable[..., object]


def summary_writer() -> Writer | None:
    """The summary module's PDF writer, or None when this build has no summary module."""
    if importlib.util.find_spec("summary") is None:
        return None
    try:
        module = importlib.import_module("summary")
    except ImportError:
        return None
    writer = getattr(module, WRITER_NAME, None)
    return writer if callable(writer) else None


class ExportJob(QObject):
    """Lives on the main thread; its signals arrive there (queued) from the worker."""

    finished = Signal(str)  # the path written
    failed = Signal(str)  # a message a person can act on


class _Worker(QRunnable):
    def __init__(self, job: ExportJob, work: Callable[[], object], path: Path) -> None:
        super().__init__()
        self.job = job
        self.work = work
        self.path = path

    def run(self) -> None:  # on a pool thread: never touches widgets
        try:
            self.work()
        except MasirError as error:
            self.job.failed.emit(error.message)
        except OSError as error:
            self.job.failed.emit(error.strerror or str(error))
        else:
            self.job.finished.emit(str(self.path))


_running: set[ExportJob] = set()


def export_pdf(
    screening: Screening,
    path: Path,
    language: str,
    include_sensitive: bool,
    bilingual: bool,
    writer: Writer | None = None,
) -> ExportJob:
    """Start writing the summary of `screening` to `path` on the thread pool."""
    write = writer or summary_writer()
    if write is None:
        raise RuntimeError("the summary document is not available in this build")
    job = ExportJob()
    _running.add(job)
    # Released after the caller's handlers (queued before this timer) have run.
    job.finished.connect(lambda _path: QTimer.singleShot(0, lambda: _running.discard(job)))
    job.failed.connect(lambda _message: QTimer.singleShot(0, lambda: _running.discard(job)))

    def work() -> object:
        return write(
            screening,
            path,
            language=language,
            include_sensitive=include_sensitive,
            bilingual=bilingual,
        )

    # Started from the event loop, once the caller has connected finished/failed.
    worker = _Worker(job, work, path)
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(worker))
    return job
