"""What happens at the desk: caller verifications and call notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.models import candidate, staff  # noqa: F401  (the tables its foreign keys name)
from desk_app.models.base import Base, UtcDateTime


class CallerVerification(Base):
    """A caller proved (or failed to prove) who they are to one staff member.

    method: "caller" (name + date of birth + ID/email/phone checked),
    "document" (counter staff saw an identity document), or "override"
    (a supervisor acted without verification, with a reason).
    """

    __tablename__ = "caller_verification"
    __table_args__ = (Index("ix_caller_verification_candidate_at", "candidate_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    method: Mapped[str] = mapped_column(String(16))
    passed: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    #: e.g. "HKID card" for a document check
    document: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)


class CallNote(Base):
    __tablename__ = "call_note"
    __table_args__ = (Index("ix_call_note_candidate_at", "candidate_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    #: "phone", "counter" or "email"
    channel: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
