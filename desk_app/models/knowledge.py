"""The answers the desk reads out to callers: the seeds' FAQ, kept and edited by supervisors."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.models import staff  # noqa: F401  (the tables its foreign keys name)
from desk_app.models.base import Base, UtcDateTime


class KnowledgeAnswer(Base):
    """One answer in English and Traditional Chinese (Hong Kong).

    ``key`` names the answer for the code that offers it (``locked``,
    ``certificate`` …); the texts hold placeholders such as ``{hotline}``
    that the desk fills from the office's settings and the candidate on
    screen. ``version`` counts the edits, so that two supervisors editing
    the same answer cannot overwrite each other unknowingly.
    """

    __tablename__ = "knowledge_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    #: the order of the answers in the desk's list
    position: Mapped[int] = mapped_column(Integer)
    title_en: Mapped[str] = mapped_column(String(200))
    title_zh: Mapped[str] = mapped_column(String(200))
    body_en: Mapped[str] = mapped_column(Text)
    body_zh: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: None for the text the migration wrote (the seeds')
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
