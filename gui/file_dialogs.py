"""File dialogs that leave no trace of where a person saved or opened a file.

Qt's own dialog is used (never the system's: GTK and Windows add chosen files to a
recent-files list). On destruction Qt's dialog writes its history and last folder into the
"QtProject" settings (a file in the user's config folder, the registry on Windows); that group is
removed again once the dialog is gone. The dialog starts in the home folder, with no history.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QWidget
from shiboken6 import Shiboken

from i18n.runtime import _

SETTINGS_ORGANISATION = "QtProject"
SETTINGS_GROUP = "FileDialog"


def forget_file_dialog_settings() -> None:
    """Remove what Qt's file dialog remembers (history, last folder, sidebar, view)."""
    settings = QSettings(QSettings.Scope.UserScope, SETTINGS_ORGANISATION)
    settings.remove(SETTINGS_GROUP)
    settings.sync()


def private_file_dialog(
    parent: QWidget,
    title: str,
    name_filter: str,
    on_chosen: Callable[[Path], None],
    *,
    save: bool,
    default_name: str = "",
) -> QFileDialog:
    """Open (window-modal, not blocking) a dialog; `on_chosen(path)` when a file is chosen."""
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(name_filter)
    dialog.setViewMode(QFileDialog.ViewMode.List)  # no column headings: fewer of Qt's words
    for label, text in (
        (QFileDialog.DialogLabel.LookIn, _("Look in:")),
        (QFileDialog.DialogLabel.FileName, _("File name:")),
        (QFileDialog.DialogLabel.FileType, _("Files of type:")),
        (QFileDialog.DialogLabel.Accept, _("Save") if save else _("Open file")),
        (QFileDialog.DialogLabel.Reject, _("Cancel")),
    ):
        dialog.setLabelText(label, text)
    dialog.setHistory([])
    dialog.setDirectory(str(Path.home()))
    if default_name:
        dialog.selectFile(default_name)
    dialog.setAccessibleName(title)

    def finished(_result: int) -> None:
        files = dialog.selectedFiles() if _result == QFileDialog.DialogCode.Accepted else []
        dialog.hide()
        QTimer.singleShot(0, dispose)
        if files:
            on_chosen(Path(files[0]))

    def dispose() -> None:
        if Shiboken.isValid(dialog):  # its window may be gone already (quick exit)
            dialog.setParent(None)
            dialog.deleteLater()
        QTimer.singleShot(0, forget_file_dialog_settings)

    dialog.finished.connect(finished)
    dialog.destroyed.connect(lambda _obj=None: forget_file_dialog_settings())
    dialog.open()
    # Paths read left to right, also in Dari and Pashto (the fields exist once it is open).
    for path_field in (*dialog.findChildren(QLineEdit), *dialog.findChildren(QComboBox)):
        path_field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return dialog
