"""English-name search on SQLite: the first matches in id order, reading no long list it can skip.

A name matches when it holds every key of the typed words (``models/
search_index.py``), and FTS5 finds those names by intersecting the keys'
doclists in id order, stopping at the page. It skips through a doclist a
page at a time, not an entry at a time, so when few names match, it reads
every list to its end: a rare name beside a short common start ("wei-no ch")
reads the whole list of "ch", which some 40 % of names hold.

So the keys are split in two: FTS5 intersects some of them, and each
candidate it finds is checked for the others against its name
(``desk_name_has_keys``, the same Python that computes what the index
holds). Which split costs least is estimated from how often each key occurs
in a sample of names (:func:`statistics`, read once and kept a few
minutes); with every key in FTS5 the split is today's plain intersection.
Only the speed depends on the estimate: every split returns the same ids.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Sequence
from itertools import combinations

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from desk_app.models import Candidate
from desk_app.models.search_index import SQLITE_FTS, SQLITE_HAS_KEYS, name_keys
from desk_app.services.search.name_statistics import KeyStatistics, kept

#: names read to estimate how often keys occur (a key held by 2 % of names
#: shows in about 20 of them), in runs of consecutive ids (fewer pages read)
SAMPLE = 1_000
SAMPLE_RUN = 25
#: relative costs, in microseconds on the benchmark machine: FTS5 reads this
#: much per doclist entry …
FTS_PER_ENTRY = 0.05
#: … of a list, skipping a page at a time, at most this many entries for each
#: entry of the shortest list (a page holds many entries)
ENTRIES_PER_SKIP = 25
#: … and checking one candidate's name (its row, its words) costs this much
CHECK_PER_CANDIDATE = 12.0
#: only a key held by at least this share of names is left to the check: its
#: list is long enough that skipping through it costs more than the checks
#: (names share words by origin, so matches of the other keys are often many
#: more than their shares multiplied say, and checking them costs more)
CHECKED_SHARE = 0.2
#: a split is taken only when it should cost less than this share of the
#: plain intersection (the estimates are rough; the plain way is the safe one)
SPLIT_GAIN = 0.5

_CANDIDATE = Candidate.__table__.c
_SAMPLE_NAMES = select(_CANDIDATE.name_en).where(
    _CANDIDATE.id.in_(bindparam("ids", expanding=True))
)


def statistics(session: Session) -> KeyStatistics:
    """How often keys occur in a sample of names, kept per engine for a few minutes."""
    return kept(session, _sampled)


def _sampled(session: Session) -> KeyStatistics:
    highest = session.scalar(select(_CANDIDATE.id).order_by(_CANDIDATE.id.desc()).limit(1))
    if not highest:
        return KeyStatistics(candidates=0.0, read_at=time.monotonic())
    # runs of consecutive ids, chosen at random (the same for the same highest id)
    runs = range(1, highest + 1, SAMPLE_RUN)
    chosen = random.Random(highest).sample(runs, min(len(runs), SAMPLE // SAMPLE_RUN))
    ids = [i for run in sorted(chosen) for i in range(run, min(run + SAMPLE_RUN, highest + 1))]
    names = session.scalars(_SAMPLE_NAMES, {"ids": ids}).all()
    counts = Counter(key for name in names for key in name_keys(name))
    read = max(len(names), 1)
    return KeyStatistics(
        candidates=highest * len(names) / len(ids),
        shares={key: count / read for key, count in counts.items()},
        rare=0.5 / read,
        read_at=time.monotonic(),
    )


def split(stats: KeyStatistics, keys: Sequence[str], limit: int) -> tuple[list[str], list[str]]:
    """(keys for FTS5 to intersect, keys to check on each candidate found): the cheapest."""
    matches = stats.matching(keys)
    # the lists are read in id order up to the page's last match
    read = min(1.0, limit / matches) if matches > 0 else 1.0
    best = (_reading(stats, keys) * read * SPLIT_GAIN, list(keys), list[str]())
    for size in range(len(keys) - 1, 0, -1):
        for chosen in combinations(keys, size):
            if any(stats.share(key) < CHECKED_SHARE for key in keys if key not in chosen):
                continue
            cost = _reading(stats, chosen) * read
            cost += CHECK_PER_CANDIDATE * stats.matching(chosen) * read
            if cost < best[0]:
                best = (cost, list(chosen), [key for key in keys if key not in chosen])
    return best[1], best[2]


def _reading(stats: KeyStatistics, keys: Sequence[str]) -> float:
    """What FTS5 should cost to intersect ``keys`` to their ends."""
    shortest = min(stats.holding(key) for key in keys)
    entries = sum(min(stats.holding(key), ENTRIES_PER_SKIP * shortest) for key in keys)
    return FTS_PER_ENTRY * entries


def find(session: Session, keys: Sequence[str], limit: int) -> Sequence[int]:
    """Candidates holding every key, in id order, at most ``limit``."""
    chosen, rest = split(statistics(session), keys, limit) if len(keys) > 1 else (keys, [])
    # each key a quoted FTS5 string: no FTS5 syntax can get in, and the
    # table's tokenizer keeps a key (letters, digits, "#") as one term
    params: dict[str, object] = {
        "match": " AND ".join(f'"{key}"' for key in chosen),
        "limit": limit,
    }
    if not rest:
        sql = f"SELECT rowid FROM {SQLITE_FTS} WHERE {SQLITE_FTS} MATCH :match ORDER BY rowid"
    else:
        params["rest"] = " ".join(rest)
        sql = (
            f"SELECT f.rowid FROM {SQLITE_FTS} AS f JOIN candidate AS c ON c.id = f.rowid"
            f" WHERE f.{SQLITE_FTS} MATCH :match AND {SQLITE_HAS_KEYS}(c.name_en, :rest)"
            " ORDER BY f.rowid"
        )
    return session.scalars(text(sql + " LIMIT :limit"), params).all()
