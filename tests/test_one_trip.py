"""A website attempt's writes in one statement (PostgreSQL) or a flush (SQLite), on both."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import pytest
from sqlalchemy import event, select

from desk_app.models import AccountEvent, AuditEvent, AuditHead, Candidate, ResultsAccount
from desk_app.services.accounts.locks import add_event
from desk_app.services.accounts.one_trip import write_together
from desk_app.services.errors import Locked, Refused
from tests.support.accounts import (
    ID,
    PASSWORD,
    WRONG,
    AccountKit,
    account_row,
    event_kinds,
    fetch,
    register,
)
from tests.support.factories import make_candidate


@pytest.fixture
def registered(kit: AccountKit) -> int:
    candidate_id = make_candidate(kit.services)
    register(kit)
    return candidate_id


@contextmanager
def statements(kit: AccountKit) -> Iterator[list[str]]:
    """The SQL statements sent while the block runs (BEGIN and COMMIT are not statements here)."""
    sent: list[str] = []

    def note(*args: Any) -> None:
        sent.append(args[2])

    engine = kit.services.db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_the_attempt_that_locks_writes_the_account_its_timeline_and_the_audit_entry(
    kit: AccountKit, registered: int
) -> None:
    for _ in range(2):
        with pytest.raises(Refused):
            kit.accounts.login(ID, WRONG, source="198.51.100.7")
    with pytest.raises(Locked):
        kit.accounts.login(ID, WRONG, source="198.51.100.7")
    now = kit.clock.now()
    account = account_row(kit, registered)
    assert (account.failed_attempts, account.last_failure_at, account.locked_at) == (3, now, now)
    assert account.locked_until is not None and account.locked_until > now
    assert account.lock_source == "198.51.100.7"
    # the two events of the same moment in the order they were made (ids in order)
    assert event_kinds(kit, registered) == ["registered", *["login_failed"] * 3, "locked"]
    (entry,) = fetch(kit, select(AuditEvent).where(AuditEvent.action == "account_locked"))
    assert (entry.actor, entry.subject, entry.candidate_id) == ("website", ID, registered)
    (head,) = fetch(kit, select(AuditHead))
    assert (head.last_id, head.last_hash) == (entry.id, entry.row_hash)
    assert kit.services.audit.verify().ok
    # and the lock holds: the right password is refused now
    with pytest.raises(Locked):
        kit.accounts.login(ID, PASSWORD)


def test_on_postgresql_each_login_sends_two_statements(kit: AccountKit, registered: int) -> None:
    if kit.services.db.dialect != "postgresql":
        pytest.skip("the statement count is PostgreSQL's (SQLite's flush is in-process)")
    kit.accounts.login(ID, PASSWORD)  # the pool's first connection is made before counting
    counted: dict[str, int] = {}
    attempts = [("success", PASSWORD), ("wrong", WRONG), ("wrong", WRONG)]
    attempts += [("locks", WRONG), ("while locked", PASSWORD)]
    for name, password in attempts:
        with statements(kit) as sent, suppress(Refused, Locked):
            kit.accounts.login(ID, password)
        counted[name] = len(sent)
    # the look, then one call that decides and writes everything (login_call.py)
    assert counted == {"success": 2, "wrong": 2, "locks": 2, "while locked": 2}


def test_what_the_website_does_not_write_is_flushed_as_usual(
    kit: AccountKit, registered: int
) -> None:
    with kit.services.db.write() as session:
        account = session.execute(
            select(ResultsAccount).where(ResultsAccount.candidate_id == registered)
        ).scalar_one()
        candidate = session.get(Candidate, registered)
        assert candidate is not None
        candidate.phone = "98765432"
        add_event(session, account, "login", kit.clock.now())
        write_together(session)
    (phone,) = fetch(kit, select(Candidate.phone).where(Candidate.id == registered))
    assert phone == "98765432"
    assert event_kinds(kit, registered)[-1] == "login"


def test_nothing_is_written_when_the_unit_of_work_fails_after_the_write(
    kit: AccountKit, registered: int
) -> None:
    class Stop(Exception):
        pass

    before = event_kinds(kit, registered)
    with pytest.raises(Stop), kit.services.db.write() as session:
        account = session.execute(
            select(ResultsAccount).where(ResultsAccount.candidate_id == registered)
        ).scalar_one()
        account.failed_attempts = 2
        add_event(session, account, "login_failed", kit.clock.now())
        write_together(session)
        raise Stop
    assert account_row(kit, registered).failed_attempts == 0
    assert event_kinds(kit, registered) == before
    assert not fetch(kit, select(AccountEvent).where(AccountEvent.kind == "login_failed"))


@pytest.mark.parametrize("short_row", [False, True], ids=["one statement", "a flush"])
def test_rows_of_a_table_keep_their_order_around_other_writes(
    kit: AccountKit, registered: int, short_row: bool
) -> None:
    from desk_app.services.accounts.one_trip import append_audit
    from desk_app.services.actor import WEBSITE

    now = kit.clock.now()
    with kit.services.db.write() as session:
        account = session.execute(
            select(ResultsAccount)
            .where(ResultsAccount.candidate_id == registered)
            .with_for_update()
        ).scalar_one()
        add_event(session, account, "login_failed", now)
        append_audit(
            session, kit.clock, WEBSITE, "account_locked",
            candidate_id=registered, subject=ID, detail={"n": 1},
        )  # fmt: skip
        add_event(session, account, "locked", now)
        if short_row:  # a row given fewer columns: one statement cannot carry it with the others
            session.add(AccountEvent(account_id=account.id, at=now, kind="locked_attempt"))
        else:
            add_event(session, account, "locked_attempt", now)
        write_together(session)
        assert not session.new and not session.dirty
    assert event_kinds(kit, registered)[-3:] == ["login_failed", "locked", "locked_attempt"]
    assert kit.services.audit.verify().ok


def test_the_benchs_old_path_decides_alike_in_more_statements(
    kit: AccountKit, registered: int
) -> None:
    """bench/accounts_before.py, the comparison in docs/PERFORMANCE.md, stays a fair one."""
    from bench.accounts_before import as_before

    kit.accounts.login(ID, PASSWORD)  # the pool's first connection is made before counting
    with as_before():
        for _ in range(2):
            with pytest.raises(Refused):
                kit.accounts.login(ID, WRONG, source="198.51.100.7")
        with statements(kit) as sent, pytest.raises(Locked):
            kit.accounts.login(ID, WRONG, source="198.51.100.7")
    assert event_kinds(kit, registered)[-4:] == [*["login_failed"] * 3, "locked"]
    assert fetch(kit, select(AuditEvent).where(AuditEvent.action == "account_locked"))
    assert kit.services.audit.verify().ok
    if kit.services.db.dialect == "postgresql":  # today's path sends 2 (the test above)
        assert len(sent) == 5


@pytest.mark.parametrize("rows", [1, 2])
def test_the_one_statement_is_compiled_once_whatever_its_values(rows: int) -> None:
    """A statement SQLAlchemy cannot cache is compiled on every attempt (about a millisecond)."""
    from datetime import UTC, datetime

    from desk_app.services.accounts.one_trip import _insert_rows

    def shaped(n: int) -> object:
        at = datetime(2026, 1, 1, tzinfo=UTC)
        given = [{"account_id": n, "at": at, "kind": f"k{i}"} for i in range(rows)]
        return _insert_rows(AccountEvent.__table__, given)._generate_cache_key()  # type: ignore[arg-type]

    first, second = shaped(1), shaped(2)
    assert first is not None
    assert first == second
