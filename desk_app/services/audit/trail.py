"""The audit trail: append in the caller's transaction; verify; export.

Each row's hash is SHA-256 over its canonical content and the previous
row's hash (``audit/chain.py``). ``verify`` walks the chain and names every
row that was edited, deleted, inserted or moved (``audit/verify.py``). The
chain has no secret key: someone who can rewrite the whole table and the
head can forge it; the check catches edits to single rows, which is what
it is for.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import AuditEvent, AuditHead
from desk_app.services.actor import AuditActor, Caller, StaffIdentity, authorise, authorise_caller
from desk_app.services.audit.chain import canonical_json, row_digest
from desk_app.services.audit.chain import stamp as _stamp
from desk_app.services.audit.verify import (
    AuditProblem,
    AuditReport,
    StopAsked,
    VerifyProgress,
    verify_chain,
)
from desk_app.services.clock import Clock
from desk_app.services.permissions import Action

__all__ = ["AuditProblem", "AuditReport", "AuditService", "canonical_json", "record", "row_digest"]


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

    The head row is locked first (``FOR UPDATE``; on SQLite the write
    transaction already holds the database), so concurrent writers queue and
    the chain stays a single line.
    """
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
    )
    event.row_hash = _digest_of(event)
    session.add(event)
    new_id, digest = event.id, event.row_hash
    head.last_id = new_id
    head.last_hash = digest
    session.flush()
    return new_id


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    subject: str | None
    reason: str | None
    detail: dict[str, Any]


def _walk(session: Session) -> Iterator[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=2000)
    yield from session.scalars(query)


EXPORT_COLUMNS = (
    "id", "at", "actor", "staff_id", "action", "candidate_id",
    "subject", "reason", "detail", "prev_hash", "row_hash",
)  # fmt: skip


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

    def export_csv(self, staff: Caller, out: IO[str]) -> int:
        """Write every event, oldest first, as CSV (role: view_audit); the number of rows.

        A terminal user (no ``--as``) is refused: the trail names every
        candidate and staff member, so only a supervisor or an
        administrator takes it away.
        """
        with self._db.read() as session:
            authorise_caller(session, staff, Action.VIEW_AUDIT)
            writer = csv.writer(out)
            writer.writerow(EXPORT_COLUMNS)
            count = 0
            for event in _walk(session):
                writer.writerow(
                    [
                        event.id,
                        _stamp(event.at),
                        event.actor,
                        event.staff_id if event.staff_id is not None else "",
                        event.action,
                        event.candidate_id if event.candidate_id is not None else "",
                        event.subject or "",
                        event.reason or "",
                        event.detail,
                        event.prev_hash,
                        event.row_hash,
                    ]
                )
                count += 1
        return count

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
