"""What supervisors see of locks: one account's timeline, current locks, counts, attacks.

Looking settles first: a lock that ran out is recorded (``lock_expired`` at
its end) before anything is shown, so a timeline is complete and the list of
current locks has no stale rows. The per-candidate timeline is audited (it
discloses one person's history, like ``show``); the lockout dashboard
(:meth:`LockoutService.current`, :meth:`counts`, :meth:`suspicious_sources`)
is not, since it is refreshed all day long and shows no more than a list.

Counts group in Python by the office's local hour or day, so the SQL stays
the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import AccountEvent, Candidate, ResultsAccount
from desk_app.services.accounts.locks import (
    LOCK_KINDS,
    PASSWORD_LOCK,
    LockKind,
    settle_due_locks,
)
from desk_app.services.accounts.timeline import TimelineEvent as TimelineEvent
from desk_app.services.accounts.timeline import account_timeline
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.audit import trail as audit
from desk_app.services.candidates.detail import find_candidate
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.live.versions import candidate_versions
from desk_app.services.permissions import Action
from desk_app.settings import Settings

#: the timeline kinds of a lock beginning
LOCK_EVENTS = tuple(kind.locked_event for kind in LOCK_KINDS)
#: at most this many periods in one answer of :meth:`LockoutService.counts`
MAX_PERIODS = 24 * 400


@dataclass(frozen=True)
class LockoutRow:
    id_number: str
    name_en: str
    locked_until: datetime
    failed_attempts: int
    last_failure_at: datetime | None
    source: str | None
    seconds_left: int
    #: "password" (wrong passwords) or "secret" (wrong Secret Numbers)
    lock: str
    #: the candidate's version when listed (``live/versions.py``): an unlock passes it back
    version: int = 0


@dataclass(frozen=True)
class LockoutCount:
    #: the start of the office's local hour or day, in UTC
    period_start: datetime
    count: int


@dataclass(frozen=True)
class SuspiciousSource:
    source: str
    accounts: int
    lockouts: int
    first_at: datetime
    last_at: datetime
    likely_attack: bool


def _last_failure(
    session: Session, account: ResultsAccount, kind: LockKind
) -> tuple[datetime | None, str | None]:
    """When and from where the attempt that locked came.

    The password lock keeps both on the account; the Secret Number lock only
    in its timeline event.
    """
    if kind is PASSWORD_LOCK:
        return account.last_failure_at, account.lock_source
    last = session.execute(
        select(AccountEvent.at, AccountEvent.source)
        .where(AccountEvent.account_id == account.id, AccountEvent.kind == kind.locked_event)
        .order_by(AccountEvent.at.desc(), AccountEvent.id.desc())
        .limit(1)
    ).first()
    return (last[0], last[1]) if last else (None, None)


def locked_rows(
    session: Session, now: datetime, candidate_ids: Collection[int] | None = None
) -> tuple[LockoutRow, ...]:
    """Accounts locked at ``now`` (of these candidates only, when given), soonest unlock first."""
    listed: list[tuple[LockoutRow, int]] = []
    for kind in LOCK_KINDS:
        query = (
            select(ResultsAccount, Candidate)
            .join(Candidate, Candidate.id == ResultsAccount.candidate_id)
            .where(kind.until_column > now)
        )
        if candidate_ids is not None:
            query = query.where(Candidate.id.in_(sorted(candidate_ids)))
        for account, candidate in session.execute(query):
            until = kind.until(account)
            assert until is not None
            last_at, source = _last_failure(session, account, kind)
            row = LockoutRow(
                candidate.id_number,
                candidate.name_en,
                until,
                kind.failures(account),
                last_at,
                source,
                math.ceil((until - now).total_seconds()),
                kind.name,
            )
            listed.append((row, candidate.id))
    versions = candidate_versions(session, {candidate_id for _row, candidate_id in listed})
    found = [replace(row, version=versions.get(cid, 0)) for row, cid in listed]
    return tuple(sorted(found, key=lambda r: (r.locked_until, r.id_number, r.lock)))


class LockoutService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    # -- one account ----------------------------------------------------------------------
    def timeline(self, caller: Caller, id_number: str) -> tuple[TimelineEvent, ...]:
        """The account's whole history, oldest first (the look is audited)."""
        with self._db.write() as session:
            actor = authorise_caller(session, caller, Action.VIEW_CANDIDATE)
            candidate = find_candidate(session, id_number, self._settings)
            events = account_timeline(session, candidate.id, self._settings, self._clock.now())
            audit.record(
                session,
                self._clock,
                actor,
                "timeline_viewed",
                candidate_id=candidate.id,
                subject=candidate.id_number,
            )
        return events

    # -- the dashboard --------------------------------------------------------------------
    def current(self, caller: Caller) -> tuple[LockoutRow, ...]:
        """Accounts locked now, soonest unlock first, with the time left."""
        with self._db.write() as session:
            authorise_caller(session, caller, Action.VIEW_LOCKOUTS)
            now = self._clock.now()
            settle_due_locks(session, now)
            return locked_rows(session, now)

    def counts(
        self,
        caller: Caller,
        *,
        by: Literal["hour", "day"],
        since: datetime,
        until: datetime | None = None,
    ) -> tuple[LockoutCount, ...]:
        """Lockouts (password and Secret Number) per local hour or day, zeros included."""
        if by not in ("hour", "day"):
            raise BadInput("invalid_period")
        if since.tzinfo is None or (until is not None and until.tzinfo is None):
            raise BadInput("invalid_date", value=since.isoformat()[:20])
        zone = ZoneInfo(self._settings.office.timezone)
        with self._db.read() as session:
            authorise_caller(session, caller, Action.VIEW_LOCKOUTS)
            end = until or self._clock.now()
            times = session.scalars(
                select(AccountEvent.at).where(
                    AccountEvent.kind.in_(LOCK_EVENTS),
                    AccountEvent.at >= since,
                    AccountEvent.at <= end,
                )
            ).all()

        def start_of(moment: datetime) -> datetime:
            local = moment.astimezone(zone)
            local = local.replace(minute=0, second=0, microsecond=0)
            if by == "day":
                local = local.replace(hour=0)
            return local

        tally = Counter(start_of(at) for at in times)
        step = timedelta(hours=1) if by == "hour" else timedelta(days=1)
        first, last = start_of(since), start_of(end)
        periods = int((last.replace(tzinfo=None) - first.replace(tzinfo=None)) / step) + 1
        if periods > MAX_PERIODS:
            raise BadInput("period_too_long", limit=MAX_PERIODS)
        answer = []
        for i in range(periods):
            local = (first.replace(tzinfo=None) + i * step).replace(tzinfo=zone)
            answer.append(LockoutCount(local.astimezone(ZoneInfo("UTC")), tally.get(local, 0)))
        return tuple(answer)

    def suspicious_sources(
        self,
        caller: Caller,
        *,
        at: datetime | None = None,
        minimum_accounts: int | None = None,
    ) -> tuple[SuspiciousSource, ...]:
        """Sources with lockouts on many accounts in the window ending ``at`` (default now).

        Only sources with at least ``minimum_accounts`` accounts (default
        ``LockoutPolicy.attack_accounts``) are listed, most accounts first;
        ``likely_attack`` marks those at the policy's threshold.
        """
        policy = self._settings.lockout
        floor = max(1, minimum_accounts if minimum_accounts is not None else policy.attack_accounts)
        with self._db.read() as session:
            authorise_caller(session, caller, Action.VIEW_LOCKOUTS)
            end = at or self._clock.now()
            start = end - timedelta(minutes=policy.attack_window_minutes)
            accounts = func.count(func.distinct(AccountEvent.account_id))
            rows = session.execute(
                select(
                    AccountEvent.source,
                    accounts,
                    func.count(),
                    func.min(AccountEvent.at),
                    func.max(AccountEvent.at),
                )
                .where(
                    AccountEvent.kind.in_(LOCK_EVENTS),
                    AccountEvent.source.is_not(None),
                    AccountEvent.at > start,
                    AccountEvent.at <= end,
                )
                .group_by(AccountEvent.source)
                .having(accounts >= floor)
            ).all()
        found = [
            SuspiciousSource(
                source or "",
                n_accounts,
                n_lockouts,
                first,
                last,
                n_accounts >= policy.attack_accounts,
            )
            for source, n_accounts, n_lockouts, first, last in rows
        ]
        return tuple(sorted(found, key=lambda s: (-s.accounts, -s.lockouts, s.source)))
