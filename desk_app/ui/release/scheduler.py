"""The desk runs the release job itself: at start, every few minutes, and right
after a release moment passes.

The job (``ReleaseService.run_due``) runs on a worker; only one run at a
time (a request while one runs is remembered and run after it). Several
desks doing this at once is safe: the job sends each email once (see
``services/release/notices.py``). What a run did is said in one translated
sentence (``message``); a failure (the database away for a moment) is
logged and tried again at the next tick.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.services.release.notices import ReleaseReport, ReleaseService
from desk_app.ui.common.workers import run_in_background

log = logging.getLogger("desk_app.ui")

# wake a little after the moment, so the clock has surely passed it
SETTLE_MS = 2_000


class ReleaseScheduler(QObject):
    # a run that released something (ReleaseReport)
    released = Signal(object)
    # what it did, in the current language, for the status bar
    message = Signal(str)
    # every run that ended, whatever it did (ReleaseReport)
    ran = Signal(object)

    def __init__(
        self,
        release: ReleaseService,
        now: Callable[[], datetime],
        every_minutes: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._release = release
        self._now = now
        self._running = False
        self._again = False
        self.periodic = QTimer(self, interval=max(every_minutes, 1) * 60_000)
        self.periodic.timeout.connect(self.run_now)
        self.at_moment = QTimer(self, singleShot=True)
        self.at_moment.timeout.connect(self.run_now)

    def start(self) -> None:
        """Run once now, then on the timers."""
        self.periodic.start()
        self.run_now()

    def stop(self) -> None:
        self.periodic.stop()
        self.at_moment.stop()

    @property
    def running(self) -> bool:
        return self._running

    def run_now(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        run_in_background(self._release.run_due, self._done, self._failed)

    def _done(self, report: ReleaseReport) -> None:
        self._finish()
        self._aim(report.next_release_at)
        if report.entries:
            self.message.emit(
                self.tr(
                    "Results released: {entries}; “results available” emails queued: {emails}."
                ).format(entries=report.entries, emails=report.emails)
            )
            self.released.emit(report)
        self.ran.emit(report)

    def _failed(self, error: BaseException) -> None:
        log.warning("the release job did not run: %s", error)
        self._finish()

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.run_now()

    def _aim(self, moment: datetime | None) -> None:
        """Wake just after the next release moment, when that comes before the next tick."""
        if moment is None:
            self.at_moment.stop()
            return
        wait = (moment - self._now()).total_seconds() * 1000 + SETTLE_MS
        if wait < self.periodic.interval():
            self.at_moment.start(max(int(wait), 0))
