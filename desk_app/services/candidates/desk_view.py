"""Opening a candidate at the desk: everything the pane shows, in one look.

The pane shows the candidate's details, the account's history, the call
notes and this staff member's open verification of the caller. Read
separately, that was two audited looks (``candidate_viewed`` and
``timeline_viewed``) in four transactions; a person opened one candidate, so
:meth:`CandidateViewService.open` reads it all in one unit of work and
writes one ``candidate_viewed`` entry. Expired locks are settled first, so
the details and the history agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk_app.database import Database
from desk_app.services.accounts.timeline import TimelineEvent, account_timeline
from desk_app.services.actions.verification import VerificationResult, open_result
from desk_app.services.actor import StaffIdentity, as_actor, authorise
from desk_app.services.audit import trail as audit
from desk_app.services.candidates.detail import CandidateDetail, candidate_detail, find_candidate
from desk_app.services.candidates.notes import NoteView, notes_of
from desk_app.services.clock import Clock
from desk_app.services.permissions import Action, allowed
from desk_app.settings import Settings


@dataclass(frozen=True)
class CandidateView:
    """One candidate as the desk showed it at ``at``."""

    detail: CandidateDetail
    timeline: tuple[TimelineEvent, ...]
    notes: tuple[NoteView, ...]
    #: this staff member's verification of the caller open at ``at``, if any
    verification: VerificationResult | None
    at: datetime


class CandidateViewService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def open(self, staff: StaffIdentity, id_number: str) -> CandidateView:
        """The candidate in full for the desk's pane: one transaction, one audit entry."""
        with self._db.write() as session:
            row = authorise(session, staff, Action.VIEW_CANDIDATE)
            candidate = find_candidate(session, id_number, self._settings)
            now = self._clock.now()
            timeline = account_timeline(session, candidate.id, self._settings, now)
            detail = candidate_detail(session, candidate, now)
            notes = tuple(notes_of(session, candidate.id))
            verification = None
            if allowed(row.role, Action.VERIFY_CALLER):
                verification = open_result(session, staff.id, candidate.id, self._settings, now)
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "candidate_viewed",
                candidate_id=candidate.id,
                subject=candidate.id_number,
            )
            return CandidateView(detail, timeline, notes, verification, now)
