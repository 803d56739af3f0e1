"""The answers pane beside the candidate: the seeds' FAQ, ready to read out, copy or email.

It follows the candidate on screen: the answers that fit come first, each
saying why (locked: the time left and what to do; not registered: the
steps and the password rule; …), filled in for this candidate (which
answers fit, and the values, come from the services: ``situation.py``).
The search box finds answers by a word in English or Chinese. An answer
is shown in the language chosen for reading out, the candidate's at first;
Copy puts it on the clipboard, Email sends it (both languages) to the
candidate through the outbox after the operator confirms; supervisors edit
the texts. Time left is brought up to date every few seconds.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.services.candidates.detail import CandidateDetail, EntryDetail
from desk_app.services.knowledge.answers import Answer, FilledAnswer, KnowledgeService, fill_answer
from desk_app.services.knowledge.answers import listing as answer_listing
from desk_app.services.knowledge.situation import Situation
from desk_app.ui.candidate.loader import CandidateSnapshot
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.widgets import named
from desk_app.ui.common.workers import LatestOnly, run_in_background
from desk_app.ui.knowledge.editor_dialog import AnswerEditorDialog
from desk_app.ui.knowledge.email_dialog import AnswerEmailDialog
from desk_app.ui.knowledge.labels import ZH, filled_in, title_in, why_text

SEARCH_DEBOUNCE_MS = 200
REFRESH_MS = 15_000
KEY_ROLE = Qt.ItemDataRole.UserRole


class KnowledgePane(QFrame):
    # a sentence for the status bar
    message = Signal(str)
    # the answers were (re)loaded from the services
    answersLoaded = Signal()

    def __init__(
        self,
        service: KnowledgeService,
        staff: StaffIdentity,
        language: Callable[[], str],
        *,
        can_email: bool,
        can_edit: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgePane")
        self._service = service
        self._staff = staff
        self._language = language
        self._can_email = can_email
        self._can_edit = can_edit
        self._answers: tuple[Answer, ...] = ()
        self._matches: set[str] | None = None
        self._detail: CandidateDetail | None = None
        self._entry_id: int | None = None
        self._situation: Situation = service.situation(None)
        self._reading = language()
        self._error: BaseException | None = None
        # what the list and the view show now: a refill that changes nothing redraws nothing
        # (each candidate loaded refills them; a QTextEdit's setHtml is milliseconds)
        self._listed: tuple[tuple[str, str, bool], ...] = ()
        self._shown_html: str | None = None
        self._searches = LatestOnly(self)
        self._searches.finished.connect(self._found)
        self._searches.failed.connect(self._failed)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self._build()
        self.retranslate()
        self.reload()

    # -- layout -------------------------------------------------------------
    def _build(self) -> None:
        self.heading = named(QLabel(), "knowledgeHeading")
        self.search_box = named(QLineEdit(), "knowledgeSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        self.context = named(QLabel(), "knowledgeContext")
        self.context.setWordWrap(True)
        self.list = named(QListWidget(), "knowledgeList")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda _item, _previous: self._show_current())
        self.view = named(QTextBrowser(), "knowledgeAnswer")
        self.view.setOpenExternalLinks(False)
        self.reading_label = QLabel()
        self.english_button = QPushButton("English")  # each language named in itself
        self.chinese_button = QPushButton("中文")
        self._reading_group = QButtonGroup(self)
        for code, button in (("en", self.english_button), (ZH, self.chinese_button)):
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, c=code: self.read_in(c))
            self._reading_group.addButton(button)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.email_button = QPushButton()
        self.email_button.clicked.connect(self.open_email)
        self.email_button.setVisible(self._can_email)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.open_editor)
        self.edit_button.setVisible(self._can_edit)
        reading = QHBoxLayout()
        reading.addWidget(self.reading_label)
        reading.addWidget(self.english_button)
        reading.addWidget(self.chinese_button)
        reading.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.email_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.search_box)
        layout.addWidget(self.context)
        layout.addWidget(self.list, 2)
        layout.addLayout(reading)
        layout.addWidget(self.view, 3)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Answers"))
        self.search_box.setPlaceholderText(self.tr("Search the answers: English or 中文"))
        self.search_box.setAccessibleName(self.tr("Search the answers"))
        self.reading_label.setText(self.tr("Read in:"))
        self.copy_button.setText(self.tr("&Copy"))
        self.email_button.setText(self.tr("E&mail to candidate…"))
        self.edit_button.setText(self.tr("Edi&t…"))
        self._fill_list()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what the pane follows -------------------------------------------------
    def set_snapshot(self, snapshot: CandidateSnapshot | None) -> None:
        """The candidate on screen (None: no one); its own answers come first."""
        detail = snapshot.detail if snapshot is not None else None
        same = (
            detail is not None
            and self._detail is not None
            and detail.candidate_id == self._detail.candidate_id
        )
        self._detail = detail
        if not same:
            # the exam selected in the new candidate's results may have been chosen already
            entries = {e.entry_id for e in detail.entries} if detail is not None else set()
            if self._entry_id not in entries:
                self._entry_id = None
            self._reading = detail.language if detail is not None else self._language()
        if detail is not None:
            self._refresh.start()
        else:
            self._refresh.stop()
        self._recompute(select_first=not same)

    def set_entry(self, entry: EntryDetail | None) -> None:
        """The exam selected in the candidate's results."""
        entry_id = entry.entry_id if entry is not None else None
        if entry_id != self._entry_id:
            self._entry_id = entry_id
            self._recompute(select_first=True)

    def refresh(self) -> None:
        """Fill the answer shown in again for now (the time left of a lock moves on).

        The list stays as it is (no jump under the operator's cursor): what fits
        changes only with the candidate, which the candidate pane loads again
        when a lock runs out or a result comes out.
        """
        self._situation = self._service.situation(self._detail, self._entry_id)
        self._show_current()

    def reload(self) -> None:
        """Read the answers again (at start and after an edit)."""
        service, staff = self._service, self._staff
        run_in_background(lambda: service.answers(staff), self._loaded, self._failed)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def read_in(self, language: str) -> None:
        self._reading = language
        self._show_current()

    # -- what is shown -------------------------------------------------------------
    @property
    def situation(self) -> Situation:
        return self._situation

    @property
    def reading(self) -> str:
        return self._reading

    def current_key(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else None

    def listed_keys(self) -> list[str]:
        return [str(self.list.item(row).data(KEY_ROLE)) for row in range(self.list.count())]

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KEY_ROLE) == key:
                self.list.setCurrentRow(row)
                return

    def current_answer(self) -> Answer | None:
        key = self.current_key()
        return next((a for a in self._answers if a.key == key), None)

    def filled(self) -> FilledAnswer | None:
        answer = self.current_answer()
        return fill_answer(answer, self._situation.values) if answer is not None else None

    def shown_text(self) -> str:
        """The answer as read out: its title, then its text, in the reading language."""
        filled = self.filled()
        if filled is None:
            return ""
        title, text = filled_in(filled, self._reading)
        return f"{title}\n\n{text}"

    def copy(self) -> None:
        text = self.shown_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit(self.tr("The answer is on the clipboard."))

    def open_email(self) -> AnswerEmailDialog | None:
        filled, detail = self.filled(), self._detail
        if filled is None or detail is None or not self._can_email:
            return None
        dialog = AnswerEmailDialog(self._service, self._staff, detail, filled, self._entry_id, self)
        dialog.sent.connect(
            lambda sent: self.message.emit(
                self.tr("Answer emailed to {address}.").format(address=sent.to_address)
            )
        )
        dialog.open()
        return dialog

    def open_editor(self) -> AnswerEditorDialog | None:
        answer = self.current_answer()
        if answer is None or not self._can_edit:
            return None
        dialog = AnswerEditorDialog(self._service, self._staff, answer, self._language, self)
        dialog.saved.connect(lambda _answer: self.reload())
        dialog.open()
        return dialog

    # -- inside ----------------------------------------------------------------------
    def _recompute(self, *, select_first: bool = False) -> None:
        self._situation = self._service.situation(self._detail, self._entry_id)
        self._fill_list(select_first=select_first)

    def _loaded(self, answers: tuple[Answer, ...]) -> None:
        self._error = None
        self._answers = answers
        self._fill_list(select_first=self.current_key() is None)
        self.answersLoaded.emit()

    def _search_now(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            self._searches.cancel()
            self._matches = None
            self._fill_list(select_first=True)
            return
        service, staff = self._service, self._staff
        self._searches.submit(lambda: service.search(staff, text))

    def _found(self, answers: tuple[Answer, ...]) -> None:
        self._error = None
        self._matches = {a.key for a in answers}
        self._fill_list(select_first=True)

    def _failed(self, error: BaseException) -> None:
        self._error = error
        self._show_context()

    def _fill_list(self, *, select_first: bool = False) -> None:
        kept = None if select_first else self.current_key()
        language = self._language()
        rows = tuple(
            (title_in(answer, language) + ("" if why is None else f"\n  ↳ {why_text(why)}"),
             answer.key, why is not None)
            for answer, why in answer_listing(self._answers, self._situation, self._matches)
        )  # fmt: skip
        if rows != self._listed or self.list.count() != len(rows):
            self._listed = rows
            self.list.blockSignals(True)
            self.list.clear()
            for text, key, bold in rows:
                item = QListWidgetItem(text)
                item.setData(KEY_ROLE, key)
                if bold:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.list.addItem(item)
            self.list.blockSignals(False)
        elif kept is None and self.list.count():
            self.list.blockSignals(True)
            self.list.setCurrentRow(0)
            self.list.blockSignals(False)
        if kept is not None:
            self.select(kept)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_context()
        self._show_current()

    def _show_context(self) -> None:
        detail = self._detail
        if self._error is not None:
            text = error_text(self._error)
        elif self._matches is not None and not self._matches:
            text = self.tr("No answer has these words.")
        elif detail is None:
            text = self.tr("No candidate on screen: every answer, in the desk's order.")
        elif self._situation.suggestions:
            text = self.tr("For {name}: the answers in bold fit now.").format(name=detail.name_en)
        else:
            text = self.tr("For {name}.").format(name=detail.name_en)
        self.context.setText(text)
        self.context.setProperty("error", self._error is not None)
        self.context.style().polish(self.context)

    def _show_current(self) -> None:
        filled = self.filled()
        self.english_button.setChecked(self._reading != ZH)
        self.chinese_button.setChecked(self._reading == ZH)
        shown = None
        if filled is not None:
            title, text = filled_in(filled, self._reading)
            body = html.escape(text).replace("\n", "<br>")
            shown = f"<h3>{html.escape(title)}</h3><p>{body}</p>"
        if shown != self._shown_html:
            self._shown_html = shown
            if shown is None:
                self.view.clear()
            else:
                self.view.setHtml(shown)
        self._update_buttons(filled is not None)

    def _update_buttons(self, selected: bool) -> None:
        self.copy_button.setEnabled(selected)
        self.edit_button.setEnabled(selected)
        detail = self._detail
        has_address = detail is not None and bool(detail.email or detail.account.email)
        self.email_button.setEnabled(selected and has_address)
        if detail is None:
            why = self.tr("Open a candidate first: the answer goes to their email address.")
        elif not has_address:
            why = self.tr("This candidate has no email address on file or registered.")
        else:
            why = self.tr("Send this answer, in both languages, to the candidate's email address.")
        self.email_button.setToolTip(why)
