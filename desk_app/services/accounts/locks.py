"""The lock bookkeeping that the website's calls and the desk's actions share.

An account holds two locks: the password lock (``locked_until``, set by the
3rd consecutive wrong password) and the Secret Number lock
(``secret_locked_until``, set by wrong Secret Numbers at registration).
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
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.models import AccountEvent, ResultsAccount
from desk_app.services.validation import clean_text

#: the timeline kinds of the Secret Number lock
SECRET_LOCKED = "secret_locked"
SECRET_LOCK_EXPIRED = "secret_lock_expired"


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
            detail=json.dumps(dict(detail), sort_keys=True, ensure_ascii=False) if detail else None,
        )
    )


def password_locked(account: ResultsAccount, now: datetime) -> bool:
    return account.locked_until is not None and account.locked_until > now


def secret_locked(account: ResultsAccount, now: datetime) -> bool:
    return account.secret_locked_until is not None and account.secret_locked_until > now


def settle_expired(session: Session, account: ResultsAccount, now: datetime) -> bool:
    """Record and clear the locks of ``account`` that ran out by ``now``; True if any."""
    settled = False
    if account.locked_until is not None and account.locked_until <= now:
        add_event(
            session,
            account,
            "lock_expired",
            account.locked_until,
            detail={"locked_at": account.locked_at.isoformat() if account.locked_at else None},
        )
        clear_password_lock(account)
        settled = True
    if account.secret_locked_until is not None and account.secret_locked_until <= now:
        add_event(session, account, SECRET_LOCK_EXPIRED, account.secret_locked_until)
        clear_secret_lock(account)
        settled = True
    return settled


def clear_password_lock(account: ResultsAccount) -> None:
    account.locked_until = None
    account.locked_at = None
    account.lock_source = None
    account.failed_attempts = 0


def clear_secret_lock(account: ResultsAccount) -> None:
    account.secret_locked_until = None
    account.secret_failures = 0


def settle_due_locks(session: Session, now: datetime) -> int:
    """Settle every lock that ran out by ``now``; the number of accounts touched.

    The rows are locked first; on PostgreSQL a row another transaction just
    settled no longer matches the condition when the lock is granted (the
    condition is checked again), so nothing is recorded twice.
    """
    # two queries rather than one with OR, so that each can use its column's index
    due: dict[int, ResultsAccount] = {}
    for column in (ResultsAccount.locked_until, ResultsAccount.secret_locked_until):
        for account in session.scalars(
            select(ResultsAccount)
            .where(column <= now)
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
