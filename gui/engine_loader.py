"""The rules and the questionnaire, loaded once on a background thread.

The window starts loading them after its first paint, while the person reads the start page,
so neither the first paint nor the first question waits for YAML and pydantic. Whoever needs
the engine first calls the loader and waits only for what is left of the load.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathways.engine import Engine


def _default_engine() -> Engine:
    from gui.module_sources import forget_module_sources
    from pathways.engine import default_engine

    engine = default_engine()
    forget_module_sources()
    return engine


class EngineLoader:
    """A callable like `default_engine` that can start its work early, on its own thread."""

    def __init__(self, factory: Callable[[], Engine] = _default_engine) -> None:
        self._factory = factory
        self._future: Future[Engine] | None = None
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        return self._future is not None

    def start(self) -> None:
        """Begin loading in the background (once; later calls do nothing)."""
        with self._lock:
            if self._future is not None:
                return
            self._future = Future()
        threading.Thread(target=self._load, name="masir-rules", daemon=True).start()

    def _load(self) -> None:
        assert self._future is not None
        try:
            self._future.set_result(self._factory())
        except BaseException as error:  # handed to whoever waits for the engine
            self._future.set_exception(error)

    def reset(self) -> None:
        """Load again on the next call: the rules in use changed (a rule pack was installed)."""
        from pathways.engine import default_engine

        default_engine.cache_clear()
        with self._lock:
            self._future = None

    def __call__(self) -> Engine:
        """The engine: waits for the load (started now if it was not), or raises its error."""
        self.start()
        assert self._future is not None
        return self._future.result()
