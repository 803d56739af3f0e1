"""Timelines, current lockouts, counts and likely attacks, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desk_app.models import AccountEvent, AuditEvent
from desk_app.services.actor import TerminalUser
from desk_app.services.errors import BadInput, Locked, PermissionDenied, Refused
from tests.support.accounts import (
    ID,
    PASSWORD,
    WRONG,
    AccountKit,
    fetch,
    register,
    verify,
)
from tests.support.factories import add_staff, make_candidate


def lock(kit: AccountKit, id_number: str = ID, source: str = "198.51.100.7") -> None:
    """Three wrong passwords from ``source``: the account is locked."""
    for n in range(3):
        with pytest.raises(Refused if n < 2 else Locked):
            kit.accounts.login(id_number, WRONG, source=source)


def candidate_with_account(kit: AccountKit, n: int) -> str:
    id_number = f"AB{100000 + n}"
    make_candidate(kit.services, id_number, name_en=f"WONG Person {n}", email=f"p{n}@example.com")
    register(kit, id_number=id_number, email=f"p{n}@example.com")
    return id_number


# -- the timeline -------------------------------------------------------------------------------


def test_the_timeline_tells_the_whole_story(kit: AccountKit) -> None:
    make_candidate(kit.services)
    supervisor = add_staff(kit.services, "supervisor", "sup.lee")
    operator = add_staff(kit.services, "operator", "op.wong")
    register(kit)
    lock(kit)
    kit.clock.advance(minutes=31)
    kit.accounts.login(ID, PASSWORD, source="198.51.100.7")  # after the automatic expiry
    lock(kit)
    kit.clock.advance(minutes=5)
    kit.desk.unlock(supervisor, ID, reason="caller proved identity", override_reason="on hold")
    kit.clock.advance(minutes=1)
    failed = kit.verification.verify_caller(  # a failed verification shows in the timeline
        operator, ID, name="Chan Tai Man", date_of_birth="1999-01-01", phone="91234567"
    )
    assert not failed.passed
    kit.clock.advance(minutes=1)
    verify(kit, operator)
    kit.desk.send_reset(operator, ID, reason="forgot the password")
    kit.clock.advance(minutes=1)
    kit.desk.change_email(operator, ID, "new.address@example.com", reason="lost the mailbox")
    kit.clock.advance(minutes=1)
    kit.desk.reissue_letter(operator, ID, reason="lost the letter")

    events = kit.lockouts.timeline(supervisor, ID)
    kinds = [e.kind for e in events]
    assert kinds[0] == "letter_issued"  # the exam-day letter, 2014
    assert kinds[1:] == [
        "registered",
        "login_failed", "login_failed", "login_failed", "locked",
        "lock_expired", "login",
        "login_failed", "login_failed", "login_failed", "locked",
        "verification_override", "unlocked",
        "verification_failed",
        "reset_sent", "email_changed", "letter_issued",
    ]  # fmt: skip
    expired = events[kinds.index("lock_expired")]
    first_lock = events[kinds.index("locked")]
    assert expired.at == first_lock.at + timedelta(minutes=30)
    unlocked = events[kinds.index("unlocked")]
    assert (unlocked.staff, unlocked.reason) == ("sup.lee", "caller proved identity")
    assert events[kinds.index("verification_override")].reason == "on hold"
    assert events[kinds.index("verification_failed")].staff == "op.wong"
    changed = events[kinds.index("email_changed")]
    assert changed.detail == {"old": "taiman.chan@example.com", "new": "new.address@example.com"}
    assert events[-1].detail["number"] == 1 and events[-1].staff == "op.wong"
    assert events[1].source == "203.0.113.9"
    assert [e.at for e in events] == sorted(e.at for e in events)
    audited = fetch(kit, select(AuditEvent.action).where(AuditEvent.action == "timeline_viewed"))
    assert audited == ["timeline_viewed"]


def test_the_timeline_records_an_expiry_nobody_saw_once(kit: AccountKit) -> None:
    make_candidate(kit.services)
    supervisor = add_staff(kit.services, "supervisor")
    register(kit)
    lock(kit)
    end = kit.clock.now() + timedelta(minutes=30)
    kit.clock.advance(hours=3)
    for _ in range(2):
        events = kit.lockouts.timeline(supervisor, ID)
        assert [e.at for e in events if e.kind == "lock_expired"] == [end]
    assert fetch(kit, select(AccountEvent.at).where(AccountEvent.kind == "lock_expired")) == [end]


def test_flagged_verification_failures_show_in_the_timeline(kit: AccountKit) -> None:
    make_candidate(kit.services)
    operator = add_staff(kit.services, "operator")
    for _ in range(3):
        kit.verification.verify_caller(
            operator, ID, name="Somebody Else", date_of_birth="2001-05-17", phone="91234567"
        )
    events = [e for e in kit.lockouts.timeline(operator, ID) if e.kind == "verification_failed"]
    assert [e.detail["flagged"] for e in events] == [False, False, True]


def test_the_timeline_needs_a_known_candidate(kit: AccountKit) -> None:
    operator = add_staff(kit.services, "operator")
    from desk_app.services.errors import NotFound

    with pytest.raises(NotFound):
        kit.lockouts.timeline(operator, "XYZ999999")


# -- accounts locked now ------------------------------------------------------------------------


def test_current_lists_locked_accounts_with_time_left(kit: AccountKit) -> None:
    supervisor = add_staff(kit.services, "supervisor")
    first = candidate_with_account(kit, 1)
    second = candidate_with_account(kit, 2)
    candidate_with_account(kit, 3)  # never locked
    lock(kit, first, "192.0.2.10")
    kit.clock.advance(minutes=10)
    lock(kit, second, "192.0.2.20")
    kit.clock.advance(minutes=2, seconds=30)
    rows = kit.lockouts.current(supervisor)
    assert [r.id_number for r in rows] == [first, second]
    one, two = rows
    assert one.seconds_left == (30 - 12.5) * 60
    assert two.seconds_left == (30 - 2.5) * 60
    assert (one.failed_attempts, one.source, one.lock, one.name_en) == (
        3, "192.0.2.10", "password", "WONG Person 1",
    )  # fmt: skip
    assert one.last_failure_at == one.locked_until - timedelta(minutes=30)
    # the first lock runs out: it leaves the list and its expiry is recorded
    kit.clock.advance(minutes=18)
    assert [r.id_number for r in kit.lockouts.current(supervisor)] == [second]
    assert len(fetch(kit, select(AccountEvent.id).where(AccountEvent.kind == "lock_expired"))) == 1


def test_secret_locks_are_listed_too(kit: AccountKit) -> None:
    supervisor = add_staff(kit.services, "supervisor")
    make_candidate(kit.services)
    for n in range(3):
        with pytest.raises(Refused if n < 2 else Locked):
            kit.accounts.register(
                ID, "0000", "a@example.com", PASSWORD, accept_terms=True, source="192.0.2.99"
            )
    (row,) = kit.lockouts.current(supervisor)
    assert (row.lock, row.source, row.failed_attempts) == ("secret", "192.0.2.99", 3)


@pytest.mark.parametrize(("role", "allowed"), [("operator", False), ("counter", False),
                                               ("supervisor", True), ("admin", True)])  # fmt: skip
def test_who_may_see_the_lockouts(kit: AccountKit, role: str, allowed: bool) -> None:
    staff = add_staff(kit.services, role)
    since = kit.clock.now() - timedelta(days=1)
    if allowed:
        assert kit.lockouts.current(staff) == ()
        assert kit.lockouts.suspicious_sources(staff) == ()
        assert len(kit.lockouts.counts(staff, by="day", since=since)) in (1, 2)
    else:
        with pytest.raises(PermissionDenied):
            kit.lockouts.current(staff)
        with pytest.raises(PermissionDenied):
            kit.lockouts.counts(staff, by="hour", since=since)
        with pytest.raises(PermissionDenied):
            kit.lockouts.suspicious_sources(staff)


def test_the_terminal_user_may_not_see_the_lockouts(kit: AccountKit) -> None:
    candidate_with_account(kit, 1)
    lock(kit, "AB100001")
    terminal = TerminalUser("root")
    since = kit.clock.now() - timedelta(days=1)
    for look in (
        lambda: kit.lockouts.current(terminal),
        lambda: kit.lockouts.counts(terminal, by="hour", since=since),
        lambda: kit.lockouts.suspicious_sources(terminal),
    ):
        with pytest.raises(PermissionDenied) as refused:
            look()
        assert refused.value.code == "sign_in_required"
        assert refused.value.params == {"action": "view_lockouts"}


# -- counts and attacks -------------------------------------------------------------------------


def test_counts_per_hour_and_per_day_in_the_office_time_zone(kit: AccountKit) -> None:
    supervisor = add_staff(kit.services, "supervisor")
    # 2026-11-21 15:10 UTC is 23:10 in Hong Kong; 16:20 UTC is 00:20 the next day there
    kit.clock.set(datetime(2026, 11, 21, 15, 10, tzinfo=UTC))
    ids = [candidate_with_account(kit, n) for n in range(3)]
    lock(kit, ids[0])
    lock(kit, ids[1])
    kit.clock.set(datetime(2026, 11, 21, 16, 20, tzinfo=UTC))
    lock(kit, ids[2])
    since = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
    hours = kit.lockouts.counts(supervisor, by="hour", since=since)
    assert [(c.period_start.hour, c.count) for c in hours] == [(14, 0), (15, 2), (16, 1)]
    days = kit.lockouts.counts(supervisor, by="day", since=since)
    # local days start at 16:00 UTC
    assert [(c.period_start, c.count) for c in days] == [
        (datetime(2026, 11, 20, 16, 0, tzinfo=UTC), 2),
        (datetime(2026, 11, 21, 16, 0, tzinfo=UTC), 1),
    ]
    with pytest.raises(BadInput):
        kit.lockouts.counts(supervisor, by="week", since=since)  # type: ignore[arg-type]
    with pytest.raises(BadInput):
        kit.lockouts.counts(supervisor, by="hour", since=since - timedelta(days=3650))


def test_a_source_locking_many_accounts_is_a_likely_attack(kit: AccountKit) -> None:
    supervisor = add_staff(kit.services, "supervisor")
    ids = [candidate_with_account(kit, n) for n in range(7)]
    lock(kit, ids[0], "203.0.113.66")  # outside the window by the end
    kit.clock.advance(minutes=50)
    for id_number in ids[1:5]:
        lock(kit, id_number, "203.0.113.66")
        kit.clock.advance(minutes=1)
    lock(kit, ids[5], "192.0.2.1")
    lock(kit, ids[6], "192.0.2.1")
    # 5 accounts from .66 within the last hour: flagged
    (flagged,) = kit.lockouts.suspicious_sources(supervisor)
    assert (flagged.source, flagged.accounts, flagged.likely_attack) == ("203.0.113.66", 5, True)
    kit.clock.advance(minutes=7)  # the first lock leaves the 60-minute window
    assert kit.lockouts.suspicious_sources(supervisor) == ()
    lower = kit.lockouts.suspicious_sources(supervisor, minimum_accounts=2)
    assert [(s.source, s.accounts, s.likely_attack) for s in lower] == [
        ("203.0.113.66", 4, False),
        ("192.0.2.1", 2, False),
    ]
