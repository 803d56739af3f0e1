"""What candidates sit: centres, exams with their papers, and exam sessions."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.models.base import Base


class Centre(Base):
    __tablename__ = "centre"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(8))


class Exam(Base):
    __tablename__ = "exam"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(200))
    #: Delta Module One has no breakdown by paper
    has_paper_breakdown: Mapped[bool] = mapped_column(Boolean, default=True)
    score_min: Mapped[int] = mapped_column(Integer)
    score_max: Mapped[int] = mapped_column(Integer)
    #: how scores read: "scale" (the Cambridge English Scale), "shields"
    #: (Young Learners: 1–5 a paper, the total overall) or "marks" (Delta)
    scoring: Mapped[str] = mapped_column(String(8), default="scale", server_default="scale")

    papers: Mapped[list[Paper]] = relationship(
        back_populates="exam", order_by="Paper.position", cascade="all, delete-orphan"
    )


class Paper(Base):
    __tablename__ = "paper"
    __table_args__ = (UniqueConstraint("exam_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exam.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name_en: Mapped[str] = mapped_column(String(100))
    name_zh: Mapped[str | None] = mapped_column(String(100))

    exam: Mapped[Exam] = relationship(back_populates="papers")


class ExamSession(Base):
    """A sitting, e.g. July 2014."""

    __tablename__ = "exam_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_en: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(64))
    held_on: Mapped[date] = mapped_column(Date)
