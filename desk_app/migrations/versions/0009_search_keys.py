"""search keys: exact English-name keys in place of word prefixes; email and phone in id order

English names (what the keys are: desk_app/models/search_index.py):

* SQLite: the FTS5 table of name words with prefix indexes (revision 0002)
  becomes ``candidate_name_keys``, one exact term per key (``detail=none``),
  kept by triggers on ``candidate`` that call ``desk_name_keys()``, a Python
  function every connection of the desk registers.
* PostgreSQL: the GIN index over word prefixes computed from ``name_en``
  (revision 0002) becomes two tables: ``candidate_name_key`` (each
  candidate's keys, with a GIN index) and ``name_key_list`` (each key's
  candidates, in id order), kept by statement triggers on ``search_token``
  from the English-name words Python stored there (folded as search folds
  what is typed).

Email and phone: their indexes hold the candidate id after the key, so that
PostgreSQL reads a prefix in (key, id) order without sorting (SQLite's
indexes already end with the rowid).

Revision ID: 0009_search_keys
Revises: 0008_audit_guard
Create Date: 2026-12-01 23:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009_search_keys"
down_revision: str | None = "0008_audit_guard"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = (
    "DROP TRIGGER IF EXISTS candidate_name_fts_update",
    "DROP TRIGGER IF EXISTS candidate_name_fts_delete",
    "DROP TRIGGER IF EXISTS candidate_name_fts_insert",
    "DROP TABLE IF EXISTS candidate_name_fts",
    # keys hold letters, digits and "#"; the ascii tokenizer splits only at
    # ASCII punctuation and spaces, so each key is one term exactly as written
    """
    CREATE VIRTUAL TABLE candidate_name_keys USING fts5(
        keys, content='', detail=none, columnsize=0, tokenize="ascii tokenchars '#'"
    )
    """,
    """
    INSERT INTO candidate_name_keys (rowid, keys)
    SELECT id, desk_name_keys(name_en) FROM candidate
    """,
    """
    CREATE TRIGGER candidate_name_keys_insert AFTER INSERT ON candidate BEGIN
        INSERT INTO candidate_name_keys (rowid, keys)
        VALUES (new.id, desk_name_keys(new.name_en));
    END
    """,
    """
    CREATE TRIGGER candidate_name_keys_delete AFTER DELETE ON candidate BEGIN
        INSERT INTO candidate_name_keys (candidate_name_keys, rowid, keys)
        VALUES ('delete', old.id, desk_name_keys(old.name_en));
    END
    """,
    """
    CREATE TRIGGER candidate_name_keys_update AFTER UPDATE OF id, name_en ON candidate BEGIN
        INSERT INTO candidate_name_keys (candidate_name_keys, rowid, keys)
        VALUES ('delete', old.id, desk_name_keys(old.name_en));
        INSERT INTO candidate_name_keys (rowid, keys)
        VALUES (new.id, desk_name_keys(new.name_en));
    END
    """,
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS candidate_name_keys_update",
    "DROP TRIGGER IF EXISTS candidate_name_keys_delete",
    "DROP TRIGGER IF EXISTS candidate_name_keys_insert",
    "DROP TABLE IF EXISTS candidate_name_keys",
    # revision 0002's table and triggers
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

POSTGRESQL_UP = (
    "DROP INDEX IF EXISTS ix_candidate_name_prefixes",
    "DROP FUNCTION IF EXISTS desk_name_prefixes(text)",
    # each candidate's keys, for GIN; and each key's candidates, in id order
    """
    CREATE TABLE candidate_name_key (
        candidate_id integer PRIMARY KEY,
        keys tsvector NOT NULL
    )
    """,
    """
    CREATE TABLE name_key_list (
        key text COLLATE "C" NOT NULL,
        candidate_id integer NOT NULL,
        PRIMARY KEY (key, candidate_id)
    )
    """,
    # the keys of the candidates ``ids`` again, from their words in search_token:
    # every prefix, and "prefix#n" when n words start with it (no foreign keys:
    # the triggers below are what keeps both tables, a deleted candidate's
    # words going with it)
    """
    CREATE FUNCTION desk_refresh_name_keys(ids integer[]) RETURNS void
    LANGUAGE sql AS $$
        DELETE FROM name_key_list AS l USING (
            SELECT candidate_id, unnest(tsvector_to_array(keys)) AS key
            FROM candidate_name_key WHERE candidate_id IN (SELECT unnest(ids))
        ) AS old
        WHERE l.key = old.key AND l.candidate_id = old.candidate_id;
        DELETE FROM candidate_name_key WHERE candidate_id IN (SELECT unnest(ids));
        INSERT INTO candidate_name_key (candidate_id, keys)
        SELECT w.candidate_id, array_to_tsvector(array_agg(k.key))
        FROM (
            SELECT t.candidate_id, left(t.token, n) AS prefix, count(*)::integer AS words
            FROM (SELECT DISTINCT unnest(ids)) AS i (id)
            JOIN search_token AS t ON t.candidate_id = i.id AND t.kind = 'n'
            CROSS JOIN LATERAL generate_series(1, length(t.token)) AS n
            GROUP BY t.candidate_id, left(t.token, n)
        ) AS w
        CROSS JOIN LATERAL (
            SELECT w.prefix
            UNION ALL
            SELECT w.prefix || '#' || g FROM generate_series(2, w.words) AS g
        ) AS k (key)
        GROUP BY w.candidate_id;
        INSERT INTO name_key_list (key, candidate_id)
        SELECT unnest(tsvector_to_array(keys)), candidate_id
        FROM candidate_name_key WHERE candidate_id IN (SELECT unnest(ids));
    $$
    """,
    """
    CREATE FUNCTION desk_name_keys_follow() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
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
    """,
    """
    CREATE TRIGGER search_token_name_keys_insert AFTER INSERT ON search_token
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desk_name_keys_follow()
    """,
    """
    CREATE TRIGGER search_token_name_keys_delete AFTER DELETE ON search_token
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desk_name_keys_follow()
    """,
    """
    CREATE TRIGGER search_token_name_keys_update AFTER UPDATE ON search_token
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION desk_name_keys_follow()
    """,
    """
    CREATE FUNCTION desk_name_keys_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE name_key_list, candidate_name_key;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER search_token_name_keys_truncate AFTER TRUNCATE ON search_token
    FOR EACH STATEMENT EXECUTE FUNCTION desk_name_keys_truncated()
    """,
    # filled with the indexes off, then indexed: much quicker at a million
    "ALTER TABLE name_key_list DROP CONSTRAINT name_key_list_pkey",
    "SELECT desk_refresh_name_keys(ARRAY(SELECT id FROM candidate))",
    "ALTER TABLE name_key_list ADD PRIMARY KEY (key, candidate_id)",
    "CREATE INDEX ix_candidate_name_key_keys ON candidate_name_key USING gin (keys)",
    # the search chooses between the two tables by how often the keys occur
    "ANALYZE candidate_name_key",
    "ANALYZE name_key_list",
)
POSTGRESQL_DOWN = (
    "DROP TRIGGER IF EXISTS search_token_name_keys_truncate ON search_token",
    "DROP TRIGGER IF EXISTS search_token_name_keys_update ON search_token",
    "DROP TRIGGER IF EXISTS search_token_name_keys_delete ON search_token",
    "DROP TRIGGER IF EXISTS search_token_name_keys_insert ON search_token",
    "DROP FUNCTION IF EXISTS desk_name_keys_truncated()",
    "DROP FUNCTION IF EXISTS desk_name_keys_follow()",
    "DROP FUNCTION IF EXISTS desk_refresh_name_keys(integer[])",
    "DROP TABLE IF EXISTS name_key_list",
    "DROP TABLE IF EXISTS candidate_name_key",
    # revision 0002's function and index
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


def _run(statements: Sequence[str]) -> None:
    connection = op.get_bind()
    for statement in statements:
        # as written: ":alpha:" in a pattern is not a bind parameter
        connection.exec_driver_sql(statement)


def _key_indexes(columns: Sequence[str]) -> None:
    """The email and phone indexes over ``columns`` (the key, then maybe the id).

    Plain index operations: a batch operation could copy the candidate table,
    and the copy would lose the name-key triggers.
    """
    for key in ("email_key", "phone_key"):
        op.drop_index(f"ix_candidate_{key}", table_name="candidate")
        op.create_index(f"ix_candidate_{key}", "candidate", [key, *columns], unique=False)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRESQL_UP)
    _key_indexes(["id"])


def downgrade() -> None:
    _key_indexes([])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRESQL_DOWN)
