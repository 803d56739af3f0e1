"""The lock screen: what covers the desk while its staff member is away.

It names who is signed in and asks for that staff member's password, which
the staff service checks (wrong passwords count toward the staff lock, as
at sign-in). Someone else at the desk chooses "Sign in as someone else",
which signs the first staff member out. Nothing about candidates is on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.common.errors import error_text
from desk_app.ui.common.labels import role_name
from desk_app.ui.common.widgets import named
from desk_app.ui.common.workers import LatestOnly

if TYPE_CHECKING:
    from desk_app.services.actor import StaffIdentity
    from desk_app.ui.session.staff_door import StaffDoor


class LockScreen(QFrame):
    # the right password: the staff member as the database knows them now
    unlocked = Signal(object)
    # "Sign in as someone else"
    signOutRequested = Signal()

    def __init__(
        self,
        staff: StaffDoor,
        identity: StaffIdentity,
        idle_minutes: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self._staff = staff
        self._identity = identity
        self._idle_minutes = idle_minutes
        self._message: Callable[[], str] | None = None
        self._request = LatestOnly(self)
        self._request.finished.connect(self._unlocked)
        self._request.failed.connect(self._refused)
        self._request.busyChanged.connect(self._busy)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        logo = QLabel()
        logo.setPixmap(QApplication.windowIcon().pixmap(QSize(64, 64)))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.heading = named(QLabel(), "lockHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # why the desk is locked (idle, or by hand)
        self.explanation = named(QLabel(), "lockExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # who is signed in, whose password unlocks
        self.who = named(QLabel(), "lockWho")
        self.who.setWordWrap(True)
        self.who.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.password = named(QLineEdit(), "lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.unlock)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setBuddy(self.password)
        self.message = named(QLabel(), "lockMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("error", True)
        self.message.setMinimumHeight(36)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.unlock_button = named(QPushButton(), "unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.other_button = named(QPushButton(), "otherUserButton")
        self.other_button.clicked.connect(self.signOutRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        panel = named(QFrame(), "lockPanel")
        panel.setMaximumWidth(540)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(36, 28, 36, 24)
        inner.setSpacing(10)
        for widget in (logo, self.heading, self.explanation, self.who):
            inner.addWidget(widget)
        inner.addSpacing(12)
        for field in (self.prompt, self.password, self.message):
            inner.addWidget(field)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setFocusProxy(self.password)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Results Desk is locked"))
        if self._idle_minutes is None:
            self.explanation.setText(self.tr("Locked by the staff member signed in."))
        else:
            self.explanation.setText(
                self.tr("Locked after {minutes} minutes without use.").format(
                    minutes=self._idle_minutes
                )
            )
        self.who.setText(
            self.tr("{name} ({role})").format(
                name=self._identity.display_name, role=role_name(self._identity.role)
            )
        )
        self.prompt.setText(
            self.tr("&Password of {name}, to continue:").format(name=self._identity.display_name)
        )
        self.unlock_button.setText(self.tr("&Unlock the desk"))
        self.other_button.setText(self.tr("Sign in as &someone else"))
        self.message.setText(self._message() if self._message is not None else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def unlock(self) -> None:
        password = self.password.text()
        if not password:
            self._say(lambda: self.tr("Enter your password."))
            self.password.setFocus()
            return
        staff, identity = self._staff, self._identity
        self._request.submit(lambda: staff.unlock_screen(identity, password))

    def cancel(self) -> None:
        """Drop a check still running (the desk is being signed out)."""
        self._request.cancel()

    def _busy(self, busy: bool) -> None:
        for widget in (self.password, self.unlock_button, self.other_button):
            widget.setEnabled(not busy)
        if busy:
            self._say(lambda: self.tr("Checking…"))
        else:
            self.password.setFocus()

    def _unlocked(self, identity: StaffIdentity) -> None:
        self.password.clear()
        self._say(None)
        self.unlocked.emit(identity)

    def _refused(self, error: BaseException) -> None:
        self.password.clear()
        self._say(lambda: error_text(error))
        self.password.setFocus()

    def _say(self, text: Callable[[], str] | None) -> None:
        self._message = text
        self.message.setText(text() if text is not None else "")
