"""Emailing one answer to the candidate, after the operator has seen where it goes.

The address is the candidate's own, never one the caller gives on the
phone: the registered one (the results account) or the one on file from
the exam board. The email holds the candidate's language first and the
other below it, like the office's other emails; it goes through the
outbox, and the services audit it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.services.candidates.detail import CandidateDetail
from desk_app.services.knowledge.answers import AddressKind, FilledAnswer, KnowledgeService
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named
from desk_app.ui.connection.away import hold_while_away
from desk_app.ui.connection.outcomes import resolved_text, run_as_request, unknown_text
from desk_app.ui.knowledge.labels import ZH, filled_in


def addresses(detail: CandidateDetail) -> list[tuple[AddressKind, str]]:
    """(kind, address) the answer may go to: the registered address first."""
    found: list[tuple[AddressKind, str]] = []
    registered = detail.account.email if detail.account.registered else None
    if registered:
        found.append(("registered", registered))
    if detail.email and (registered is None or detail.email.casefold() != registered.casefold()):
        found.append(("on_file", detail.email))
    return found


class AnswerEmailDialog(RetranslatedDialog):
    # the services' AnswerEmailed
    sent = Signal(object)

    def __init__(
        self,
        service: KnowledgeService,
        staff: StaffIdentity,
        detail: CandidateDetail,
        filled: FilledAnswer,
        entry_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("answerEmailDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(520, 420)
        self._service = service
        self._staff = staff
        self._detail = detail
        self._filled = filled
        self._entry_id = entry_id
        self._busy = False
        self.heading = named(QLabel(), "dialogHeading")
        self.heading.setWordWrap(True)
        self.address = QComboBox()
        self._addresses = addresses(detail)
        for _kind, address in self._addresses:
            self.address.addItem(address)
        self.form = QFormLayout()
        self.to_label = QLabel()
        self.to_label.setBuddy(self.address)
        self.form.addRow(self.to_label, self.address)
        self.note = named(QLabel(), "dialogIntro")
        self.note.setWordWrap(True)
        self.preview = named(QTextBrowser(), "answerEmailPreview")
        self.message = named(QLabel(), "dialogMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._sent = False  # a send whose connection was lost turned out done
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        first, second = (ZH, "en") if detail.language == ZH else ("en", ZH)
        parts = []
        for language in (first, second):
            title, text = filled_in(filled, language)
            body = html.escape(text).replace("\n", "<br>")
            parts.append(f"<h4>{html.escape(title)}</h4><p>{body}</p>")
        self.preview.setHtml("<hr>".join(parts))
        self.retranslate()
        self._update()
        hold_while_away(self, self.send_button, refresh=self._update)

    def _update(self) -> None:
        """Send is on with an address, unless sending or sent already."""
        self.send_button.setEnabled(bool(self._addresses) and not self._busy and not self._sent)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Email an answer"))
        title = filled_in(self._filled, ZH if self._detail.language == ZH else "en")[0]
        self.heading.setText(
            self.tr("Email “{title}” to {name}").format(title=title, name=self._detail.name_en)
        )
        self.to_label.setText(self.tr("&To:"))
        kinds = {
            "registered": self.tr("{address} (registered)"),
            "on_file": self.tr("{address} (on file)"),
        }
        for row, (kind, address) in enumerate(self._addresses):
            self.address.setItemText(row, kinds[kind].format(address=address))
        language = self.tr("Chinese") if self._detail.language == ZH else self.tr("English")
        self.note.setText(
            self.tr(
                "The email is in {language} first, then in the other language, like the "
                "office's other emails. It goes out through the outbox and is audited."
            ).format(language=language)
        )
        self.send_button.setText(self.tr("Send"))

    def send(self) -> None:
        if self._busy or not self._addresses:
            return
        kind = self._addresses[self.address.currentIndex()][0]
        service, staff, id_number = self._service, self._staff, self._detail.id_number
        key, entry_id = self._filled.key, self._entry_id
        self._busy = True
        self._update()
        self._show(self.tr("Sending…"), error=False)
        run_as_request(
            lambda: service.email(staff, id_number, key, to=kind, entry_id=entry_id),
            self._done,
            self._failed,
            on_unknown=lambda: self._show(unknown_text(), error=True),  # stays busy
            on_resolved=self._resolved,
        )

    def _resolved(self, done: bool) -> None:
        self._busy = False
        self._sent = done  # queued already: never a second email
        self._update()
        self._show(resolved_text(done), error=not done)

    def _done(self, emailed: object) -> None:
        self._busy = False
        self.sent.emit(emailed)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._update()
        self._show(error_text(error), error=True)

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().polish(self.message)
        self.message.setVisible(True)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
