"""What the desk shows about an entry's "results available" email.

Read with the rest of a candidate (``services/candidates/detail_read.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
