"""Verifying the caller before acting: what they say, checked by the service.

The operator types the name as the caller says it (English or 中文), the
date of birth, and one identifier (ID Number, email or phone). The ID Number
of the candidate on screen is filled in (the caller still says the name and
the date of birth, which the desk does not show until they pass), and the
cursor starts in the name: name, Tab, date, Enter. The answer is PASS or
FAIL only: the dialog never says which detail was wrong. A date the desk
cannot read is said at once, naming the forms it reads, with the cursor
back in the date. A pass closes the dialog (the pane then shows until when
it counts); a failure stays on screen so the operator can ask again, and
says when the candidate is flagged for repeated failures. Counter staff
record the identity document they saw instead (:class:`DocumentSeenDialog`).
Every text is said again on a live language switch.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actions.verification import VerificationResult
from desk_app.services.errors import BadInput
from desk_app.services.validation import parse_date
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named
from desk_app.ui.connection.away import hold_while_away
from desk_app.ui.connection.outcomes import run_as_request

IDENTIFIERS = ("id_number", "email", "phone")


class _AnswerDialog(RetranslatedDialog):
    """A small form whose OK runs one service call and shows its answer."""

    verified = Signal(object)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(460)
        self._busy = False
        #: a check whose connection died before it answered, not yet known recorded or not
        self._lost = False
        self.heading = named(QLabel(), "dialogHeading")
        self.heading.setWordWrap(True)
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.answer = named(QLabel(), "verificationAnswer")
        self.answer.setWordWrap(True)
        self.answer.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # our own button, not the standard OK: a language switch resets those to Qt's words
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        # what the answer line says, in the current language (again after a switch)
        self._answer_text: Callable[[], str] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.answer)
        layout.addWidget(self.buttons)
        # now that it is in the dialog: Enter in any field runs the check; Esc cancels
        self.ok_button.setDefault(True)
        hold_while_away(self, self.ok_button, refresh=self.update_button)

    def why_not(self) -> str:
        """Why the main button is off ("" when it is on)."""
        if self._lost:
            return self.tr("Waiting for the database to say whether the check was recorded.")
        return self.tr("Checking…") if self._busy else ""

    def ready(self) -> bool:
        return not self.why_not()

    def update_button(self) -> None:
        why = self.why_not()
        self.ok_button.setEnabled(not why)
        self.ok_button.setToolTip(why)

    def first_field(self) -> QWidget | None:
        """Where the cursor starts."""
        return None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = self.first_field()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        """Every text in the current language (subclasses add theirs)."""
        if self._answer_text is not None:
            self.answer.setText(self._answer_text())
        self.update_button()

    def submit(self, job: Callable[[], VerificationResult]) -> None:
        self._busy = True
        self.update_button()
        self.show_answer(lambda: self.tr("Checking…"), "none")
        # the check is recorded: was it, if the connection dies during COMMIT?
        run_as_request(
            job, self._answered, self._failed, on_unknown=self._unknown,
            on_resolved=self._resolved,
        )  # fmt: skip

    def _unknown(self) -> None:
        self._lost = True
        self._busy = False
        self.update_button()
        self.show_answer(
            lambda: self.tr(
                "The connection to the database was lost before it answered. Once it "
                "answers again, the desk will say whether this check was recorded."
            ),
            "fail",
        )

    def _resolved(self, done: bool) -> None:
        self._lost = False
        self.update_button()
        if done:
            self.show_answer(
                lambda: self.tr(
                    "Recorded before the connection was lost: the candidate's details now "
                    "show whether the caller passed."
                ),
                "none",
            )
        else:
            self.show_answer(
                lambda: self.tr(
                    "Not recorded: the connection was lost before the database answered; "
                    "nothing was changed. Check again."
                ),
                "fail",
            )

    def _answered(self, result: VerificationResult) -> None:
        self._busy = False
        self.update_button()
        self.verified.emit(result)
        if result.passed:
            self.accept()
            return

        def text() -> str:
            said = self.tr(
                "FAIL: the details do not match our records. Ask again, or end the call."
            )
            if result.flagged:
                said += "\n" + self.tr("Flagged: repeated failures on this candidate today.")
            return said

        self.show_answer(text, "fail")

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.update_button()
        self.show_answer(lambda: error_text(error), "fail")

    def show_answer(self, text: Callable[[], str], state: str) -> None:
        self._answer_text = text
        self.answer.setText(text())
        self.answer.setProperty("state", state)
        self.answer.style().unpolish(self.answer)
        self.answer.style().polish(self.answer)
        self.answer.setVisible(True)

    def run(self) -> None:
        raise NotImplementedError

    def reject(self) -> None:
        if not self._busy:
            super().reject()


class VerifyCallerDialog(_AnswerDialog):
    def __init__(
        self,
        check: Callable[..., VerificationResult],
        who: str,
        parent: QWidget | None = None,
        *,
        id_number: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verifyCallerDialog")
        self._check = check
        self._who = who
        self.name = named(QLineEdit(), "callerName")
        self.date_of_birth = named(QLineEdit(), "callerBirth")
        self.kind = QComboBox()
        for code in IDENTIFIERS:
            self.kind.addItem("", code)
        self.identifier = named(QLineEdit(id_number), "callerIdentifier")
        self.labels = [QLabel() for _ in range(4)]
        fields = (self.name, self.date_of_birth, self.kind, self.identifier)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        QWidget.setTabOrder(self.name, self.date_of_birth)
        QWidget.setTabOrder(self.date_of_birth, self.kind)
        QWidget.setTabOrder(self.kind, self.identifier)
        QWidget.setTabOrder(self.identifier, self.ok_button)
        for line in (self.name, self.date_of_birth, self.identifier):
            line.textChanged.connect(self.update_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify the caller"))
        self.heading.setText(self.tr("Verify the caller: {who}").format(who=self._who))
        self.intro.setText(
            self.tr(
                "Ask the caller for their name and date of birth, and check the identifier "
                "(the ID Number on screen is filled in; change it to an email or phone the "
                "caller gives). Type what they say."
            )
        )
        self.name.setPlaceholderText(self.tr("As said: English or 中文"))
        self.date_of_birth.setPlaceholderText(self.tr("DD/MM/YYYY or YYYY-MM-DD"))
        kinds = {
            "id_number": self.tr("ID Number"),
            "email": self.tr("Email"),
            "phone": self.tr("Phone"),
        }
        for row in range(self.kind.count()):
            self.kind.setItemText(row, kinds[str(self.kind.itemData(row))])
        labels = (
            self.tr("&Name:"),
            self.tr("&Date of birth:"),
            self.tr("&Which identifier:"),
            self.tr("&Identifier:"),
        )
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.ok_button.setText(self.tr("Check"))
        super().retranslate()

    def first_field(self) -> QWidget | None:
        return self.name

    def why_not(self) -> str:
        why = super().why_not()
        if why:
            return why
        if not self.name.text().strip():
            return self.tr("Type the name the caller says.")
        if not self.date_of_birth.text().strip():
            return self.tr("Type the date of birth the caller says.")
        if not self.identifier.text().strip():
            return self.tr("Give the caller's ID Number, email or phone.")
        return ""

    def run(self) -> None:
        if not self.ready():
            return
        try:
            born = parse_date(self.date_of_birth.text())
        except BadInput as error:
            # said at once, naming the forms the desk reads; the cursor back where it was wrong
            wrong = error
            self.show_answer(lambda: error_text(wrong), "fail")
            self.date_of_birth.setFocus(Qt.FocusReason.OtherFocusReason)
            self.date_of_birth.selectAll()
            return
        name = self.name.text().strip()
        given = {str(self.kind.currentData()): self.identifier.text().strip()}
        check = self._check
        self.submit(lambda: check(name=name, date_of_birth=born, **given))


class DocumentSeenDialog(_AnswerDialog):
    """Counter staff: the identity document the candidate showed."""

    def __init__(
        self,
        record: Callable[[str], VerificationResult],
        who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._who = who
        self.document = named(QComboBox(), "documentSeen")
        self.document.setEditable(True)
        self.document.addItems([""] * 5)
        self.document_label = QLabel()
        self.document_label.setBuddy(self.document)
        self.form.addRow(self.document_label, self.document)
        self.document.currentTextChanged.connect(lambda _text: self.update_button())
        edit = self.document.lineEdit()
        if edit is not None:  # Enter in the editable box records (it never reaches the dialog)
            edit.returnPressed.connect(self.run)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Identity document seen"))
        self.heading.setText(self.tr("Identity document seen: {who}").format(who=self._who))
        self.intro.setText(
            self.tr(
                "Check the name, date of birth and photo on the document against the "
                "candidate before you record it."
            )
        )
        documents = (
            self.tr("HKID card"),
            self.tr("Passport"),
            self.tr("Mainland Travel Permit for HK and Macao Residents"),
            self.tr("Macao ID card"),
            self.tr("Other identity document"),
        )
        typed = self.document.currentText() if self.document.currentIndex() < 0 else None
        for row, text in enumerate(documents):
            self.document.setItemText(row, text)
        if typed is not None:
            self.document.setEditText(typed)
        self.document_label.setText(self.tr("&Document:"))
        self.ok_button.setText(self.tr("Record"))
        super().retranslate()

    def first_field(self) -> QWidget | None:
        return self.document

    def why_not(self) -> str:
        why = super().why_not()
        if not why and not self.document.currentText().strip():
            return self.tr("Say which identity document you saw.")
        return why

    def run(self) -> None:
        if not self.ready():
            return
        document, record = self.document.currentText().strip(), self._record
        self.submit(lambda: record(document))
