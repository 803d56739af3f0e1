"""The session's own records: sign-out, the screen locked, a language kept.

They are written on a worker, never on the GUI thread, and nobody waits for
them: the window has gone (signed out) or is hidden (locked) by the time
they are done. So that none is lost when the database is away at that
moment, each carries a request id (``services/requests.py``); a write that
fails because the database could not be reached is kept and written again
after a pause that doubles each time (:data:`FIRST_RETRY_MS` up to
:data:`LONGEST_RETRY_MS`), for as long as the desk runs. The staff service
writes a request's audit entry once only (the connection may have died
after COMMIT, with the entry written), so a retry never doubles an entry.

A write the database refused (not an outage) is logged and dropped, as
before; so are those still waiting when the desk quits (logged, by name).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.services.requests import as_request, new_request_id
from desk_app.ui.common.workers import run_in_background

log = logging.getLogger("desk_app.ui")

#: the first pause before a record is written again; it doubles up to the longest
FIRST_RETRY_MS = 2_000
LONGEST_RETRY_MS = 60_000


@dataclass
class _Record:
    #: what it is, for the log (never a value: no name, no password)
    what: str
    job: Callable[[], object]
    request_id: str
    pause_ms: int


class SessionRecords(QObject):
    #: a record was written (its name): tests and the log follow it
    written = Signal(str)
    #: a record could not be written now and waits (its name)
    waiting = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        first_retry_ms: int = FIRST_RETRY_MS,
        longest_retry_ms: int = LONGEST_RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self._first_retry_ms = first_retry_ms
        self._longest_retry_ms = longest_retry_ms
        self._waiting: list[_Record] = []

    @property
    def waiting_count(self) -> int:
        return len(self._waiting)

    def write(self, what: str, job: Callable[[], object]) -> None:
        """Run ``job`` (a service call) on a worker under a new request id, until done."""
        self._run(_Record(what, job, new_request_id(), self._first_retry_ms))

    def abandon(self) -> None:
        """The desk quits: what still waits is given up, each named in the log."""
        for record in self._waiting:
            log.warning("not recorded (the database was away until the desk quit): %s", record.what)
        self._waiting.clear()

    def _run(self, record: _Record) -> None:
        def carried() -> object:
            with as_request(record.request_id):
                return record.job()

        run_in_background(
            carried, lambda _result: self._done(record), lambda error: self._failed(record, error)
        )

    def _done(self, record: _Record) -> None:
        if record in self._waiting:
            self._waiting.remove(record)
        self.written.emit(record.what)

    def _failed(self, record: _Record, error: BaseException) -> None:
        # here, not at the top: the sign-in dialog shows before SQLAlchemy is loaded
        from desk_app.ui.connection.health import means_unreachable

        if not means_unreachable(error):
            if record in self._waiting:
                self._waiting.remove(record)
            log.warning("not recorded: %s: %s", record.what, error)
            return
        if record not in self._waiting:
            self._waiting.append(record)
        pause, record.pause_ms = (
            record.pause_ms,
            min(record.pause_ms * 2, self._longest_retry_ms),
        )
        QTimer.singleShot(pause, self, lambda: self._again(record))
        self.waiting.emit(record.what)

    def _again(self, record: _Record) -> None:
        if record in self._waiting:  # not abandoned meanwhile
            self._run(record)
