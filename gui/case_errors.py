"""Case store failures as translated sentences a caseworker can act on."""

from __future__ import annotations

from cases import CaseStoreError, ErrorKind
from cases.store import Integrity
from gui.bidi import isolate, isolate_number
from i18n.runtime import _, ngettext


def store_error_text(error: BaseException) -> str:
    """The message for a failure; anything unexpected gets a general one (never its details)."""
    if not isinstance(error, CaseStoreError):
        return _("Something went wrong. Nothing was changed; try again.")
    return {
        ErrorKind.WRONG_PASSPHRASE: _("The passphrase is not right. Try again."),
        ErrorKind.TAMPERED: _(
            "A case in the store was changed outside Masir and cannot be trusted. "
            "Restore the store from a backup or an export."
        ),
        ErrorKind.CORRUPT: _(
            "The case store is damaged or was made by a newer Masir. "
            "Restore it from a backup or an export."
        ),
        ErrorKind.DISK_FULL: _(
            "The disk is full. Free some space and try again; nothing was lost."
        ),
        ErrorKind.READ_ONLY: _(
            "Masir cannot write to this folder or file. Check its permissions or choose another "
            "place; nothing was lost."
        ),
        ErrorKind.NOT_FOUND: _("There is no such case store, case or file."),
        ErrorKind.LOCKED: _("The case store is locked. Enter the passphrase to unlock it."),
        ErrorKind.BAD_EXPORT_FILE: _(
            "This is not a Masir export file, or it is incomplete or was changed. "
            "Ask for a new export."
        ),
        ErrorKind.WRONG_EXPORT_PASSPHRASE: _(
            "The passphrase is not right for this export file. Ask the sender for it."
        ),
        ErrorKind.ALREADY_EXISTS: _("A case store already exists in this folder. Open it instead."),
        ErrorKind.IN_USE: _(
            "The case store is in use by another Masir window. Close it and try again."
        ),
        ErrorKind.IO_ERROR: _("The disk could not be read or written. Check it and try again."),
        ErrorKind.WEAK_PASSPHRASE: _("The passphrase is too short: use at least 10 characters."),
        ErrorKind.TEST_STORE: _(
            "This case store was made by Masir's tests with weak protection and cannot hold real "
            "cases. Make a new case store in another folder."
        ),
    }[error.kind]


def integrity_text(found: Integrity) -> str:
    """What changed in the store outside Masir since it last wrote, in sentences (or "")."""

    def values(ids: list[str]) -> dict[str, str]:
        return {
            "count": isolate_number(len(ids)),
            "ids": ", ".join(isolate(case_id[:8]) for case_id in ids),
        }

    lines = []
    if found.missing:
        lines.append(
            ngettext(
                "%(count)s case was removed from the store outside Masir: %(ids)s.",
                "%(count)s cases were removed from the store outside Masir: %(ids)s.",
                len(found.missing),
            )
            % values(found.missing)
        )
    if found.replaced:
        lines.append(
            ngettext(
                "%(count)s case was replaced by another or an older copy outside Masir: %(ids)s.",
                "%(count)s cases were replaced by other or older copies outside Masir: %(ids)s.",
                len(found.replaced),
            )
            % values(found.replaced)
        )
    if found.unexpected:
        lines.append(
            ngettext(
                "%(count)s case was added outside Masir: %(ids)s.",
                "%(count)s cases were added outside Masir: %(ids)s.",
                len(found.unexpected),
            )
            % values(found.unexpected)
        )
    if found.unchecked:
        lines.append(
            _(
                "The store's own list of its cases was missing or damaged, so changes made "
                "outside Masir could not be checked this time. It has been made again."
            )
        )
    if lines:
        lines.append(_("If you did not expect this, someone may have changed the store's files."))
    return " ".join(lines)
