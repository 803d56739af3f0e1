"""What every desk action does before and after its own change.

Each action of :class:`~desk_app.services.actions.desk_actions.DeskActionService`
opens its unit of work the same way (:meth:`ActionSteps._open`): the role is
checked, the candidate found, the account row locked and expired locks
settled. Then the caller's verification is required (or a supervisor's
override), and the change is recorded twice in the same transaction: on the
account's timeline (``_event``) and in the audit chain (``_audit``, with the
reason and how the caller was verified).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import Candidate, ResultsAccount, Staff
from desk_app.services.accounts.locks import account_for_update, add_event, settle_expired
from desk_app.services.actions.verification import require_verification
from desk_app.services.actor import StaffIdentity, as_actor, authorise
from desk_app.services.audit import trail as audit
from desk_app.services.candidates.detail import find_candidate
from desk_app.services.clock import Clock
from desk_app.services.hashing import Hasher
from desk_app.services.permissions import Action
from desk_app.settings import Settings


@dataclass
class ActionUnit:
    """One action's unit of work once the common checks passed: who, on whom, when, why."""

    session: Session
    staff: Staff
    candidate: Candidate
    account: ResultsAccount
    now: datetime
    reason: str
    verification: str = ""


class ActionSteps:
    """The steps every desk action shares; the actions themselves subclass it."""

    def __init__(self, db: Database, settings: Settings, clock: Clock, hasher: Hasher) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._hasher = hasher

    def _open(
        self, session: Session, staff: StaffIdentity, id_number: str, action: Action, reason: str
    ) -> ActionUnit:
        row = authorise(session, staff, action)
        candidate = find_candidate(session, id_number, self._settings)
        account = account_for_update(session, candidate.id)
        now = self._clock.now()
        settle_expired(session, account, now)
        return ActionUnit(session, row, candidate, account, now, reason)

    def _verify(self, act: ActionUnit, action: Action, override_reason: str | None) -> None:
        act.verification = require_verification(
            act.session,
            act.staff,
            act.candidate.id,
            action,
            override_reason,
            now=act.now,
        )

    def _audit(self, act: ActionUnit, staff: StaffIdentity, action: str, **detail: object) -> None:
        audit.record(
            act.session,
            self._clock,
            as_actor(staff),
            action,
            candidate_id=act.candidate.id,
            subject=act.candidate.id_number,
            reason=act.reason,
            detail={"verification": act.verification, **detail},
        )

    def _event(self, act: ActionUnit, kind: str, **detail: object) -> None:
        add_event(
            act.session,
            act.account,
            kind,
            act.now,
            staff_id=act.staff.id,
            reason=act.reason,
            detail=detail or None,
        )
