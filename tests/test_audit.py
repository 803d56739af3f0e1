"""The audit chain: appended with the change, and any tampering found and named."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text, update

from desk_app.models import AuditEvent, AuditHead
from desk_app.services.actor import SYSTEM
from desk_app.services.audit import trail as audit
from desk_app.services.errors import PermissionDenied
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import add_staff


def _append(services: Services, count: int) -> None:
    clock = services.clock
    assert isinstance(clock, ManualClock)
    for n in range(count):
        with services.db.write() as session:
            audit.record(
                session,
                services.clock,
                SYSTEM,
                "test_event",
                subject=f"S{n}",
                detail={"n": n, "名": "陳"},
            )
        clock.advance(seconds=1)


def test_an_untouched_chain_verifies(services: Services) -> None:
    _append(services, 5)
    report = services.audit.verify()
    assert report.ok, report.problems
    assert report.checked == 5


def test_an_empty_chain_verifies(services: Services) -> None:
    assert services.audit.verify().ok


def test_the_entry_is_lost_with_a_rolled_back_change(services: Services) -> None:
    _append(services, 1)
    with pytest.raises(RuntimeError), services.db.write() as session:
        audit.record(session, services.clock, SYSTEM, "doomed")
        raise RuntimeError("the change failed")
    report = services.audit.verify()
    assert report.ok and report.checked == 1


def _problems(services: Services) -> list[tuple[int | None, str]]:
    report = services.audit.verify()
    assert not report.ok
    return [(p.row_id, p.kind) for p in report.problems]


def test_an_edited_row_is_named(services: Services) -> None:
    _append(services, 5)
    with services.db.write() as session:
        session.execute(
            update(AuditEvent).where(AuditEvent.id == 3).values(reason="nothing to see")
        )
    assert _problems(services) == [(3, "edited")]


def test_an_edited_detail_is_named(services: Services) -> None:
    _append(services, 4)
    with services.db.write() as session:
        session.execute(update(AuditEvent).where(AuditEvent.id == 2).values(detail='{"n":99}'))
    assert (2, "edited") in _problems(services)


def test_a_deleted_row_is_named(services: Services) -> None:
    _append(services, 5)
    with services.db.write() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.id == 3))
    problems = services.audit.verify().problems
    assert [(p.row_id, p.kind) for p in problems] == [(4, "deleted")]
    assert "3" in problems[0].message


def test_a_deleted_last_row_is_noticed(services: Services) -> None:
    _append(services, 3)
    with services.db.write() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.id == 3))
    assert _problems(services) == [(3, "deleted")]


def test_an_inserted_row_is_named(services: Services) -> None:
    _append(services, 3)
    with services.db.write() as session:
        forged = session.get(AuditEvent, 3)
        assert forged is not None
        session.add(
            AuditEvent(
                id=4,
                at=forged.at,
                actor="intruder",
                staff_id=None,
                action="staff_added",
                candidate_id=None,
                subject="mallory",
                reason=None,
                detail="{}",
                prev_hash=forged.row_hash,
                row_hash="f" * 64,
            )
        )
    assert (4, "edited") in _problems(services) or (4, "inserted") in _problems(services)


def test_a_row_inserted_with_a_correct_hash_but_outside_the_head_is_named(
    services: Services,
) -> None:
    _append(services, 3)
    with services.db.write() as session:
        last = session.get(AuditEvent, 3)
        assert last is not None
        digest = audit.row_digest(
            id=4, at=last.at, actor="intruder", staff_id=None, action="x", candidate_id=None,
            subject=None, reason=None, detail="{}", prev_hash=last.row_hash,
        )  # fmt: skip
        session.add(
            AuditEvent(
                id=4,
                at=last.at,
                actor="intruder",
                staff_id=None,
                action="x",
                candidate_id=None,
                subject=None,
                reason=None,
                detail="{}",
                prev_hash=last.row_hash,
                row_hash=digest,
            )
        )
    assert _problems(services) == [(4, "inserted")]


def test_reordered_rows_are_named(services: Services) -> None:
    _append(services, 5)
    with services.db.write() as session:
        two = session.get(AuditEvent, 2)
        four = session.get(AuditEvent, 4)
        assert two is not None and four is not None
        fields = ("at", "actor", "action", "subject", "detail", "prev_hash", "row_hash")
        saved = {f: getattr(two, f) for f in fields}
        for f in fields:
            setattr(two, f, getattr(four, f))
            setattr(four, f, saved[f])
    problems = _problems(services)
    assert {row for row, _ in problems} >= {2, 4}


def test_an_edited_head_is_noticed(services: Services) -> None:
    _append(services, 2)
    with services.db.write() as session:
        session.execute(update(AuditHead).values(last_hash="0" * 64))
    assert _problems(services) == [(2, "edited")]


def test_recent_needs_an_audit_role(services: Services) -> None:
    _append(services, 2)
    supervisor = add_staff(services, "supervisor")
    operator = add_staff(services, "operator")
    entries = services.audit.recent(supervisor)
    assert entries[0].id > entries[-1].id
    with pytest.raises(PermissionDenied):
        services.audit.recent(operator)


def test_concurrent_writers_keep_one_chain(services: Services) -> None:
    import threading

    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            barrier.wait()
            for _ in range(5):
                with services.db.write() as session:
                    audit.record(session, services.clock, SYSTEM, "parallel", detail={"thread": n})
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    report = services.audit.verify()
    assert report.ok, report.problems
    assert report.checked == 40
    with services.db.read() as session:
        ids = list(session.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))
        assert ids == list(range(1, 41))
        assert session.execute(text("select last_id from audit_head")).scalar_one() == 40
