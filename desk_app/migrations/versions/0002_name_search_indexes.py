"""full-text indexes for English-name search

SQLite: a contentless FTS5 table of candidate names kept by triggers.
PostgreSQL: a GIN index over every prefix of every name word.
(What they are for: desk_app/models/search_index.py.)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = (
    """
    CREATE VIRTUAL TABLE candidate_name_fts USING fts5(
        name_en, content='', prefix='1 2 3',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    "INSERT INTO candidate_name_fts (rowid, name_en) SELECT id, name_en FROM candidate",
    """
    CREATE TRIGGER candidate_name_fts_insert AFTER INSERT ON candidate BEGIN
        INSERT INTO candidate_name_fts (rowid, name_en) VALUES (new.id, new.name_en);
    END
    """,
    """
    CREATE TRIGGER candidate_name_fts_delete AFTER DELETE ON candidate BEGIN
        INSERT INTO candidate_name_fts (candidate_name_fts, rowid, name_en)
        VALUES ('delete', old.id, old.name_en);
    END
    """,
    """
    CREATE TRIGGER candidate_name_fts_update AFTER UPDATE OF id, name_en ON candidate BEGIN
        INSERT INTO candidate_name_fts (candidate_name_fts, rowid, name_en)
        VALUES ('delete', old.id, old.name_en);
        INSERT INTO candidate_name_fts (rowid, name_en) VALUES (new.id, new.name_en);
    END
    """,
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS candidate_name_fts_update",
    "DROP TRIGGER IF EXISTS candidate_name_fts_delete",
    "DROP TRIGGER IF EXISTS candidate_name_fts_insert",
    "DROP TABLE IF EXISTS candidate_name_fts",
)

POSTGRESQL_UP = (
    # every prefix (1–24 letters) of every lower-cased word: a typed word is
    # then one exact lexeme, which GIN intersects without a prefix scan
    """
    CREATE FUNCTION desk_name_prefixes(name text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5000 AS $$
        SELECT array_to_tsvector(coalesce(array_agg(DISTINCT left(word, n)), '{}'))
        FROM (
            SELECT (regexp_matches(lower(name), '[[:alpha:]]+|[[:digit:]]+', 'g'))[1] AS word
        ) AS words,
        generate_series(1, least(length(word), 24)) AS n
    $$
    """,
    "CREATE INDEX ix_candidate_name_prefixes ON candidate USING gin (desk_name_prefixes(name_en))",
)
POSTGRESQL_DOWN = (
    "DROP INDEX IF EXISTS ix_candidate_name_prefixes",
    "DROP FUNCTION IF EXISTS desk_name_prefixes(text)",
)


def _run(statements: Sequence[str]) -> None:
    connection = op.get_bind()
    for statement in statements:
        # as written: ":alpha:" in the pattern is not a bind parameter
        connection.exec_driver_sql(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRESQL_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRESQL_DOWN)
