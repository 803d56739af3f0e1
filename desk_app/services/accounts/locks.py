"""The lock bookkeeping that the website's calls and the desk's actions share.

An account holds two locks, each described once by a :class:`LockKind`: the
password lock (:data:`PASSWORD_LOCK`, set by the 3rd consecutive wrong
password) and the Secret Number lock (:data:`SECRET_LOCK`, set by wrong
Secret Numbers at registration). Counting, locking, refusing, settling and
unlocking work through the kind, so the two locks cannot drift apart.
Nobody acts when a lock runs out, so the first touch after that — a login,
a timeline, the lockouts list, or :func:`settle_due_locks` — writes the
``lock_expired`` event *at* the lock's end and clears it. Settling is
idempotent: a settled lock is gone, so a second touch finds nothing to do.

Every function here works inside the caller's unit of work, on an account
row the caller has locked (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's
write transaction holds the database).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desk_app.models import AccountEvent, ResultsAccount
from desk_app.services.validation import clean_text
from desk_app.settings import LockoutPolicy


@dataclass(frozen=True)
class LockKind:
    """One kind of lock on a results account: where it is kept, its policy, its names."""

    #: the lock's name in event details, in the desk's unlock and in the lockouts view
    name: str
    #: the account's column holding the lock's end (for queries)
    until_column: InstrumentedAttribute[datetime | None]
    #: the lock's end, None when not locked
    until: Callable[[ResultsAccount], datetime | None]
    #: the consecutive wrong attempts counted toward the lock
    failures: Callable[[ResultsAccount], int]
    #: from :class:`LockoutPolicy`: how many wrong attempts lock, and for how long
    threshold: Callable[[LockoutPolicy], int]
    minutes: Callable[[LockoutPolicy], int]
    #: error codes: a wrong attempt (Refused), an attempt that finds the lock (Locked)
    wrong_code: str
    locked_code: str
    #: timeline kinds: a wrong attempt, the lock beginning, the lock ending by itself
    failed_event: str
    locked_event: str
    expired_event: str
    #: the audit action written when the lock begins
    audit_action: str
    #: count one more wrong attempt at a moment; the new count
    count_failure: Callable[[ResultsAccount, datetime], int]
    #: lock from a moment until an end, for an attempt from a source
    start: Callable[[ResultsAccount, datetime, datetime, str | None], None]
    #: move the end (an attempt while locked starts the minutes again)
    set_until: Callable[[ResultsAccount, datetime], None]
    #: end the lock and forget the count
    clear: Callable[[ResultsAccount], None]
    #: what the ``expired_event`` records of the lock's beginning
    started: Callable[[ResultsAccount], dict[str, Any] | None]

    def locked(self, account: ResultsAccount, now: datetime) -> bool:
        until = self.until(account)
        return until is not None and until > now


# -- the password lock: the account keeps when and from where it began --------------------


def _count_wrong_password(account: ResultsAccount, at: datetime) -> int:
    account.failed_attempts += 1
    account.last_failure_at = at
    return account.failed_attempts


def _lock_password(
    account: ResultsAccount, at: datetime, until: datetime, source: str | None
) -> None:
    account.locked_at = at
    account.locked_until = until
    account.lock_source = source


def _set_password_until(account: ResultsAccount, until: datetime) -> None:
    account.locked_until = until


def _clear_password_lock(account: ResultsAccount) -> None:
    account.locked_until = None
    account.locked_at = None
    account.lock_source = None
    account.failed_attempts = 0


def _password_lock_started(account: ResultsAccount) -> dict[str, Any]:
    return {"locked_at": account.locked_at.isoformat() if account.locked_at else None}


PASSWORD_LOCK = LockKind(
    name="password",
    until_column=ResultsAccount.locked_until,
    until=lambda account: account.locked_until,
    failures=lambda account: account.failed_attempts,
    threshold=lambda policy: policy.threshold,
    minutes=lambda policy: policy.lock_minutes,
    wrong_code="wrong_password",
    locked_code="account_locked",
    failed_event="login_failed",
    locked_event="locked",
    expired_event="lock_expired",
    audit_action="account_locked",
    count_failure=_count_wrong_password,
    start=_lock_password,
    set_until=_set_password_until,
    clear=_clear_password_lock,
    started=_password_lock_started,
)


# -- the Secret Number lock: its beginning and source are in its timeline event ----------


def _count_wrong_secret(account: ResultsAccount, _at: datetime) -> int:
    account.secret_failures += 1
    return account.secret_failures


def _lock_secret(
    account: ResultsAccount, _at: datetime, until: datetime, _source: str | None
) -> None:
    account.secret_locked_until = until


def _set_secret_until(account: ResultsAccount, until: datetime) -> None:
    account.secret_locked_until = until


def _clear_secret_lock(account: ResultsAccount) -> None:
    account.secret_locked_until = None
    account.secret_failures = 0


SECRET_LOCK = LockKind(
    name="secret",
    until_column=ResultsAccount.secret_locked_until,
    until=lambda account: account.secret_locked_until,
    failures=lambda account: account.secret_failures,
    threshold=lambda policy: policy.secret_threshold,
    minutes=lambda policy: policy.secret_lock_minutes,
    wrong_code="wrong_secret",
    locked_code="secret_locked",
    failed_event="secret_failed",
    locked_event="secret_locked",
    expired_event="secret_lock_expired",
    audit_action="account_secret_locked",
    count_failure=_count_wrong_secret,
    start=_lock_secret,
    set_until=_set_secret_until,
    clear=_clear_secret_lock,
    started=lambda _account: None,
)

#: every lock an account can hold, the password lock first
LOCK_KINDS = (PASSWORD_LOCK, SECRET_LOCK)


def add_event(
    session: Session,
    account: ResultsAccount,
    kind: str,
    at: datetime,
    *,
    source: str | None = None,
    staff_id: int | None = None,
    reason: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """One line of the account's timeline."""
    session.add(
        AccountEvent(
            account_id=account.id,
            at=at,
            kind=kind,
            source=source,
            staff_id=staff_id,
            reason=reason,
            detail=event_detail(detail),
        )
    )


