"""The results: a card per pathway, grouped by country, with a filter and the PDF export."""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.bidi import isolate
from gui.export import Writer, export_pdf
from gui.file_dialogs import private_file_dialog
from gui.labels import plain_label
from gui.pages import ScrollingPage, button
from gui.pathway_card import PathwayCard
from i18n.runtime import _, ngettext
from pathways.engine import Engine
from pathways.model import Kind
from pathways.results import Outcome, PathwayResult, Screening, Verdict
from summary.options import SummaryOptions

COUNTRIES = {"us": "US", "uk": "GB", "de": "DE", "ca": "CA", "au": "AU"}
UNHCR = "unhcr"


def open_to_me(result: PathwayResult) -> bool:
    """ "Routes open to me": not ruled out, and not closed to this person."""
    return (
        result.open_to_person is not Outcome.NOT_MET and result.verdict is not Verdict.NOT_ELIGIBLE
    )


class ResultsPage(ScrollingPage):
    back_requested = Signal()

    def __init__(
        self,
        screening: Screening,
        engine: Engine,
        language: str,
        writer: Writer | None,
        *,
        caseworker: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.screening = screening
        self.engine = engine
        self.language = language
        self.writer = writer
        self.caseworker = caseworker
        self.cards: list[PathwayCard] = []
        self.column.addWidget(plain_label(_("Your results"), scale=1.5, bold=True))
        self.column.addWidget(
            plain_label(
                _(
                    "This is not legal advice: only the governments and UNHCR decide. "
                    "Applications and referrals are free. Nobody can sell you a place."
                )
            )
        )
        self.freshness_label = plain_label("⚠ " + _(screening.freshness_note))
        self.freshness_label.setAccessibleName(_(screening.freshness_note))
        self.column.addWidget(self.freshness_label)
        filters = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.open_filter = QRadioButton(_("Routes open to me"), self)
        self.all_filter = QRadioButton(_("All routes"), self)
        for radio in (self.open_filter, self.all_filter):
            radio.setAccessibleName(radio.text())
            self.filter_group.addButton(radio)
            filters.addWidget(radio)
        filters.addStretch(1)
        self.open_filter.setChecked(True)
        self.column.addLayout(filters)
        self.holder = QWidget(self.body)
        self.holder_box = plain_layout(self.holder)
        self.column.addWidget(self.holder)
        self.column.addStretch(1)
        self.open_filter.toggled.connect(lambda _checked: self.show_cards())

        export_row = QHBoxLayout()
        self.back_button = button(_("Back to your answers"), self)
        self.sensitive_box = QCheckBox(_("Include sensitive answers"), self)
        self.bilingual_box = QCheckBox(_("Bilingual (with English)"), self)
        self.reference_field = QLineEdit(self)
        self.reference_field.setPlaceholderText(_("Case reference (optional)"))
        self.reference_field.setAccessibleName(_("Case reference (optional)"))
        self.reference_field.setMaxLength(200)
        self.reference_field.setMaximumWidth(220)
        self.reference_field.setVisible(caseworker)
        self.export_button = button(_("Save summary as PDF…"), self)
        self.export_progress = QProgressBar(self)
        self.export_progress.setRange(0, 0)  # busy indicator
        self.export_progress.setAccessibleName(_("Saving the summary"))
        self.export_progress.setMaximumWidth(160)
        self.export_progress.hide()
        self.export_status = plain_label("")
        for box in (self.sensitive_box, self.bilingual_box):
            box.setAccessibleName(box.text())
        self.bilingual_box.setVisible(language != "en")
        export_row.addWidget(self.back_button)
        export_row.addStretch(1)
        for widget in (
            self.export_status,
            self.export_progress,
            self.reference_field,
            self.sensitive_box,
            self.bilingual_box,
            self.export_button,
        ):
            export_row.addWidget(widget)
        self.outer.addLayout(export_row)
        self.back_button.clicked.connect(self.back_requested)
        self.export_button.clicked.connect(self.choose_pdf_path)
        self.show_cards()

    def focus_first(self) -> None:
        self.open_filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def groups(self) -> list[tuple[str, str, list[PathwayResult]]]:
        """(key, heading, results) for the five countries, then the UNHCR categories."""
        territories = Locale.parse(self.language).territories
        groups: list[tuple[str, str, list[PathwayResult]]] = []
        results = self.screening.results
        for country, territory in COUNTRIES.items():
            mine = [r for r in results if r.country == country and r.kind is Kind.PATHWAY]
            name = _(mine[0].country_name) if mine else str(territories.get(territory, territory))
            groups.append((country, name, mine))
        others = {r.country for r in results if r.kind is Kind.PATHWAY} - set(COUNTRIES)
        for country in sorted(others):
            mine = [r for r in results if r.country == country and r.kind is Kind.PATHWAY]
            groups.append((country, _(mine[0].country_name), mine))
        unhcr = [r for r in results if r.kind is Kind.UNHCR_CATEGORY]
        groups.append((UNHCR, _("UNHCR categories you may fit"), unhcr))
        return groups

    def show_cards(self) -> None:
        while self.holder_box.count():
            item = self.holder_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.cards = []
        only_open = self.open_filter.isChecked()
        shown = 0
        for _key, heading, results in self.groups():
            visible = [r for r in results if open_to_me(r)] if only_open else results
            if only_open and not visible:
                continue
            self.holder_box.addWidget(plain_label(heading, scale=1.35, bold=True))
            if not visible:
                self.holder_box.addWidget(
                    plain_label(_("The rules for these routes are not in this build yet."))
                )
            for result in visible:
                card = PathwayCard(result)
                self.cards.append(card)
                self.holder_box.addWidget(card)
                shown += 1
        if only_open and shown == 0:
            self.holder_box.addWidget(
                plain_label(
                    _(
                        "From these answers, no route seems open to you now. Choose “All "
                        "routes” to see each one and why."
                    ),
                    scale=1.1,
                )
            )

    def choose_pdf_path(self) -> None:
        """Qt's own dialog, whose remembered folders are wiped again (gui/file_dialogs.py)."""
        self.file_dialog = private_file_dialog(
            self,
            _("Save summary as PDF…"),
            _("PDF documents (*.pdf)"),
            self.start_export,
            save=True,
            default_name="masir-summary.pdf",
        )

    def export_options(self) -> SummaryOptions:
        reference = self.reference_field.text().strip() if self.caseworker else ""
        return SummaryOptions(
            language=self.language,
            include_sensitive=self.sensitive_box.isChecked(),
            bilingual=self.bilingual_box.isChecked() and self.language != "en",
            case_reference=reference or None,
        )

    def start_export(self, path: Path) -> None:
        self.export_button.setEnabled(False)
        self.export_progress.show()
        self.export_status.setText(_("Saving…"))
        job = export_pdf(
            self.screening, self.engine, path, self.export_options(), writer=self.writer
        )
        job.finished.connect(self._export_done)
        job.failed.connect(self._export_failed)

    def _export_done(self, path: str, pages: int) -> None:
        self.export_progress.hide()
        self.export_button.setEnabled(True)
        self.export_status.setText(
            ngettext("Saved: %(count)s page.", "Saved: %(count)s pages.", pages)
            % {"count": isolate(pages)}
        )

    def _export_failed(self, message: str) -> None:
        self.export_progress.hide()
        self.export_button.setEnabled(True)
        self.export_status.setText(
            "⚠ " + _("The summary could not be saved: %(reason)s") % {"reason": message}
        )


def plain_layout(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    return layout
