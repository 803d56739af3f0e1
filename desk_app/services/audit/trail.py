"""The audit trail: append in the caller's transaction; verify.

Each row's hash is SHA-256 over its canonical content and the previous
row's hash (``audit/chain.py``). ``verify`` walks the chain and names every
row that was edited, deleted, inserted or moved (``audit/verify.py``). The
chain has no secret key: someone who can rewrite the whole table and the
head can forge it; the check catches edits to single rows, which is what
it is for.

The chain written to a file, and the check of such a file on its own, are
:mod:`desk_app.services.audit.chain_file`; the exports are under
``services/exports/`` (the audit view's filtered CSV among them).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import AuditEvent, AuditHead
from desk_app.models.audit import GENESIS_HASH
from desk_app.services.actor import AuditActor, StaffIdentity, authorise
from desk_app.services.audit.chain import canonical_json, content_digest, hashed_content, row_digest
from desk_app.services.audit.verify import (
    AuditProblem,
    AuditReport,
    StopAsked,
    VerifyProgress,
    verify_chain,
)
from desk_app.services.clock import Clock
from desk_app.services.live.notices import announce
from desk_app.services.permissions import Action
from desk_app.services.requests import current_request_id

__all__ = [
    "GENESIS_HASH", "AuditProblem", "AuditReport", "AuditService", "canonical_json",
    "chain_next", "content_digest", "hashed_content", "record", "request_recorded", "row_digest",
]  # fmt: skip


def _digest_of(event: AuditEvent, *, id: int | None = None, prev_hash: str | None = None) -> str:
    return row_digest(
        id=event.id if id is None else id,
        at=event.at,
        actor=event.actor,
        staff_id=event.staff_id,
        action=event.action,
        candidate_id=event.candidate_id,
        subject=event.subject,
        reason=event.reason,
        detail=event.detail,
        prev_hash=event.prev_hash if prev_hash is None else prev_hash,
    )


def chain_next(
    session: Session,
    clock: Clock,
    actor: AuditActor,
    action: str,
    *,
    candidate_id: int | None = None,
    subject: str | None = None,
    reason: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Add the chain's next entry to the caller's unit of work, unwritten; the entry.

    The head row is locked (``FOR UPDATE``; on SQLite the write transaction
    already holds the database), so concurrent writers queue and the chain
    stays a single line. Nothing pending is flushed before the lock: a
    caller that must lock its own rows first does so before calling.
    """
    with session.no_autoflush:
        head = session.execute(
            select(AuditHead).where(AuditHead.id == 1).with_for_update()
        ).scalar_one()
    event = AuditEvent(
        id=head.last_id + 1,
        at=clock.now(),
        actor=actor.name,
        staff_id=actor.staff_id,
        action=action,
        candidate_id=candidate_id,
        subject=subject,
        reason=reason,
        detail=canonical_json(detail or {}),
        prev_hash=head.last_hash,
        request_id=current_request_id(),
    )
    event.row_hash = _digest_of(event)
    session.add(event)
    head.last_id = event.id
    head.last_hash = event.row_hash
    return event


def request_recorded(session: Session, request_id: str | None) -> bool:
    """Whether an entry carrying ``request_id`` exists: the action that carried it was
    committed (each action writes its entry in its own transaction). None: never."""
    if request_id is None:
        return False
    query = select(exists().where(AuditEvent.request_id == request_id))
    return bool(session.execute(query).scalar_one())


def record(
    session: Session,
    clock: Clock,
    actor: AuditActor,
    action: str,
    *,
    candidate_id: int | None = None,
    subject: str | None = None,
    reason: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Append one event inside the caller's unit of work; returns its id.

    What the unit of work holds is written first (its rows locked before the
    chain's head, the order every writer keeps), then the entry
    (:func:`chain_next`). A change the other desks show is announced to them
    in the same transaction (``live/notices.py``).
    """
    session.flush()
    event = chain_next(
        session, clock, actor, action,
        candidate_id=candidate_id, subject=subject, reason=reason, detail=detail,
    )  # fmt: skip
    session.flush()
    announce(session, [(action, candidate_id)], event.id)
    return event.id


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    subject: str | None
    reason: str | None
    detail: dict[str, Any]


class AuditService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def verify(
        self,
        *,
        progress: VerifyProgress | None = None,
        should_stop: StopAsked | None = None,
    ) -> AuditReport:
        """Check the whole chain (``audit verify``; the audit view's Verify, on a worker).

        ``progress(checked, total)`` is called every few thousand events;
        when ``should_stop()`` says so the check ends with
        :class:`~desk_app.services.audit.verify.AuditCheckStopped`.
        """
        with self._db.read() as session:
            return verify_chain(session, progress=progress, should_stop=should_stop)

    def recent(
        self, staff: StaffIdentity, *, candidate_id: int | None = None, limit: int = 200
    ) -> list[AuditEntry]:
        """The newest events, for the supervisor's audit view (role checked)."""
        with self._db.read() as session:
            authorise(session, staff, Action.VIEW_AUDIT)
            query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
            if candidate_id is not None:
                query = query.where(AuditEvent.candidate_id == candidate_id)
            return [
                AuditEntry(e.id, e.at, e.actor, e.action, e.subject, e.reason, json.loads(e.detail))
                for e in session.scalars(query)
            ]
