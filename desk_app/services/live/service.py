"""What a desk needs to follow other desks' changes while it is open.

:meth:`LiveService.listener` gives the listener that fits the database
(``listening.py``); the window runs it on a thread of its own. When a change
touches what a desk shows, the desk asks again for just those candidates:
the rows of its search (``SearchService.rows``), the open candidate (loaded
again as usual) and, here, the lockouts of those candidates.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select

from desk_app.database import Database
from desk_app.models import Candidate
from desk_app.services.accounts.lockouts import LockoutRow, locked_rows
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.clock import Clock
from desk_app.services.live.listening import Listener, PostgresListener, SqliteWatcher
from desk_app.services.permissions import Action
from desk_app.settings import Settings


@dataclass(frozen=True)
class LockoutsOf:
    """The locks of some candidates now: ``rows`` replace every row of ``id_numbers``."""

    id_numbers: frozenset[str]
    rows: tuple[LockoutRow, ...]


class LiveService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def listener(self) -> Listener | None:
        """A listener for this database; None for a database only this process sees."""
        url = self._db.engine.url
        backend = url.get_backend_name()
        if backend == "postgresql":
            return PostgresListener(url)
        if backend == "sqlite" and url.database not in (None, "", ":memory:"):
            uri = str(url.query.get("uri", "")).lower() in ("true", "1")
            every = self._settings.desk.change_check_seconds
            return SqliteWatcher(url.database, uri=uri, every=every)
        return None

    def lockouts_of(self, caller: Caller, candidate_ids: Collection[int]) -> LockoutsOf:
        """These candidates' locks now (role: view_lockouts; not audited, like the list)."""
        ids = sorted(set(candidate_ids))
        with self._db.read() as session:
            authorise_caller(session, caller, Action.VIEW_LOCKOUTS)
            numbers = session.scalars(select(Candidate.id_number).where(Candidate.id.in_(ids)))
            id_numbers = frozenset(numbers)
            return LockoutsOf(id_numbers, locked_rows(session, self._clock.now(), ids))
