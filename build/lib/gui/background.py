"""Run slow plain-Python work (key derivation, re-encryption, export) on the thread pool.

The job object lives on the main thread; the worker only emits its signals, which Qt queues to
the main thread. Worker code never touches widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


class Job(QObject):
    done = Signal(object)  # the work's result
    failed = Signal(object)  # the exception it raised


class _Runnable(QRunnable):
    def __init__(self, job: Job, work: Callable[[], object]) -> None:
        super().__init__()
        self.job = job
        self.work = work

    def run(self) -> None:  # on a pool thread
        try:
            result = self.work()
        except Exception as error:  # handed to the main thread, which decides what to show
            self.job.failed.emit(error)
        else:
            self.job.done.emit(result)


_running: set[Job] = set()


def run_in_background(work: Callable[[], object]) -> Job:
    """Start `work` on the global pool; connect to the returned job's done/failed."""
    job = Job()
    _running.add(job)
    # Let go of the job only after every handler connected by the caller has run: the
    # handlers' queued calls come first, this timer after them.
    job.done.connect(lambda _result: QTimer.singleShot(0, lambda: _running.discard(job)))
    job.failed.connect(lambda _error: QTimer.singleShot(0, lambda: _running.discard(job)))
    # Started from the event loop, so that the caller has connected done/failed first: a
    # worker that finished before then would emit to nobody.
    runnable = _Runnable(job, work)
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(runnable))
    return job
