"""The audit trail: append in the caller's transaction; verify.

Each row's hash is SHA-256 over its canonical content (sorted-key JSON of
id, time, actor, action, subject, reason, details) and the previous row's
hash. ``verify`` walks the chain and names every row that was edited,
deleted, inserted or moved. The chain has no secret key: someone who can
rewrite the whole table and the head can forge it; the check catches
edits to single rows, which is what it is for.

The chain written to a file, and the check of such a file on its own, are
:mod:`desk_app.services.audit.chain_file`; the exports are under
``services/exports/``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import AuditEvent, AuditHead
from desk_app.models.audit import GENESIS_HASH
from desk_app.services.actor import AuditActor, StaffIdentity, authorise
from desk_app.services.clock import Clock
from desk_app.services.permissions import Action


def canonical_json(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _stamp(at: datetime) -> str:
    return at.isoformat(timespec="microseconds")


#: what each event's hash covers, in the canonical content's names ("prev": the previous hash)
HASHED_FIELDS = (
    "id", "at", "actor", "staff_id", "action", "candidate_id", "subject", "reason", "detail",
    "prev",
)  # fmt: skip


def hashed_content(
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
) -> dict[str, Any]:
    """The values an event's hash covers (:data:`HASHED_FIELDS`), the time as text."""
    return {
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


def content_digest(content: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of :func:`hashed_content` (or the same read from a file)."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


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
    return content_digest(
        hashed_content(
            id=id, at=at, actor=actor, staff_id=staff_id, action=action,
            candidate_id=candidate_id, subject=subject, reason=reason, detail=detail,
            prev_hash=prev_hash,
        )
    )  # fmt: skip


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
class AuditProblem:
    """kind: edited, deleted, inserted, moved, head (and, in a file, unreadable)."""

    row_id: int | None
    kind: str
    message: str
    #: the line of an exported file (``audit verify --file``); None in the database
    line: int | None = None


# the sentences of the problems, shared by the database's check and a file's


def edited(row_id: int) -> AuditProblem:
    return AuditProblem(row_id, "edited", f"row {row_id} was edited")


def deleted(first: int, last: int, before: int | None) -> AuditProblem:
    rows = f"{first}" if first == last else f"{first}–{last}"
    where = "at the end" if before is None else f"before row {before}"
    return AuditProblem(
        last if before is None else before, "deleted", f"row(s) {rows} deleted {where}"
    )


def moved(row_id: int, after: int) -> AuditProblem:
    return AuditProblem(row_id, "moved", f"row {row_id} was moved: it belongs after row {after}")


def inserted(row_id: int, previous_id: int) -> AuditProblem:
    return AuditProblem(
        row_id, "inserted", f"row {row_id} does not follow row {previous_id}: inserted or replaced"
    )


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
            problems.append(deleted(previous_id + 1, event.id - 1, event.id))
        elif not own_ok:
            follows = by_hash.get(event.prev_hash)
            if (
                follows is not None
                and follows != previous_id
                and _digest_of(event, id=follows + 1) == event.row_hash
            ):
                problems.append(moved(event.id, follows))
            else:
                problems.append(edited(event.id))
        elif event.prev_hash != previous_hash:
            problems.append(inserted(event.id, previous_id))
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
        problems.append(deleted(previous_id + 1, head.last_id, None))
    elif head.last_hash != previous_hash:
        problems.append(
            AuditProblem(
                previous_id, "edited", f"row {previous_id} does not match the chain's head"
            )
        )
    return AuditReport(checked=checked, problems=tuple(problems))


class AuditService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def verify(self) -> AuditReport:
        """Check the whole chain (the command line's ``audit verify``)."""
        with self._db.read() as session:
            return verify_chain(session)

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
