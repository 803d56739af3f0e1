"""The "your results are available" notice: one row per entry, decided once.

The release job (``services/release``) writes the row in the same
transaction as the outbox message it queues. ``entry_id`` is the primary
key, so two desks releasing at once cannot both notify the same entry: the
second insert fails and that desk leaves the entry alone.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.models import candidate, outbox  # noqa: F401  (the tables its foreign keys name)
from desk_app.models.base import Base, UtcDateTime


class ReleaseNotice(Base):
    """outcome: "queued" (an email is in the outbox, ``outbox_id``),
    "not_registered" (no account registered at the release moment: no email),
    "untracked" (released before the desk kept these records: demo data and
    databases upgraded to revision 0004)."""

    __tablename__ = "release_notice"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entry.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    #: the release moment the decision was for
    release_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(String(16))
    outbox_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="SET NULL")
    )