def event_detail(detail: Mapping[str, Any] | None) -> str | None:
    """A timeline event's detail as stored: sorted-key JSON, None when there is none."""
    return json.dumps(dict(detail), sort_keys=True, ensure_ascii=False) if detail else None


def settle_expired(session: Session, account: ResultsAccount, now: datetime) -> bool:
    """Record and clear the locks of ``account`` that ran out by ``now``; True if any."""
    settled = False
    for kind in LOCK_KINDS:
        until = kind.until(account)
        if until is not None and until <= now:
            add_event(session, account, kind.expired_event, until, detail=kind.started(account))
            kind.clear(account)
            settled = True
    return settled


def settle_due_locks(session: Session, now: datetime) -> int:
    """Settle every lock that ran out by ``now``; the number of accounts touched.

    The rows are locked first; on PostgreSQL a row another transaction just
    settled no longer matches the condition when the lock is granted (the
    condition is checked again), so nothing is recorded twice.
    """
    # a query per kind rather than one with OR, so that each can use its column's index
    due: dict[int, ResultsAccount] = {}
    for kind in LOCK_KINDS:
        for account in session.scalars(
            select(ResultsAccount)
            .where(kind.until_column <= now)
            .order_by(ResultsAccount.id)
            .with_for_update()
        ):
            due[account.id] = account
    return sum(1 for account in due.values() if settle_expired(session, account, now))


def account_for_update(session: Session, candidate_id: int) -> ResultsAccount:
    """The candidate's account row, locked; created when an import left none."""
    account = session.scalar(
        select(ResultsAccount).where(ResultsAccount.candidate_id == candidate_id).with_for_update()
    )
    if account is None:
        account = ResultsAccount(candidate_id=candidate_id, failed_attempts=0, secret_failures=0)
        session.add(account)
        session.flush()
    return account


def clean_source(source: str | None) -> str | None:
    """The caller's source address (an IP address or a name), at most 64 characters."""
    if source is None:
        return None
    value = clean_text(source, "source_address", 64, required=False)
    return value or None
