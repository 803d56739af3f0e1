"""Many audit entries at once, chained exactly as :func:`trail.record` chains one.

An import that corrects thousands of records writes one entry per record
in its transaction: locking the head once and inserting the rows together
keeps that to one round trip instead of thousands, and holds the head's
lock (which every audited action of every desk waits for) only at the end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desk_app.models import AuditEvent, AuditHead
from desk_app.services.actor import AuditActor
from desk_app.services.audit.trail import canonical_json, row_digest
from desk_app.services.clock import Clock
from desk_app.services.live.notices import announce
from desk_app.services.requests import current_request_id


@dataclass(frozen=True)
class PendingEntry:
    action: str
    candidate_id: int | None = None
    subject: str | None = None
    reason: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)


def record_many(
    session: Session, clock: Clock, actor: AuditActor, entries: Sequence[PendingEntry]
) -> list[int]:
    """Append ``entries`` in order inside the caller's unit of work; their ids."""
    if not entries:
        return []
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one()
    at = clock.now()
    request_id = current_request_id()  # the action's, as trail.record stores it
    last_id, previous = head.last_id, head.last_hash
    rows: list[dict[str, Any]] = []
    for entry in entries:
        last_id += 1
        detail = canonical_json(entry.detail)
        digest = row_digest(
            id=last_id, at=at, actor=actor.name, staff_id=actor.staff_id, action=entry.action,
            candidate_id=entry.candidate_id, subject=entry.subject, reason=entry.reason,
            detail=detail, prev_hash=previous,
        )  # fmt: skip
        rows.append(
            {
                "id": last_id, "at": at, "actor": actor.name, "staff_id": actor.staff_id,
                "action": entry.action, "candidate_id": entry.candidate_id,
                "subject": entry.subject, "reason": entry.reason, "detail": detail,
                "prev_hash": previous, "row_hash": digest, "request_id": request_id,
            }
        )  # fmt: skip
        previous = digest
    session.execute(insert(AuditEvent), rows)
    head.last_id = last_id
    head.last_hash = previous
    session.flush()
    announce(session, [(e.action, e.candidate_id) for e in entries], last_id)  # one notice
    return [row["id"] for row in rows]
