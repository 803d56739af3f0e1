"""A supervisor's small editor for one answer: both languages side by side, with a reason.

The texts are edited as stored, placeholders and all (the list of
placeholders is shown below them). Saving runs on a worker; the services
check the role, the placeholders and that nobody saved the answer since it
was opened, and audit the old and the new text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.services.knowledge.answers import (
    MAX_TEXT,
    MAX_TITLE,
    Answer,
    AnswerTexts,
    KnowledgeService,
)
from desk_app.ui.actions.reason_dialog import MAX_REASON
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named
from desk_app.ui.connection.away import hold_while_away
from desk_app.ui.connection.outcomes import resolved_text, run_as_request, unknown_text
from desk_app.ui.knowledge.labels import placeholder_list


class AnswerEditorDialog(RetranslatedDialog):
    # the answer as saved (the services' Answer)
    saved = Signal(object)

    def __init__(
        self,
        service: KnowledgeService,
        staff: StaffIdentity,
        answer: Answer,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("answerEditorDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(880, 600)
        self._service = service
        self._staff = staff
        self._answer = answer
        self._language = language
        self._busy = False
        self.heading = named(QLabel(), "dialogHeading")
        self.english_label = QLabel("English")  # each language named in itself
        self.chinese_label = QLabel("中文")
        self.title_en = QLineEdit(answer.title_en)
        self.title_zh = QLineEdit(answer.title_zh)
        self.body_en = QPlainTextEdit(answer.body_en)
        self.body_zh = QPlainTextEdit(answer.body_zh)
        for title in (self.title_en, self.title_zh):
            title.setMaxLength(MAX_TITLE)
        for body in (self.body_en, self.body_zh):
            body.setTabChangesFocus(True)
        self.title_label = QLabel()
        self.text_label = QLabel()
        grid = QGridLayout()
        grid.addWidget(self.english_label, 0, 1)
        grid.addWidget(self.chinese_label, 0, 2)
        grid.addWidget(self.title_label, 1, 0)
        grid.addWidget(self.title_en, 1, 1)
        grid.addWidget(self.title_zh, 1, 2)
        grid.addWidget(self.text_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.body_en, 2, 1)
        grid.addWidget(self.body_zh, 2, 2)
        grid.setRowStretch(2, 1)
        self.placeholders_label = QLabel()
        self.placeholders = named(QPlainTextEdit(), "answerPlaceholders")
        self.placeholders.setReadOnly(True)
        self.placeholders.setMaximumHeight(110)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.form = QFormLayout()
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.form.addRow(self.reason_label, self.reason)
        self.message = named(QLabel(), "dialogMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid, 1)
        layout.addWidget(self.placeholders_label)
        layout.addWidget(self.placeholders)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for line in (self.title_en, self.title_zh, self.reason):
            line.textChanged.connect(self._update)
        for body in (self.body_en, self.body_zh):
            body.textChanged.connect(self._update)
        self.retranslate()
        self._update()
        hold_while_away(self, self.save_button, refresh=self._update)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit an answer"))
        self.heading.setText(self.tr("Edit the answer “{title}”").format(title=self._title_shown()))
        self.title_label.setText(self.tr("Title:"))
        self.text_label.setText(self.tr("Text:"))
        self.placeholders_label.setText(
            self.tr("Placeholders, filled in for the candidate on screen:")
        )
        self.placeholders.setPlainText(placeholder_list(self._language()))
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("Why? e.g. the hotline's opening hours changed"))
        self.save_button.setText(self.tr("Save"))
        self._update()

    def _title_shown(self) -> str:
        return self._answer.title_zh if self._language() == "zh_HK" else self._answer.title_en

    def texts(self) -> AnswerTexts:
        return AnswerTexts(
            self.title_en.text(),
            self.title_zh.text(),
            self.body_en.toPlainText(),
            self.body_zh.toPlainText(),
        )

    def ready(self) -> bool:
        texts = self.texts()
        filled = all(part.strip() for part in vars(texts).values())
        short = all(len(body) <= MAX_TEXT for body in (texts.body_en, texts.body_zh))
        return not self._busy and filled and short and bool(self.reason.text().strip())

    def _update(self) -> None:
        self.save_button.setEnabled(self.ready())
        texts = self.texts()
        if not self.reason.text().strip():
            why = self.tr("Give the reason for the change.")
        elif any(len(body) > MAX_TEXT for body in (texts.body_en, texts.body_zh)):
            why = self.tr("A text has at most {limit} characters.").format(limit=MAX_TEXT)
        elif not all(part.strip() for part in vars(texts).values()):
            why = self.tr("Both titles and both texts are needed.")
        else:
            why = ""
        self.save_button.setToolTip(why)

    def save(self) -> None:
        if not self.ready():
            return
        service, staff, key = self._service, self._staff, self._answer.key
        texts, version, reason = self.texts(), self._answer.version, self.reason.text()
        self._busy = True
        self._update()
        self._show(self.tr("Saving…"), error=False)
        run_as_request(
            lambda: service.save(staff, key, texts, version=version, reason=reason),
            self._done,
            self._failed,
            on_unknown=lambda: self._show(unknown_text(), error=True),  # stays busy
            on_resolved=self._resolved,
        )

    def _resolved(self, done: bool) -> None:
        self._busy = False
        self._update()  # done: saving again is refused as an older version, never twice
        self._show(resolved_text(done), error=not done)

    def _done(self, answer: object) -> None:
        self._busy = False
        self.saved.emit(answer)
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
