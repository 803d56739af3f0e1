"""What candidates sit: centres, exams with their papers, grades and CEFR levels, sessions.

The standard exams (``desk_app/exam_catalogue.py``) are written by revision
0003; the importer checks each result against its exam's rows here.
"""

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
    grades: Mapped[list[ExamGrade]] = relationship(
        order_by="ExamGrade.position", cascade="all, delete-orphan"
    )
    cefr_levels: Mapped[list[ExamCefr]] = relationship(
        order_by="ExamCefr.position", cascade="all, delete-orphan"
    )


class Paper(Base):
    __tablename__ = "paper"
    __table_args__ = (UniqueConstraint("exam_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exam.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name_en: Mapped[str] = mapped_column(String(100))
    name_zh: Mapped[str | None] = mapped_column(String(100))
    #: the lowest and highest score of this paper (a Young Learners paper: 1–5 shields)
    score_min: Mapped[int] = mapped_column(Integer)
    score_max: Mapped[int] = mapped_column(Integer)

    exam: Mapped[Exam] = relationship(back_populates="papers")


class ExamGrade(Base):
    """A grade an exam awards (e.g. PASS WITH MERIT), best first."""

    __tablename__ = "exam_grade"
    __table_args__ = (UniqueConstraint("exam_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exam.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(64))


class ExamCefr(Base):
    """A CEFR level an exam reports (e.g. B1), highest first; Delta reports none."""

    __tablename__ = "exam_cefr"
    __table_args__ = (UniqueConstraint("exam_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exam.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(8))


class ExamSession(Base):
    """A sitting, e.g. July 2014."""

    __tablename__ = "exam_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_en: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(64))
    held_on: Mapped[date] = mapped_column(Date)
