"""Delivering the outbox over SMTP: claim, send outside any transaction, record.

How a run of :meth:`MailSender.send_pending` goes (``claims.py`` holds the
states, ``smtp.py`` the SMTP side, ``reset_links.py`` the reset links):

1. **Claim** a small batch in a short write transaction: messages that are
   ``pending`` and due (``next_attempt_at <= now``), and messages left in
   ``sending`` whose claim has run out (a sender died mid-send). Each is set
   to ``sending`` with ``claimed_until = now + 5 minutes`` and its
   ``attempts`` counter raised by one (it counts attempts *started*). On
   PostgreSQL the rows are selected ``FOR UPDATE SKIP LOCKED``, so two
   senders running at once take different messages; on SQLite the write
   transaction (``BEGIN IMMEDIATE``) holds the database, so claims are
   serialised (``FOR UPDATE`` renders nothing there). A reset email's link
   is made in this transaction (only its hash is stored), or the message is
   ``withdrawn`` when its link was revoked or used first.
2. **Deliver** each message over one SMTP connection, outside any database
   transaction (a slow mail server never holds a lock). A message whose
   claim is about to run out is left for the next sender rather than sent.
3. **Record** each outcome in its own short transaction, only while the
   claim is still this sender's (same status and attempt number): ``sent``
   with ``sent_at``; after a temporary failure (a 4xx reply, a refused or
   dropped connection, a timeout) back to ``pending`` with ``next_attempt_at
   = now + backoff_seconds * 2 ** (attempts - 1)`` (capped at an hour), or
   ``failed`` once ``max_attempts`` attempts were made; ``failed`` at once
   after a permanent refusal (a 5xx reply to the recipient or the message).
   ``sent`` and ``failed`` are audited (actor "system", subject
   ``outbox:ID``) so the candidate's history shows whether the email went.

When the server cannot be reached at all (connection refused, TLS or login
failed), the message being tried is retried with back-off, the rest of the
batch is given back untouched, and the run stops.

Delivery is **at least once, with a fixed Message-ID**. Nothing is lost: a
message stays in the outbox until it is ``sent`` or visibly ``failed``, and a
claim abandoned by a crashed sender is taken again once it runs out. In the
normal case nothing is sent twice: one sender claims a message and marks it
``sent`` right after the server accepts it. A second delivery is possible
only after an ambiguous failure: the connection drops after the message
went but before the server's reply, or the sender dies (or the database is
unreachable) between the server's "250 OK" and recording it. The retry then
carries the same Message-ID and Date as the first attempt, both fixed when
the message was queued, so mail systems and people can tell it is the same
email.

The body is never logged (a reset email's holds the link), nor the SMTP
password.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from desk_app.database import Database
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput, Refused
from desk_app.services.mail.claims import Claim, OutboxClaims
from desk_app.services.mail.outbox import FAILED, PENDING
from desk_app.services.mail.smtp import (
    SECURITY_MODES,
    PasswordLookup,
    SmtpFailure,
    SmtpSession,
    SmtpUnreachable,
    compose,
    error_text,
    keyring_password,
)
from desk_app.services.mail.tls import tls_context
from desk_app.settings import Settings

#: messages claimed per transaction (a run claims batch after batch)
BATCH_SIZE = 10


@dataclass(frozen=True)
class DeliveryReport:
    """What one run did.

    ``retried``: temporary failures, to be tried again later; ``remaining``:
    messages still waiting after the run (pending, or held by a sender);
    ``unreachable``: the server could not be reached or refused the login,
    so the run stopped early; ``problem`` then says why (no credentials);
    ``withdrawn``: reset emails not sent because their link was revoked or
    used first (a newer link, a temporary password, a change of email);
    ``problem_code``: the error code of ``problem`` (``tls.py``: unreachable,
    login refused, TLS failed, certificate untrusted or for another host…).
    """

    sent: int = 0
    failed: int = 0
    retried: int = 0
    remaining: int = 0
    unreachable: bool = False
    problem: str = ""
    withdrawn: int = 0
    problem_code: str = ""


@dataclass
class _Tally:
    sent: int = 0
    failed: int = 0
    retried: int = 0
    unreachable: bool = False
    problem: str = ""
    withdrawn: int = 0
    problem_code: str = ""

    def count(self, status: str) -> None:
        self.failed += status == FAILED
        self.retried += status == PENDING


class MailSender:
    """Delivers what waits in the outbox (``desk-app mail send``).

    ``password_lookup`` gives the SMTP password; by default the OS keyring's
    entry ``desk-app-smtp`` / the configured username.
    """

    def __init__(
        self,
        db: Database,
        settings: Settings,
        clock: Clock,
        *,
        password_lookup: PasswordLookup | None = None,
    ) -> None:
        self._smtp = settings.smtp
        self._clock = clock
        self._claims = OutboxClaims(db, clock, settings.smtp, settings.office)
        self._password_lookup = password_lookup or keyring_password(settings.smtp.username)

    def send_pending(self, *, limit: int | None = None) -> DeliveryReport:
        """Deliver the due messages, at most ``limit`` of them.

        Raises :class:`BadInput` for a negative limit, a security mode
        other than none, starttls or ssl, or a ``ca_file`` that cannot be
        read, and :class:`Refused` when a username is set but no password
        is stored for it; then nothing changes.
        """
        if limit is not None and limit < 0:
            raise BadInput("mail_limit_invalid", minimum=0)
        if self._smtp.security not in SECURITY_MODES:
            raise BadInput("smtp_security_invalid", value=self._smtp.security[:20])
        context = tls_context(self._smtp)
        password = self._password()
        tally = _Tally()
        handled: set[int] = set()
        with SmtpSession(self._smtp, password, context) as smtp:
            while not tally.unreachable and (limit is None or len(handled) < limit):
                size = BATCH_SIZE if limit is None else min(BATCH_SIZE, limit - len(handled))
                batch = self._claims.claim(size, handled)
                tally.failed += batch.exhausted
                tally.withdrawn += batch.withdrawn
                if not batch.claims:
                    if batch.exhausted or batch.withdrawn:
                        continue  # settled without sending: look for more
                    break
                handled.update(claim.id for claim in batch.claims)
                self._deliver(smtp, batch.claims, tally)
        return DeliveryReport(
            tally.sent,
            tally.failed,
            tally.retried,
            self._claims.waiting(),
            tally.unreachable,
            tally.problem,
            tally.withdrawn,
            tally.problem_code,
        )

    def _password(self) -> str | None:
        if not self._smtp.username:
            return None
        password = self._password_lookup()
        if not password:
            raise Refused("smtp_password_missing", username=self._smtp.username)
        return password

    def _deliver(self, smtp: SmtpSession, batch: list[Claim], tally: _Tally) -> None:
        for position, claim in enumerate(batch):
            if not self._time_left(claim):
                continue  # left in "sending": the next sender takes it when the claim runs out
            try:
                email = compose(
                    sender=self._smtp.sender,
                    to_address=claim.to_address,
                    subject=claim.subject,
                    body=claim.body,
                    message_id=claim.message_id,
                    created_at=claim.created_at,
                )
            except (ValueError, TypeError) as error:
                unwritable = SmtpFailure(error_text("cannot be written as an email", error), True)
                tally.count(self._claims.mark_failed(claim, unwritable))
                continue
            try:
                failure = smtp.send(email, claim.to_address)
            except SmtpUnreachable as error:
                tally.count(self._claims.mark_failed(claim, error.failure))
                self._claims.release(batch[position + 1 :])
                tally.unreachable = True
                tally.problem = error.failure.text
                tally.problem_code = error.failure.code
                return
            if failure is None:
                self._claims.mark_sent(claim)
                tally.sent += 1
            else:
                tally.count(self._claims.mark_failed(claim, failure))

    def _time_left(self, claim: Claim) -> bool:
        """Whether the claim lasts long enough for one more delivery."""
        margin = timedelta(seconds=3 * self._smtp.timeout_seconds)
        return self._clock.now() + margin < claim.claimed_until
