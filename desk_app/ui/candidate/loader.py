"""Loading one candidate for the pane: details, lock timeline, call notes, and
this staff member's open verification of the caller (made in this session or
before the desk was started).

Each look is audited by the services (a view discloses a person's data), so
a candidate is loaded when it is opened, or when the selection has rested
on it for a moment, never on a repaint. Loads run on a worker; only the
newest request's answer is delivered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.services.accounts.lockouts import LockoutService, TimelineEvent
from desk_app.services.actions.verification import VerificationResult, VerificationService
from desk_app.services.actor import StaffIdentity
from desk_app.services.candidates.detail import CandidateDetail, CandidateService
from desk_app.services.candidates.notes import NoteService, NoteView
from desk_app.ui.common.workers import LatestOnly

SELECTION_DEBOUNCE_MS = 350


@dataclass(frozen=True)
class CandidateSnapshot:
    """One candidate as the services showed it at ``loaded_at``."""

    detail: CandidateDetail
    timeline: tuple[TimelineEvent, ...]
    notes: tuple[NoteView, ...]
    loaded_at: datetime
    #: this staff member's verification of the caller open at ``loaded_at``, if any
    verification: VerificationResult | None

    @property
    def candidate_id(self) -> int:
        return self.detail.candidate_id

    @property
    def id_number(self) -> str:
        return self.detail.id_number

    def locked_until(self, now: datetime) -> datetime | None:
        """The later end of the password lock and the Secret Number lock, if either is on."""
        account = self.detail.account
        ends = [
            moment
            for moment in (account.locked_until, account.secret_locked_until)
            if moment is not None and moment > now
        ]
        return max(ends) if ends else None


class CandidateLoader(QObject):
    loaded = Signal(object)
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(
        self,
        candidates: CandidateService,
        lockouts: LockoutService,
        notes: NoteService,
        verification: VerificationService,
        staff: StaffIdentity,
        now: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._candidates = candidates
        self._lockouts = lockouts
        self._notes = notes
        self._verification = verification
        self._staff = staff
        self._now = now
        self._pending: str | None = None
        self._requests = LatestOnly(self)
        self._requests.finished.connect(self.loaded)
        self._requests.failed.connect(self.failed)
        self._requests.busyChanged.connect(self.busyChanged)
        self._debounce = QTimer(self, singleShot=True, interval=SELECTION_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._load_pending)

    @property
    def busy(self) -> bool:
        return self._requests.busy or self._debounce.isActive()

    def load_soon(self, id_number: str) -> None:
        """Load after the selection has rested on this candidate for a moment."""
        self._requests.cancel()
        self._pending = id_number
        self._debounce.start()

    def load_now(self, id_number: str) -> None:
        self._debounce.stop()
        self._pending = None
        candidates, lockouts, notes = self._candidates, self._lockouts, self._notes
        verification, staff, now = self._verification, self._staff, self._now

        def job() -> CandidateSnapshot:
            detail = candidates.show(staff, id_number)
            timeline = lockouts.timeline(staff, detail.id_number)
            listed = notes.list(staff, detail.id_number)
            opened = verification.current(staff, detail.candidate_id)
            return CandidateSnapshot(detail, timeline, tuple(listed), now(), opened)

        self._requests.submit(job)

    def cancel(self) -> None:
        self._debounce.stop()
        self._pending = None
        self._requests.cancel()

    def _load_pending(self) -> None:
        if self._pending is not None:
            self.load_now(self._pending)
