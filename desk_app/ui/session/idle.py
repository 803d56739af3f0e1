"""Noticing that nobody is at the desk: no key and no mouse input for N minutes.

One event filter on the application sees every input event before the
widget it is for; each resets the idle time. A timer looks every
``check_ms`` whether the limit has passed and then says so once
(``idle``), until input comes again. The clock is a parameter (seconds, as
``time.monotonic`` gives them), so tests move it by hand instead of waiting
ten minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

#: what counts as someone at the desk
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)

#: how often to look (the lock comes at most this late)
CHECK_MS = 5_000


class IdleWatcher(QObject):
    # the desk has been idle for the limit (said once per idle spell)
    idle = Signal()

    def __init__(
        self,
        minutes: int,
        now: Callable[[], float] = time.monotonic,
        check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._limit = minutes * 60.0
        self._now = now
        self._last_input = now()
        self._said = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)

    @property
    def enabled(self) -> bool:
        """A limit of 0 minutes means the desk never locks by itself."""
        return self._limit > 0

    def start(self) -> None:
        """Watch from now on (a new idle spell begins now)."""
        self.touch()
        app = QCoreApplication.instance()
        if self.enabled and app is not None and not self._timer.isActive():
            app.installEventFilter(self)
            self._timer.start()

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def touch(self) -> None:
        """Someone is here: the idle time starts again."""
        self._last_input = self._now()
        self._said = False

    def idle_seconds(self) -> float:
        return self._now() - self._last_input

    def check(self) -> None:
        if self.enabled and not self._said and self.idle_seconds() >= self._limit:
            self._said = True
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._now()
            self._said = False
        return False
