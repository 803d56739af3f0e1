"""Results accounts (the website's credentials), their timeline and reset tokens.

Every candidate has one account row from the start; it is *registered* once
``registered_at`` is set. Keeping the row from the start gives wrong Secret
Numbers and wrong passwords one place to be counted and row-locked.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk_app.models import outbox, staff  # noqa: F401  (the tables its foreign keys name)
from desk_app.models.base import Base, UtcDateTime
from desk_app.models.candidate import Candidate


class ResultsAccount(Base):
    __tablename__ = "results_account"
    __table_args__ = (Index("ix_results_account_locked_until", "locked_until"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), unique=True
    )
    email: Mapped[str | None] = mapped_column(String(254))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    registered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    terms_accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updates_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    lock_source: Mapped[str | None] = mapped_column(String(64))
    secret_failures: Mapped[int] = mapped_column(Integer, default=0)
    secret_locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    candidate: Mapped[Candidate] = relationship()


class AccountEvent(Base):
    """One line of an account's timeline.

    kinds: registered, register_failed, login, login_failed, locked,
    lock_expired, unlocked, locked_attempt, reset_sent, reset_used,
    temp_password, password_changed, email_changed, letter_reissued,
    secret_failed, secret_locked.
    """

    __tablename__ = "account_event"
    __table_args__ = (
        Index("ix_account_event_account_at", "account_id", "at"),
        Index("ix_account_event_kind_at", "kind", "at"),
        Index("ix_account_event_source_at", "source", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("results_account.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(32))
    source: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)


class PasswordResetToken(Base):
    """A single-use, time-limited reset link; only its token's SHA-256 is kept.

    The row is written when a reset email is asked for, without a token
    (``token_hash`` and ``expires_at`` empty). The mail sender makes the
    token when it takes the email to deliver it, stores its hash and
    ``expires_at = then + valid_minutes``, and puts the link in the email it
    sends; a retry makes a new token in place of the old one
    (``services/mail/reset_links.py``). The token is 256 random bits, so a
    fast hash is enough to make the stored value useless to a reader of the
    database.
    """

    __tablename__ = "password_reset_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("results_account.id", ondelete="CASCADE"))
    #: empty until the email goes (and again after an attempt that failed)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: when the link was asked for (the desk's action)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    #: how long the link works, counted from its delivery
    valid_minutes: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    #: the email that carries the link (empty for links made before 0003)
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_message.id"), unique=True
    )
