"""The top of the candidate pane: who it is, whether the account is locked, and
whether this desk has verified the caller.

The lock badge counts down to the automatic unlock; the verification line
says PASS or FAIL (never which detail was wrong) and, after a pass, until
when it counts. Both are worked out against the clock on every tick. The
date of birth shows only while the caller's pass counts: the operator
cannot read it back to a caller who does not know it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desk_app.services.actions.verification import VerificationResult
from desk_app.ui.actions.shortcuts import key_text
from desk_app.ui.common.formatting import (
    MASKED_DATE,
    show_clock_time,
    show_countdown,
    show_date,
    show_duration,
)
from desk_app.ui.common.widgets import named


@dataclass(frozen=True)
class Who:
    """The few facts the header shows, from a search row or a loaded candidate."""

    id_number: str
    name_en: str
    name_zh: str | None
    date_of_birth: date
    centre: str


def _restyle(label: QLabel, state: str) -> None:
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)


class CandidateHeader(QWidget):
    def __init__(
        self, language: Callable[[], str], timezone: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._timezone = timezone
        self.name_en = named(QLabel(), "detailsName")
        self.name_en.setWordWrap(True)
        self.name_en.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_zh = named(QLabel(), "detailsNameZh")
        self.facts = named(QLabel(), "detailsFacts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = named(QLabel(), "lockBadge")
        self.countdown = named(QLabel(), "lockCountdown")
        self.verification = named(QLabel(), "verificationBadge")
        self.flag = named(QLabel(), "verificationFlag")
        badges = QHBoxLayout()
        badges.setSpacing(10)
        badges.addWidget(self.badge)
        badges.addWidget(self.countdown, 1)
        checks = QHBoxLayout()
        checks.setSpacing(10)
        checks.addWidget(self.verification)
        checks.addWidget(self.flag)
        checks.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.name_en)
        column.addWidget(self.name_zh)
        column.addWidget(self.facts)
        column.addSpacing(4)
        column.addLayout(badges)
        column.addLayout(checks)

    def language(self) -> str:
        return self._language()

    def show_who(self, who: Who, *, birth_shown: bool) -> None:
        self.name_en.setText(who.name_en)
        self.name_zh.setText(who.name_zh or "")
        self.name_zh.setVisible(bool(who.name_zh))
        born = show_date(who.date_of_birth, self.language()) if birth_shown else MASKED_DATE
        self.facts.setText(
            self.tr("{id_number} · born {date} · centre {centre}").format(
                id_number=who.id_number, date=born, centre=who.centre
            )
        )
        self.facts.setToolTip(
            "" if birth_shown else self.tr("The date of birth shows once the caller passed.")
        )

    def show_lock(self, locked_until: datetime | None, now: datetime) -> None:
        locked = locked_until is not None and locked_until > now
        self.badge.setVisible(locked)
        self.countdown.setVisible(locked)
        if locked_until is None or not locked:
            return
        language = self.language()
        left = locked_until - now
        self.badge.setText(
            self.tr("Locked until {time}").format(
                time=show_clock_time(locked_until, language, self._timezone)
            )
        )
        self.countdown.setText(
            self.tr("Unlocks by itself in {duration} ({countdown})").format(
                duration=show_duration(left, language), countdown=show_countdown(left)
            )
        )

    def show_verification(
        self, result: VerificationResult | None, now: datetime, *, can_verify: bool
    ) -> None:
        """PASS with its expiry, FAIL, or not verified (hidden for roles that do not verify)."""
        self.flag.setVisible(result is not None and result.flagged)
        self.flag.setText(self.tr("Flagged: repeated failures"))
        _restyle(self.flag, "warning")
        self.verification.setVisible(can_verify or result is not None)
        if result is None:
            text = self.tr("Caller not verified ({key})")
            self.verification.setText(text.format(key=key_text("verify_caller")))
            _restyle(self.verification, "none")
        elif not result.passed:
            self.verification.setText(self.tr("FAIL: the caller's details did not match"))
            _restyle(self.verification, "fail")
        elif result.expires_at <= now:
            self.verification.setText(self.tr("Verification ran out: verify again"))
            _restyle(self.verification, "none")
        else:
            language = self.language()
            until = show_clock_time(result.expires_at, language, self._timezone)
            text = self.tr("PASS · Verified by you until {time} ({countdown} left)")
            if result.method == "document":
                text = self.tr("Identity document seen · valid until {time} ({countdown} left)")
            self.verification.setText(
                text.format(time=until, countdown=show_countdown(result.expires_at - now))
            )
            _restyle(self.verification, "pass")
