"""The two lock kinds behave alike through one description, each on its own columns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desk_app.models import ResultsAccount
from desk_app.services.accounts.locks import LOCK_KINDS, PASSWORD_LOCK, SECRET_LOCK, LockKind
from desk_app.settings import LockoutPolicy

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
KINDS = pytest.mark.parametrize("kind", LOCK_KINDS, ids=lambda kind: kind.name)


def fresh() -> ResultsAccount:
    return ResultsAccount(candidate_id=1, failed_attempts=0, secret_failures=0)


def other(kind: LockKind) -> LockKind:
    return SECRET_LOCK if kind is PASSWORD_LOCK else PASSWORD_LOCK


@KINDS
def test_a_lock_counts_starts_moves_and_clears(kind: LockKind) -> None:
    account = fresh()
    assert [kind.count_failure(account, NOW) for _ in range(3)] == [1, 2, 3]
    assert kind.failures(account) == 3
    until = NOW + timedelta(minutes=30)
    kind.start(account, NOW, until, "203.0.113.9")
    assert kind.until(account) == until
    assert kind.locked(account, NOW) and not kind.locked(account, until)
    kind.set_until(account, until + timedelta(minutes=5))
    assert kind.locked(account, until)
    kind.clear(account)
    assert (kind.until(account), kind.failures(account)) == (None, 0)
    assert not kind.locked(account, NOW)


@KINDS
def test_a_lock_leaves_the_other_kind_alone(kind: LockKind) -> None:
    account = fresh()
    second = other(kind)
    second.count_failure(account, NOW)
    second.start(account, NOW, NOW + timedelta(minutes=30), None)
    kind.count_failure(account, NOW)
    kind.start(account, NOW, NOW + timedelta(minutes=10), None)
    kind.clear(account)
    assert second.failures(account) == 1
    assert second.until(account) == NOW + timedelta(minutes=30)


def test_each_kind_takes_its_own_numbers_from_the_policy() -> None:
    policy = LockoutPolicy(threshold=3, lock_minutes=30, secret_threshold=5, secret_lock_minutes=60)
    assert (PASSWORD_LOCK.threshold(policy), PASSWORD_LOCK.minutes(policy)) == (3, 30)
    assert (SECRET_LOCK.threshold(policy), SECRET_LOCK.minutes(policy)) == (5, 60)


def test_the_password_lock_keeps_when_and_from_where_it_began() -> None:
    account = fresh()
    PASSWORD_LOCK.count_failure(account, NOW)
    PASSWORD_LOCK.start(account, NOW, NOW + timedelta(minutes=30), "203.0.113.9")
    assert (account.last_failure_at, account.locked_at, account.lock_source) == (
        NOW,
        NOW,
        "203.0.113.9",
    )
    assert PASSWORD_LOCK.started(account) == {"locked_at": NOW.isoformat()}
    assert SECRET_LOCK.started(account) is None


@pytest.mark.parametrize(
    "field",
    [
        "name",
        "wrong_code",
        "locked_code",
        "failed_event",
        "locked_event",
        "expired_event",
        "audit_action",
    ],
)
def test_the_kinds_differ_in_every_name(field: str) -> None:
    values = [getattr(kind, field) for kind in LOCK_KINDS]
    assert len(set(values)) == len(values)
