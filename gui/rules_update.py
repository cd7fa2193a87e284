"""The caseworker's "Update rules from file…": choose a rule pack, see what it would change,
install it. Verifying, loading and running the pack's rule cases take a second or two: they run
on the thread pool, and the rules in use change only when every check has passed
(pathways/packs). Self-screening has no such button; it sees which rules it used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from forms.errors import MasirError
from gui.background import run_in_background
from gui.bidi import isolate
from gui.engine_loader import EngineLoader
from gui.file_dialogs import private_file_dialog
from gui.labels import plain_label
from gui.pages import ok_cancel_buttons
from gui.rules_words import rules_text
from i18n.runtime import _
from pathways.engine import Engine, default_engine
from pathways.packs.archive import SUFFIX
from pathways.packs.installed import install
from pathways.packs.preview import diff_lines, preview_pack


class PreviewDialog(QDialog):
    """What the pack changes, and a button to install it (window-modal, not blocking)."""

    def __init__(self, parent: QWidget, lines: list[str]) -> None:
        super().__init__(parent)
        title = _("Update the rules")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        box = QVBoxLayout(self)
        box.addWidget(
            plain_label(_("The rule pack is signed and whole. Installing it changes:"), bold=True)
        )
        self.changes_label = plain_label("\n".join(lines), selectable=True)
        box.addWidget(self.changes_label)
        box.addWidget(
            plain_label(
                _(
                    "Saved cases keep their answers; re-screen them to see what the new rules "
                    "change. You can go back to the rules in use now with the command line "
                    "(masir rules rollback)."
                )
            )
        )
        buttons, self.install_button, self.cancel_button = ok_cancel_buttons(self)
        self.install_button.setText(_("Install these rules"))
        self.install_button.setAccessibleName(self.install_button.text())
        buttons.accepted.connect(self.accept)
        box.addWidget(buttons)


class RulesUpdate(QObject):
    """The steps of one update; `status` tells the page what to show (text, is it an error)."""

    status = Signal(str, bool)
    rules_loaded = Signal(object)  # the Engine of the rules in use, after a change or at start

    def __init__(self, parent: QWidget, engine_factory: Callable[[], Engine]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.engine_factory = engine_factory
        self.dialog: QWidget | None = None  # the dialog open now, if any (tests reach it here)

    def load(self) -> None:
        """Fetch the engine of the rules in use on the pool, then say `rules_loaded`."""
        job = run_in_background(self.engine_factory)
        job.done.connect(self.rules_loaded)
        job.failed.connect(self._failed)

    def choose(self) -> None:
        self.dialog = private_file_dialog(
            self.parent_widget,
            _("Update rules from file"),
            _("Masir rule packs (*%(suffix)s)") % {"suffix": SUFFIX},
            self.preview,
            save=False,
        )

    def preview(self, path: Path) -> None:
        factory = self.engine_factory
        self.status.emit(_("Checking the rule pack…"), False)
        job = run_in_background(lambda: preview_pack(path, factory()))
        job.done.connect(lambda diff: self._ask(path, diff_lines(diff, isolate)))
        job.failed.connect(self._failed)

    def _ask(self, path: Path, lines: list[str]) -> None:
        self.status.emit("", False)
        dialog = PreviewDialog(self.parent_widget, lines)
        dialog.accepted.connect(lambda: self.install(path))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()

    def install(self, path: Path) -> None:
        self.dialog = None
        self.status.emit(_("Installing the rules and running their test cases…"), False)
        job = run_in_background(lambda: install(path))
        job.done.connect(lambda _installed: self._installed())
        job.failed.connect(self._failed)

    def _installed(self) -> None:
        if isinstance(self.engine_factory, EngineLoader):
            self.engine_factory.reset()
        else:
            default_engine.cache_clear()
        job = run_in_background(self.engine_factory)
        job.done.connect(self._in_use)
        job.failed.connect(self._failed)

    def _in_use(self, engine: object) -> None:
        assert isinstance(engine, Engine)
        self.rules_loaded.emit(engine)
        self.status.emit(
            _("Done: %(rules)s, in use from now on.") % {"rules": rules_text(engine)}, False
        )

    def _failed(self, error: object) -> None:
        self.dialog = None
        if isinstance(error, MasirError):
            self.status.emit(error.message, True)
        else:
            self.status.emit(_("The rules could not be updated; nothing was changed."), True)
