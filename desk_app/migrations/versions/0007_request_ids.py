"""the request id on audit entries (``audit_event.request_id``): was an action done?

The desk window gives each action an id and the audit entry written in the
action's transaction keeps it (``services/requests.py``). When the
connection dies during COMMIT, the desk looks for the id once the database
answers again: found, the action was done; not found, nothing of it was.
Not part of the entry's hash: it says which request wrote the entry, not
what happened.

Revision ID: 0007_request_ids
Revises: 0006_knowledge
Create Date: 2026-12-02 02:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_request_ids"
down_revision: str | None = "0006_knowledge"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("request_id", sa.String(32), nullable=True))
    # partial: only the desk's actions carry an id, the website's log-ins add no entry
    op.create_index(
        "ix_audit_event_request",
        "audit_event",
        ["request_id"],
        postgresql_where=sa.text("request_id IS NOT NULL"),
        sqlite_where=sa.text("request_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_audit_event_request", table_name="audit_event")
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("request_id")
