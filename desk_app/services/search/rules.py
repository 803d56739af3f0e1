"""Each search rule as index lookups: candidate ids in the rule's order, at most ``limit``.

* ID, email and phone: B-tree equality or prefix range on the normalised
  key columns (``key >= q AND key < q⁺``; the columns compare byte by byte
  on both databases, so the range is one run of the index). Never LIKE.
* Chinese name: the exact ``search_token`` (kind "z") holding the typed
  characters; the primary key gives candidates in id order.
* English name words: a full-text index finds candidates holding every word
  (SQLite FTS5, PostgreSQL GIN over word prefixes; see
  ``models/search_index.py``), in id order, and ``search_token`` checks each
  one as it is taken: every typed word must begin a *different* word of the
  name, which the full-text indexes alone cannot tell.

Every value reaches SQL as a bound parameter; the SQL text holds only names
and numbers made here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select, text
from sqlalchemy.orm import Session

from desk_app.models import Candidate
from desk_app.models.search_index import PG_PREFIX_LIMIT
from desk_app.services.search.query import Query, prefix_upper

Rule = Callable[[Session, Query, int], Sequence[int]]

#: PostgreSQL name search: up to this many estimated matches, GIN finds them
#: all; above, candidates are walked in id order until a page is full
GIN_MAX_ROWS = 2_500
#: words shorter than this are left to the token checks when longer ones are typed
GIN_MIN_LETTERS = 3
#: the walk reads at most this many candidates (per page match: see WALK_ROWS_PER_MATCH);
#: a page not full by then means fewer than ~GIN_MAX_ROWS matches in a million
WALK_BUDGET = 20_000
WALK_ROWS_PER_MATCH = 400


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


def name(session: Session, query: Query, limit: int) -> Sequence[int]:
    if query.chinese or not query.words:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return _name_postgresql(session, query.words, limit)
    return _name_sqlite(session, query.words, limit)


def _name_sqlite(session: Session, words: Sequence[str], limit: int) -> Sequence[int]:
    parts, params = token_checks(words, "candidate_name_fts.rowid", "sqlite")
    # each word a quoted FTS5 string with a prefix star: no FTS5 syntax can get in
    params["match"] = " AND ".join(f'"{word}"*' for word in dict.fromkeys(words))
    params["limit"] = limit
    sql = (
        "SELECT candidate_name_fts.rowid FROM candidate_name_fts"
        " WHERE candidate_name_fts MATCH :match"
        + _where(parts)
        + " ORDER BY candidate_name_fts.rowid LIMIT :limit"
    )
    return session.scalars(text(sql), params).all()


def _tsquery(words: Sequence[str]) -> str:
    # words are letters or digits only, so quoting them as lexemes is safe
    return " & ".join(f"'{word}'" for word in dict.fromkeys(words))


def _estimate(session: Session, lexemes: str) -> float:
    """The planner's estimate of the candidates holding every lexeme (no rows are read)."""
    plan = session.scalar(
        text(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM candidate"
            " WHERE desk_name_prefixes(name_en) @@ CAST(:lexemes AS tsquery)"
        ),
        {"lexemes": lexemes},
    )
    document = json.loads(plan) if isinstance(plan, str) else plan
    return float(document[0]["Plan"]["Plan Rows"])


def _substring_filters(words: Sequence[str]) -> list[str]:
    """Cheap tests a matching name passes (the token checks then decide).

    Uses the parameters ``w0, w1, …`` that :func:`token_checks` binds.
    """
    parts: list[str] = []
    for i, (_, need) in enumerate(multiplicities(words)):
        if need == 1:
            parts.append(f"strpos(lower(s.name_en), :w{i}) > 0")
        else:  # the word's letters occur at least ``need`` times
            parts.append(
                "length(lower(s.name_en)) - length(replace(lower(s.name_en), "
                f":w{i}, '')) >= {int(need)} * length(:w{i})"
            )
    return parts


def _name_postgresql(session: Session, words: Sequence[str], limit: int) -> Sequence[int]:
    """GIN when the words are rare together; a walk in id order when they are common.

    GIN costs about one heap visit per candidate it finds; the walk passes
    over candidates in id order with a substring test (a fraction of a
    microsecond each) and checks the tokens of those that pass, so it is
    quick when matches are common. The planner's estimates from the GIN
    index's statistics (no rows read) choose; a walk that has not filled
    the page within its budget means the matches are rare after all, and
    GIN finishes the job.
    """
    # short queries: no JIT compilation, no parallel workers to start
    session.execute(
        text(
            "SELECT set_config('jit', 'off', true),"
            " set_config('max_parallel_workers_per_gather', '0', true)"
        )
    )
    parts, params = token_checks(words, "s.id", "postgresql")
    params["limit"] = limit
    # the index holds word prefixes of up to PG_PREFIX_LIMIT letters
    lexemes = [word[:PG_PREFIX_LIMIT] for word in words]
    # one- and two-letter words begin a large share of all names: when the
    # longer words alone are rare enough, GIN leaves the short ones to the
    # token checks rather than intersect their long posting lists
    longer = [word for word in lexemes if len(word) >= GIN_MIN_LETTERS]
    if longer and len(longer) < len(lexemes):
        params["lexemes"] = _tsquery(longer)
        if _estimate(session, params["lexemes"]) <= GIN_MAX_ROWS:
            return _gin(session, parts, params)
    params["lexemes"] = _tsquery(lexemes)
    if _estimate(session, params["lexemes"]) <= GIN_MAX_ROWS:
        return _gin(session, parts, params)
    params["budget"] = max(WALK_BUDGET, limit * WALK_ROWS_PER_MATCH)
    walk = (
        "SELECT s.id FROM (SELECT id, name_en FROM candidate ORDER BY id LIMIT :budget) AS s"
        " WHERE TRUE" + _where(_substring_filters(words)) + _where(parts) + " LIMIT :limit"
    )
    found = session.scalars(text(walk), params).all()
    if len(found) >= limit:
        return found
    return _gin(session, parts, params)


def _gin(session: Session, parts: list[str], params: dict[str, Any]) -> Sequence[int]:
    """GIN intersects the lexemes' posting lists (skipping ahead); then id order and checks."""
    sql = (
        "WITH m AS MATERIALIZED (SELECT id FROM candidate"
        " WHERE desk_name_prefixes(name_en) @@ CAST(:lexemes AS tsquery))"
        " SELECT s.id FROM (SELECT id FROM m ORDER BY id OFFSET 0) AS s"
        " WHERE TRUE" + _where(parts) + " LIMIT :limit"
    )
    return session.scalars(text(sql), params).all()


#: (match name, rule) in rank order
RULES: tuple[tuple[str, Rule], ...] = (
    ("id_exact", id_exact),
    ("id_prefix", id_prefix),
    ("chinese", chinese),
    ("name", name),
    ("email", email),
    ("phone", phone),
)
