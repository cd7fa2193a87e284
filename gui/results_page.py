"""The results: the plan first, every route in one table, a route's detail on demand, the PDF."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.bidi import isolate, isolate_date, isolate_number
from gui.busy import busy_cursor
from gui.export import Writer, export_pdf
from gui.file_dialogs import private_file_dialog
from gui.labels import plain_label
from gui.pages import ScrollingPage, button
from gui.pathway_card import PathwayCard
from gui.rescreen import change_text
from gui.result_words import result_text, status_text, verdict_text
from gui.rules_words import rules_text, stale_text
from i18n.runtime import _, ngettext
from pathways.compare import Change
from pathways.engine import Engine
from pathways.plan import AUTHORITY_DECIDES, PlanRoute, derive_plan
from pathways.results import Screening
from summary.options import Detail, SummaryOptions

COUNTRY_ORDER = {"us": 0, "uk": 1, "de": 2, "ca": 3, "au": 4, "unhcr": 9}


class ResultsPage(ScrollingPage):
    """Opens on the plan (what the person can do now); "All routes" is one sortable table.
    A route's full detail is built only when it is opened (click or Enter)."""

    back_requested = Signal()

    def __init__(
        self,
        screening: Screening,
        engine: Engine,
        language: str,
        writer: Writer | None,
        *,
        caseworker: bool = False,
        case_reference: str = "",
        changes: Sequence[Change] = (),
        history: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.screening = screening
        self.engine = engine
        self.language = language
        self.writer = writer
        self.caseworker = caseworker
        self.plan = derive_plan(screening)
        self.by_id = {result.pathway: result for result in screening.results}
        self.card: PathwayCard | None = None
        self.route_list: QListWidget | None = None
        self.table: QTableView | None = None
        self.column.addWidget(plain_label(_("Your results"), scale=1.5, bold=True))
        self.column.addWidget(
            plain_label(
                _(
                    "This is not legal advice: only the governments and UNHCR decide. "
                    "Applications and referrals are free. Nobody can sell you a place."
                )
            )
        )
        self.changes_label: QLabel | None = None
        if changes:  # after answers were changed: say what that did, before → after
            names = {result.pathway: _(result.name) for result in screening.results}
            lines = [
                change_text(change, names.get(change.pathway, change.pathway)) for change in changes
            ]
            self.changes_label = plain_label(
                "\n".join([_("Since you last saw the results:"), *lines])
            )
            self.changes_label.setStyleSheet("background: #fff4d6; color: #3d2b00; padding: 6px;")
            self.column.addWidget(self.changes_label)
        self.history_button: QPushButton | None = None
        self.history_label: QLabel | None = None
        if history:  # a caseworker's case: every saving of its results, and what changed
            self.history_button = button(_("History of this case"), self)
            self.history_button.setCheckable(True)
            self.history_label = plain_label("\n".join(history))
            self.history_label.hide()
            self.history_button.toggled.connect(self.history_label.setVisible)
            row = QHBoxLayout()
            row.addWidget(self.history_button)
            row.addStretch(1)
            self.column.addLayout(row)
            self.column.addWidget(self.history_label)
        self.freshness_label = plain_label("⚠ " + _(screening.freshness_note))
        self.freshness_label.setAccessibleName(_(screening.freshness_note))
        self.column.addWidget(self.freshness_label)
        self.rules_label = plain_label(rules_text(engine))
        self.column.addWidget(self.rules_label)
        stale = stale_text(screening.rules_checked, screening.today)
        self.stale_label = plain_label(stale or "", bold=True)
        self.stale_label.setVisible(stale is not None)
        self.column.addWidget(self.stale_label)
        filters = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.plan_filter = QRadioButton(_("What you can do now"), self)
        self.all_filter = QRadioButton(_("All routes"), self)
        for radio in (self.plan_filter, self.all_filter):
            radio.setAccessibleName(radio.text())
            self.filter_group.addButton(radio)
            filters.addWidget(radio)
        filters.addStretch(1)
        self.plan_filter.setChecked(True)
        self.column.addLayout(filters)
        self.holder = QWidget(self.body)
        self.holder_box = plain_layout(self.holder)
        self.column.addWidget(self.holder)
        self.column.addStretch(1)
        self.plan_filter.toggled.connect(lambda _checked: self.show_view())

        export_row = QHBoxLayout()
        self.back_button = button(_("Back to your answers"), self)
        self.sensitive_box = QCheckBox(_("Include sensitive answers"), self)
        self.bilingual_box = QCheckBox(_("Bilingual (with English)"), self)
        self.full_box = QCheckBox(_("Add every criterion and the answers (appendix)"), self)
        self.full_box.setVisible(caseworker)
        self.reference_field = QLineEdit(self)
        self.reference_field.setPlaceholderText(_("Case reference (optional)"))
        self.reference_field.setAccessibleName(_("Case reference (optional)"))
        self.reference_field.setMaxLength(200)
        self.reference_field.setMaximumWidth(220)
        self.reference_field.setVisible(caseworker)
        self.reference_field.setText(case_reference if caseworker else "")
        self.name_field = QLineEdit(self)  # printed only in the PDF; never stored or logged
        self.name_field.setPlaceholderText(_("Name on the summary (optional)"))
        self.name_field.setAccessibleName(_("Name on the summary (optional)"))
        self.name_field.setMaxLength(200)
        self.name_field.setMaximumWidth(220)
        self.export_button = button(_("Save summary as PDF…"), self)
        self.export_progress = QProgressBar(self)
        self.export_progress.setRange(0, 0)  # busy indicator
        self.export_progress.setAccessibleName(_("Saving the summary"))
        self.export_progress.setMaximumWidth(160)
        self.export_progress.hide()
        self.export_status = plain_label("")
        for box in (self.sensitive_box, self.bilingual_box, self.full_box):
            box.setAccessibleName(box.text())
        self.bilingual_box.setVisible(language != "en")
        # Two rows, so that a caseworker's page fits a 1024-pixel netbook screen in Dari too.
        options_row = QHBoxLayout()
        options_row.addStretch(1)
        for widget in (
            self.name_field,
            self.reference_field,
            self.full_box,
            self.sensitive_box,
            self.bilingual_box,
        ):
            options_row.addWidget(widget)
        export_row.addWidget(self.back_button)
        export_row.addStretch(1)
        export_row.addWidget(self.export_status)
        export_row.addWidget(self.export_progress)
        export_row.addWidget(self.export_button)
        self.outer.addLayout(options_row)
        self.outer.addLayout(export_row)
        self.back_button.clicked.connect(self.back_requested)
        self.export_button.clicked.connect(self.choose_pdf_path)
        self.show_view()

    def focus_first(self) -> None:
        if self.route_list is not None:
            self.route_list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.plan_filter.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear(self) -> None:
        while self.holder_box.count():
            item = self.holder_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.card = None
        self.route_list = None
        self.table = None

    def show_view(self) -> None:
        with busy_cursor():
            self._clear()
            if self.plan_filter.isChecked():
                self._show_plan()
            else:
                self._show_table()

    def _heading(self, text: str) -> None:
        self.holder_box.addWidget(plain_label(text, scale=1.3, bold=True))

    def _show_plan(self) -> None:
        plan = self.plan
        self._heading(_("What you can do now"))
        if plan.act_now:
            self.holder_box.addWidget(
                plain_label(_("Choose a route and press Enter (or click it) to see it in full."))
            )
            routes = QListWidget(self.holder)
            routes.setWordWrap(True)
            routes.setAccessibleName(_("What you can do now"))
            routes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            routes.setAlternatingRowColors(True)
            routes.setSpacing(3)
            for number, route in enumerate(plan.act_now, start=1):
                item = QListWidgetItem(self._route_text(number, route))
                item.setData(Qt.ItemDataRole.UserRole, route.pathway)
                routes.addItem(item)
            routes.itemActivated.connect(self._open_item)
            routes.itemClicked.connect(self._open_item)
            self.route_list = routes
            self.holder_box.addWidget(routes)
            QTimer.singleShot(0, self._fit_route_list)
        else:
            self.holder_box.addWidget(
                plain_label(_("From these answers, no route seems open to you now."), scale=1.1)
            )
        if plan.if_applied_before:
            self._heading(_("If you applied before"))
            lines = [
                "• "
                + _("%(route)s (%(status)s). Your case may go on if: %(text)s")
                % {
                    "route": _(route.name),
                    "status": status_text(route.status),
                    "text": _(route.exemption) if route.exemption else "",
                }
                for route in plan.if_applied_before
            ]
            self.holder_box.addWidget(plain_label("\n".join(lines)))
        if plan.next_steps:
            self._heading(_("Next steps"))
            steps = [
                f"{isolate_number(number)}. {_(step)}"
                for number, step in enumerate(plan.next_steps, start=1)
            ]
            self.holder_box.addWidget(plain_label("\n".join(steps)))
        if plan.documents:
            self._heading(_("Documents to gather"))
            documents = [
                "☐ " + _(document.text) + (_(" (to verify)") if document.to_verify else "")
                for document in plan.documents
            ]
            self.holder_box.addWidget(plain_label("\n".join(documents), selectable=True))
        self.holder_box.addWidget(
            plain_label(
                _(
                    "%(closed)s routes are closed to new applications and %(not_fitting)s do not "
                    "fit your answers."
                )
                % {
                    "closed": isolate_number(plan.closed),
                    "not_fitting": isolate_number(plan.not_fitting),
                }
                + " "
                + _("Choose “All routes” to see each one and why.")
            )
        )

    def _route_text(self, number: int, route: PlanRoute) -> str:
        lines = [
            f"{isolate_number(number)}. {_(route.name)} ({_(route.country_name)})",
            verdict_text(route.verdict) + " · " + _(route.action),
        ]
        if route.authority_decides:
            lines.append(_(AUTHORITY_DECIDES))
        if route.status_unconfirmed:
            lines.append(_("Whether this route is open is to be confirmed."))
        if route.unknown:
            lines.append(
                _("Still to find out: %(facts)s")
                % {"facts": " / ".join(_(item.text) for item in route.unknown)}
            )
        return "\n".join(lines)

    def _fit_route_list(self) -> None:
        """The plan's list shows every route at once: the page scrolls, not the list."""
        routes = self.route_list
        if routes is None:
            return
        height = sum(routes.sizeHintForRow(row) for row in range(routes.count()))
        routes.setFixedHeight(height + 2 * routes.frameWidth() + 4)

    def _show_table(self) -> None:
        model = QStandardItemModel(0, 4, self)
        model.setHorizontalHeaderLabels([_("Country"), _("Route"), _("Your result"), _("Status")])
        for result in self.screening.results:
            country = QStandardItem(_(result.country_name))
            country.setData(
                (COUNTRY_ORDER.get(result.country, 5), result.country),
                Qt.ItemDataRole.UserRole + 1,
            )
            since = (
                " " + _("since %(date)s") % {"date": isolate_date(result.status_since)}
                if result.status_since
                else ""
            )
            row = [
                country,
                QStandardItem(_(result.name)),
                QStandardItem(result_text(result)),
                QStandardItem(status_text(result.status) + since),
            ]
            for item in row:
                item.setEditable(False)
                item.setData(result.pathway, Qt.ItemDataRole.UserRole)
            model.appendRow(row)
        model.setSortRole(Qt.ItemDataRole.DisplayRole)
        table = QTableView(self.holder)
        table.setModel(model)
        table.setAccessibleName(_("All routes"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the rules' order: by country
        table.activated.connect(self._open_index)
        table.clicked.connect(self._open_index)
        table.setMinimumHeight(420)
        self.table = table
        self.holder_box.addWidget(
            plain_label(_("Choose a route and press Enter (or click it) to see it in full."))
        )
        self.holder_box.addWidget(table)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.show_detail(str(item.data(Qt.ItemDataRole.UserRole)))

    def _open_index(self, index: QModelIndex) -> None:
        self.show_detail(str(index.data(Qt.ItemDataRole.UserRole)))

    def show_detail(self, pathway: str) -> None:
        """One route in full, built now (never before it is opened)."""
        with busy_cursor():
            self._show_detail(pathway)

    def _show_detail(self, pathway: str) -> None:
        result = self.by_id[pathway]
        from_plan = self.plan_filter.isChecked()
        self._clear()
        back = button(
            _("← Back to what you can do now") if from_plan else _("← Back to all routes"),
            self.holder,
        )
        back.clicked.connect(self.show_view)
        self.holder_box.addWidget(back)
        self.card = PathwayCard(result, technical=self.caseworker)
        self.holder_box.addWidget(self.card)
        back.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.verticalScrollBar().setValue(0)

    def choose_pdf_path(self) -> None:
        """Qt's own dialog, whose remembered folders are wiped again (gui/file_dialogs.py)."""
        self.file_dialog = private_file_dialog(
            self,
            _("Save summary as PDF…"),
            _("PDF documents (*.pdf)"),
            self.start_export,
            save=True,
            default_name=summary_file_name(self.reference_field.text(), self.screening.today),
        )

    def export_options(self) -> SummaryOptions:
        reference = self.reference_field.text().strip() if self.caseworker else ""
        return SummaryOptions(
            language=self.language,
            include_sensitive=self.sensitive_box.isChecked(),
            bilingual=self.bilingual_box.isChecked() and self.language != "en",
            case_reference=reference or None,
            name=self.name_field.text().strip() or None,
            detail=Detail.FULL if self.caseworker and self.full_box.isChecked() else Detail.SUMMARY,
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


_UNSAFE_IN_FILE_NAMES = re.compile(r"[^\w-]+")


def summary_file_name(case_reference: str, day: date) -> str:
    """The PDF's suggested name: the case reference and the day, never the person's name (a
    file name is seen by anyone who looks at the folder)."""
    reference = _UNSAFE_IN_FILE_NAMES.sub("-", case_reference.strip()).strip("-")[:40]
    parts = ["masir-summary", reference, day.isoformat()]
    return "-".join(part for part in parts if part) + ".pdf"


def plain_layout(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    return layout
