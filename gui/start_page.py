"""The first page: language, mode, and what Masir does and does not do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QRadioButton, QVBoxLayout, QWidget

from gui.labels import plain_label
from gui.mode import Mode, case_store_available
from gui.pages import ScrollingPage, button
from i18n.runtime import LANGUAGES, _


class StartPage(ScrollingPage):
    language_chosen = Signal(str)
    mode_chosen = Signal(object)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column.addWidget(plain_label(_("Masir — find your way"), scale=1.6, bold=True))
        self.column.addWidget(
            plain_label(
                _(
                    "Masir asks you some questions and shows which resettlement routes to "
                    "the United States, the United Kingdom, Germany, Canada, Australia and "
                    "UNHCR may be open to you, and why."
                ),
                scale=1.1,
            )
        )
        for line in (
            _("This is not legal advice. Only the governments and UNHCR decide."),
            _("Applications and referrals are free. Nobody can sell you a place."),
            _("Nothing leaves this computer. Masir works without the internet."),
        ):
            self.column.addWidget(plain_label("• " + line, scale=1.05))
        self.stale_label = plain_label("", bold=True)  # filled in once the rules are loaded
        self.stale_label.hide()
        self.column.addWidget(self.stale_label)
        self.column.addSpacing(12)

        self.column.addWidget(plain_label(_("Language"), scale=1.2, bold=True))
        languages = QHBoxLayout()
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, QRadioButton] = {}
        for code, name in LANGUAGES.items():
            radio = QRadioButton(name, self)
            radio.setAccessibleName(name)
            radio.setFont(self._bigger(radio))
            radio.setChecked(code == language)
            self.language_group.addButton(radio)
            self.language_buttons[code] = radio
            languages.addWidget(radio)
            radio.toggled.connect(
                lambda checked, chosen=code: self._language_toggled(checked, chosen)
            )
        languages.addStretch(1)
        self.column.addLayout(languages)
        self.column.addSpacing(12)

        self.column.addWidget(plain_label(_("How do you use Masir?"), scale=1.2, bold=True))
        self.self_button = button(_("Check for myself"), self)
        self.caseworker_button = button(_("Caseworker"), self)
        store = (
            _("Cases are kept in an encrypted store on this computer.")
            if case_store_available()
            else _("Cases will be kept, encrypted, once the case store is available in this build.")
        )
        for mode_button, text, mode in (
            (
                self.self_button,
                _("Nothing is stored: when you close Masir, your answers are gone."),
                Mode.SELF,
            ),
            (
                self.caseworker_button,
                _("For caseworkers screening a person, with notes for caseworkers. ") + store,
                Mode.CASEWORKER,
            ),
        ):
            card = QFrame(self)
            card.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(card)
            mode_button.setFont(self._bigger(mode_button))
            mode_button.setMinimumHeight(40)
            mode_button.setAccessibleDescription(text)
            inner.addWidget(mode_button)
            inner.addWidget(plain_label(text))
            self.column.addWidget(card)
            mode_button.clicked.connect(
                lambda _checked=False, chosen=mode: self.mode_chosen.emit(chosen)
            )
        self.column.addStretch(1)

    def show_rules_warning(self, text: str | None) -> None:
        """The one-line warning that the rules are old, or nothing."""
        self.stale_label.setText(text or "")
        self.stale_label.setVisible(text is not None)

    def _language_toggled(self, checked: bool, code: str) -> None:
        if checked:
            self.language_chosen.emit(code)

    @staticmethod
    def _bigger(widget: QWidget) -> QFont:
        font = widget.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        return font

    def focus_first(self) -> None:
        self.self_button.setFocus(Qt.FocusReason.OtherFocusReason)
