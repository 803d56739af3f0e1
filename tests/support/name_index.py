"""What the database's English-name index holds: how many candidates hold each key.

Neither index can be listed row by row (SQLite's is a contentless FTS5
table), so tests read each key's count of candidates: on SQLite through an
``fts5vocab`` table, on PostgreSQL from both key tables, which must agree.
PostgreSQL's pair keys (revision 0012) are read apart from the word keys,
and :func:`expected_pair_keys` says what they should be, by brute force.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations

from sqlalchemy import text
from sqlalchemy.orm import Session

from desk_app.models.search_index import PAIR_MARK, name_pair_key
from desk_app.services.search.keys import name_words


def _stored(session: Session) -> Counter[str]:
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


def stored_name_keys(session: Session) -> Counter[str]:
    """How many candidates hold each word key, as the database's name index has it."""
    return Counter({key: n for key, n in _stored(session).items() if PAIR_MARK not in key})


def stored_pair_keys(session: Session) -> Counter[str]:
    """How many candidates hold each pair key (PostgreSQL only; none on SQLite)."""
    return Counter({key: n for key, n in _stored(session).items() if PAIR_MARK in key})


def pair_words(session: Session) -> frozenset[str]:
    """The words the database makes pair keys of (none on SQLite)."""
    if session.get_bind().dialect.name != "postgresql":
        return frozenset()
    return frozenset(session.scalar(text("SELECT desk_name_pair_words()")) or ())


def expected_pair_keys(words: Iterable[str], names: Iterable[str]) -> Counter[str]:
    """The pair keys of ``names``: ``a+b`` for two listed words of which neither
    begins the other, when some word of the name starts with each."""
    pairs = [
        (a, b) for a, b in combinations(sorted(words), 2)
        if not (a.startswith(b) or b.startswith(a))
    ]  # fmt: skip
    found: Counter[str] = Counter()
    for name in names:
        held = name_words(name)
        found.update(
            name_pair_key(a, b)
            for a, b in pairs
            if any(w.startswith(a) for w in held) and any(w.startswith(b) for w in held)
        )
    return found
