"""What this desk knows about the callers this staff member verified.

The service keeps the truth (an action is refused without a current pass);
the window keeps each candidate's newest verification result by this staff
member, to show "Verified by you until 14:32" and to enable the actions that
need it. A failure replaces an earlier pass, as it does in the service.
Results come from the verifications made at this desk (:meth:`record`) and,
when a candidate is loaded, from the service's open pass (:meth:`restore`),
so a pass made before the desk was started counts too.
``changed(candidate_id)`` is emitted when a result is recorded and when a
pass runs out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.services.actions.verification import VerificationResult


class CallVerifications(QObject):
    changed = Signal(int)

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._results: dict[int, VerificationResult] = {}
        # candidates whose pass was open at the last look (to notice it running out)
        self._open: set[int] = set()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self.check_expiry)

    def record(self, candidate_id: int, result: VerificationResult) -> None:
        self._results[candidate_id] = result
        if result.passed:
            self._open.add(candidate_id)
            if not self._tick.isActive():
                self._tick.start()
        else:
            self._open.discard(candidate_id)
        self.changed.emit(candidate_id)

    def restore(self, candidate_id: int, result: VerificationResult) -> None:
        """An open pass read from the service when the candidate was loaded.

        Kept unless this desk already knows it or a newer result (a load may
        answer after a verification made meanwhile at this desk).
        """
        known = self._results.get(candidate_id)
        if known is not None and known.verification_id >= result.verification_id:
            return
        self.record(candidate_id, result)

    def result(self, candidate_id: int) -> VerificationResult | None:
        """The newest verification of this candidate by this desk, passed or not."""
        return self._results.get(candidate_id)

    def open_until(self, candidate_id: int) -> datetime | None:
        """When the current pass stops counting; None when there is none."""
        result = self._results.get(candidate_id)
        if result is None or not result.passed or result.expires_at <= self._now():
            return None
        return result.expires_at

    def check_expiry(self) -> None:
        """Tell everyone about passes that ran out since the last look."""
        for candidate_id in sorted(self._open):
            if self.open_until(candidate_id) is None:
                self._open.discard(candidate_id)
                self.changed.emit(candidate_id)
        if not self._open:
            self._tick.stop()
