"""Background work on ``QThreadPool`` with the result delivered on the GUI thread.

A :class:`Worker` runs one callable on the global pool; its signals object
emits ``finished(result)`` or ``failed(exception)``, which Qt queues to the
thread the receivers live in (the GUI thread). Workers never touch widgets.

:class:`LatestOnly` numbers the requests of one kind (e.g. searches) and
passes on only the newest request's outcome: a slow search that ends after a
newer one has started is dropped.

Every failure also goes to the functions registered with
:func:`watch_failures` (on the GUI thread), before the job's own callback:
the window's database watch hears at once of a database that went away.

A callback that is a method of a widget (``self._loaded``) is dropped when
the widget is gone by the time the work ends: a dialog closed while it
looked something up is not filled in after Qt deleted it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# signals objects whose worker has not reported yet (kept alive until it has)
_pending: set[WorkerSignals] = set()
# told of every background failure (the database watch)
_failure_watchers: list[Callable[[BaseException], None]] = []


def watch_failures(watcher: Callable[[BaseException], None]) -> Callable[[], None]:
    """Call ``watcher`` with every background failure; returns the function that stops it."""
    _failure_watchers.append(watcher)
    return lambda: _failure_watchers.remove(watcher) if watcher in _failure_watchers else None


class WorkerSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    """Runs ``job()`` once on a pool thread."""

    def __init__(self, job: Callable[[], Any]) -> None:
        super().__init__()
        self._job = job
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            result = self._job()
        except Exception as error:
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """False when ``callback`` is a method of a Qt object whose C++ side was deleted."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def run_in_background(
    job: Callable[[], Any],
    on_finished: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> None:
    """Run ``job`` on the pool; one of the callbacks is called on the GUI thread."""
    worker = Worker(job)
    signals = worker.signals
    _pending.add(signals)

    def finished(result: object) -> None:
        _pending.discard(signals)
        if _receiver_alive(on_finished):
            on_finished(result)

    def failed(error: BaseException) -> None:
        _pending.discard(signals)
        for watcher in list(_failure_watchers):
            watcher(error)
        if _receiver_alive(on_failed):
            on_failed(error)

    signals.finished.connect(finished)
    signals.failed.connect(failed)
    (pool or QThreadPool.globalInstance()).start(worker)


class LatestOnly(QObject):
    """Runs requests in the background; only the newest one's outcome is emitted."""

    finished = Signal(object)
    failed = Signal(object)
    # whether a request is running whose outcome would still be shown
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self, job: Callable[[], Any]) -> int:
        """Start ``job``; earlier requests still running will be dropped."""
        self._latest += 1
        number = self._latest
        run_in_background(
            job,
            lambda result: self._deliver(number, self.finished, result),
            lambda error: self._deliver(number, self.failed, error),
        )
        self._set_busy(True)
        return number

    def cancel(self) -> None:
        """Drop whatever is running (a cleared search box)."""
        self._latest += 1
        self._set_busy(False)

    def _deliver(self, number: int, signal: Any, payload: object) -> None:
        if number != self._latest:
            return
        self._set_busy(False)
        signal.emit(payload)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
