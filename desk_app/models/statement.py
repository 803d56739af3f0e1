"""Statements of results printed by the desk, for verification by institutions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.models import candidate, staff  # noqa: F401  (the tables its foreign keys name)
from desk_app.models.base import Base, UtcDateTime


class IssuedStatement(Base):
    __tablename__ = "issued_statement"
    __table_args__ = (Index("ix_issued_statement_candidate", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the reprint serial printed on the statement
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    #: SHA-256 of the verification code (the code has 60+ random bits)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(Text)
    #: canonical JSON of what the statement said
    snapshot: Mapped[str] = mapped_column(Text)
