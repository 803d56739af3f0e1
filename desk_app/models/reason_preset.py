"""The reasons a desk action offers as a numbered list (1–9), kept per action.

Supervisors edit them (``services/actions/reason_presets.py``, audited); the
reason dialog shows them in the staff member's language, English where no
Chinese text was given. ``position`` is the number the desk shows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk_app.models import staff  # noqa: F401  (the tables its foreign keys name)
from desk_app.models.base import Base, UtcDateTime


class ReasonPreset(Base):
    __tablename__ = "reason_preset"
    __table_args__ = (UniqueConstraint("action", "position", name="uq_reason_preset_action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: a desk action that asks for a reason: unlock, send_reset, temp_password, …
    action: Mapped[str] = mapped_column(String(32))
    #: 1–9, the key that chooses it
    position: Mapped[int]
    text_en: Mapped[str] = mapped_column(String(200))
    text_zh: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    #: None for the presets the desk was installed with
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
