"""What the database's English-name index holds: how many candidates hold each key.

Neither index can be listed row by row (SQLite's is a contentless FTS5
table), so tests read each key's count of candidates: on SQLite through an
``fts5vocab`` table, on PostgreSQL from both key tables, which must agree.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import text
from sqlalchemy.orm import Session


def stored_name_keys(session: Session) -> Counter[str]:
    """How many candidates hold each key, as the database's name index has it."""
    if session.get_bind().dialect.name == "postgresql":
        per_candidate = Counter(
            key
            for (keys,) in session.execute(
                text("SELECT tsvector_to_array(keys) FROM candidate_name_key")
            )
            for key in keys
        )
        rows = session.execute(text("SELECT key, count(*) FROM name_key_list GROUP BY key"))
        assert {key: count for key, count in rows} == per_candidate  # both tables agree
        return per_candidate
    # a contentless FTS5 table shows its terms and how many rows hold each
    session.execute(
        text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.name_key_terms"
            " USING fts5vocab(main, candidate_name_keys, row)"
        )
    )
    rows = session.execute(text("SELECT term, doc FROM temp.name_key_terms"))
    return Counter({term: docs for term, docs in rows})
