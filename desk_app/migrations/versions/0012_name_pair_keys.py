"""name pair keys: on PostgreSQL, a key for each pair of common name words a name holds

Three common words typed together (``wai sze chan``) rarely meet in one
name, so merging their keys' lists read tens of thousands of entries to
fill a page, and GIN decoded three lists of 50,000-100,000 candidates. Now a
name also holds ``a+b`` when it holds the keys ``a`` and ``b`` of two words of
:data:`PAIR_WORDS` (neither of which begins the other), and search reads
such a pair's list in place of both (``services/search/postgres_names.py``):
three words cost what two did.

:data:`PAIR_WORDS` are the whole words that at least 2 % of the names hold in
the demo data (``desk_app/demo/people.py``, drawn with Hong Kong's and
Taiwan's name frequencies): 48 words, about 1.8 pair keys a candidate beside
its 11.6 keys. The list only changes how fast a search is, never what it
finds; it lives in the database (``desk_name_pair_words()``), which search
reads with the key statistics, so changing it needs a migration that refills
the keys, and nothing else.

``desk_name_pair_keys(keys)`` gives a name's pair keys from its other keys;
the triggers' ``desk_refresh_name_keys`` and an import (``services/
importing/name_index.py``) both add what it gives, so every writer of keys
makes them the same way. Both key tables are refilled here.

SQLite: nothing changes (FTS5 skips through long lists, and its search
meets its targets without pairs).

Revision ID: 0012_name_pair_keys
Revises: 0011_import_name_keys
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012_name_pair_keys"
down_revision: str | None = "0011_import_name_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: whole name words held by at least 2 % of the demo data's names
PAIR_WORDS = (
    "chan", "chen", "cheng", "cheung", "chi", "chia", "chih", "ching", "chun", "fung",
    "hin", "hiu", "ho", "hoi", "hui", "ka", "kin", "kit", "kwok", "lai", "lam", "lau", "lee",
    "leung", "li", "ling", "lok", "man", "mei", "ming", "nga", "ng", "sze", "tai", "tin",
    "ting", "tsz", "tung", "wah", "wai", "wen", "wing", "wong", "yan", "yee", "yeung", "ying",
    "yu",
)  # fmt: skip

#: revision 0009's key function (with revision 0011's setting); ``{keys}`` is
#: what a candidate's row holds, from ``n.keys``: its word keys
_REFRESH = """
    CREATE OR REPLACE FUNCTION desk_refresh_name_keys(ids integer[]) RETURNS void
    LANGUAGE sql SET jit = off AS $$
        DELETE FROM name_key_list AS l USING (
            SELECT candidate_id, unnest(tsvector_to_array(keys)) AS key
            FROM candidate_name_key WHERE candidate_id IN (SELECT unnest(ids))
        ) AS old
        WHERE l.key = old.key AND l.candidate_id = old.candidate_id;
        DELETE FROM candidate_name_key WHERE candidate_id IN (SELECT unnest(ids));
        INSERT INTO candidate_name_key (candidate_id, keys)
        SELECT n.candidate_id, {keys} FROM (
            SELECT w.candidate_id, array_to_tsvector(array_agg(k.key)) AS keys
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
            GROUP BY w.candidate_id
        ) AS n;
        INSERT INTO name_key_list (key, candidate_id)
        SELECT unnest(tsvector_to_array(keys)), candidate_id
        FROM candidate_name_key WHERE candidate_id IN (SELECT unnest(ids));
    $$
"""

_WORDS_FUNCTION = f"""
    CREATE FUNCTION desk_name_pair_words() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT '{{{",".join(PAIR_WORDS)}}}'::text[]
    $$
"""

# a name's keys of listed words, two by two: "a+b" with a before b byte by
# byte (as Python orders them: services/search/postgres_names.py), never two
# whose one begins the other ("chi" and "chia": such a pair would say less)
_PAIRS_FUNCTION = """
    CREATE FUNCTION desk_name_pair_keys(keys tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        WITH listed AS (
            SELECT word FROM unnest(tsvector_to_array(keys)) AS k (word)
            WHERE word = ANY (desk_name_pair_words())
        )
        SELECT coalesce(array_to_tsvector(array_agg(a.word || '+' || b.word)), ''::tsvector)
        FROM listed AS a
        JOIN listed AS b ON a.word < b.word COLLATE "C" AND NOT starts_with(b.word, a.word)
    $$
"""


def _refill(keys: str, pairs_in_list: str) -> tuple[str, ...]:
    """Both key tables again: ``keys`` is each row's keys from ``f``'s columns
    (``keys``, ``pairs``), ``pairs_in_list`` the change to ``name_key_list``.

    The rows are written again in id order with GIN off, then indexed: much
    quicker at a million than updating each row under its index.
    """
    return (
        "CREATE TEMPORARY TABLE name_keys_refill AS"
        " SELECT candidate_id, keys, desk_name_pair_keys(keys) AS pairs FROM candidate_name_key",
        "DROP INDEX ix_candidate_name_key_keys",
        "TRUNCATE candidate_name_key",
        "INSERT INTO candidate_name_key (candidate_id, keys)"
        f" SELECT f.candidate_id, {keys} FROM name_keys_refill AS f ORDER BY f.candidate_id",
        "CREATE INDEX ix_candidate_name_key_keys ON candidate_name_key USING gin (keys)",
        pairs_in_list,
        "DROP TABLE name_keys_refill",
        "ANALYZE candidate_name_key",
        "ANALYZE name_key_list",
    )


POSTGRESQL_UP = (
    _WORDS_FUNCTION,
    _PAIRS_FUNCTION,
    _REFRESH.format(keys="n.keys || desk_name_pair_keys(n.keys)"),
    *_refill(
        "f.keys || f.pairs",
        # in the index's order: each pair's ids go in one after another
        "INSERT INTO name_key_list (key, candidate_id)"
        " SELECT k.key, f.candidate_id FROM name_keys_refill AS f,"
        ' unnest(tsvector_to_array(f.pairs)) AS k (key) ORDER BY k.key COLLATE "C", 2',
    ),
)
POSTGRESQL_DOWN = (
    _REFRESH.format(keys="n.keys"),
    # a row's pairs are what the function gives for its keys (pair keys hold
    # no listed word, so they add none)
    *_refill(
        "ts_delete(f.keys, tsvector_to_array(f.pairs))",
        "DELETE FROM name_key_list WHERE strpos(key, '+') > 0",
    ),
    "DROP FUNCTION desk_name_pair_keys(tsvector)",
    "DROP FUNCTION desk_name_pair_words()",
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
