"""The audit trail: append in the caller's transaction; verify; export.

Each row's hash is SHA-256 over its canonical content (sorted-key JSON of
id, time, actor, action, subject, reason, details) and the previous row's
hash. ``verify`` walks the chain and names every row that was edited,
deleted, inserted or moved. The chain has no secret key: someone who can
rewrite the whole table and the head can forge it; the check catches
edits to single rows, which is what it is for.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import AuditEvent, AuditHead
from desk_app.models.audit import GENESIS_HASH
from desk_app.services.actor import AuditActor, Caller, StaffIdentity, authorise, authorise_caller
from desk_app.services.clock import Clock
from desk_app.services.live.notices import announce
from desk_app.services.permissions import Action


def canonical_json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _stamp(at: datetime) -> str:
    return at.isoformat(timespec="microseconds")


def row_digest(
    *,
    id: int,
    at: datetime,
    actor: str,
    staff_id: int | None,
    action: str,
    candidate_id: int | None,
    subject: str | None,
    reason: str | None,
    detail: str,
    prev_hash: str,
) -> str:
    content = canonical_json(
        {
            "id": id,
            "at": _stamp(at),
            "actor": actor,
            "staff_id": staff_id,
            "action": action,
            "candidate_id": candidate_id,
            "subject": subject,
            "reason": reason,
            "detail": detail,
            "prev": prev_hash,
        }
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


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
    the chain stays a single line. A change the other desks show is
    announced to them in the same transaction (``live/notices.py``).
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
    announce(session, [(action, candidate_id)], new_id)
    return new_id


@dataclass(frozen=True)
class AuditProblem:
    """kind: edited, deleted, inserted, moved, head."""

    row_id: int | None
    kind: str
    message: str


@dataclass(frozen=True)
class AuditReport:
    checked: int
    problems: tuple[AuditProblem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


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


def verify_chain(session: Session) -> AuditReport:
    problems: list[AuditProblem] = []
    head = session.get(AuditHead, 1)
    # hashes as stored, for naming where a moved row belongs
    by_hash: dict[str, int] = {}
    previous_id = 0
    previous_hash = GENESIS_HASH
    checked = 0
    for event in _walk(session):
        checked += 1
        by_hash[event.row_hash] = event.id
        own_ok = _digest_of(event) == event.row_hash
        if event.id != previous_id + 1:
            missing = (
                f"{previous_id + 1}"
                if event.id == previous_id + 2
                else f"{previous_id + 1}–{event.id - 1}"
            )
            problems.append(
                AuditProblem(event.id, "deleted", f"row(s) {missing} deleted before row {event.id}")
            )
        elif not own_ok:
            follows = by_hash.get(event.prev_hash)
            if (
                follows is not None
                and follows != previous_id
                and _digest_of(event, id=follows + 1) == event.row_hash
            ):
                problems.append(
                    AuditProblem(
                        event.id,
                        "moved",
                        f"row {event.id} was moved: it belongs after row {follows}",
                    )
                )
            else:
                problems.append(AuditProblem(event.id, "edited", f"row {event.id} was edited"))
        elif event.prev_hash != previous_hash:
            problems.append(
                AuditProblem(
                    event.id,
                    "inserted",
                    f"row {event.id} does not follow row {previous_id}: inserted or replaced",
                )
            )
        previous_id = event.id
        previous_hash = event.row_hash
    if head is None:
        problems.append(AuditProblem(None, "head", "the chain's head record is missing"))
    elif head.last_id < previous_id:
        problems.append(
            AuditProblem(
                previous_id,
                "inserted",
                f"rows {head.last_id + 1}–{previous_id} were added outside the chain",
            )
        )
    elif head.last_id > previous_id:
        problems.append(
            AuditProblem(
                head.last_id,
                "deleted",
                f"row(s) {previous_id + 1}–{head.last_id} deleted at the end",
            )
        )
    elif head.last_hash != previous_hash:
        problems.append(
            AuditProblem(
                previous_id, "edited", f"row {previous_id} does not match the chain's head"
            )
        )
    return AuditReport(checked=checked, problems=tuple(problems))


EXPORT_COLUMNS = (
    "id", "at", "actor", "staff_id", "action", "candidate_id",
    "subject", "reason", "detail", "prev_hash", "row_hash",
)  # fmt: skip


class AuditService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def verify(self) -> AuditReport:
        """Check the whole chain (the command line's ``audit verify``)."""
        with self._db.read() as session:
            return verify_chain(session)

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
