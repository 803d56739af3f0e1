"""The database defends the audit trail: no event changed or deleted, the head only forward.

Revision 0008_audit_guard's triggers hold for every connection, the
tables' owner included (the tests connect as the owner); appends, single
or many at once, still work. What an owner can still do (drop the
triggers first) is for ``audit verify`` to catch: tests/test_audit.py.
"""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from desk_app.models import AuditEvent, AuditHead
from desk_app.services.actor import SYSTEM
from desk_app.services.audit import trail as audit
from desk_app.services.audit.batch import PendingEntry, record_many
from desk_app.services.registry import Services


def _append(services: Services, count: int) -> None:
    for n in range(count):
        with services.db.write() as session:
            audit.record(session, services.clock, SYSTEM, "test_event", detail={"n": n})


def _refused(services: Services, statement: object) -> None:
    with pytest.raises(DBAPIError), services.db.write() as session:
        session.execute(statement)  # type: ignore[call-overload]


def test_an_event_cannot_be_changed(services: Services) -> None:
    _append(services, 3)
    _refused(services, update(AuditEvent).where(AuditEvent.id == 2).values(reason="edited"))
    _refused(services, update(AuditEvent).values(actor="someone else"))
    assert services.audit.verify().ok


def test_an_event_cannot_be_deleted(services: Services) -> None:
    _append(services, 3)
    _refused(services, delete(AuditEvent).where(AuditEvent.id == 3))
    _refused(services, delete(AuditEvent))
    report = services.audit.verify()
    assert report.ok and report.checked == 3


def test_the_head_only_moves_forward(services: Services) -> None:
    _append(services, 3)
    _refused(services, update(AuditHead).values(last_id=2))
    _refused(services, update(AuditHead).values(last_hash="0" * 64))  # a rewrite in place
    _refused(services, delete(AuditHead))
    assert services.audit.verify().ok


def test_emptying_the_trail_at_once_is_refused(services: Services) -> None:
    """PostgreSQL's TRUNCATE skips row triggers, so it has its own; SQLite's whole-table
    DELETE (its truncate) runs them."""
    _append(services, 2)
    postgres = services.db.dialect == "postgresql"
    for table in ("audit_event", "audit_head"):
        _refused(
            services, text(f"TRUNCATE {table} CASCADE" if postgres else f"DELETE FROM {table}")
        )
    assert services.audit.verify().checked == 2


def test_appends_one_and_many_still_work(services: Services) -> None:
    _append(services, 2)
    with services.db.write() as session:
        ids = record_many(
            session,
            services.clock,
            SYSTEM,
            [PendingEntry("many", detail={"n": n}) for n in range(5)],
        )
    assert ids == [3, 4, 5, 6, 7]
    _append(services, 1)
    report = services.audit.verify()
    assert report.ok and report.checked == 8
