"""The health check: is the database there? Asked on a worker, never on the GUI thread.

:class:`HealthCheck` runs the service's ``check`` (``SELECT 1``) every
:data:`UP_INTERVAL_MS` while the database answers. When a check fails with
the database unreachable, or any background task fails that way, it says
``lost`` and asks again with a growing pause (:data:`BACK_OFF_MS`: 1 s, 2 s,
4 s … up to 15 s) until a check succeeds: then ``restored``. No user action
is needed either way.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError

from desk_app.services.database_errors import is_unavailable
from desk_app.services.errors import DeskError, ExitStatus
from desk_app.ui.common.workers import run_in_background, watch_failures

log = logging.getLogger("desk_app.ui")

UP_INTERVAL_MS = 5_000
BACK_OFF_MS = (1_000, 2_000, 4_000, 8_000, 15_000)


def means_unreachable(error: BaseException) -> bool:
    """Whether ``error`` says the database could not be reached (rather than said no)."""
    if isinstance(error, DeskError):
        return error.status == ExitStatus.DATABASE_UNAVAILABLE
    return isinstance(error, SQLAlchemyError) and is_unavailable(error)


class HealthCheck(QObject):
    #: the database went away (the error that said so)
    lost = Signal(object)
    #: it answers again
    restored = Signal()

    def __init__(
        self,
        check: Callable[[], None],
        parent: QObject | None = None,
        *,
        ticks: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._ticks = ticks
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)
        self._running = False
        self._stopped = False
        self._failures = 0
        self._again = False  # a failure was heard while a check ran: ask once more
        #: when the database went away (``ticks()``), or None while it answers
        self.down_since: float | None = None
        self.last_error: BaseException | None = None
        self._unwatch = watch_failures(self._heard)

    @property
    def down(self) -> bool:
        return self.down_since is not None

    def start(self) -> None:
        self._stopped = False
        self.check_now()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        self._unwatch()

    def check_now(self) -> None:
        if self._stopped:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._timer.stop()
        run_in_background(self._check, self._answered, self._failed)

    def _heard(self, error: BaseException) -> None:
        """A background task failed: if the database may be gone, ask now."""
        if not self.down and means_unreachable(error):
            self.check_now()

    def _answered(self, _result: object) -> None:
        self._running = False
        if self._stopped:
            return
        self._failures = 0
        if self.down:
            self.down_since = None
            self.last_error = None
            self.restored.emit()
        self._next(UP_INTERVAL_MS)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if self._stopped:
            return
        if not means_unreachable(error):
            log.warning("health check failed unexpectedly: %s", type(error).__name__)
        self.last_error = error
        pause = BACK_OFF_MS[min(self._failures, len(BACK_OFF_MS) - 1)]
        self._failures += 1
        if not self.down:
            self.down_since = self._ticks()
            self.lost.emit(error)
        self._next(pause)

    def _next(self, pause_ms: int) -> None:
        if self._stopped:
            return
        if self._again:
            self._again = False
            pause_ms = min(pause_ms, BACK_OFF_MS[0])
        self._timer.start(pause_ms)
