"""Queuing an email: one outbox row, written in the caller's unit of work.

An action that sends an email (registration, password reset, change of email)
calls :func:`queue_message` inside its own ``db.write()``: the row commits or
rolls back with the action and its audit event, so an email is never sent for
an action that did not happen, nor lost for one that did. ``sender.py`` delivers
the rows later.

The RFC 5322 Message-ID is made here, once: every delivery attempt of the
message carries the same one, so a receiving system can recognise a repeat.
"""

from __future__ import annotations

from email.utils import make_msgid

from sqlalchemy.orm import Session

from desk_app.models.outbox import OutboxMessage
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.message_labels import FieldKey
from desk_app.services.validation import clean_text, normalise_email

#: the right-hand side of every Message-ID (a fixed name: asking the
#: operating system for its own name can wait on DNS)
MESSAGE_ID_DOMAIN = "results-desk.invalid"
LANGUAGES = ("en", "zh_HK")
PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
#: a reset email never sent: its link was revoked or used before it went
WITHDRAWN = "withdrawn"

_MAX_BODY = 100_000


def _header_text(value: str, field: FieldKey, limit: int) -> str:
    """One line for a header: no CR, LF or other control characters."""
    if "\r" in value or "\n" in value:
        raise BadInput("invalid_text", field=field)
    return clean_text(value, field, limit)


def queue_message(
    session: Session,
    clock: Clock,
    *,
    kind: str,
    candidate_id: int | None,
    to_address: str,
    language: str,
    subject: str,
    body: str,
) -> int:
    """Add a pending message to the outbox in ``session``; return its id.

    Does not commit: the caller's unit of work does. Raises :class:`BadInput`
    for an address that is not an email address, a header with a line break
    (header injection), an unknown language or an empty body.
    """
    address = normalise_email(_header_text(to_address, "email", 254))
    title = _header_text(subject, "email_subject", 200)
    what = _header_text(kind, "email_kind", 32)
    if language not in LANGUAGES:
        raise BadInput("invalid_language", value=language[:20])
    text = clean_text(body, "email_body", _MAX_BODY, multiline=True)
    now = clock.now()
    row = OutboxMessage(
        created_at=now,
        kind=what,
        candidate_id=candidate_id,
        to_address=address,
        language=language,
        subject=title,
        body=text,
        message_id=make_msgid(domain=MESSAGE_ID_DOMAIN),
        status=PENDING,
        attempts=0,
        next_attempt_at=now,
    )
    session.add(row)
    session.flush()
    return row.id
