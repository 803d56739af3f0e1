"""What the desk shows about an entry's "results available" email."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.models import OutboxMessage, ReleaseNotice

#: ReleaseNotice.outcome values
QUEUED = "queued"
NOT_REGISTERED = "not_registered"
BAD_ADDRESS = "bad_address"
UNTRACKED = "untracked"


@dataclass(frozen=True)
class ReleaseNoticeDetail:
    """The release job's decision for one entry, and what became of the email.

    ``outcome``: queued, not_registered (no account registered at the release
    moment), bad_address (the registered address was unusable) or untracked
    (released before the desk kept these records). ``email_status`` is the
    outbox message's status (pending, sending, sent, failed) when one was
    queued; ``sent_at`` when it was delivered.
    """

    outcome: str
    decided_at: datetime
    email_status: str | None
    sent_at: datetime | None


def notices_for(session: Session, entry_ids: Collection[int]) -> dict[int, ReleaseNoticeDetail]:
    if not entry_ids:
        return {}
    rows = session.execute(
        select(
            ReleaseNotice.entry_id,
            ReleaseNotice.outcome,
            ReleaseNotice.decided_at,
            OutboxMessage.status,
            OutboxMessage.sent_at,
        )
        .outerjoin(OutboxMessage, OutboxMessage.id == ReleaseNotice.outbox_id)
        .where(ReleaseNotice.entry_id.in_(list(entry_ids)))
    )
    return {
        row.entry_id: ReleaseNoticeDetail(row.outcome, row.decided_at, row.status, row.sent_at)
        for row in rows
    }
