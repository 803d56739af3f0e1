"""The audit trail: an append-only chain of events linked by SHA-256.

``audit_event.id`` is assigned by the writer as the head's ``last_id + 1``
(never by a sequence, which leaves gaps on rollback), so the ids run without
gaps and a deleted row shows. ``audit_head`` holds the newest id and hash:
it is row-locked by every writer, which orders the chain, and it lets a
deleted tail be noticed.

The database defends both (revision ``0008_audit_guard``): triggers refuse
to change or delete an event and let the head only move forward, and on
PostgreSQL the desks' role :data:`DESK_ROLE` may insert events but has no
right to change or delete them. The indexes put each filter of the
supervisor's audit view before the time and the id, the view's order, so
every page, in any period, is one index range read newest first (keyset
paging, never OFFSET).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.models import candidate, staff  # noqa: F401  (the tables its foreign keys name)
from desk_app.models.base import Base, UtcDateTime

GENESIS_HASH = "0" * 64
#: the PostgreSQL group role of the desks' logins (docs/DEPLOYMENT.md)
DESK_ROLE = "desk_app_desk"
#: ``request_id`` where it is not NULL (only the desk's actions carry one), made by revision
#: 0007. Not declared in the model: a partial index's ``postgresql_where`` loads SQLAlchemy's
#: whole PostgreSQL dialect with the model, on SQLite too (a third of ``desk-app show``'s
#: start); ``search_index.include_object`` tells Alembic's comparison it is made by hand.
REQUEST_INDEX = "ix_audit_event_request"


class AuditEvent(Base):
    __tablename__ = "audit_event"
    # also REQUEST_INDEX, made by revision 0007 and not declared here
    __table_args__ = (
        Index("ix_audit_event_at", "at", "id"),
        Index("ix_audit_event_candidate", "candidate_id", "at", "id"),
        Index("ix_audit_event_actor", "actor", "at", "id"),
        Index("ix_audit_event_action", "action", "at", "id"),
        Index("ix_audit_event_actor_action", "actor", "action", "at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    #: the staff member's username, or "website" / "system"
    actor: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(48))
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"))
    #: what the action was about, e.g. an ID Number or a username
    subject: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    #: canonical JSON (sorted keys) of the action's details
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))
    #: the desk's id for the request that wrote it (services/requests.py), not hashed
    request_id: Mapped[str | None] = mapped_column(String(32))


class AuditHead(Base):
    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
