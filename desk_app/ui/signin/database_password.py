"""The PostgreSQL password, asked for when the keyring holds none.

The desk asks and offers to keep it in the keyring (``ui/startup/opening.py``
opens the database and asks through this dialog). On a computer without a
keyring backend that is said plainly and the password is used for this
session only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app import config
from desk_app.ui.common.errors import translate_error
from desk_app.ui.common.widgets import named

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


def keyring_available(url: URL) -> bool:
    try:
        config.stored_database_password(url)
    except config.KeyringUnavailable:
        return False
    return True


class DatabasePasswordDialog(QDialog):
    def __init__(
        self, url: URL, *, can_store: bool, wrong: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._url = url
        self._wrong = wrong
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox()
        self.remember.setEnabled(can_store)
        self.keyring_note = named(QLabel(), "keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(not can_store)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.explanation, self.password, self.remember, self.keyring_note, buttons):
            layout.addWidget(widget)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)  # in the dialog now: Enter connects, Esc cancels
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Database password"))
        text = self.tr("The database {database} on {host} asks for the password of {user}.")
        if self._wrong:
            text = self.tr("That password was not accepted.") + " " + text
        self.explanation.setText(
            text.format(
                database=self._url.database or "",
                host=self._url.host or "localhost",
                user=self._url.username or "",
            )
        )
        self.remember.setText(self.tr("Remember it in this computer's password store (keyring)"))
        self.keyring_note.setText(
            translate_error("keyring_unavailable", {})
            + " "
            + self.tr("The password is used for this session only.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
