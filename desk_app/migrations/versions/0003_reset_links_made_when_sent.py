"""reset links made when the email is sent, never stored in clear

A password-reset request is now a ``password_reset_token`` row without a
token (``token_hash`` and ``expires_at`` empty, ``valid_minutes`` set),
joined to its outbox message; the mail sender makes the token at delivery
(``desk_app/services/mail/reset_links.py``).

Data: a reset email still waiting in the outbox carries its link in clear.
Its token is revoked, its body replaced by a note, and a request row is
written so that the sender makes a fresh link when it delivers it (already
revoked when a newer link for the account exists, so the sender withdraws
it). Every other reset email loses its body too (one given up by a stopped
sender had kept its link).

Revision ID: 0003_reset_link
Revises: 0002
Create Date: 2026-12-01 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003_reset_link"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_MINUTES = 60
WAITING_BODY = "[password-reset email: its single-use link is made when it is sent]"
DONE_BODY = "[password-reset email: its single-use link was never stored]"

_token = sa.table(
    "password_reset_token",
    sa.column("id", sa.Integer),
    sa.column("account_id", sa.Integer),
    sa.column("token_hash", sa.String),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("expires_at", sa.DateTime(timezone=True)),
    sa.column("used_at", sa.DateTime(timezone=True)),
    sa.column("revoked_at", sa.DateTime(timezone=True)),
    sa.column("created_by_id", sa.Integer),
    sa.column("valid_minutes", sa.Integer),
    sa.column("outbox_message_id", sa.Integer),
)
_outbox = sa.table(
    "outbox_message",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("candidate_id", sa.Integer),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("status", sa.String),
    sa.column("body", sa.Text),
    sa.column("last_error", sa.Text),
    sa.column("claimed_until", sa.DateTime(timezone=True)),
)
_account = sa.table(
    "results_account", sa.column("id", sa.Integer), sa.column("candidate_id", sa.Integer)
)
_RESET = "password_reset"
_WAITING = ("pending", "sending")


def _now(connection: sa.Connection) -> datetime:
    """Now in UTC, stored naive on SQLite as the application does."""
    now = datetime.now(UTC)
    return now.replace(tzinfo=None) if connection.dialect.name == "sqlite" else now


def _minutes(created: datetime, expires: datetime | None) -> int:
    if expires is None:
        return DEFAULT_MINUTES
    return max(1, round((expires - created).total_seconds() / 60))


def _convert_waiting_message(connection: sa.Connection, message: Any, now: datetime) -> None:
    account_id = connection.scalar(
        sa.select(_account.c.id).where(_account.c.candidate_id == message.candidate_id)
    )
    if account_id is None:
        connection.execute(
            _outbox.update()
            .where(_outbox.c.id == message.id)
            .values(status="failed", claimed_until=None, body=DONE_BODY, last_error="no account")
        )
        return
    tokens = connection.execute(
        sa.select(_token.c.id, _token.c.created_at, _token.c.expires_at, _token.c.created_by_id)
        .where(_token.c.account_id == account_id)
        .order_by(_token.c.created_at, _token.c.id)
    ).all()
    own = [row for row in tokens if row.created_at <= message.created_at]
    newer = [row for row in tokens if row.created_at > message.created_at]
    # the link in this body, and any older one, stops working now
    connection.execute(
        _token.update()
        .where(
            _token.c.account_id == account_id,
            _token.c.created_at <= message.created_at,
            _token.c.used_at.is_(None),
            _token.c.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    source = own[-1] if own else None
    connection.execute(
        _token.insert().values(
            account_id=account_id,
            token_hash=None,
            created_at=message.created_at,
            valid_minutes=_minutes(source.created_at, source.expires_at)
            if source
            else DEFAULT_MINUTES,
            expires_at=None,
            revoked_at=now if newer else None,
            created_by_id=source.created_by_id if source else None,
            outbox_message_id=message.id,
        )
    )
    connection.execute(_outbox.update().where(_outbox.c.id == message.id).values(body=WAITING_BODY))


def upgrade() -> None:
    connection = op.get_bind()
    with op.batch_alter_table("password_reset_token", schema=None) as batch_op:
        batch_op.alter_column("token_hash", existing_type=sa.String(length=64), nullable=True)
        batch_op.alter_column("expires_at", existing_type=sa.DateTime(timezone=True), nullable=True)
        batch_op.add_column(sa.Column("valid_minutes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("outbox_message_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_password_reset_token_outbox_message_id_outbox_message"),
            "outbox_message",
            ["outbox_message_id"],
            ["id"],
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_password_reset_token_outbox_message_id"), ["outbox_message_id"]
        )
    for row in connection.execute(
        sa.select(_token.c.id, _token.c.created_at, _token.c.expires_at)
    ).all():
        connection.execute(
            _token.update()
            .where(_token.c.id == row.id)
            .values(valid_minutes=_minutes(row.created_at, row.expires_at))
        )
    with op.batch_alter_table("password_reset_token", schema=None) as batch_op:
        batch_op.alter_column("valid_minutes", existing_type=sa.Integer(), nullable=False)

    now = _now(connection)
    waiting = connection.execute(
        sa.select(_outbox.c.id, _outbox.c.candidate_id, _outbox.c.created_at)
        .where(_outbox.c.kind == _RESET, _outbox.c.status.in_(_WAITING))
        .order_by(_outbox.c.id)
    ).all()
    for message in waiting:
        _convert_waiting_message(connection, message, now)
    connection.execute(
        _outbox.update()
        .where(_outbox.c.kind == _RESET, _outbox.c.status.not_in(_WAITING))
        .values(body=DONE_BODY)
    )


def downgrade() -> None:
    connection = op.get_bind()
    # a request without its token cannot become an old-style email again
    waiting = sa.select(_token.c.outbox_message_id).where(
        _token.c.token_hash.is_(None), _token.c.outbox_message_id.is_not(None)
    )
    connection.execute(
        _outbox.update()
        .where(_outbox.c.id.in_(waiting), _outbox.c.status.in_(_WAITING))
        .values(status="failed", claimed_until=None, last_error="withdrawn by a downgrade")
    )
    connection.execute(_token.delete().where(_token.c.token_hash.is_(None)))
    connection.execute(
        _token.update().where(_token.c.expires_at.is_(None)).values(expires_at=_token.c.created_at)
    )
    with op.batch_alter_table("password_reset_token", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("uq_password_reset_token_outbox_message_id"), type_="unique"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_password_reset_token_outbox_message_id_outbox_message"),
            type_="foreignkey",
        )
        batch_op.drop_column("outbox_message_id")
        batch_op.drop_column("valid_minutes")
        batch_op.alter_column(
            "expires_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )
        batch_op.alter_column("token_hash", existing_type=sa.String(length=64), nullable=False)
