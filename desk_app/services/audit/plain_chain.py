"""The audit chain's next entry written with plain SQL, for the plain read path of
``desk-app show`` (no SQLAlchemy there).

The same steps as :func:`desk_app.services.audit.trail.chain_next` and
:func:`~desk_app.services.audit.trail.record`, in the caller's unit of work:
the head row locked (SQLite: the unit of work began with ``BEGIN
IMMEDIATE``; PostgreSQL: ``SELECT … FOR UPDATE``), the next id, the hash
made by :func:`~desk_app.services.audit.chain.row_digest` (the one definition
every writer and checker shares), the event inserted, the head moved. The
time is stored as the models' ``UtcDateTime`` stores it (SQLite: the text
SQLAlchemy writes, naive UTC), so ``audit verify`` reads back what was hashed.

Only looks are written here: a change other desks must be told of
(``live/notices.py``) goes through the desk's services.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from desk_app.services.actor import AuditActor
from desk_app.services.audit.chain import canonical_json, row_digest
from desk_app.services.candidates.detail_read import PlainRows
from desk_app.services.clock import Clock
from desk_app.services.live.kinds import kind_of
from desk_app.services.requests import current_request_id


class PlainWrites(PlainRows, Protocol):
    """A connection inside a writing unit of work."""

    @property
    def dialect(self) -> str: ...

    def execute(self, sql: str, params: Sequence[object]) -> None:
        """Run ``sql`` (written with ``?``) with ``params``."""
        ...


_HEAD = "SELECT last_id, last_hash FROM audit_head WHERE id = 1"
_INSERT = (
    "INSERT INTO audit_event (id, at, actor, staff_id, action, candidate_id, subject, reason, "
    "detail, prev_hash, row_hash, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_MOVE_HEAD = "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1"

#: how SQLAlchemy writes a time to SQLite (``sqlalchemy.dialects.sqlite.DATETIME``)
_SQLITE_TIME = (
    "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"
)


def stored_time(at: datetime, dialect: str) -> datetime | str:
    """``at`` as ``models.UtcDateTime`` hands it to the driver."""
    if at.tzinfo is None:
        raise ValueError("naive datetime given where an aware UTC time is required")
    utc = at.astimezone(UTC)
    if dialect != "sqlite":
        return utc
    return _SQLITE_TIME % {
        "year": utc.year, "month": utc.month, "day": utc.day, "hour": utc.hour,
        "minute": utc.minute, "second": utc.second, "microsecond": utc.microsecond,
    }  # fmt: skip


def append_look(
    db: PlainWrites,
    clock: Clock,
    actor: AuditActor,
    action: str,
    *,
    candidate_id: int | None = None,
    subject: str | None = None,
    reason: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Append one event that tells no other desk anything (a look); its id."""
    if kind_of(action) is not None:
        raise ValueError(f"{action} is announced to the desks: write it through the services")
    lock = " FOR UPDATE" if db.dialect == "postgresql" else ""
    ((last_id, prev_hash),) = db.rows(_HEAD + lock, ())
    at = clock.now()
    event_id = int(last_id) + 1
    text = canonical_json(detail or {})
    row_hash = row_digest(
        id=event_id, at=at, actor=actor.name, staff_id=actor.staff_id, action=action,
        candidate_id=candidate_id, subject=subject, reason=reason, detail=text,
        prev_hash=prev_hash,
    )  # fmt: skip
    db.execute(
        _INSERT,
        (
            event_id, stored_time(at, db.dialect), actor.name, actor.staff_id, action,
            candidate_id, subject, reason, text, prev_hash, row_hash, current_request_id(),
        ),
    )  # fmt: skip
    db.execute(_MOVE_HEAD, (event_id, row_hash))
    return event_id
