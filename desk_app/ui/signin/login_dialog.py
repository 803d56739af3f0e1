"""Staff sign-in: username, password and the language of the desk.

The check runs on a worker (argon2 takes a moment on purpose); a refusal is
shown as the service's translated sentence and only the password is
cleared. Choosing a language switches the dialog at once, and the desk then
opens in the language the dialog shows. The Sign in button is our own (not
a standard OK), so a language switch, which resets the standard buttons to
Qt's words, leaves its text alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.common.errors import error_text
from desk_app.ui.common.i18n import LANGUAGE_NAMES, LANGUAGES, Translations
from desk_app.ui.common.widgets import named
from desk_app.ui.common.workers import LatestOnly

if TYPE_CHECKING:
    from desk_app.services.actor import StaffIdentity
    from desk_app.ui.session.staff_door import StaffDoor


class LoginDialog(QDialog):
    signedIn = Signal(object)

    def __init__(
        self, staff: StaffDoor, translations: Translations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._staff = staff
        self._translations = translations
        # the staff member once signed in
        self.identity: StaffIdentity | None = None
        # whether the language was chosen here (else the staff member's own applies)
        self.language_chosen = False
        # what the message line says, kept as a function so it follows the language
        self._message: tuple[Callable[[], str], bool] | None = None
        self._request = LatestOnly(self)
        self._request.finished.connect(self._signed_in)
        self._request.failed.connect(self._refused)
        self._request.busyChanged.connect(self._busy)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.heading = named(QLabel(), "loginHeading")
        self.subheading = named(QLabel(), "loginSubheading")
        self.subheading.setWordWrap(True)
        self.username = named(QLineEdit(), "username")
        self.password = named(QLineEdit(), "password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = named(QComboBox(), "language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(self._translations.language))
        self.language.activated.connect(self._language_picked)
        self.message = named(QLabel(), "loginMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(40)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.username_caption = QLabel()
        self.password_caption = QLabel()
        self.language_caption = QLabel()
        self.username_caption.setBuddy(self.username)
        self.password_caption.setBuddy(self.password)
        self.language_caption.setBuddy(self.language)
        self.form.addRow(self.username_caption, self.username)
        self.form.addRow(self.password_caption, self.password)
        self.form.addRow(self.language_caption, self.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        logo = QLabel()
        logo.setPixmap(QApplication.windowIcon().pixmap(QSize(56, 56)))
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(titles, 1)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.sign_in_button.setDefault(True)  # now that it is in the dialog: Enter signs in
        self.setMinimumWidth(480)
        self.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to Results Desk"))
        self.heading.setText(self.tr("Results Desk"))
        self.subheading.setText(self.tr("Customer-service desk for candidates' results"))
        self.username_caption.setText(self.tr("&Username"))
        self.password_caption.setText(self.tr("&Password"))
        self.language_caption.setText(self.tr("&Language"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self._message is not None:
            self._show(*self._message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- reactions ------------------------------------------------------------
    def _language_picked(self, index: int) -> None:
        self.language_chosen = True
        self._translations.switch(self.language.itemData(index))

    def sign_in(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self._show(lambda: self.tr("Enter your username."), True)
            self.username.setFocus()
            return
        if not password:
            self._show(lambda: self.tr("Enter your password."), True)
            self.password.setFocus()
            return
        staff = self._staff
        self._request.submit(lambda: staff.authenticate(username, password))

    def _busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.language, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self._show(lambda: self.tr("Signing in…"), False)

    def _signed_in(self, identity: StaffIdentity) -> None:
        self.password.clear()
        self.identity = identity
        self.signedIn.emit(identity)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.password.clear()
        self._show(lambda: error_text(error), True)
        self.password.setFocus()

    def _show(self, text: Callable[[], str], error: bool) -> None:
        self._message = (text, error)
        self.message.setText(text())
        self.message.setProperty("error", error)
        self.message.style().polish(self.message)

    def reject(self) -> None:
        self._request.cancel()
        super().reject()
