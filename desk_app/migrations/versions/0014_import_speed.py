"""import speed: search tokens follow their candidate by a trigger, not a foreign key

``search_token`` is an index the desk derives from each candidate's names
(ten rows a candidate on average: the English words and every substring of
the Chinese name). Its foreign key to ``candidate`` made PostgreSQL check
each new token by a query that also locks the candidate's row: measured on
1,000,000 tokens (100,000 candidates copied in), 8.3–9.6 s of server CPU
with the key, 4.4–4.6 s without, the largest single cost of a 100,000-row
import. What the key gave — tokens go when their candidate goes — a trigger
on ``candidate`` gives now: one statement per DELETE on PostgreSQL (its
deleted rows as a transition table), one per row on SQLite. Tokens are
written only beside their candidate (the import, the demo, the services'
name changes), so none refers to a missing candidate.

Revision ID: 0014_import_speed
Revises: 0013_login_attempt_function
Create Date: 2026-12-02 08:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014_import_speed"
down_revision: str | None = "0013_login_attempt_function"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOREIGN_KEY = "fk_search_token_candidate_id_candidate"
TRIGGER = "candidate_search_tokens_delete"

POSTGRESQL_UP = (
    f"ALTER TABLE search_token DROP CONSTRAINT {FOREIGN_KEY}",
    """
    CREATE FUNCTION desk_candidate_tokens_gone() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_token WHERE candidate_id IN (SELECT id FROM gone);
        RETURN NULL;
    END
    $$
    """,
    f"""
    CREATE TRIGGER {TRIGGER} AFTER DELETE ON candidate
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
    EXECUTE FUNCTION desk_candidate_tokens_gone()
    """,
)
POSTGRESQL_DOWN = (
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON candidate",
    "DROP FUNCTION IF EXISTS desk_candidate_tokens_gone()",
    # tokens of candidates gone meanwhile would fail the key (none: the trigger removed them)
    "DELETE FROM search_token AS t WHERE NOT EXISTS"
    " (SELECT 1 FROM candidate AS c WHERE c.id = t.candidate_id)",
    f"ALTER TABLE search_token ADD CONSTRAINT {FOREIGN_KEY} FOREIGN KEY (candidate_id)"
    " REFERENCES candidate (id) ON DELETE CASCADE",
)
SQLITE_TRIGGER = f"""
    CREATE TRIGGER {TRIGGER} AFTER DELETE ON candidate BEGIN
        DELETE FROM search_token WHERE candidate_id = old.id;
    END
"""


def _run(statements: Sequence[str]) -> None:
    connection = op.get_bind()
    for statement in statements:
        connection.exec_driver_sql(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(POSTGRESQL_UP)
        return
    with op.batch_alter_table("search_token") as batch_op:
        batch_op.drop_constraint(FOREIGN_KEY, type_="foreignkey")
    _run((SQLITE_TRIGGER,))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(POSTGRESQL_DOWN)
        return
    _run((f"DROP TRIGGER IF EXISTS {TRIGGER}",))
    with op.batch_alter_table("search_token") as batch_op:
        batch_op.create_foreign_key(
            FOREIGN_KEY, "candidate", ["candidate_id"], ["id"], ondelete="CASCADE"
        )
