"""The caseworker's cases: search, new, open (resume), rename, delete, re-screen, export, import,
change the passphrase, and the idle time before the cases lock.

Labels live only inside the encrypted store and on this page (as plain text); dialogs are
opened without blocking, so the idle lock and quick exit can close them at any time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cases import CaseStore, CaseStoreError, CaseSummary, KdfParams, export_cases, import_cases
from cases.resume import resume_interview
from gui.background import run_in_background
from gui.bidi import isolate, isolate_date, isolate_number
from gui.case_errors import store_error_text
from gui.file_dialogs import private_file_dialog
from gui.labels import plain_label
from gui.pages import ScrollingPage, button, ok_cancel_buttons
from gui.passphrase import PassphraseDialog
from gui.rescreen import change_text
from i18n.runtime import _, current_language, ngettext
from pathways.compare import compare
from pathways.engine import Engine
from pathways.results import Screening

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
EXPORT_SUFFIX = ".masir"
ERROR_STYLE = "color: #8b0000;"


def suggested_label(existing: list[str]) -> str:
    """ "Case N" for the first N not in use."""
    taken = set(existing)
    number = len(existing) + 1
    while _("Case %(number)s") % {"number": number} in taken:
        number += 1
    return _("Case %(number)s") % {"number": number}


class LabelDialog(QDialog):
    """Ask for a case label (window-modal, not blocking)."""

    def __init__(self, parent: QWidget, title: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        box = QVBoxLayout(self)
        box.addWidget(
            plain_label(
                _(
                    "A label you will recognise, such as a name or a file number. It is kept "
                    "only inside the encrypted store."
                )
            )
        )
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(_("Case label"))
        self.edit.setText(text)
        self.edit.selectAll()
        box.addWidget(self.edit)
        self.error_label = plain_label("")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        box.addWidget(self.error_label)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(self)
        box.addWidget(buttons)
        buttons.accepted.connect(self._try_accept)

    def label(self) -> str:
        return self.edit.text().strip()

    def _try_accept(self) -> None:
        if not self.label():
            self.error_label.setText(_("Please type a label."))
            self.error_label.show()
            return
        self.accept()


class CaseListPage(ScrollingPage):
    open_requested = Signal(str)
    idle_minutes_changed = Signal(int)
    every_question_changed = Signal(bool)

    def __init__(
        self,
        store: CaseStore,
        *,
        today: date,
        engine_factory: Callable[[], Engine],
        kdf: KdfParams,
        idle_minutes: int,
        every_question: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.engine_factory = engine_factory
        self.kdf = kdf
        self.summaries: list[CaseSummary] = []
        self.dialog: QWidget | None = None  # the dialog open now, if any (tests reach it here)

        self.column.addWidget(plain_label(_("Cases"), scale=1.5, bold=True))
        self.column.addWidget(
            plain_label(
                _(
                    "Every answer is saved, encrypted, as soon as it is given. Labels and "
                    "answers are kept only inside the encrypted store."
                )
            )
        )
        self.search_edit = QLineEdit(self.body)
        self.search_edit.setPlaceholderText(_("Search by label"))
        self.search_edit.setAccessibleName(_("Search by label"))
        self.search_edit.setClearButtonEnabled(True)
        self.column.addWidget(self.search_edit)
        self.case_list = QListWidget(self.body)
        self.case_list.setAccessibleName(_("Cases"))
        self.case_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.case_list.setMinimumHeight(220)
        self.column.addWidget(self.case_list, 1)
        self.empty_label = plain_label("")
        self.column.addWidget(self.empty_label)

        actions = QGridLayout()
        self.new_button = button(_("New case…"), self.body)
        self.open_button = button(_("Open case"), self.body)
        self.rename_button = button(_("Rename…"), self.body)
        self.delete_button = button(_("Delete…"), self.body)
        self.rescreen_button = button(_("Re-screen with today's rules"), self.body)
        self.export_button = button(_("Export…"), self.body)
        self.import_button = button(_("Import…"), self.body)
        self.passphrase_button = button(_("Change passphrase…"), self.body)
        for index, each in enumerate(
            (
                self.new_button,
                self.open_button,
                self.rename_button,
                self.delete_button,
                self.rescreen_button,
                self.export_button,
                self.import_button,
                self.passphrase_button,
            )
        ):
            actions.addWidget(each, index // 4, index % 4)
        self.column.addLayout(actions)

        status_row = QHBoxLayout()
        self.busy_bar = QProgressBar(self.body)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setAccessibleName(_("Working"))
        self.busy_bar.hide()
        self.status_label = plain_label("", selectable=True)
        status_row.addWidget(self.busy_bar)
        status_row.addWidget(self.status_label, 1)
        self.column.addLayout(status_row)
        self.report_label = plain_label("", selectable=True)
        self.report_label.setStyleSheet("background: #eef3fb; color: #1a1a1a; padding: 6px;")
        self.report_label.hide()
        self.column.addWidget(self.report_label)

        idle_row = QHBoxLayout()
        idle_caption = plain_label(_("Lock the cases after this many minutes without use:"))
        idle_caption.setWordWrap(False)
        self.idle_spin = QSpinBox(self.body)
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setValue(idle_minutes)
        self.idle_spin.setAccessibleName(_("Minutes without use before the cases lock"))
        spin_edit = self.idle_spin.findChild(QLineEdit)
        if spin_edit is not None:
            spin_edit.setAccessibleName(self.idle_spin.accessibleName())
        idle_row.addWidget(idle_caption)
        idle_row.addWidget(self.idle_spin)
        idle_row.addStretch(1)
        self.column.addLayout(idle_row)
        self.every_question_box = QCheckBox(_("Ask every question (a complete record)"), self.body)
        self.every_question_box.setToolTip(
            _("Otherwise only the questions whose answer can still change a result are asked.")
        )
        self.every_question_box.setAccessibleName(self.every_question_box.text())
        self.every_question_box.setChecked(every_question)
        self.column.addWidget(self.every_question_box)

        self.search_edit.textChanged.connect(lambda _text: self.show_cases())
        self.case_list.itemSelectionChanged.connect(self._update_buttons)
        self.case_list.itemActivated.connect(lambda _item: self.open_selected())
        self.new_button.clicked.connect(self.ask_new_case)
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button.clicked.connect(self.ask_rename)
        self.delete_button.clicked.connect(self.ask_delete)
        self.rescreen_button.clicked.connect(self.rescreen_selected)
        self.export_button.clicked.connect(self.ask_export)
        self.import_button.clicked.connect(self.ask_import)
        self.passphrase_button.clicked.connect(self.ask_change_passphrase)
        self.idle_spin.valueChanged.connect(self.idle_minutes_changed)
        self.every_question_box.toggled.connect(self.every_question_changed)
        self.reload()

    def focus_first(self) -> None:
        target = self.case_list if self.case_list.count() else self.new_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.summaries, damaged = self.store.scan()
        except CaseStoreError as error:
            self.summaries, damaged = [], []
            self.show_status(store_error_text(error), error=True)
        if damaged:
            self.show_status(
                ngettext(
                    "One case cannot be read: it was damaged or changed outside Masir (%(ids)s). "
                    "The other cases are fine. Restore it from an export, or delete it with "
                    "the command line (masir cases delete).",
                    "%(count)s cases cannot be read: they were damaged or changed outside Masir "
                    "(%(ids)s). The other cases are fine. Restore them from an export, or "
                    "delete them with the command line (masir cases delete).",
                    len(damaged),
                )
                % {
                    "count": isolate_number(len(damaged)),
                    "ids": ", ".join(isolate(case_id[:8]) for case_id in damaged),
                },
                error=True,
            )
        self.show_cases()

    def show_cases(self) -> None:
        query = self.search_edit.text()
        selected = set(self.selected_ids())
        self.case_list.clear()
        shown = [s for s in self.summaries if s.matches(query)] if query else self.summaries
        for summary in shown:
            answers = ngettext("%(count)s answer", "%(count)s answers", summary.answered_count) % {
                "count": isolate_number(summary.answered_count)
            }
            text = _("%(label)s — updated %(updated)s, %(answers)s") % {
                "label": isolate(summary.label),
                "updated": isolate_date(summary.updated.astimezone().date()),
                "answers": answers,
            }
            item = QListWidgetItem(text)
            item.setData(CASE_ID_ROLE, summary.case_id)
            self.case_list.addItem(item)
            item.setSelected(summary.case_id in selected)
        if not self.summaries:
            self.empty_label.setText(_("No cases yet. Choose “New case…” to start one."))
        elif not shown:
            self.empty_label.setText(_("No case label contains this text."))
        else:
            self.empty_label.setText("")
        self.empty_label.setVisible(bool(self.empty_label.text()))
        self._update_buttons()

    def selected_ids(self) -> list[str]:
        return [str(item.data(CASE_ID_ROLE)) for item in self.case_list.selectedItems()]

    def select(self, case_id: str) -> None:
        for row in range(self.case_list.count()):
            item = self.case_list.item(row)
            item.setSelected(item.data(CASE_ID_ROLE) == case_id)

    def _update_buttons(self) -> None:
        count = len(self.selected_ids())
        for single in (self.open_button, self.rename_button, self.rescreen_button):
            single.setEnabled(count == 1)
        self.delete_button.setEnabled(count == 1)
        self.export_button.setEnabled(count >= 1)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(text)

    def add_warning(self, text: str) -> None:
        """A warning beside what the status already says (several can come at one unlock)."""
        shown = self.status_label.text()
        self.show_status(f"{shown}\n{text}" if shown else text, error=True)

    def _label_of(self, case_id: str) -> str:
        return next((s.label for s in self.summaries if s.case_id == case_id), "")

    def _open_dialog(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- new, open, rename, delete ---------------------------------------------------------

    def ask_new_case(self) -> None:
        suggestion = suggested_label([s.label for s in self.summaries])
        dialog = LabelDialog(self, _("New case"), suggestion)
        dialog.accepted.connect(lambda: self.new_case(dialog.label()))
        self._open_dialog(dialog)

    def new_case(self, label: str) -> None:
        try:
            case_id = self.store.new_case(label, current_language())
        except CaseStoreError as error:
            self.show_status(store_error_text(error), error=True)
            return
        self.open_requested.emit(case_id)

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_requested.emit(ids[0])

    def ask_rename(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        dialog = LabelDialog(self, _("Rename the case"), self._label_of(ids[0]))
        dialog.accepted.connect(lambda: self.rename(ids[0], dialog.label()))
        self._open_dialog(dialog)

    def rename(self, case_id: str, label: str) -> None:
        try:
            self.store.rename(case_id, label)
        except CaseStoreError as error:
            self.show_status(store_error_text(error), error=True)
            return
        self.show_status(_("The case was renamed."))
        self.reload()
        self.select(case_id)

    def ask_delete(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Delete the case"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _("Delete “%(label)s” for good? Its answers cannot be brought back.")
            % {"label": isolate(self._label_of(ids[0]))}
        )
        delete = box.addButton(_("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_("Keep the case"), QMessageBox.ButtonRole.RejectRole)
        for each in (delete, keep):
            each.setAccessibleName(each.text())
        box.setDefaultButton(keep)
        box.setAccessibleName(_("Delete the case"))
        box.buttonClicked.connect(lambda clicked: self._delete_answered(ids[0], clicked is delete))
        self.delete_confirm = delete
        self.delete_keep = keep
        self._open_dialog(box)

    def _delete_answered(self, case_id: str, confirmed: bool) -> None:
        if not confirmed:
            return
        try:
            self.store.delete(case_id)
        except CaseStoreError as error:
            self.show_status(store_error_text(error), error=True)
            return
        self.show_status(_("The case was deleted."))
        self.reload()

    # -- re-screen -------------------------------------------------------------------------

    def rescreen_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            record = self.store.load(ids[0])
        except CaseStoreError as error:
            self.show_status(store_error_text(error), error=True)
            return
        engine = self.engine_factory()
        resumed = resume_interview(engine.questionnaire, record, self.today)
        fresh = engine.screen(resumed.interview, current_language())
        lines: list[str]
        if record.screening is None:
            lines = [_("This case has no saved results yet: open it and see the results.")]
        else:
            try:
                stored = Screening.model_validate(record.screening)
            except ValidationError:
                lines = [
                    _("The saved results of this case are in an older form and cannot be compared.")
                ]
            else:
                changes = compare(stored, fresh)
                heading = _("Compared with the results saved on %(date)s:") % {
                    "date": isolate_date(stored.today)
                }
                lines = [heading] + (
                    [change_text(change) for change in changes]
                    if changes
                    else [_("Nothing changed for this case under today's rules.")]
                )
        self.report_label.setText("\n".join(lines))
        self.report_label.show()

    # -- export, import, passphrase (slow: on the thread pool) -----------------------------

    def _busy(self, text: str) -> None:
        self.busy_bar.show()
        self.show_status(text)
        for each in (self.export_button, self.import_button, self.passphrase_button):
            each.setEnabled(False)

    def _idle(self) -> None:
        self.busy_bar.hide()
        self.import_button.setEnabled(True)
        self.passphrase_button.setEnabled(True)
        self._update_buttons()

    def ask_export(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self.dialog = private_file_dialog(
            self,
            _("Export cases"),
            _("Masir export files (*.masir)"),
            lambda path: self._ask_export_passphrase(ids, path),
            save=True,
            default_name="cases" + EXPORT_SUFFIX,
        )

    def _ask_export_passphrase(self, ids: list[str], path: Path) -> None:
        if path.suffix != EXPORT_SUFFIX:
            path = path.with_name(path.name + EXPORT_SUFFIX)
        dialog = PassphraseDialog(
            self,
            _("Passphrase for the export file"),
            _(
                "The export file gets its own passphrase. Give it to the receiver another "
                "way than the file (in person, or by a call)."
            ),
        )
        dialog.accepted.connect(lambda: self._export(ids, path, dialog.fields.new()))
        self._open_dialog(dialog)

    def _export(self, ids: list[str], path: Path, passphrase: str) -> None:
        store, kdf = self.store, self.kdf
        self._busy(_("Exporting…"))
        job = run_in_background(lambda: export_cases(store, ids, path, passphrase, kdf=kdf))
        job.done.connect(lambda _result: self._exported(len(ids)))
        job.failed.connect(self._failed)

    def _exported(self, count: int) -> None:
        self._idle()
        self.show_status(
            ngettext("%(count)s case exported.", "%(count)s cases exported.", count)
            % {"count": isolate_number(count)}
        )

    def ask_import(self) -> None:
        self.dialog = private_file_dialog(
            self,
            _("Import cases"),
            _("Masir export files (*.masir)"),
            self._ask_import_passphrase,
            save=False,
        )

    def _ask_import_passphrase(self, path: Path) -> None:
        dialog = PassphraseDialog(
            self,
            _("Passphrase of the export file"),
            _("Type the passphrase the sender gave you for this file."),
            new_twice=False,
        )
        dialog.accepted.connect(lambda: self._import(path, dialog.fields.new()))
        self._open_dialog(dialog)

    def _import(self, path: Path, passphrase: str) -> None:
        store = self.store
        self._busy(_("Importing…"))
        job = run_in_background(lambda: import_cases(store, path, passphrase))
        job.done.connect(self._imported)
        job.failed.connect(self._failed)

    def _imported(self, new_ids: object) -> None:
        self._idle()
        count = len(new_ids) if isinstance(new_ids, list) else 0
        self.reload()
        self.show_status(
            ngettext("%(count)s case imported.", "%(count)s cases imported.", count)
            % {"count": isolate_number(count)}
        )

    def ask_change_passphrase(self) -> None:
        dialog = PassphraseDialog(
            self,
            _("Change the passphrase"),
            _("Every case is encrypted again under the new passphrase."),
            ask_old=True,
        )
        dialog.accepted.connect(
            lambda: self._change_passphrase(dialog.fields.old(), dialog.fields.new())
        )
        self._open_dialog(dialog)

    def _change_passphrase(self, old: str, new: str) -> None:
        store = self.store
        self._busy(_("Encrypting the cases again…"))
        job = run_in_background(lambda: store.change_passphrase(old, new))
        job.done.connect(lambda _result: self._passphrase_changed())
        job.failed.connect(self._failed)

    def _passphrase_changed(self) -> None:
        self._idle()
        self.show_status(_("The passphrase was changed."))

    def _failed(self, error: object) -> None:
        self._idle()
        self.show_status(
            store_error_text(error if isinstance(error, BaseException) else Exception()),
            error=True,
        )
