"""paper score key: a paper score is known by its result and paper, not by an id of its own

Nothing refers to a paper score, and ``(result_id, paper_id)`` was unique
already; the extra ``id`` cost every new score a step of its sequence and an
entry in a second index. An import of 100,000 candidates writes 400,000
scores, and 5.9 million index entries in all: its server time is mostly
index upkeep (``pg_waldump --stats``: 70 % of its WAL is B-tree inserts),
so the pair becomes the primary key and the ``id`` goes.

PostgreSQL builds the key's index and drops the unique one (a unique
constraint's index cannot become a key's); SQLite copies the table (its
primary key cannot change in place).

Revision ID: 0015_paper_score_key
Revises: 0014_import_speed
Create Date: 2026-12-02 10:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0015_paper_score_key"
down_revision: str | None = "0014_import_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNIQUE = "uq_paper_score_result_id"
KEY = "pk_paper_score"

POSTGRESQL_UP = (
    f"ALTER TABLE paper_score DROP CONSTRAINT {KEY}",
    "ALTER TABLE paper_score DROP COLUMN id",
    f"ALTER TABLE paper_score ADD CONSTRAINT {KEY} PRIMARY KEY (result_id, paper_id)",
    f"ALTER TABLE paper_score DROP CONSTRAINT {UNIQUE}",
)
POSTGRESQL_DOWN = (
    f"ALTER TABLE paper_score DROP CONSTRAINT {KEY}",
    f"ALTER TABLE paper_score ADD CONSTRAINT {UNIQUE} UNIQUE (result_id, paper_id)",
    "ALTER TABLE paper_score ADD COLUMN id serial",
    f"ALTER TABLE paper_score ADD CONSTRAINT {KEY} PRIMARY KEY (id)",
)


def _run(statements: Sequence[str]) -> None:
    connection = op.get_bind()
    for statement in statements:
        connection.exec_driver_sql(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(POSTGRESQL_UP)
        return
    with op.batch_alter_table("paper_score", recreate="always") as batch_op:
        batch_op.drop_constraint(UNIQUE, type_="unique")
        batch_op.drop_column("id")
        batch_op.create_primary_key(KEY, ["result_id", "paper_id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(POSTGRESQL_DOWN)
        return
    import sqlalchemy as sa

    with op.batch_alter_table("paper_score", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("id", sa.Integer(), nullable=True))
    op.get_bind().exec_driver_sql("UPDATE paper_score SET id = rowid")
    with op.batch_alter_table("paper_score", recreate="always") as batch_op:
        batch_op.alter_column("id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint(KEY, type_="primary")
        batch_op.create_primary_key(KEY, ["id"])
        batch_op.create_unique_constraint(UNIQUE, ["result_id", "paper_id"])
