"""Each search rule as index lookups: candidate ids in the rule's order, at most ``limit``.

* ID, email and phone: B-tree equality or prefix range on the normalised
  key columns (``key >= q AND key < q⁺``; the columns compare byte by byte
  on both databases, so the range is one run of the index). Never LIKE.
* Chinese name: the exact ``search_token`` (kind "z") holding the typed
  characters; the primary key gives candidates in id order. Latin words
  typed with it are checked on each candidate against its "n" tokens.
* English name words: one exact key per distinct typed word (see
  ``models/search_index.py``); a candidate matches when it holds them all.
  SQLite's FTS5 intersects the keys in id order and stops at the page.
  PostgreSQL walks the first rows in id order when matches are common, and
  otherwise lets GIN intersect the keys within the first stretch of ids
  that should hold a page, or within all of them (:func:`_name_postgresql`).

Every value reaches SQL as a bound parameter; the SQL text holds only names
and numbers made here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select, text
from sqlalchemy.orm import Session

from desk_app.models import Candidate
from desk_app.models.search_index import BUCKET_BITS, bucket_key, name_key
from desk_app.services.search.query import Query, prefix_upper

Rule = Callable[[Session, Query, int], Sequence[int]]

#: PostgreSQL name search: the walk in id order reads this many key rows per
#: match asked for (at least WALK_MIN_ROWS): a page's worth of matches among
#: them means matches are common enough that walking is the quickest way
WALK_ROWS_PER_MATCH = 40
WALK_MIN_ROWS = 2_000
#: ... and otherwise the estimated stretch of ids holding a page, times this
#: margin, chooses the id buckets GIN is limited to
BUCKET_MARGIN = 2


def _prefix(column: Any, prefix: str) -> ColumnElement[bool]:
    upper = prefix_upper(prefix)
    condition: ColumnElement[bool] = column >= prefix
    return condition if upper is None else condition & (column < upper)


def id_exact(session: Session, query: Query, limit: int) -> Sequence[int]:
    if not query.id_number:
        return []
    return session.scalars(select(Candidate.id).where(Candidate.id_number == query.id_number)).all()


def id_prefix(session: Session, query: Query, limit: int) -> Sequence[int]:
    if not query.id_number:
        return []
    statement = (
        select(Candidate.id)
        .where(_prefix(Candidate.id_number, query.id_number))
        .where(Candidate.id_number != query.id_number)
        .order_by(Candidate.id_number)
        .limit(limit)
    )
    return session.scalars(statement).all()


def email(session: Session, query: Query, limit: int) -> Sequence[int]:
    if not query.email:
        return []
    statement = (
        select(Candidate.id)
        .where(_prefix(Candidate.email_key, query.email))
        .order_by(Candidate.email_key, Candidate.id)
        .limit(limit)
    )
    return session.scalars(statement).all()


def phone(session: Session, query: Query, limit: int) -> Sequence[int]:
    found: list[int] = []
    for digits in query.phones:
        statement = (
            select(Candidate.id)
            .where(_prefix(Candidate.phone_key, digits))
            .order_by(Candidate.phone_key, Candidate.id)
            .limit(limit)
        )
        found.extend(session.scalars(statement).all())
    return found


# -- names ------------------------------------------------------------------------------------


def multiplicities(words: Sequence[str]) -> list[tuple[str, int]]:
    """Each distinct typed word with how many typed words start with it.

    A candidate matches when, for every typed word w, the name has at least
    that many different words starting with w. Because two prefixes are
    either nested or disjoint, this is exactly "each typed word begins a
    different word of the name" (Hall's condition on a laminar family).
    """
    distinct = list(dict.fromkeys(words))
    return [(word, sum(1 for other in words if other.startswith(word))) for word in distinct]


def token_checks(
    words: Sequence[str], target: str, dialect: str
) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on candidate id ``target`` that hold when its name has the words."""
    hint = " INDEXED BY ix_search_token_candidate" if dialect == "sqlite" else ""
    parts: list[str] = []
    params: dict[str, Any] = {}
    for i, (word, need) in enumerate(multiplicities(words)):
        # substr(), not a range: the range would tempt the planner onto the
        # primary key, scanning every token with the prefix for each candidate
        condition = (
            f"o{i}.candidate_id = {target} AND o{i}.kind = 'n'"
            f" AND substr(o{i}.token, 1, :n{i}) = :w{i}"
        )
        params[f"w{i}"] = word
        params[f"n{i}"] = len(word)
        source = f"search_token AS o{i}{hint}"
        if need == 1 and dialect == "sqlite":
            parts.append(f"EXISTS (SELECT 1 FROM {source} WHERE {condition})")
        else:
            # PostgreSQL would turn EXISTS into a join driven from the token
            # range; a counted subquery stays a check on each candidate taken
            parts.append(f"(SELECT count(*) FROM {source} WHERE {condition}) >= {int(need)}")
    return parts, params


