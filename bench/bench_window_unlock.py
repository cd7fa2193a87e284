"""Print the median time from pressing Unlock in the window to the case list, default Argon2id.

Run from the project root: QT_QPA_PLATFORM=offscreen python bench/bench_window_unlock.py.
The key is derived on the thread pool; the figure includes the round trip back to the UI.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("MASIR_TEST_CHEAP_KDF", None)

from PySide6.QtWidgets import QApplication

from cases import DEFAULT_KDF, CaseStore
from gui.main_window import MainWindow
from gui.mode import Mode

RUNS = 5
PASSPHRASE = "benchmark passphrase"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        store_folder = Path(folder) / "cases"
        CaseStore.create(store_folder, PASSPHRASE).close()
        window = MainWindow(store_folder=store_folder)
        window.show()
        timings = []
        for _ in range(RUNS):
            window.start_session(Mode.CASEWORKER)
            page = window.case_flow.unlock_page
            assert page is not None
            page.fields.new_edit.setText(PASSPHRASE)
            started = time.perf_counter()
            page.submit_button.click()
            while window.view != "cases":
                app.processEvents()
                time.sleep(0.001)
            timings.append(time.perf_counter() - started)
            window.case_flow.lock()
        window.close()
    print(f"Argon2id {DEFAULT_KDF.model_dump()}")
    print(f"window unlock median over {RUNS} runs: {statistics.median(timings) * 1000:.0f} ms")
    print("all runs (ms): " + ", ".join(f"{t * 1000:.0f}" for t in timings))


if __name__ == "__main__":
    main()
