"""Password-reset links: asked for by an action, made when the email goes.

A link written into the outbox would sit in the database in clear until it
was sent, and could be read back from the database files afterwards (free
SQLite pages, the write-ahead log, PostgreSQL's old row versions, backups).
So nothing but the token's SHA-256 ever reaches the database:

1. **Asked for** (:func:`request_reset_email`, in the action's unit of work,
   with the account row locked): every older link of the account is revoked,
   an outbox message of kind ``password_reset`` is queued with a note for a
   body, and a ``password_reset_token`` row joins the two: no token yet, and
   the link's lifetime in ``valid_minutes``.
2. **Made** (:func:`make_link`, in the sender's unit of work that claims the
   message): a new 256-bit token; its hash and ``expires_at = now +
   valid_minutes`` go into the row; the body with the link is built from the
   template and exists only in memory and on the wire.
3. **Made again** by each retry: the new token's hash overwrites the old
   one, so the link of a failed attempt stops working (should that email
   have arrived after all, only the newer link works). A message given up
   for good revokes its row (:func:`give_up_link`, in the unit of work that
   records the failure).

A message whose row is revoked or used (a newer link, a temporary password
or a change of email came first), or that has no row, is *withdrawn*: the
sender never sends it. Each request revokes the account's other rows while
it holds the account row, so an account has at most one row that can still
become a link, and never two live links.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from desk_app.models import OutboxMessage, PasswordResetToken
from desk_app.services.clock import Clock
from desk_app.services.hashing import token_digest
from desk_app.services.mail import templates
from desk_app.services.mail.outbox import queue_message
from desk_app.settings import OfficeInfo

RESET_KIND = "password_reset"
#: the outbox body of a reset email: the real one is built at delivery
WAITING_BODY = "[password-reset email: its single-use link is made when it is sent]"


@dataclass(frozen=True)
class ResetRequest:
    token_id: int
    outbox_id: int
    #: older links (made or still waiting) that stopped working
    revoked: int


@dataclass(frozen=True)
class MadeLink:
    """A link just made for a message: its row, its end, the body that carries it."""

    token_id: int
    expires_at: datetime
    body: str = field(repr=False)


def reset_link(office: OfficeInfo, token: str) -> str:
    """The office's reset page with the token (the desk refuses to queue a reset without one)."""
    base = office.reset_link_base.strip()
    return f"{base}{'&' if '?' in base else '?'}token={token}"


def revoke_links(session: Session, account_id: int, now: datetime) -> int:
    """Revoke every link of the account that is live or still to be made."""
    result = session.execute(
        update(PasswordResetToken)
        .where(
            PasswordResetToken.account_id == account_id,
            PasswordResetToken.used_at.is_(None),
            PasswordResetToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(cast(CursorResult[Any], result).rowcount or 0)


def request_reset_email(
    session: Session,
    clock: Clock,
    *,
    account_id: int,
    candidate_id: int,
    language: str,
    to_address: str,
    valid_minutes: int,
    requested_by: int | None,
) -> ResetRequest:
    """Queue a reset email without its link, in the caller's unit of work.

    The caller holds the account row. Older links of the account stop
    working now; the new one is made when the email is delivered and works
    for ``valid_minutes`` from then.
    """
    now = clock.now()
    revoked = revoke_links(session, account_id, now)
    outbox_id = queue_message(
        session,
        clock,
        kind=RESET_KIND,
        candidate_id=candidate_id,
        to_address=to_address,
        language=templates.mail_language(language),
        subject=templates.password_reset_subject(language),
        body=WAITING_BODY,
    )
    row = PasswordResetToken(
        account_id=account_id,
        token_hash=None,
        created_at=now,
        valid_minutes=valid_minutes,
        expires_at=None,
        created_by_id=requested_by,
        outbox_message_id=outbox_id,
    )
    session.add(row)
    session.flush()
    return ResetRequest(row.id, outbox_id, revoked)


def make_link(
    session: Session, message: OutboxMessage, now: datetime, office: OfficeInfo
) -> MadeLink | None:
    """Make the link of a reset email the sender is taking; None: withdraw it.

    Any token an earlier attempt made is replaced (its hash is overwritten),
    so only the link in the email about to go works.
    """
    # the row is locked: a desk action revoking it at this moment either
    # comes first (the message is withdrawn) or waits for this claim to
    # commit and then revokes the token just made
    row = session.scalar(
        select(PasswordResetToken)
        .where(PasswordResetToken.outbox_message_id == message.id)
        .with_for_update()
    )
    if row is None or row.used_at is not None or row.revoked_at is not None:
        return None
    token = secrets.token_urlsafe(32)
    row.token_hash = token_digest(token)
    row.expires_at = now + timedelta(minutes=row.valid_minutes)
    mail = templates.password_reset(
        message.language, office, reset_link(office, token), row.valid_minutes
    )
    return MadeLink(row.id, row.expires_at, mail.body)


def give_up_link(session: Session, outbox_id: int, now: datetime) -> None:
    """A reset email given up for good: its link, made or not, stops working."""
    session.execute(
        update(PasswordResetToken)
        .where(
            PasswordResetToken.outbox_message_id == outbox_id,
            PasswordResetToken.used_at.is_(None),
            PasswordResetToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
