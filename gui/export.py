"""Saving the summary PDF off the UI thread, reporting back on the main thread.

The PDF is made by `summary.export.write_summary`, the same call the command line's
`screen --pdf` makes; a test may pass another writer with the same signature.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from forms.errors import MasirError
from gui.module_sources import forget_module_sources
from pathways.engine import Engine
from pathways.results import Screening
from summary.options import SummaryOptions


class Writer(Protocol):
    """`summary.export.write_summary`'s signature: writes the PDF, returns its page count."""

    def __call__(
        self, screening: Screening, engine: Engine, out_path: Path, options: SummaryOptions
    ) -> int: ...


def summary_writer() -> Writer:
    """`summary.export.write_summary`, imported on first use, on the calling (main) thread.

    fpdf2, HarfBuzz and fontTools take about a third of a second to import; the window does
    not need them until someone saves a summary.
    """
    from summary.export import write_summary

    forget_module_sources()
    return write_summary


class ExportJob(QObject):
    """Lives on the main thread; its signals arrive there (queued) from the worker."""

    finished = Signal(str, int)  # the path written, its page count
    failed = Signal(str)  # a message a person can act on


class _Worker(QRunnable):
    def __init__(self, job: ExportJob, work: Callable[[], int], path: Path) -> None:
        super().__init__()
        self.job = job
        self.work = work
        self.path = path

    def run(self) -> None:  # on a pool thread: never touches widgets
        try:
            pages = self.work()
        except MasirError as error:
            self.job.failed.emit(error.message)
        except OSError as error:
            self.job.failed.emit(error.strerror or str(error))
        else:
            self.job.finished.emit(str(self.path), pages)


_running: set[ExportJob] = set()


def export_pdf(
    screening: Screening,
    engine: Engine,
    path: Path,
    options: SummaryOptions,
    writer: Writer | None = None,
) -> ExportJob:
    """Start writing the summary of `screening` to `path` on the thread pool."""
    job = ExportJob()
    _running.add(job)
    # Released after the caller's handlers (queued before this timer) have run.
    job.finished.connect(lambda _path, _pages: QTimer.singleShot(0, lambda: _running.discard(job)))
    job.failed.connect(lambda _message: QTimer.singleShot(0, lambda: _running.discard(job)))

    write = writer if writer is not None else summary_writer()

    def work() -> int:
        return write(screening, engine, path, options)

    # Started from the event loop, once the caller has connected finished/failed.
    worker = _Worker(job, work, path)
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(worker))
    return job
