"""The supervisor's lockouts view: who is locked now, how many per hour or day,
and which sources look like an attack.

While shown, the countdowns tick every second and the lists are fetched
again every 30 seconds, when a lock runs out, and after an unlock. Enter on
a row opens that candidate on the desk; Unlock asks for the reason, which,
for a supervisor, is also the override (no caller to verify here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.accounts.lockouts import (
    LockoutCount,
    LockoutRow,
    LockoutService,
    SuspiciousSource,
)
from desk_app.services.actions.desk_actions import DeskActionService
from desk_app.services.actor import StaffIdentity
from desk_app.ui.actions.reason_dialog import ReasonDialog
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.formatting import show_clock_time, show_day
from desk_app.ui.common.widgets import named
from desk_app.ui.common.workers import LatestOnly
from desk_app.ui.lockouts.count_bars import CountBars
from desk_app.ui.lockouts.model import LockoutFilterProxy, LockoutTableModel
from desk_app.ui.lockouts.sources_model import SourcesModel
from desk_app.ui.lockouts.tables import LockoutsTable, SourcesTable

REFRESH_MS = 30_000
# sources with lockouts on at least this many accounts are listed (the policy flags attacks)
WATCH_ACCOUNTS = 2
# (period, how far back, a label under every n-th bar)
PERIODS = (("hour", timedelta(hours=23), 3), ("day", timedelta(days=13), 2))


@dataclass(frozen=True)
class LockoutsPicture:
    current: tuple[LockoutRow, ...]
    sources: tuple[SuspiciousSource, ...]
    counts: tuple[LockoutCount, ...]
    by: str
    fetched_at: datetime


class LockoutsView(QWidget):
    # an ID Number to open on the desk
    candidateOpened = Signal(str)
    # an account was unlocked from here (its ID Number)
    unlocked = Signal(str)

    def __init__(
        self,
        lockouts: LockoutService,
        desk_actions: DeskActionService,
        staff: StaffIdentity,
        now: Callable[[], datetime],
        language: Callable[[], str],
        timezone: str,
        *,
        can_unlock: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockoutsView")
        self._lockouts = lockouts
        self._desk_actions = desk_actions
        self._staff = staff
        self._now = now
        self._language = language
        self._timezone = timezone
        self._can_unlock = can_unlock
        self._picture: LockoutsPicture | None = None
        self._error: BaseException | None = None
        self.model = LockoutTableModel(now, language, timezone, self)
        self.proxy = LockoutFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.sources_model = SourcesModel(now, language, timezone, self)
        self._requests = LatestOnly(self)
        self._requests.finished.connect(self._show)
        self._requests.failed.connect(self._failed)
        self._requests.busyChanged.connect(lambda _busy: self._show_status())
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.fetch)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.filter_box = QLineEdit(clearButtonEnabled=True)
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)
        self.unlock_button = QPushButton()
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.fetch)
        self.status = named(QLabel(), "lockoutsStatus")
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.unlock_button)
        top.addWidget(self.refresh_button)
        self.table = LockoutsTable(self.proxy)
        self.table.rowOpened.connect(self.candidateOpened)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.period = QComboBox()
        self.period.addItems(["", ""])
        self.period.currentIndexChanged.connect(lambda _index: self.fetch())
        self.bars = CountBars()
        self.counts_box = QGroupBox()
        counts = QVBoxLayout(self.counts_box)
        counts.addWidget(self.period, 0, Qt.AlignmentFlag.AlignLeft)
        counts.addWidget(self.bars, 1)
        self.sources = SourcesTable(self.sources_model)
        self.sources_box = QGroupBox()
        QVBoxLayout(self.sources_box).addWidget(self.sources)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.counts_box)
        bottom.addWidget(self.sources_box)
        bottom.setSizes([520, 680])
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(bottom)
        split.setSizes([430, 230])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def retranslate(self) -> None:
        self.filter_box.setPlaceholderText(self.tr("Filter by ID Number, name or source"))
        self.filter_box.setAccessibleName(self.tr("Filter the lockouts"))
        self.unlock_button.setText(self.tr("&Unlock…"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.period.setItemText(0, self.tr("Lockouts per hour, last 24 hours"))
        self.period.setItemText(1, self.tr("Lockouts per day, last 14 days"))
        self.counts_box.setTitle(self.tr("Lockouts over time"))
        self.sources_box.setTitle(self.tr("Sources locking several accounts (last hour)"))
        self.model.refresh()
        self.sources_model.refresh()
        if self._picture is not None:
            self._show_counts(self._picture)
        self._update_buttons()
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tick.start()
        self._refresh.start()
        self.fetch()

    def hideEvent(self, event: QHideEvent) -> None:
        self._tick.stop()
        self._refresh.stop()
        super().hideEvent(event)

    # -- fetching -------------------------------------------------------------
    def fetch(self) -> None:
        lockouts, staff, now = self._lockouts, self._staff, self._now
        by, back, _every = PERIODS[max(self.period.currentIndex(), 0)]

        def job() -> LockoutsPicture:
            moment = now()
            return LockoutsPicture(
                lockouts.current(staff),
                lockouts.suspicious_sources(staff, minimum_accounts=WATCH_ACCOUNTS),
                lockouts.counts(staff, by=by, since=moment - back),  # type: ignore[arg-type]
                by,
                moment,
            )

        self._requests.submit(job)

    def _show(self, picture: LockoutsPicture) -> None:
        self._picture = picture
        self._error = None
        selected = self.table.selected_id_number()
        self.sources_model.set_rows(picture.sources)
        self.model.set_rows(picture.current, self.sources_model.attack_sources())
        self.table.select_id_number(selected)
        self._show_counts(picture)
        self._update_buttons()
        self._show_status()

    def _failed(self, error: BaseException) -> None:
        self._error = error
        self._show_status()

    def _show_counts(self, picture: LockoutsPicture) -> None:
        language, zone = self._language(), self._timezone
        hourly = picture.by == "hour"
        every = PERIODS[0 if hourly else 1][2]
        bars = []
        for count in picture.counts:
            label = (
                show_clock_time(count.period_start, language, zone)
                if hourly
                else show_day(count.period_start, language, zone)
            )
            bars.append((label, count.count, label))
        self.bars.set_bars(bars, label_every=every)

    def _on_tick(self) -> None:
        if self.model.tick() and not self._requests.busy:
            self.fetch()  # a lock ran out: the service records its end

    def _show_status(self) -> None:
        picture = self._picture
        if self._error is not None:
            text = error_text(self._error)
        elif self._requests.busy and picture is None:
            text = self.tr("Loading…")
        elif picture is not None:
            text = self.tr("Locked now: {count} · updated at {time}").format(
                count=len(picture.current),
                time=show_clock_time(picture.fetched_at, self._language(), self._timezone),
            )
        else:
            text = ""
        self.status.setText(text)
        self.status.setProperty("error", self._error is not None)
        self.status.style().polish(self.status)

    # -- unlocking ------------------------------------------------------------
    def _update_buttons(self) -> None:
        chosen = self.table.selected_id_number()
        self.unlock_button.setEnabled(self._can_unlock and chosen is not None)
        if not self._can_unlock:
            self.unlock_button.setToolTip(self.tr("Your role may not do this."))
        elif chosen is None:
            self.unlock_button.setToolTip(self.tr("Select a locked account first."))
        else:
            self.unlock_button.setToolTip(self.tr("End this lock now, with a reason (Alt+U)."))

    def unlock_selected(self) -> ReasonDialog | None:
        id_number = self.table.selected_id_number()
        if id_number is None or not self._can_unlock:
            return None
        desk, staff = self._desk_actions, self._staff
        dialog = ReasonDialog(
            lambda: self.tr("Unlock {id_number}").format(id_number=id_number),
            lambda: self.tr(
                "End the lock on {id_number} now. No caller is verified here: as a "
                "supervisor, your reason is recorded as the override."
            ).format(id_number=id_number),
            lambda: self.tr("Unlock"),
            lambda reason, _override: desk.unlock(
                staff, id_number, reason=reason, override_reason=reason
            ),
            parent=self,
        )
        dialog.succeeded.connect(lambda _result: self._unlocked(id_number))
        dialog.open()
        return dialog

    def _unlocked(self, id_number: str) -> None:
        self.unlocked.emit(id_number)
        self.fetch()
