"""How often English-name keys occur: what each database's name search chooses its way by.

Only the speed of a search depends on these figures, never what it finds,
so they may be rough and a few minutes old. (PostgreSQL's list of the words
that make pair keys comes with them and does decide which keys are read; it
is the database's own, which only a migration changes: one that changes it
should run with the desks closed, as a desk open across it would read pair
keys by the old list until it reads the figures again.) Each database reads them once
(PostgreSQL from ANALYZE's statistics, SQLite from a sample of names) and
keeps them per engine for :data:`STATISTICS_TTL` seconds, so that choosing
costs no round trip.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from desk_app.models.search_index import COUNT_MARK

#: statistics are read again after this many seconds
STATISTICS_TTL = 600.0


@dataclass(frozen=True)
class KeyStatistics:
    """How often keys occur among candidates with an English name."""

    candidates: float
    #: share of candidates holding each common key
    shares: dict[str, float] = field(default_factory=dict)
    #: the share assumed for a key not among the common ones
    rare: float = 1.0
    read_at: float = 0.0
    #: words whose keys make pair keys (PostgreSQL, revision 0012; none on SQLite)
    pair_words: frozenset[str] = frozenset()

    def share(self, key: str) -> float:
        return self.shares.get(key, self.rare)

    def holding(self, key: str) -> float:
        """About how many candidates hold ``key``."""
        return self.candidates * self.share(key)

    def matching(self, keys: Sequence[str]) -> float:
        """About how many candidates hold all of ``keys``.

        Keys are taken as independent, except where one's prefix begins the
        other's ("ma#2" and "man", "la" and "lai"): a name holding the rarer
        of those likely holds the other, so only the rarer counts.
        """
        share = 1.0
        taken: list[str] = []
        for key in sorted(keys, key=self.share):
            prefix = key.partition(COUNT_MARK)[0]
            if not any(p.startswith(prefix) or prefix.startswith(p) for p in taken):
                taken.append(prefix)
                share *= self.share(key)
        return self.candidates * share


_KEPT: weakref.WeakKeyDictionary[Engine, KeyStatistics] = weakref.WeakKeyDictionary()


def kept(session: Session, read: Callable[[Session], KeyStatistics]) -> KeyStatistics:
    """The statistics ``read`` gives for this session's engine, read again after the TTL."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    known = _KEPT.get(engine)
    if known is not None and time.monotonic() - known.read_at < STATISTICS_TTL:
        return known
    found = read(session)
    _KEPT[engine] = found
    return found


def forget(engine: Engine) -> None:
    """Read the statistics again at the next search (after a bulk change, in tests)."""
    _KEPT.pop(engine, None)
