"""One account's history as the desk shows it: events, letters, verifications.

:func:`account_timeline` works inside the caller's unit of work: it settles
the locks that ran out first (``lock_expired`` at their end), so the history
it reads is complete. Looking is audited by whoever calls it, once per look.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.models import AccountEvent, CallerVerification, Letter, Staff
from desk_app.services.accounts.locks import account_for_update, settle_expired
from desk_app.services.actions.verification import FLAG_WINDOW, OVERRIDE
from desk_app.settings import Settings


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    #: an account_event kind (login_failed, locked, lock_expired, unlocked, …),
    #: or letter_issued, verification_failed, verification_override
    kind: str
    source: str | None
    #: the staff member's username, when a desk acted
    staff: str | None
    reason: str | None
    detail: Mapping[str, Any]


def _detail(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}


def account_timeline(
    session: Session, candidate_id: int, settings: Settings, now: datetime
) -> tuple[TimelineEvent, ...]:
    """The candidate's whole account history, oldest first, after settling its locks."""
    account = account_for_update(session, candidate_id)
    settle_expired(session, account, now)
    session.flush()
    # at the same moment, a verification comes before the action it allowed
    events = [
        *_verification_events(session, candidate_id, settings),
        *_account_events(session, account.id),
        *_letter_events(session, candidate_id),
    ]
    # a stable sort: events at the same moment keep the order they were written in
    return tuple(sorted(events, key=lambda e: e.at))


def _account_events(session: Session, account_id: int) -> list[TimelineEvent]:
    rows = session.execute(
        select(AccountEvent, Staff.username)
        .outerjoin(Staff, Staff.id == AccountEvent.staff_id)
        .where(AccountEvent.account_id == account_id)
        .order_by(AccountEvent.at, AccountEvent.id)
    )
    return [
        TimelineEvent(e.at, e.kind, e.source, username, e.reason, _detail(e.detail))
        for e, username in rows
    ]


def _letter_events(session: Session, candidate_id: int) -> list[TimelineEvent]:
    rows = session.execute(
        select(Letter, Staff.username)
        .outerjoin(Staff, Staff.id == Letter.issued_by_id)
        .where(Letter.candidate_id == candidate_id)
        .order_by(Letter.number)
    )
    return [
        TimelineEvent(
            letter.issued_at,
            "letter_issued",
            None,
            username,
            letter.reason,
            {
                "number": letter.number,
                "serial": letter.serial,
                "has_secret": letter.secret_hash is not None,
                "active": letter.active,
            },
        )
        for letter, username in rows
    ]


def _verification_events(
    session: Session, candidate_id: int, settings: Settings
) -> list[TimelineEvent]:
    rows = session.execute(
        select(CallerVerification, Staff.username)
        .join(Staff, Staff.id == CallerVerification.staff_id)
        .where(
            CallerVerification.candidate_id == candidate_id,
            (CallerVerification.passed.is_(False)) | (CallerVerification.method == OVERRIDE),
        )
        .order_by(CallerVerification.created_at, CallerVerification.id)
    )
    threshold = settings.desk.verification_failures_flag
    failures: list[datetime] = []
    events = []
    for row, username in rows:
        if row.method == OVERRIDE:
            override = "verification_override"
            events.append(TimelineEvent(row.created_at, override, None, username, row.reason, {}))
            continue
        failures.append(row.created_at)
        recent = sum(1 for at in failures if at > row.created_at - FLAG_WINDOW)
        events.append(
            TimelineEvent(
                row.created_at,
                "verification_failed",
                None,
                username,
                None,
                {"method": row.method, "failures_24h": recent, "flagged": recent >= threshold},
            )
        )
    return events
