"""Call notes: what earlier calls were about, and a box to note this one.

Ctrl+Enter in the box (or the button) saves the note on a worker; the new
note appears at the top. The channel says how the candidate reached us.
After a desk action, the reason given is offered in the box (:meth:`offer`),
so one key saves it as the note of the call. A button that is off says why
(tooltip, status tip, and under the box when the note is too long).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.services.candidates.notes import CHANNELS, MAX_NOTE, NoteService, NoteView
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.formatting import show_moment
from desk_app.ui.common.widgets import named
from desk_app.ui.connection.outcomes import run_as_request


class NotesSection(QWidget):
    noteAdded = Signal(object)

    def __init__(
        self,
        notes: NoteService,
        staff: StaffIdentity,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        *,
        can_add: bool,
        channel: str = "phone",
    ) -> None:
        super().__init__()
        self._service = notes
        self._staff = staff
        self._now = now
        self._language = language
        self._timezone = timezone
        self._id_number: str | None = None
        self._notes: list[NoteView] = []
        self._saving = False
        self._can_add = can_add
        # the text offered after an action (replaced by the next offer unless edited)
        self._offered = ""
        self._too_long_shown = False
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.box = QPlainTextEdit()
        self.box.setObjectName("noteBox")
        self.box.setTabChangesFocus(True)
        self.box.setMaximumHeight(80)
        self.box.installEventFilter(self)
        self.box.textChanged.connect(self._update_button)
        self.channel = QComboBox()
        for code in CHANNELS:
            self.channel.addItem("", code)
        self.channel.setCurrentIndex(max(self.channel.findData(channel), 0))
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.save)
        self.status = named(QLabel(), "noteStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.channel)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.box)
        layout.addLayout(row)
        for widget in (self.box, self.channel, self.add_button):
            widget.setVisible(can_add)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("What was this call about? (Ctrl+Enter saves)"))
        self.box.setAccessibleName(self.tr("New call note"))
        self.add_button.setText(self.tr("Add note"))
        names = {
            "phone": self.tr("Phone"),
            "counter": self.tr("Counter"),
            "email": self.tr("Email"),
        }
        for index in range(self.channel.count()):
            self.channel.setItemText(index, names.get(str(self.channel.itemData(index)), ""))
        self._fill()
        self._update_button()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_notes(self, id_number: str | None, notes: tuple[NoteView, ...]) -> None:
        if id_number != self._id_number:
            self._offered = ""
            self.box.clear()
            self.status.clear()
        self._id_number = id_number
        self._notes = list(notes)
        self._fill()
        self._update_button()

    def count(self) -> int:
        return len(self._notes)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _fill(self) -> None:
        self.list.clear()
        language = self._language()
        for note in self._notes:
            when = show_moment(note.created_at, language, self._timezone, self._now())
            channel = self.channel.itemText(max(self.channel.findData(note.channel), 0))
            item = QListWidgetItem(f"{when} · {note.staff} · {channel}\n{note.text}")
            self.list.addItem(item)
        if not self._notes:
            empty = QListWidgetItem(self.tr("No call notes yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)

    def offer(self, id_number: str, text: str) -> bool:
        """Put ``text`` in the box for this candidate, to save with one key; False if the
        box holds something the staff member wrote (it is never overwritten)."""
        if not self._can_add:
            return False
        typed = self.box.toPlainText().strip()
        if id_number != self._id_number or (typed and typed != self._offered):
            return False
        self._offered = text
        self.box.setPlainText(text)
        self.box.moveCursor(QTextCursor.MoveOperation.End)
        key = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        self.status.setText(
            self.tr("{key} saves this as the call note (edit it first if you like).").format(
                key=key
            )
        )
        return True

    def why_not(self) -> str:
        """Why the note cannot be saved now ("" when it can)."""
        text = self.box.toPlainText().strip()
        if self._id_number is None:
            return self.tr("Open a candidate first.")
        if self._saving:
            return self.tr("Saving…")
        if not text:
            return self.tr("Write the note first.")
        if len(text) > MAX_NOTE:
            return self.tr("The note is over {limit} characters ({count}): shorten it.").format(
                limit=f"{MAX_NOTE:,}", count=f"{len(text):,}"
            )
        return ""

    def _update_button(self) -> None:
        why = self.why_not()
        self.add_button.setEnabled(not why)
        hint = why or self.tr("Save the note (Ctrl+Enter).")
        self.add_button.setToolTip(hint)
        self.add_button.setStatusTip(hint)
        too_long = len(self.box.toPlainText().strip()) > MAX_NOTE
        if too_long or self._too_long_shown:
            self.status.setText(why if too_long else "")
        self._too_long_shown = too_long

    def save(self) -> None:
        text = self.box.toPlainText().strip()
        if not self.add_button.isEnabled() or self._id_number is None:
            return
        service, staff, id_number = self._service, self._staff, self._id_number
        channel = str(self.channel.currentData())
        self._saving = True
        self._update_button()
        self.status.setText(self.tr("Saving…"))
        # a request id in its audit entry: was it saved, if the connection dies?
        run_as_request(
            lambda: service.add(staff, id_number, text, channel=channel),
            lambda note: self._saved(id_number, note),
            self._failed,
            on_unknown=self._unknown,
            on_resolved=self._resolved,
        )

    def _unknown(self) -> None:
        """The connection died before the answer: keep the button off until it is known."""
        self.status.setText(
            self.tr("The connection was lost while saving; the desk will say whether it was saved.")
        )

    def _resolved(self, saved: bool) -> None:
        self._saving = False
        if saved:
            self.box.clear()
            self.status.setText(self.tr("Note saved (before the connection was lost)."))
        else:
            self.status.setText(self.tr("The note was not saved; save it again."))
        self._update_button()

    def _saved(self, id_number: str, note: NoteView) -> None:
        self._saving = False
        if id_number == self._id_number:
            self._notes.insert(0, note)
            self._offered = ""
            self.box.clear()
            self._fill()
            self.status.setText(self.tr("Note saved."))
        self._update_button()
        self.noteAdded.emit(note)

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.status.setText(error_text(error))
        self._update_button()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
                return True
        return super().eventFilter(watched, event)
