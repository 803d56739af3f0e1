"""Candidates, their exam entries, results and per-paper scores.

Search does not scan these tables: ``search_token`` holds every candidate's
normalised name words and Chinese-name substrings (the English-name index
follows the names by itself: ``search_index.py``), and the key columns below hold
the normalised ID, email and phone, each behind a B-tree index that SQLite
and PostgreSQL both use for equality and prefix ranges.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.models.base import Base, UtcDateTime
from desk_app.models.catalogue import Centre, Exam, ExamSession, Paper


def key_string(length: int) -> String:
    """A string compared byte by byte, so prefix ranges use the index.

    PostgreSQL's default collation may order by language rules, under which
    a prefix range is not one contiguous run of the index; "C" makes it so.
    SQLite's default BINARY collation already is.
    """
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Candidate(Base):
    __tablename__ = "candidate"
    # the id after each key: a prefix of the key is read in (key, id) order,
    # the order search lists it in, without sorting
    __table_args__ = (
        Index("ix_candidate_email_key", "email_key", "id"),
        Index("ix_candidate_phone_key", "phone_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: normalised: no spaces, upper case
    id_number: Mapped[str] = mapped_column(key_string(32), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(100))
    date_of_birth: Mapped[date] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))
    centre_id: Mapped[int] = mapped_column(ForeignKey("centre.id"))
    #: the language of emails to this candidate: "en" or "zh_HK"
    language: Mapped[str] = mapped_column(String(8), default="en")
    #: lower-cased email, for prefix search
    email_key: Mapped[str | None] = mapped_column(key_string(254))
    #: digits only, without the 852/886 country code, for prefix search
    phone_key: Mapped[str | None] = mapped_column(key_string(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    centre: Mapped[Centre] = relationship()
    entries: Mapped[list[Entry]] = relationship(
        back_populates="candidate", order_by="Entry.id", cascade="all, delete-orphan"
    )


class SearchToken(Base):
    """One searchable word of a candidate.

    kind "n": an English name word, lower case, matched by prefix.
    kind "z": a substring of the Chinese name, matched exactly.

    Derived from the candidate's names, and written only beside them, so it
    has no foreign key (PostgreSQL checked one per token, the largest cost of
    an import): a trigger on ``candidate`` removes a deleted candidate's
    tokens instead (revision 0014).
    """

    __tablename__ = "search_token"
    __table_args__ = (Index("ix_search_token_candidate", "candidate_id"),)

    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    token: Mapped[str] = mapped_column(key_string(64), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class Entry(Base):
    """A candidate sitting one exam in one session."""

    __tablename__ = "entry"
    __table_args__ = (UniqueConstraint("candidate_id", "exam_id", "session_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"))
    exam_id: Mapped[int] = mapped_column(ForeignKey("exam.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_session.id"))

    candidate: Mapped[Candidate] = relationship(back_populates="entries")
    exam: Mapped[Exam] = relationship()
    session: Mapped[ExamSession] = relationship()
    result: Mapped[Result | None] = relationship(
        back_populates="entry", cascade="all, delete-orphan", uselist=False
    )


class Result(Base):
    """The overall result of an entry; nothing of it is shown before release."""

    __tablename__ = "result"
    __table_args__ = (Index("ix_result_release_at", "release_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), unique=True)
    grade: Mapped[str] = mapped_column(String(64))
    cefr: Mapped[str | None] = mapped_column(String(8))
    score: Mapped[int] = mapped_column(Integer)
    release_at: Mapped[datetime] = mapped_column(UtcDateTime)

    entry: Mapped[Entry] = relationship(back_populates="result")
    papers: Mapped[list[PaperScore]] = relationship(
        back_populates="result", order_by="PaperScore.paper_id", cascade="all, delete-orphan"
    )


class PaperScore(Base):
    """A result's score in one paper, known by the two (revision 0015: no id of its own)."""

    __tablename__ = "paper_score"

    result_id: Mapped[int] = mapped_column(
        ForeignKey("result.id", ondelete="CASCADE"), primary_key=True
    )
    paper_id: Mapped[int] = mapped_column(ForeignKey("paper.id"), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)

    result: Mapped[Result] = relationship(back_populates="papers")
    paper: Mapped[Paper] = relationship()
