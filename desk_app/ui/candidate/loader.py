"""Loading one candidate for the pane: details, lock timeline, call notes, and
this staff member's open verification of the caller (made in this session or
before the desk was started), in one call of the service.

Each look is audited by the services (a view discloses a person's data): one
entry per look, so a candidate is loaded when it is opened, or when the
selection has rested on it for a moment, never on a repaint; Enter while that
read is under way waits for it, and the pane shows a candidate found again
within half a minute (a search typed on) from the read it has. Loads run on
a worker; only the newest request's answer is delivered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.services.accounts.timeline import TimelineEvent
from desk_app.services.actions.verification import VerificationResult
from desk_app.services.actor import StaffIdentity
from desk_app.services.candidates.desk_view import CandidateViewService
from desk_app.services.candidates.detail import CandidateDetail
from desk_app.services.candidates.notes import NoteView
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
        views: CandidateViewService,
        staff: StaffIdentity,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._views = views
        self._staff = staff
        self._pending: str | None = None
        # the candidate of the newest request sent to the worker
        self._sent: str | None = None
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

    def loading(self, id_number: str) -> bool:
        """Whether ``id_number`` is being read now (its answer, and its audit entry, to come)."""
        return self._requests.busy and self._sent == id_number

    def load_now(self, id_number: str) -> None:
        self._debounce.stop()
        self._pending = None
        self._sent = id_number
        views, staff = self._views, self._staff

        def job() -> CandidateSnapshot:
            view = views.open(staff, id_number)
            return CandidateSnapshot(
                view.detail, view.timeline, view.notes, view.at, view.verification
            )

        self._requests.submit(job)

    def drop_pending(self) -> None:
        """Forget a load waiting for the selection to rest (a read under way goes on)."""
        self._debounce.stop()
        self._pending = None

    def cancel(self) -> None:
        self._debounce.stop()
        self._pending = None
        self._requests.cancel()

    def _load_pending(self) -> None:
        if self._pending is not None:
            self.load_now(self._pending)
