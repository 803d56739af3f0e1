"""Hearing of other desks' changes: LISTEN on PostgreSQL, a cheap check on SQLite.

Both listeners run on a thread of their own (the window's, see
``ui/live/updates.py``) with a connection of their own, hand every
:class:`~desk_app.services.live.notices.Change` to ``deliver`` and return
when ``stopping`` is set (within ``wait_seconds``). A lost connection is made
again by itself, waiting longer each time (0.5 s, 1 s, 2 s … at most
``MAX_BACKOFF``); once it is back, :data:`~desk_app.services.live.notices.MISSED`
tells the desk to reload what it shows, since notices sent meanwhile are
gone. ``connected(bool)`` reports each change of state.

- :class:`PostgresListener`: an autocommit psycopg connection that LISTENs
  and waits in ``notifies(timeout=…)``; TCP keepalives notice a server that
  vanished without closing the connection.
- :class:`SqliteWatcher`: every ``every`` seconds ``PRAGMA data_version``
  (it changes when another connection committed; the check reads no page),
  and only then the audit entries written since the last one seen, with
  their candidates: one indexed range read.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import psycopg
from sqlalchemy.engine import URL

from desk_app.services.live.kinds import CHANNEL, kind_of
from desk_app.services.live.notices import MISSED, Change, change_of, parse

log = logging.getLogger("desk_app.live")

FIRST_BACKOFF = 0.5
MAX_BACKOFF = 30.0
#: more audit entries than this since the last check: reload what is shown
MAX_ENTRIES = 1000

Deliver = Callable[[Change], None]
Connected = Callable[[bool], None]


class Listener(Protocol):
    def run(self, deliver: Deliver, stopping: threading.Event, connected: Connected) -> None:
        """Deliver changes until ``stopping`` is set; reconnect by itself."""


class _Reconnecting:
    """The loop both listeners share: connect, listen, and after a loss wait and again."""

    def __init__(self, wait_seconds: float) -> None:
        self._wait = wait_seconds

    def run(self, deliver: Deliver, stopping: threading.Event, connected: Connected) -> None:
        delay = FIRST_BACKOFF
        down = False  # said so (connected(False)) and not back since
        while not stopping.is_set():

            def opened() -> None:
                nonlocal delay, down
                delay, down = FIRST_BACKOFF, False
                connected(True)

            try:
                self._listen(deliver, stopping, opened, missed=down)
            except (psycopg.Error, sqlite3.Error, OSError) as error:
                # never the text of the error: it may hold the connection's address
                log.warning("change notices lost (%s); trying again in %.1f s",
                            type(error).__name__, delay)  # fmt: skip
            else:
                return  # stopping
            if not down:
                down = True
                connected(False)
            if stopping.wait(delay):
                return
            delay = min(delay * 2, MAX_BACKOFF)

    def _listen(
        self, deliver: Deliver, stopping: threading.Event, opened: Callable[[], None], *,
        missed: bool,
    ) -> None:  # fmt: skip
        """Connect, call ``opened()``, deliver MISSED when ``missed``, then listen."""
        raise NotImplementedError


class PostgresListener(_Reconnecting):
    def __init__(self, url: URL, *, wait_seconds: float = 0.5) -> None:
        super().__init__(wait_seconds)
        self._params: dict[str, object] = {
            "host": url.host,
            "port": url.port,
            "user": url.username,
            "password": url.password,
            "dbname": url.database,
            "application_name": "desk-app changes",
            "connect_timeout": 5,
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
        }
        self._params.update(dict(url.query))  # sslmode, sslrootcert …

    def _listen(
        self, deliver: Deliver, stopping: threading.Event, opened: Callable[[], None], *,
        missed: bool,
    ) -> None:  # fmt: skip
        params = {k: v for k, v in self._params.items() if v is not None}
        with psycopg.connect(autocommit=True, **params) as connection:  # type: ignore[arg-type]
            connection.execute(f"LISTEN {CHANNEL}")
            opened()
            if missed:
                deliver(MISSED)
            while not stopping.is_set():
                for notice in connection.notifies(timeout=self._wait):
                    deliver(parse(notice.payload))


class SqliteWatcher(_Reconnecting):
    def __init__(self, path: str, *, uri: bool = False, every: float = 0.5) -> None:
        super().__init__(every)
        self._path = path
        self._uri = uri

    def _listen(
        self, deliver: Deliver, stopping: threading.Event, opened: Callable[[], None], *,
        missed: bool,
    ) -> None:  # fmt: skip
        # never create a file where the database was: "mode=rw" opens an existing one only
        target = self._path if self._uri else Path(self._path).resolve().as_uri() + "?mode=rw"
        connection = sqlite3.connect(target, uri=True, isolation_level=None, timeout=5)
        with contextlib.closing(connection):
            connection.execute("PRAGMA query_only=1")
            seen = _data_version(connection)
            last_id = _newest_id(connection)
            opened()
            if missed:
                deliver(MISSED)
            while not stopping.wait(self._wait):
                version = _data_version(connection)
                if version != seen:
                    seen = version
                    last_id = _read_since(connection, last_id, deliver)


def _data_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA data_version").fetchone()[0])


def _newest_id(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT coalesce(max(id), 0) FROM audit_event").fetchone()[0])


def _read_since(connection: sqlite3.Connection, last_id: int, deliver: Deliver) -> int:
    """Deliver the changes audited after ``last_id``, one per kind; the newest id read."""
    rows = connection.execute(
        "SELECT id, action, candidate_id FROM audit_event WHERE id > ? ORDER BY id LIMIT ?",
        (last_id, MAX_ENTRIES + 1),
    ).fetchall()
    if len(rows) > MAX_ENTRIES:
        deliver(MISSED)
        return _newest_id(connection)
    by_kind: dict[str, tuple[set[int], int]] = {}
    for audit_id, action, candidate_id in rows:
        kind = kind_of(action)
        if kind is None:
            continue
        ids, _newest = by_kind.get(kind, (set(), 0))
        if candidate_id is not None:
            ids.add(candidate_id)
        by_kind[kind] = (ids, audit_id)
    for kind, (ids, newest) in by_kind.items():
        deliver(change_of(kind, ids, newest))
    return int(rows[-1][0]) if rows else last_id
