"""The dialog every staff action goes through: say why, then act.

The reason is required (the OK button stays off until it is given). A
supervisor acting without a current verification of the caller is asked
for an override reason as well, with a sentence saying what that means.
Pressing OK runs the action on a worker; the dialog stays open (and cannot
be closed) until the service answers: a refusal is shown in the dialog, a
success emits ``succeeded(result)`` and closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.common.errors import error_text
from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named
from desk_app.ui.common.workers import run_in_background

MAX_REASON = 500

# job(reason, override_reason or None) -> the service's answer
Job = Callable[[str, str | None], Any]
# a text in the current language, asked for again after a language switch
Text = Callable[[], str]


def _text(value: str | Text) -> Text:
    return value if callable(value) else (lambda: value)


class ReasonDialog(RetranslatedDialog):
    succeeded = Signal(object)

    def __init__(
        self,
        title: str | Text,
        intro: str | Text,
        action_text: str | Text,
        job: Job,
        *,
        override: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(480)
        self._title, self._intro, self._action_text = (
            _text(title),
            _text(intro),
            _text(action_text),
        )
        self._job = job
        self._busy = False
        # the refusal shown, said again in the new language after a switch
        self._error: BaseException | None = None
        # further fields that must be filled in (e.g. the new email) before OK, with their labels
        self._required: list[QLineEdit] = []
        self._field_labels: list[tuple[QLabel, Text]] = []
        self.heading = named(QLabel(), "dialogHeading")
        self.heading.setWordWrap(True)
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.form.addRow(self.reason_label, self.reason)
        self.override_note = named(QLabel(), "overrideNote")
        self.override_note.setWordWrap(True)
        self.override_reason = QLineEdit()
        self.override_reason.setMaxLength(MAX_REASON)
        self.override_label = QLabel()
        self.override_label.setBuddy(self.override_reason)
        self.override_note.setVisible(override)
        self.override_reason.setVisible(override)
        self.message = named(QLabel(), "dialogMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        if override:
            layout.addWidget(self.override_note)
            override_form = QFormLayout()
            override_form.addRow(self.override_label, self.override_reason)
            layout.addLayout(override_form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for field in (self.reason, self.override_reason):
            field.textChanged.connect(self._update)
        self._override = override
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        title = self._title()
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.intro.setText(self._intro())
        self.ok_button.setText(self._action_text())
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(
            self.tr("Why? e.g. caller verified on the phone, locked out")
        )
        self.override_note.setText(
            self.tr(
                "You have not verified this caller. As a supervisor you may act anyway: "
                "say why verification is not possible. This is recorded as an override."
            )
        )
        self.override_label.setText(self.tr("&Override reason:"))
        self.override_reason.setPlaceholderText(self.tr("Why act without verification?"))
        for label, text in self._field_labels:
            label.setText(text())
        if self._error is not None:
            self.show_message(error_text(self._error), error=True)

    def add_field(self, label: str | Text, field: QLineEdit, *, first: bool = True) -> None:
        """A further required line (shown before the reason when ``first``)."""
        self._required.append(field)
        field.textChanged.connect(self._update)
        shown = QLabel()
        shown.setBuddy(field)
        self._field_labels.append((shown, _text(label)))
        self.form.insertRow(0 if first else self.form.rowCount(), shown, field)
        self.retranslate()
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = next((f for f in self._required if not f.text()), self.reason)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def ready(self) -> bool:
        fields = [self.reason, *self._required]
        if self._override:
            fields.append(self.override_reason)
        return not self._busy and all(field.text().strip() for field in fields)

    def _update(self) -> None:
        self.ok_button.setEnabled(self.ready())

    def run(self) -> None:
        if not self.ready():
            return
        reason = self.reason.text().strip()
        override = self.override_reason.text().strip() if self._override else None
        job = self._job
        self._set_busy(True)
        self._error = None
        self.show_message(self.tr("Working…"), error=False)
        run_in_background(lambda: job(reason, override), self._done, self._failed)

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._error = error
        self.show_message(error_text(error), error=True)

    def show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for field in (self.reason, self.override_reason, *self._required):
            field.setReadOnly(busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        self._update()

    # while the service works, the dialog stays: its answer has somewhere to go
    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
