"""One exception family per boundary, each carrying a message a person can act on."""


class MasirError(Exception):
    """Base of the errors the command line prints in one line (exit 2) and the window shows."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FormsError(MasirError):
    """The questionnaire data is broken (a programming or data error, found at load time)."""


class AnswersError(MasirError):
    """An answer or an answers file does not fit the questionnaire.

    `message` names the question (by its text, in the current language) or the file; `reason`
    says only what is wrong with the value, for the window, which shows it under the question.
    """

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message
