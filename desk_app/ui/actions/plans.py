"""What each desk action's dialog says and does, and what follows a success.

:class:`ActionPlans` builds a :class:`Plan` for one action on one candidate:
the dialog's title, button and explanation, the service call (run later on
a worker, with the reason and any override reason, and the version of the
candidate the desk showed: another desk's change since refuses it) and what
to do with its answer: a status-bar sentence, the print preview of a letter or statement
(from memory), or the temporary password shown once; and the call note it
offers afterwards (``note``, with the reason given).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desk_app.services.actions.desk_actions import DeskActionService
from desk_app.services.actor import StaffIdentity
from desk_app.services.candidates.detail import EntryDetail
from desk_app.services.documents.statements import PrintedStatement, StatementService
from desk_app.ui.actions.reason_dialog import Job, Text
from desk_app.ui.actions.temp_password_dialog import TemporaryPasswordDialog
from desk_app.ui.candidate.loader import CandidateSnapshot
from desk_app.ui.common.print_preview import PdfPreviewDialog


@dataclass
class Plan:
    """What one action's dialog says, does, and what follows a success.

    The texts are asked for when shown and again after a language switch.
    """

    title: Text
    verb: Text
    intro: Text
    job: Job
    after: Callable[[Any], None]
    #: the call note offered after a success, from the reason given
    note: Callable[[str], str] = lambda reason: reason
    field: QLineEdit | None = None
    field_label: Text = str


def who(snapshot: CandidateSnapshot) -> str:
    detail = snapshot.detail
    return f"{detail.name_en} ({detail.id_number})"


class ActionPlans(QObject):
    # a sentence for the status bar
    message = Signal(str)

    def __init__(
        self,
        desk: DeskActionService,
        statements: StatementService,
        staff: StaffIdentity,
        window: QWidget,
        language: Callable[[], str] = lambda: "en",
    ) -> None:
        super().__init__(window)
        self._desk = desk
        self._statements = statements
        self._staff = staff
        self._window = window
        self._language = language

    def unlock(self, snapshot: CandidateSnapshot) -> Plan:
        desk, staff, id_number = self._desk, self._staff, snapshot.id_number
        seen = snapshot.detail.version  # refused if another desk changed it since

        def job(reason: str, override: str | None) -> object:
            return desk.unlock(
                staff, id_number, reason=reason, override_reason=override, seen_version=seen
            )

        return Plan(
            lambda: self.tr("Unlock early: {who}"),
            lambda: self.tr("Unlock"),
            lambda: self.tr("End the lock now. The candidate can log in (or register) at once."),
            job,
            lambda _result: self.message.emit(self.tr("Unlocked {id}.").format(id=id_number)),
            lambda reason: self.tr("Unlocked early: {reason}").format(reason=reason),
        )

    def send_reset(self, snapshot: CandidateSnapshot) -> Plan:
        desk, staff, id_number = self._desk, self._staff, snapshot.id_number
        seen = snapshot.detail.version  # refused if another desk changed it since

        def job(reason: str, override: str | None) -> object:
            return desk.send_reset(
                staff, id_number, reason=reason, override_reason=override, seen_version=seen
            )

        def after(sent: Any) -> None:
            text = self.tr("Reset email queued to {address}.")
            self.message.emit(text.format(address=sent.to_address))

        email = snapshot.detail.account.email or ""
        return Plan(
            lambda: self.tr("Send a password-reset email: {who}"),
            lambda: self.tr("Send"),
            lambda: self.tr(
                "A single-use link goes to {email}; older links stop working. "
                "It does not unlock the account."
            ).format(email=email),
            job,
            after,
            lambda reason: self.tr("Password-reset email sent: {reason}").format(reason=reason),
        )

    def temporary_password(self, snapshot: CandidateSnapshot) -> Plan:
        desk, staff, id_number = self._desk, self._staff, snapshot.id_number
        seen = snapshot.detail.version  # refused if another desk changed it since
        name = who(snapshot)

        def job(reason: str, override: str | None) -> object:
            return desk.temporary_password(
                staff, id_number, reason=reason, override_reason=override, seen_version=seen
            )

        return Plan(
            lambda: self.tr("Temporary password: {who}"),
            lambda: self.tr("Issue"),
            lambda: self.tr(
                "A one-time password replaces the current one and ends a lock. It is shown "
                "to you once, to hand over; the candidate must change it at the next login."
            ),
            job,
            lambda issued: self._show_password(issued.password, name),
            lambda reason: self.tr("Temporary password given: {reason}").format(reason=reason),
        )

    def change_email(self, snapshot: CandidateSnapshot) -> Plan:
        desk, staff, id_number = self._desk, self._staff, snapshot.id_number
        seen = snapshot.detail.version  # refused if another desk changed it since
        field = QLineEdit()
        field.setObjectName("newEmail")

        def job(reason: str, override: str | None) -> object:
            return desk.change_email(
                staff, id_number, field.text(), reason=reason, override_reason=override,
                seen_version=seen,
            )  # fmt: skip

        def after(changed: Any) -> None:
            text = self.tr("Registered email changed to {email}.")
            self.message.emit(text.format(email=changed.new_email))

        email = snapshot.detail.account.email or ""
        return Plan(
            lambda: self.tr("Change the registered email: {who}"),
            lambda: self.tr("Change"),
            lambda: self.tr(
                "The registered email is {email}. A notice goes to the old address and a "
                "confirmation to the new one; open reset links stop working."
            ).format(email=email),
            job,
            after,
            lambda reason: self.tr("Registered email changed: {reason}").format(reason=reason),
            field,
            lambda: self.tr("&New email:"),
        )

    def reissue_letter(self, snapshot: CandidateSnapshot) -> Plan:
        desk, staff, id_number = self._desk, self._staff, snapshot.id_number
        seen = snapshot.detail.version  # refused if another desk changed it since

        def job(reason: str, override: str | None) -> object:
            return desk.reissue_letter(
                staff, id_number, reason=reason, override_reason=override, pdf=True,
                seen_version=seen,
            )  # fmt: skip

        def after(letter: Any) -> None:
            self.message.emit(self.tr("Letter {serial} issued.").format(serial=letter.serial))
            self._preview(letter.pdf, f"letter-{id_number}-{letter.number}.pdf")

        registered = snapshot.detail.account.registered

        def intro() -> str:
            if registered:
                return self.tr(
                    "The account is registered: the new letter shows the ID Number and how "
                    "to reset the password, without a Secret Number."
                )
            return self.tr(
                "A new Secret Number is made and every older letter stops working at "
                "once. The number exists only in the letter you now print."
            )

        return Plan(
            lambda: self.tr("Reissue the letter: {who}"),
            lambda: self.tr("Reissue and preview"),
            intro,
            job,
            after,
            lambda reason: self.tr("Letter reissued: {reason}").format(reason=reason),
        )

    def print_statement(self, snapshot: CandidateSnapshot, entry: EntryDetail | None) -> Plan:
        statements, staff, id_number = self._statements, self._staff, snapshot.id_number
        entry_id = entry.entry_id if entry is not None else None

        def job(reason: str, override: str | None) -> object:
            return statements.print_statement(
                staff, id_number, reason=reason, entry_id=entry_id, override_reason=override
            )

        def intro() -> str:
            text = self.tr(
                "The Statement of Results of {exam}, marked REPRINT, numbered and audited."
            )
            return text.format(exam=self._exam_name(entry))

        return Plan(
            lambda: self.tr("Reprint the statement: {who}"),
            lambda: self.tr("Reprint and preview"),
            intro,
            job,
            self._statement,
            lambda reason: self.tr("Statement reprinted ({exam}): {reason}").format(
                exam=self._exam_name(entry), reason=reason
            ),
        )

    def _exam_name(self, entry: EntryDetail | None) -> str:
        """The exam and its session in the window's language (the Chinese names where kept)."""
        if entry is None:
            return self.tr("the newest exam")
        if self._language() == "zh_HK":
            return f"{entry.exam_zh or entry.exam}（{entry.session_zh or entry.session}）"
        return f"{entry.exam} — {entry.session}"

    def _show_password(self, password: str, who: str) -> None:
        dialog = TemporaryPasswordDialog(password, who, self._window)
        dialog.open()

    def _preview(self, pdf: bytes | None, name: str) -> None:
        if pdf is None:
            return
        preview = PdfPreviewDialog(pdf, name, self._window)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()

    def _statement(self, printed: PrintedStatement) -> None:
        self.message.emit(
            self.tr("Statement {serial} printed; verification code {code}.").format(
                serial=printed.serial, code=printed.verification_code
            )
        )
        self._preview(printed.pdf, f"statement-{printed.serial}.pdf")
