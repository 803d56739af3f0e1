"""import name keys: an import writes the English-name keys itself, once, at its end

On PostgreSQL the statement triggers of revision 0009 write each new
candidate's name keys whenever ``search_token`` changes. An import writes
``search_token`` a chunk at a time, so the triggers refreshed the keys chunk
by chunk, each time joining the chunk's candidates with ``search_token``
by plans chosen for tables the planner had no statistics of yet (a new
import's rows): about half of a 100,000-row import's time.

Now the trigger function does nothing while the transaction has set
``desk.defer_name_keys`` to ``on`` (``SET LOCAL``: it ends with the
transaction, and no other transaction sees it). The import sets it, and
before its commit writes the keys of the candidates it added and renamed
itself (``services/importing/name_index.py``). Everything else that writes
candidates keeps the triggers.

The key function gets ``jit = off``: the planner estimates a thousand rows
for each ``generate_series`` in it, so even one candidate's refresh looked
costly enough to compile, which took longer than the refresh.

SQLite: nothing changes (its import already fills its name index itself).

Revision ID: 0011_import_name_keys
Revises: 0010_reason_presets
Create Date: 2026-12-08 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011_import_name_keys"
down_revision: str | None = "0010_reason_presets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: revision 0009's body of the trigger function, after an optional first test
_FOLLOW = """
    CREATE OR REPLACE FUNCTION desk_name_keys_follow() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN{deferred}
        IF TG_OP = 'INSERT' THEN
            PERFORM desk_refresh_name_keys(
                ARRAY(SELECT candidate_id FROM new_rows WHERE kind = 'n'));
        ELSIF TG_OP = 'DELETE' THEN
            PERFORM desk_refresh_name_keys(
                ARRAY(SELECT candidate_id FROM old_rows WHERE kind = 'n'));
        ELSE
            PERFORM desk_refresh_name_keys(ARRAY(
                SELECT candidate_id FROM new_rows WHERE kind = 'n'
                UNION SELECT candidate_id FROM old_rows WHERE kind = 'n'));
        END IF;
        RETURN NULL;
    END
    $$
"""
_DEFERRED = """
        -- an import writes the keys itself before its commit (revision 0011)
        IF current_setting('desk.defer_name_keys', true) = 'on' THEN
            RETURN NULL;
        END IF;"""

POSTGRESQL_UP = (
    _FOLLOW.format(deferred=_DEFERRED),
    "ALTER FUNCTION desk_refresh_name_keys(integer[]) SET jit = off",
)
POSTGRESQL_DOWN = (
    "ALTER FUNCTION desk_refresh_name_keys(integer[]) RESET jit",
    _FOLLOW.format(deferred=""),
)


def _run(statements: Sequence[str]) -> None:
    connection = op.get_bind()
    for statement in statements:
        connection.exec_driver_sql(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(POSTGRESQL_UP)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run(POSTGRESQL_DOWN)
