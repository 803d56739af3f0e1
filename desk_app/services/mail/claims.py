"""The outbox's states as a sender moves a message through them.

``pending`` → (claim) ``sending`` → ``sent``; or back to ``pending`` with a
back-off after a temporary failure; or ``failed``; or, for a reset email
whose link was revoked before it went, ``withdrawn``. Every change is its
own short write transaction, and an outcome is written only while the claim
is still the sender's own (same status, same attempt number).

A reset email's link is made in the claim's transaction
(``reset_links.py``): the claim carries the body with the link, in memory
only.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, func, or_, select, update
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models.outbox import OutboxMessage
from desk_app.services.actor import SYSTEM
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.mail import reset_links
from desk_app.services.mail.outbox import FAILED, PENDING, SENDING, SENT, WITHDRAWN
from desk_app.services.mail.smtp import SmtpFailure
from desk_app.settings import OfficeInfo, SmtpSettings

log = logging.getLogger(__name__)

#: how long a claim lasts before another sender may take the message again
CLAIM_SECONDS = 300
#: the longest wait between two attempts, whatever the back-off says
MAX_BACKOFF_SECONDS = 3600


@dataclass(frozen=True)
class Claim:
    """A message a sender holds: what it needs to send it, and its claim.

    For a reset email ``body`` holds the link just made (never stored), and
    ``token_id`` / ``link_expires_at`` name the link's row and its end.
    """

    id: int
    kind: str
    candidate_id: int | None
    to_address: str
    subject: str
    body: str = field(repr=False)
    message_id: str
    created_at: datetime
    attempts: int
    claimed_until: datetime
    token_id: int | None = None
    link_expires_at: datetime | None = None


@dataclass(frozen=True)
class Batch:
    """What one claim took: the messages to send, and those settled on the way
    (``exhausted``: abandoned claims with no attempts left, now failed;
    ``withdrawn``: reset emails whose link was revoked or used first)."""

    claims: list[Claim]
    exhausted: int = 0
    withdrawn: int = 0


WITHDRAWN_TEXT = "withdrawn: its reset link was revoked or used before the email went"


def retry_delay(smtp: SmtpSettings, attempts: int) -> timedelta:
    """``backoff_seconds * 2 ** (attempts - 1)``, capped at an hour (or the back-off)."""
    cap = max(MAX_BACKOFF_SECONDS, smtp.backoff_seconds)
    seconds = smtp.backoff_seconds * 2 ** min(max(attempts - 1, 0), 20)
    return timedelta(seconds=min(seconds, cap))


def _ours(claim: Claim) -> ColumnElement[bool]:
    """The row as it was claimed: a later claim by another sender raises
    ``attempts``, so an outcome is never written over someone else's."""
    return and_(
        OutboxMessage.id == claim.id,
        OutboxMessage.status == SENDING,
        OutboxMessage.attempts == claim.attempts,
    )