def _where(parts: list[str]) -> str:
    return "".join(f" AND {part}" for part in parts)


def chinese(session: Session, query: Query, limit: int) -> Sequence[int]:
    if not query.chinese:
        return []
    parts, params = token_checks(query.words, "t.candidate_id", session.get_bind().dialect.name)
    sql = (
        "SELECT t.candidate_id FROM search_token AS t"
        " WHERE t.kind = 'z' AND t.token = :chinese" + _where(parts)
    )
    sql += " ORDER BY t.candidate_id LIMIT :limit"
    params.update(chinese=query.chinese, limit=limit)
    return session.scalars(text(sql), params).all()


def name_query_keys(words: Sequence[str]) -> list[str]:
    """The keys a name must hold to match every typed word (``models/search_index.py``)."""
    return [name_key(word, need) for word, need in multiplicities(words)]


def name(session: Session, query: Query, limit: int) -> Sequence[int]:
    if query.chinese or not query.words:
        return []
    keys = name_query_keys(query.words)
    if session.get_bind().dialect.name == "postgresql":
        return _name_postgresql(session, keys, limit)
    return _name_sqlite(session, keys, limit)


def _name_sqlite(session: Session, keys: Sequence[str], limit: int) -> Sequence[int]:
    # each key a quoted FTS5 string: no FTS5 syntax can get in, and the
    # table's tokenizer keeps a key (letters, digits, "#") as one term
    match = " AND ".join(f'"{key}"' for key in keys)
    sql = (
        "SELECT rowid FROM candidate_name_keys WHERE candidate_name_keys MATCH :match"
        " ORDER BY rowid LIMIT :limit"
    )
    return session.scalars(text(sql), {"match": match, "limit": limit}).all()


def _tsquery(keys: Sequence[str]) -> str:
    # keys hold letters, digits, "#", "~" and ":" only: safe to quote as lexemes
    return " & ".join(f"'{key}'" for key in keys)


def _name_postgresql(session: Session, keys: Sequence[str], limit: int) -> Sequence[int]:
    """A walk in id order when matches are common; GIN, within the ids that matter, when not.

    GIN intersects the keys' posting lists quickly but then visits each match
    it found to read its id, so it is slow when matches are many. The walk
    reads key rows in id order, testing each (a fraction of a microsecond),
    and stops at the page: quick when matches are common. What the walk
    found tells how common: none in its rows, and GIN looks everywhere (a few
    hundred matches at most); some but not a page, and GIN looks only in the
    two id buckets (``search_index.py``) from the first match on that should
    hold a page, so that it visits about a page of matches, not all of them.
    Each step returns the first matches in id order: a later one runs only
    when the earlier could not fill the page.
    """
    tsquery = _tsquery(keys)
    rows = max(WALK_MIN_ROWS, limit * WALK_ROWS_PER_MATCH)
    walk = (
        "SELECT s.candidate_id FROM (SELECT candidate_id, keys FROM candidate_name_key"
        " ORDER BY candidate_id LIMIT :rows) AS s"
        " WHERE s.keys @@ CAST(:tsquery AS tsquery) LIMIT :limit"
    )
    found = session.scalars(text(walk), {"rows": rows, "tsquery": tsquery, "limit": limit}).all()
    if len(found) >= limit:
        return found
    if found:
        # the smallest match is found[0]: none lies below it, so its bucket
        # and the next hold every match up to their end
        span = rows * limit / len(found) * BUCKET_MARGIN
        bits = next((bits for bits in BUCKET_BITS if 1 << bits >= span), None)
        if bits is not None:
            first = found[0] >> bits
            buckets = f"'{bucket_key(bits, first)}' | '{bucket_key(bits, first + 1)}'"
            found = _gin(session, f"{tsquery} & ({buckets})", limit)
            if len(found) >= limit:
                return found
    return _gin(session, tsquery, limit)


def _gin(session: Session, tsquery: str, limit: int) -> Sequence[int]:
    """Every candidate holding ``tsquery``, through GIN (never a walk), then in id order."""
    sql = (
        "WITH m AS MATERIALIZED (SELECT candidate_id FROM candidate_name_key"
        " WHERE keys @@ CAST(:tsquery AS tsquery))"
        " SELECT candidate_id FROM m ORDER BY candidate_id LIMIT :limit"
    )
    return session.scalars(text(sql), {"tsquery": tsquery, "limit": limit}).all()


#: (match name, rule) in rank order
RULES: tuple[tuple[str, Rule], ...] = (
    ("id_exact", id_exact),
    ("id_prefix", id_prefix),
    ("chinese", chinese),
    ("name", name),
    ("email", email),
    ("phone", phone),
)
