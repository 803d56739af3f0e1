"""Each search rule as index lookups: candidate ids in the rule's order, at most ``limit``.

* ID, email and phone: B-tree equality or prefix range on the normalised
  key columns (``key >= q AND key < q⁺``; the columns compare byte by byte
  on both databases, so the range is one run of the index). Never LIKE.
* Chinese name: the exact ``search_token`` (kind "z") holding the typed
  characters; the primary key gives candidates in id order. Latin words
  typed with it are checked on each candidate against its "n" tokens.
* English name words: one exact key per distinct typed word (see
  ``models/search_index.py``); a candidate matches when it holds them all.
  SQLite's FTS5 intersects the keys in id order and stops at the page,
  leaving a key so common that reading its list costs more to a check of
  each candidate found (``sqlite_names.py``).
  PostgreSQL merges the keys' lists in id order when matches are common, and
  lets GIN intersect them when they are rare, reading two common words'
  pair key in place of both where it can (``postgres_names.py``).

Every value reaches SQL as a bound parameter; the SQL text holds only names
and numbers made here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Row, Select, bindparam, select, text
from sqlalchemy.orm import Session

from desk_app.models import Candidate
from desk_app.models.search_index import name_key
from desk_app.services.search import postgres_names, sqlite_names
from desk_app.services.search.query import Query, prefix_upper

#: (candidate id, the rule that found it) in the rule's order
Found = list[tuple[int, str]]
Rule = Callable[[Session, Query, int], Found]

_CANDIDATE = Candidate.__table__.c


#: a prefix range's statements: without an upper bound, and with one
Ranges = tuple[Select[int, str], Select[int, str]]


def _prefix_range(key: Any) -> Ranges:
    """``key`` starting with :low, in (key, id) order: without an upper bound, and with :high.

    Built once: a statement made on every search costs more than running it.
    """
    base = (
        select(_CANDIDATE.id, key)
        .where(key >= bindparam("low"))
        .order_by(key, _CANDIDATE.id)
        .limit(bindparam("limit"))
    )
    return base, base.where(key < bindparam("high"))


_ID_RANGE = _prefix_range(_CANDIDATE.id_number)
_EMAIL_RANGE = _prefix_range(_CANDIDATE.email_key)
_PHONE_RANGE = _prefix_range(_CANDIDATE.phone_key)


def _starting(
    session: Session, statements: Ranges, prefix: str, limit: int
) -> Sequence[Row[int, str]]:
    high = prefix_upper(prefix)
    if high is None:
        return session.execute(statements[0], {"low": prefix, "limit": limit}).all()
    return session.execute(statements[1], {"low": prefix, "high": high, "limit": limit}).all()


def id_number(session: Session, query: Query, limit: int) -> Found:
    """The ID Number itself first (it sorts before every longer one), then those it begins."""
    if not query.id_number:
        return []
    rows = _starting(session, _ID_RANGE, query.id_number, limit + 1)
    return [(row[0], "id_exact" if row[1] == query.id_number else "id_prefix") for row in rows]


def email(session: Session, query: Query, limit: int) -> Found:
    if not query.email:
        return []
    return [(row[0], "email") for row in _starting(session, _EMAIL_RANGE, query.email, limit)]


def phone(session: Session, query: Query, limit: int) -> Found:
    found: Found = []
    for digits in query.phones:
        found += [(row[0], "phone") for row in _starting(session, _PHONE_RANGE, digits, limit)]
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


def chinese(session: Session, query: Query, limit: int) -> Found:
    if not query.chinese:
        return []
    parts, params = token_checks(query.words, "t.candidate_id", session.get_bind().dialect.name)
    sql = (
        "SELECT t.candidate_id FROM search_token AS t"
        " WHERE t.kind = 'z' AND t.token = :chinese" + _where(parts)
    )
    sql += " ORDER BY t.candidate_id LIMIT :limit"
    params.update(chinese=query.chinese, limit=limit)
    return [(candidate_id, "chinese") for candidate_id in session.scalars(text(sql), params)]


def name_query_keys(words: Sequence[str]) -> list[str]:
    """The keys a name must hold to match every typed word (``models/search_index.py``)."""
    return [name_key(word, need) for word, need in multiplicities(words)]


def name(session: Session, query: Query, limit: int) -> Found:
    if query.chinese or not query.words:
        return []
    keys = name_query_keys(query.words)
    if session.get_bind().dialect.name == "postgresql":
        found = postgres_names.find(session, keys, limit)
    else:
        found = sqlite_names.find(session, keys, limit)
    return [(candidate_id, "name") for candidate_id in found]


#: in rank order: id_exact and id_prefix, chinese, name, email, phone
RULES: tuple[Rule, ...] = (id_number, chinese, name, email, phone)
