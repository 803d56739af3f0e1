"""English-name search on PostgreSQL: the first matches in id order, by the cheaper of two ways.

A name matches when it holds every key of the typed words (``models/
search_index.py``). PostgreSQL keeps the keys twice (revision
0009_search_keys):

* ``name_key_list`` (key, candidate id): each key's candidates in id order,
  read by index-only scans. Several keys are intersected by merge joins on
  the candidate id, which stop as soon as the page is full: quick when
  matches are common, but a merge reads every list up to the page's last
  match, so when matches are rare it reads the lists whole.
* ``candidate_name_key`` (candidate id, keys as a tsvector) with GIN: GIN
  intersects the keys' posting lists, led by the rarest and skipping through
  the others, then visits each match to read its id; quick when matches are
  few, slow when they are many (the visits are scattered over the table).

Both read *pair keys* where they can (revision 0012, ``models/search_index.py``):
typed words of the common ones the database lists are taken two by two, and
each pair's one list, much shorter, is read in place of both words' lists
(:func:`paired`). Three common words that rarely meet (``wai sze chan``) then
cost what two do: the lists of ``sze+wai`` and ``chan+wai`` hold 3,300 and 8,800
of a million candidates, where ``wai``, ``sze`` and ``chan`` hold 83,000,
55,000 and 94,000, and a page is found after a few hundred entries of each.

The cheaper is chosen before either runs, from the table's statistics (how
often each common key occurs, which ANALYZE gathers), read once and kept for
a few minutes: estimating costs no round trip. Keys not among the common
ones are rarer than all of those, and GIN is led by the rarest key, so an
estimate that is off for them errs towards GIN, which is quick then.
Only the speed depends on the estimate; both ways return the same ids.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from desk_app.models.search_index import PAIR_MARK, name_pair_keys
from desk_app.services.search.name_statistics import KeyStatistics, kept

__all__ = ["KeyStatistics", "find", "gin", "merge", "merge_is_cheaper", "paired", "statistics"]

#: relative costs, in microseconds on the benchmark machine: a merge join
#: reads about this much per list entry (index-only, several lists) …
MERGE_PER_ENTRY = 1.0
#: … GIN per entry of the rarest key's list, and per match it visits
GIN_PER_ENTRY = 0.2
GIN_PER_MATCH = 8.0


def statistics(session: Session) -> KeyStatistics:
    """The key shares ANALYZE last gathered, kept per engine for a few minutes."""
    return kept(session, _analyzed)


def _analyzed(session: Session) -> KeyStatistics:
    row = session.execute(
        text(
            "SELECT c.reltuples, s.most_common_elems::text::text[],"
            " s.most_common_elem_freqs, desk_name_pair_words() FROM pg_class AS c"
            " LEFT JOIN pg_stats AS s ON s.schemaname = current_schema()"
            " AND s.tablename = 'candidate_name_key' AND s.attname = 'keys'"
            " WHERE c.oid = 'candidate_name_key'::regclass"
        )
    ).one()
    candidates, keys, shares = float(max(row[0], 0)), row[1] or [], row[2] or []
    # the shares end with three numbers more: the least and greatest share and
    # the share of empty values; a key not listed is about half the least
    return KeyStatistics(
        candidates=candidates,
        shares=dict(zip(keys, shares, strict=False)),
        rare=shares[len(keys)] / 2 if len(shares) > len(keys) else 1.0,
        read_at=time.monotonic(),
        pair_words=frozenset(row[3]),
    )


def paired(stats: KeyStatistics, keys: Sequence[str]) -> list[str]:
    """``keys`` with those of listed words replaced by pair keys: the same names hold them.

    A pair key ``a+b`` is held exactly when ``a`` and ``b`` are (``models/
    search_index.py``), so any pairs that cover every listed key will do;
    the rarest are taken first (the shortest lists), each while it covers a
    key not covered yet. A key with a count ("ka#2") is never a listed word.
    """
    pairs = sorted(name_pair_keys(keys, stats.pair_words), key=stats.share)
    covered: set[str] = set()
    chosen: list[str] = []
    for pair in pairs:
        words = pair.split(PAIR_MARK)
        if not covered.issuperset(words):
            chosen.append(pair)
            covered.update(words)
    return chosen + [key for key in keys if key not in covered]


def merge_is_cheaper(
    stats: KeyStatistics, keys: Sequence[str], limit: int, lists: Sequence[str] | None = None
) -> bool:
    """Whether merging the lists of ``lists`` (by default ``keys``) should cost
    less than GIN (estimates only); names holding ``keys`` are the matches."""
    # how many names match is estimated from the word keys, which the
    # estimate takes as independent (pairs of the same word are not)
    matches = stats.matching(keys)
    sizes = [stats.holding(key) for key in (keys if lists is None else lists)]
    # the merge reads each list up to the page's last match (all of it when
    # there are fewer matches than the page)
    read = min(1.0, limit / matches) if matches > 0 else 1.0
    merge = MERGE_PER_ENTRY * sum(sizes) * read
    gin = GIN_PER_ENTRY * min(sizes) + GIN_PER_MATCH * matches
    return merge < gin


def find(session: Session, keys: Sequence[str], limit: int) -> Sequence[int]:
    """Candidates holding every key, in id order, at most ``limit``."""
    if len(keys) == 1:
        return merge(session, keys, limit)  # one list: its first entries
    stats = statistics(session)
    lists = paired(stats, keys)
    if len(lists) == 1 or merge_is_cheaper(stats, keys, limit, lists):
        return merge(session, lists, limit)
    return gin(session, lists, limit)


def merge(session: Session, keys: Sequence[str], limit: int) -> Sequence[int]:
    """The key lists merged on the candidate id: each read in id order, stopping at the page."""
    # with the lists' statistics the planner joins them by merging (a list
    # it thinks short it may drive a nested loop from, which is as quick)
    params: dict[str, object] = {f"k{i}": key for i, key in enumerate(keys)}
    params["limit"] = limit
    joins = "".join(
        f" JOIN name_key_list AS l{i} ON l{i}.candidate_id = l0.candidate_id AND l{i}.key = :k{i}"
        for i in range(1, len(keys))
    )
    sql = (
        f"SELECT l0.candidate_id FROM name_key_list AS l0{joins}"
        " WHERE l0.key = :k0 ORDER BY l0.candidate_id LIMIT :limit"
    )
    return session.scalars(text(sql), params).all()


def gin(session: Session, keys: Sequence[str], limit: int) -> Sequence[int]:
    """Every candidate holding the keys, through GIN (never a walk), then in id order."""
    # keys hold letters, digits and "#" only: safe to quote as lexemes
    tsquery = " & ".join(f"'{key}'" for key in keys)
    sql = (
        "WITH m AS MATERIALIZED (SELECT candidate_id FROM candidate_name_key"
        " WHERE keys @@ CAST(:tsquery AS tsquery))"
        " SELECT candidate_id FROM m ORDER BY candidate_id LIMIT :limit"
    )
    return session.scalars(text(sql), {"tsquery": tsquery, "limit": limit}).all()
