"""Letters: the exam-day letter and every reissue, with the Secret Number hashed;
and the batches in which a centre's letters were printed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.models import candidate, catalogue, staff  # noqa: F401  (the tables its foreign keys name)
from desk_app.models.base import Base, UtcDateTime


class LetterBatch(Base):
    """One print run of a centre's letters (``desk-app letter batch``)."""

    __tablename__ = "letter_batch"
    __table_args__ = (Index("ix_letter_batch_centre_printed", "centre_id", "printed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    printed_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    #: exam-day letters (number 0) in the batch
    new_letters: Mapped[int] = mapped_column(Integer)
    #: letters printed again with new Secret Numbers
    reissued: Mapped[int] = mapped_column(Integer)
    #: required for a reprint with new numbers; optional for exam-day letters
    reason: Mapped[str | None] = mapped_column(Text)


class Letter(Base):
    __tablename__ = "letter"
    __table_args__ = (
        UniqueConstraint("candidate_id", "number"),
        Index("ix_letter_candidate_active", "candidate_id", "active"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    #: 0 for the exam-day letter, then 1, 2, … for each reissue
    number: Mapped[int] = mapped_column(Integer)
    #: argon2 hash of the 4-digit Secret Number; None on a letter issued
    #: after registration (it shows only the ID Number and reset steps)
    secret_hash: Mapped[str | None] = mapped_column(String(255))
    #: only the newest letter's Secret Number works
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    #: the centre's print run this letter came from (None: printed one at a time)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("letter_batch.id"), index=True)
