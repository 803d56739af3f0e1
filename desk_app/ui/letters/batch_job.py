"""Printing a centre's letters on a worker, with progress and cancel.

The service reports progress from the worker thread; each report goes to
the GUI thread as a signal, and is also where a cancel takes effect: the
report raises :class:`Cancelled`, the service's unit of work rolls back and
no letter is issued (the numbers made so far are forgotten).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desk_app.services.actor import StaffIdentity
from desk_app.services.documents.letter_batch import LetterBatchService
from desk_app.services.requests import as_request, new_request_id


class Cancelled(Exception):
    """The person stopped the batch; nothing was issued."""


class _Signals(QObject):
    progress = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Run(QRunnable):
    def __init__(
        self,
        letters: LetterBatchService,
        staff: StaffIdentity,
        centre: str,
        reason: str | None,
        reissue: bool,
        stop: threading.Event,
    ) -> None:
        super().__init__()
        self.signals = _Signals()
        self._args = (letters, staff, centre, reason, reissue)
        self._stop = stop
        self.request_id = new_request_id()

    def run(self) -> None:
        letters, staff, centre, reason, reissue = self._args

        def progress(step: str, done: int, total: int) -> None:
            if self._stop.is_set():
                raise Cancelled
            self.signals.progress.emit(step, done, total)

        try:
            with as_request(self.request_id):  # was it done, if the connection dies?
                printed = letters.print_batch(
                    staff, centre, reason=reason, reissue=reissue, progress=progress
                )
        except Exception as error:
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(printed)


# jobs whose worker has not reported yet (kept alive until it has)
_running: set[LetterBatchJob] = set()


class LetterBatchJob(QObject):
    # step ("numbers" or "pages"), done, total — on the GUI thread
    progressed = Signal(str, int, int)
    # the LetterBatchPrinted
    finished = Signal(object)
    # the error; Cancelled when the person stopped it
    failed = Signal(object)

    def __init__(
        self,
        letters: LetterBatchService,
        staff: StaffIdentity,
        centre: str,
        *,
        reason: str | None,
        reissue: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._run = _Run(letters, staff, centre, reason, reissue, self._stop)
        self._run.setAutoDelete(False)
        signals = self._run.signals
        signals.progress.connect(self.progressed)
        signals.finished.connect(self._finished)
        signals.failed.connect(self._failed)

    @property
    def request_id(self) -> str:
        """The id its audit entry carries (``ui/connection/outcomes.py``)."""
        return self._run.request_id

    def start(self) -> None:
        _running.add(self)
        QThreadPool.globalInstance().start(self._run)

    def cancel(self) -> None:
        """Stop at the next step; nothing is issued."""
        self._stop.set()

    def _finished(self, printed: object) -> None:
        _running.discard(self)
        self.finished.emit(printed)

    def _failed(self, error: BaseException) -> None:
        _running.discard(self)
        self.failed.emit(error)
