"""The right-hand side of the desk: the selected candidate's details.

For now it shows the fields of the search row; the full candidate view of a
later step replaces the body. A locked account shows a red badge with the
time the lock ends (office time) and a countdown to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QStackedLayout, QVBoxLayout, QWidget

from desk_app.ui.candidate_table_model import AccountState, account_state, account_text
from desk_app.ui.formatting import show_clock_time, show_countdown, show_date, show_duration
from desk_app.ui.labels import match_name, yes_no
from desk_app.ui.widgets import named

if TYPE_CHECKING:
    from desk_app.services.search import CandidateRow


def _value_label() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class CandidateDetails(QFrame):
    def __init__(
        self,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("candidateDetails")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._now = now
        self._language = language
        self._timezone = timezone
        self._row: CandidateRow | None = None
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._show_lock)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.placeholder = QLabel()
        self.placeholder.setObjectName("detailsPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        body = QWidget()
        self.name_en = named(QLabel(), "detailsName")
        self.name_en.setWordWrap(True)
        self.name_zh = named(QLabel(), "detailsNameZh")
        self.badge = named(QLabel(), "lockBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.countdown = named(QLabel(), "lockCountdown")
        self.values = {
            key: _value_label()
            for key in ("id_number", "date_of_birth", "centre", "email", "phone",
                        "account", "registered", "match")
        }  # fmt: skip
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.captions = {key: QLabel() for key in self.values}
        for key, value in self.values.items():
            self.captions[key].setObjectName("detailsCaption")
            self.form.addRow(self.captions[key], value)
        column = QVBoxLayout(body)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(6)
        column.addWidget(self.name_en)
        column.addWidget(self.name_zh)
        column.addSpacing(6)
        column.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.countdown)
        column.addSpacing(10)
        column.addLayout(self.form)
        column.addStretch(1)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(body)

    def retranslate(self) -> None:
        self.placeholder.setText(
            self.tr("Select a candidate in the list to see their details here.")
            + "\n\n"
            + self.tr("Ctrl+F: search · ↓: into the list · Enter: open · Esc: back to the search")
        )
        captions = {
            "id_number": self.tr("ID Number"),
            "date_of_birth": self.tr("Date of birth"),
            "centre": self.tr("Centre"),
            "email": self.tr("Email"),
            "phone": self.tr("Phone"),
            "account": self.tr("Results account"),
            "registered": self.tr("Registered"),
            "match": self.tr("Found by"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- content -------------------------------------------------------------
    def set_candidate(self, row: CandidateRow | None) -> None:
        self._row = row
        self._fill()

    def _fill(self) -> None:
        row = self._row
        self._stack.setCurrentIndex(0 if row is None else 1)
        if row is None:
            self._tick.stop()
            return
        language = self._language()
        self.name_en.setText(row.name_en)
        self.name_zh.setText(row.name_zh or "")
        self.name_zh.setVisible(bool(row.name_zh))
        self.values["id_number"].setText(row.id_number)
        self.values["date_of_birth"].setText(show_date(row.date_of_birth, language))
        self.values["centre"].setText(row.centre)
        self.values["email"].setText(row.email or self.tr("(none)"))
        self.values["phone"].setText(row.phone or self.tr("(none)"))
        self.values["registered"].setText(yes_no(row.registered))
        self.values["match"].setText(match_name(row.match))
        self._show_lock()

    def _show_lock(self) -> None:
        row = self._row
        if row is None:
            return
        now = self._now()
        state = account_state(row, now)
        self.values["account"].setText(account_text(state))
        locked = state is AccountState.LOCKED
        self.badge.setVisible(locked)
        self.countdown.setVisible(locked and row.locked_until is not None)
        if not locked:
            self._tick.stop()
            return
        if row.locked_until is None:
            self.badge.setText(self.tr("Locked"))
            return
        language = self._language()
        until = show_clock_time(row.locked_until, language, self._timezone)
        left = row.locked_until - now
        self.badge.setText(self.tr("Locked until {time}").format(time=until))
        self.countdown.setText(
            self.tr("Unlocks by itself in {duration} ({countdown})").format(
                duration=show_duration(left, language), countdown=show_countdown(left)
            )
        )
        if not self._tick.isActive():
            self._tick.start()
