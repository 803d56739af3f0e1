"""The one bridge between the window and people for messages in a box.

Every dialog that tells the user something in a box comes through here:
errors, warnings, information, a finished batch's summary, the About box.
Nothing else under ``desk_app/ui`` uses ``QMessageBox`` (a test checks), so
titles, icons and the way an error becomes a sentence are the same
everywhere, and a test can find every box in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.ui.common.errors import error_text


def app_title() -> str:
    return QCoreApplication.translate("App", "Results Desk")


def show_error(parent: QWidget | None, text: str, title: str | None = None) -> None:
    """A modal error box; returns when it is closed."""
    QMessageBox.critical(parent, title or app_title(), text)


def show_error_for(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    """A modal error box saying ``error`` in the current language (never a traceback)."""
    show_error(parent, error_text(error), title)


def show_warning(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or app_title(), text)


def show_information(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or app_title(), text)


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


def open_summary(parent: QWidget | None, title: str, text: str, *, warning: bool) -> QMessageBox:
    """A box that does not block (``open``), deleted when closed: a batch's outcome."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
