"""The dialog every staff action goes through: say why, then act.

The reason is required (the OK button stays off until it is given, and
says why). The action's common reasons are listed with a number: one key
(1–9) chooses one, and Enter acts; any other text typed is a reason of its
own. A supervisor acting without a current verification of the caller is
asked for an override reason as well, with a sentence saying what that
means. Pressing OK (or Enter) runs the action on a worker; the dialog stays
open (and cannot be closed) until the service answers: a refusal is shown
in the dialog, a success emits ``succeeded(result)`` and closes it. Esc
cancels. Every text, the listed reasons included, is said again on a live
language switch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.actions.preset_list import PresetList
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named
from desk_app.ui.connection.away import hold_while_away
from desk_app.ui.connection.outcomes import run_as_request

MAX_REASON = 500
# a label's mnemonic: "&New email:" or, translated, "新電郵(&N)："
_MNEMONIC = re.compile(r"\(&\w\)|&")

# job(reason, override_reason or None) -> the service's answer
Job = Callable[[str, str | None], Any]
# a text in the current language, asked for again after a language switch
Text = Callable[[], str]
# the listed reasons in the current language
Presets = Callable[[], Sequence[str]]


def _text(value: str | Text) -> Text:
    return value if callable(value) else (lambda: value)


class ReasonDialog(RetranslatedDialog):
    succeeded = Signal(object)
    # the service refused (the error, shown in the dialog)
    refused = Signal(object)

    def __init__(
        self,
        title: str | Text,
        intro: str | Text,
        action_text: str | Text,
        job: Job,
        *,
        override: bool = False,
        presets: Sequence[str] | Presets = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._title, self._intro, self._action_text = (
            _text(title),
            _text(intro),
            _text(action_text),
        )
        self._preset_texts: Presets = presets if callable(presets) else (lambda: presets)
        listed = self._preset_texts()
        self.setMinimumWidth(620 if listed else 480)
        self._job = job
        self._busy = False
        # None, or the action's connection died: "unknown", then "done" (None: not done)
        self._outcome: str | None = None
        # the refusal shown, said again in the new language after a switch
        self._error: BaseException | None = None
        # further fields that must be filled in (e.g. the new email) before OK, with their labels
        self._required: list[tuple[QLineEdit, Text]] = []
        self._field_labels: list[tuple[QLabel, Text]] = []
        self.heading = named(QLabel(), "dialogHeading")
        self.heading.setWordWrap(True)
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.presets = PresetList(listed, self)
        self.presets.setVisible(bool(listed))
        self.presets_label = QLabel()
        self.presets_label.setBuddy(self.presets)
        self.reason = named(QLineEdit(), "reasonText")
        self.reason.setMaxLength(MAX_REASON)
        self.presets.chosen.connect(self.reason.setText)
        self.presets.typed.connect(self._type_reason)
        if listed:
            self.form.addRow(self.presets_label, self.presets)
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
        # why the main button is off, under the fields (the status line of the dialog)
        self.hint = named(QLabel(), "dialogHint")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # our own button, not the standard OK: a language switch resets those to Qt's words
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
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
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.ok_button.setDefault(True)  # now that it is in the dialog: Enter acts
        for field in (self.reason, self.override_reason):
            field.textChanged.connect(self._update)
        self._override = override
        self.retranslate()
        hold_while_away(self, self.ok_button, refresh=self._update)

    def retranslate(self) -> None:
        title = self._title()
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.intro.setText(self._intro())
        self.ok_button.setText(self._action_text())
        count = self.presets.count()
        if count:
            self.presets.retext(self._preset_texts())
            self.presets_label.setText(self.tr("Reasons &listed (1–{count}):").format(count=count))
            self.reason.setPlaceholderText(self.tr("Or type a reason of your own"))
        else:
            self.reason.setPlaceholderText(
                self.tr("Why? e.g. caller verified on the phone, locked out")
            )
        self.reason_label.setText(self.tr("&Reason:"))
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
        self._update()

    def add_field(self, label: str | Text, field: QLineEdit, *, first: bool = True) -> None:
        """A further required line (shown before the reasons when ``first``)."""
        said = _text(label)
        self._required.append((field, said))
        field.textChanged.connect(self._update)
        shown = QLabel()
        shown.setBuddy(field)
        self._field_labels.append((shown, said))
        self.form.insertRow(0 if first else self.form.rowCount(), shown, field)
        # Tab from it goes on to the reasons, as the form reads
        QWidget.setTabOrder(field, self.presets if self.presets.count() else self.reason)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        empty = [field for field, _label in self._required if not field.text()]
        first: QWidget = empty[0] if empty else self.reason
        if not empty and self.presets.count():
            first = self.presets
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _type_reason(self, event: QKeyEvent) -> None:
        """A character typed on the list: the start (or more) of a reason of one's own."""
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        QCoreApplication.sendEvent(self.reason, event)

    def why_not(self) -> str:
        """Why the main button is off ("" when it is on)."""
        if self._busy:
            return self.tr("Working…")
        # never again while the outcome is unknown, nor once it was found done
        if self._outcome == "unknown":
            return self.tr("Waiting for the database to say whether it was done.")
        if self._outcome == "done":
            return self.tr("Done already.")
        for field, label in self._required:
            if not field.text().strip():
                shown = _MNEMONIC.sub("", label()).rstrip(":：")
                return self.tr("Fill in “{label}” first.").format(label=shown)
        if not self.reason.text().strip():
            if self.presets.count():
                return self.tr("Choose a reason (1–{count}) or type one.").format(
                    count=self.presets.count()
                )
            return self.tr("Give a reason.")
        if self._override and not self.override_reason.text().strip():
            return self.tr("Say why you act without verifying the caller.")
        return ""

    def ready(self) -> bool:
        return not self.why_not()

    def _update(self) -> None:
        why = self.why_not()
        self.ok_button.setEnabled(not why)
        self.ok_button.setToolTip(why)
        self.hint.setText(why)
        self.hint.setVisible(bool(why) and not self._busy)

    def run(self) -> None:
        if not self.ready():
            return
        reason = self.reason.text().strip()
        override = self.override_reason.text().strip() if self._override else None
        job = self._job
        self._set_busy(True)
        self._error = None
        self.show_message(self.tr("Working…"), error=False)
        # a request id in its audit entry: was it done, if the connection dies?
        run_as_request(
            lambda: job(reason, override), self._done, self._failed,
            on_unknown=self._unknown, on_resolved=self._resolved,
        )  # fmt: skip

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._error = error
        self.show_message(error_text(error), error=True)
        self.refused.emit(error)

    def show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for field in (self.reason, self.override_reason, *(f for f, _l in self._required)):
            field.setReadOnly(busy)
        self.presets.setEnabled(not busy)
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

    # -- the connection died before the answer came -------------------------------------
    def _unknown(self) -> None:
        self._outcome = "unknown"
        self._set_busy(False)  # it may be closed now; the status bar will say the outcome
        self.show_message(
            self.tr(
                "The connection to the database was lost before it answered. "
                "Once it answers again, the desk will say whether this was done."
            ),
            error=True,
        )

    def _resolved(self, done: bool) -> None:
        if done:
            self._outcome = "done"
            self.show_message(
                self.tr("Done: the database recorded it before the connection was lost."),
                error=False,
            )
        else:
            self._outcome = None
            self.show_message(
                self.tr(
                    "Not done: the connection was lost before the database recorded it; "
                    "nothing was changed. You may try again."
                ),
                error=True,
            )
        self._update()