def _update_claimed(session: Session, claim: Claim, **values: Any) -> bool:
    result = session.execute(
        update(OutboxMessage)
        .where(_ours(claim))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(cast(CursorResult[Any], result).rowcount)


class OutboxClaims:
    """Claims, outcomes and counts for one sender."""

    def __init__(self, db: Database, clock: Clock, smtp: SmtpSettings, office: OfficeInfo) -> None:
        self._db = db
        self._clock = clock
        self._smtp = smtp
        self._office = office

    def claim(self, size: int, skip: Collection[int] = ()) -> Batch:
        """Up to ``size`` due messages, now this sender's, with a reset
        email's link made; and the messages settled instead of claimed.

        Due: ``pending`` with ``next_attempt_at <= now``, or ``sending`` with
        a claim that ran out. ``skip``: ids this run has already handled.
        """
        now = self._clock.now()
        due = or_(
            and_(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now),
            and_(OutboxMessage.status == SENDING, OutboxMessage.claimed_until <= now),
        )
        query = select(OutboxMessage).where(due)
        if skip:
            query = query.where(OutboxMessage.id.not_in(list(skip)))
        query = (
            query.order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(size)
            .with_for_update(skip_locked=True)
        )
        lease = now + timedelta(seconds=CLAIM_SECONDS)
        claims: list[Claim] = []
        exhausted = withdrawn = 0
        with self._db.write() as session:
            for row in list(session.scalars(query)):
                if row.status == SENDING and row.attempts >= self._smtp.max_attempts:
                    error = "delivery interrupted (the sender stopped); no attempts left"
                    row.status, row.claimed_until, row.last_error = FAILED, None, error
                    if row.kind == reset_links.RESET_KIND:
                        reset_links.give_up_link(session, row.id, now)
                    self._audit(session, "mail_failed", row, row.attempts, error=error)
                    exhausted += 1
                    continue
                made = None
                if row.kind == reset_links.RESET_KIND:
                    made = reset_links.make_link(session, row, now, self._office)
                    if made is None:
                        row.status, row.claimed_until = WITHDRAWN, None
                        row.last_error = WITHDRAWN_TEXT
                        self._audit(session, "mail_withdrawn", row, row.attempts)
                        withdrawn += 1
                        continue
                row.status = SENDING
                row.attempts += 1
                row.claimed_until = lease
                claims.append(
                    Claim(
                        id=row.id,
                        kind=row.kind,
                        candidate_id=row.candidate_id,
                        to_address=row.to_address,
                        subject=row.subject,
                        body=made.body if made else row.body,
                        message_id=row.message_id,
                        created_at=row.created_at,
                        attempts=row.attempts,
                        claimed_until=lease,
                        token_id=made.token_id if made else None,
                        link_expires_at=made.expires_at if made else None,
                    )
                )
        return Batch(claims, exhausted, withdrawn)

    def mark_sent(self, claim: Claim) -> None:
        now = self._clock.now()
        with self._db.write() as session:
            ours = _update_claimed(
                session, claim, status=SENT, sent_at=now, claimed_until=None, last_error=None
            )
            if ours:
                self._audit(session, "mail_sent", claim, claim.attempts, link=_link(claim))
        if not ours:
            log.warning("outbox message %d was sent after its claim ran out", claim.id)

    def mark_failed(self, claim: Claim, failure: SmtpFailure) -> str:
        """Back to ``pending`` with a back-off, or ``failed`` when the failure is
        permanent or no attempts are left; returns the new status (``sending``
        if the claim had run out and another sender holds the message)."""
        now = self._clock.now()
        final = failure.permanent or claim.attempts >= self._smtp.max_attempts
        status = FAILED if final else PENDING
        values: dict[str, Any] = {"status": status, "claimed_until": None}
        values["last_error"] = failure.text
        if not final:
            values["next_attempt_at"] = now + retry_delay(self._smtp, claim.attempts)
        with self._db.write() as session:
            ours = _update_claimed(session, claim, **values)
            if ours and final:
                if claim.token_id is not None:
                    reset_links.give_up_link(session, claim.id, now)
                self._audit(
                    session,
                    "mail_failed",
                    claim,
                    claim.attempts,
                    error=failure.text,
                    link=_link(claim, given_up=True),
                )
        if not ours:
            log.warning("outbox message %d: the claim ran out before its outcome", claim.id)
            return SENDING
        return status

    def release(self, claims: Collection[Claim]) -> None:
        """Give back claims that were not tried: no attempt counted, due at once."""
        if not claims:
            return
        with self._db.write() as session:
            for claim in claims:
                _update_claimed(
                    session, claim, status=PENDING, attempts=claim.attempts - 1, claimed_until=None
                )

    def waiting(self) -> int:
        """Messages not yet sent nor failed (pending, or held by a sender)."""
        with self._db.read() as session:
            count = session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status.in_((PENDING, SENDING)))
            )
        return int(count or 0)

    def _audit(
        self,
        session: Session,
        action: str,
        message: OutboxMessage | Claim,
        attempts: int,
        *,
        error: str | None = None,
        link: dict[str, object] | None = None,
    ) -> None:
        detail: dict[str, object] = {"kind": message.kind, "attempts": attempts, **(link or {})}
        if error is not None:
            detail["error"] = error
        audit.record(
            session,
            self._clock,
            SYSTEM,
            action,
            candidate_id=message.candidate_id,
            subject=f"outbox:{message.id}",
            detail=detail,
        )


def _link(claim: Claim, *, given_up: bool = False) -> dict[str, object]:
    """What the audit says of a reset email's link: its row, and until when it
    works (or that it was revoked with the message)."""
    if claim.token_id is None:
        return {}
    if given_up:
        return {"token": claim.token_id, "link": "revoked"}
    assert claim.link_expires_at is not None
    return {"token": claim.token_id, "link_expires_at": claim.link_expires_at.isoformat()}
