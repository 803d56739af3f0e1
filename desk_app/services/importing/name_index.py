"""The English-name index during an import: written by the import itself, not by triggers.

Revision 0009 keeps the name index in step by triggers (``models/
search_index.py``); an import writes many candidates at once and fills it
itself instead, within its one transaction: a failure, a rollback or a
killed process undoes it with everything else.

SQLite: a trigger runs inside a statement savepoint, and FTS5 writes its
pending terms out at every savepoint: one small index segment per
candidate. Measured on 100,000 candidates, the insert trigger took 7.6 s,
the same rows inserted into the index directly 0.4 s. So the insert
trigger is dropped, each chunk's new names go into the index directly, and
the trigger is made again from its own SQL (as ``sqlite_master`` holds it)
before the commit. DDL is transactional in SQLite, and other connections
never see the trigger gone (the write lock is held; readers see the last
commit).

PostgreSQL: statement triggers on ``search_token`` refresh the keys of the
candidates each statement touched, joining them with ``search_token``: once
per chunk, and by plans made for tables whose new rows the planner has no
statistics of (about half of a 100,000-row import's time). So the import
sets ``desk.defer_name_keys`` for its transaction, which the trigger
function reads and then does nothing (revision 0011). The new candidates'
keys, computed here by :func:`~desk_app.models.search_index.name_keys` and
:func:`~desk_app.models.search_index.name_pair_keys` (the keys the triggers
derive from the same words, the pairs from the words the database lists,
read once), are copied straight into ``candidate_name_key`` and, in the
index's order, ``name_key_list`` with each chunk (on the import's worker
thread, so the server indexes them while the next chunk is built). Before,
they went through a temporary table and the database's
``desk_name_pair_keys``: 9.5 of the server's 22 s for 100,000 candidates.
Before the commit the renamed candidates' keys (few: corrections) are
written by the triggers' own ``desk_refresh_name_keys``, from their new
words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desk_app.bulk import send_copy
from desk_app.models.search_index import (
    SQLITE_FTS,
    SQLITE_INSERT_TRIGGER,
    name_key_text,
    name_keys,
    name_pair_keys,
)

#: the setting revision 0011's trigger function reads
DEFER_SETTING = "desk.defer_name_keys"


@dataclass(frozen=True)
class PreparedNames:
    """A chunk's name keys, ready to write: COPY's text of both tables (PostgreSQL),
    or the index's rows (SQLite)."""

    stored: bytes = b""
    listed: bytes = b""
    rows: list[tuple[int, str]] = field(default_factory=list)


class NameIndexLoader:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._postgres = connection.dialect.name == "postgresql"
        self._trigger_sql: str | None = None
        #: PostgreSQL: the renamed candidates, whose keys are written at the end
        self._renamed: list[int] = []
        #: PostgreSQL: the words whose pairs are keys too (revision 0012)
        self._pair_words: frozenset[str] = frozenset()
        #: PostgreSQL: what COPY's text is encoded in (the connection's client encoding)
        self._encoding = "utf-8"
        if self._postgres:
            connection.exec_driver_sql(f"SET LOCAL {DEFER_SETTING} = 'on'")
            listed = connection.exec_driver_sql("SELECT desk_name_pair_words()").scalar_one()
            self._pair_words = frozenset(listed)
            raw = connection.connection.driver_connection
            assert raw is not None
            self._encoding = raw.info.encoding
            return
        found = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            (SQLITE_INSERT_TRIGGER,),
        ).scalar()
        if found:
            self._trigger_sql = str(found)
            connection.exec_driver_sql(f"DROP TRIGGER {SQLITE_INSERT_TRIGGER}")

    def prepare(self, names: Sequence[tuple[int, str]]) -> PreparedNames:
        """The keys of new candidates' English names, as (candidate id, name_en), made
        ready for :meth:`add` (in the thread that built them)."""
        if self._postgres:
            return self._prepare_keys(names)
        if self._trigger_sql is None:
            return PreparedNames()
        return PreparedNames(rows=[(cid, name_key_text(name)) for cid, name in names])

    def add(self, prepared: PreparedNames) -> None:
        """Index what :meth:`prepare` made ready."""
        if self._postgres:
            send_copy(self._connection, "candidate_name_key (candidate_id, keys)", prepared.stored)
            send_copy(self._connection, "name_key_list (key, candidate_id)", prepared.listed)
        elif prepared.rows:
            self._connection.exec_driver_sql(
                f"INSERT INTO {SQLITE_FTS} (rowid, keys) VALUES (?, ?)", prepared.rows
            )

    def renamed(self, candidate_ids: Sequence[int]) -> None:
        """Candidates whose search tokens were replaced (SQLite's triggers on
        ``candidate`` follow them; PostgreSQL's are refreshed at the end)."""
        if self._postgres:
            self._renamed += candidate_ids

    def finish(self) -> None:
        """Before the commit: PostgreSQL's renamed candidates' keys refreshed (the new
        ones went in with their chunks); SQLite's trigger made again."""
        if self._postgres:
            self._connection.exec_driver_sql(f"SET LOCAL {DEFER_SETTING} = 'off'")
            self._refresh_renamed()
        elif self._trigger_sql is not None:
            self._connection.exec_driver_sql(self._trigger_sql)
            self._trigger_sql = None

    def _prepare_keys(self, names: Sequence[tuple[int, str]]) -> PreparedNames:
        """COPY's text of both tables, written here: a key is letters or digits with
        ``#`` and ``+`` (``models/search_index.py``), never a character COPY or a
        tsvector would escape, and 1.8 million rows a 100,000-row import are
        written this way in a third of the time psycopg's formatter takes."""
        stored: list[str] = []
        listed: list[str] = []
        for candidate_id, name in names:
            keys = name_keys(name)
            if not keys:  # no words, no keys: the triggers write no row either
                continue
            keys += name_pair_keys(keys, self._pair_words)
            quoted = "' '".join(keys)
            stored.append(f"{candidate_id}\t'{quoted}'\n")
            listed += [f"{key}\t{candidate_id}\n" for key in keys]
        listed.sort()  # the index's order: its pages are filled one after another
        return PreparedNames(
            stored="".join(stored).encode(self._encoding),
            listed="".join(listed).encode(self._encoding),
        )

    def _refresh_renamed(self) -> None:
        if self._renamed:
            self._connection.execute(
                text("SELECT desk_refresh_name_keys(CAST(:ids AS integer[]))"),
                {"ids": sorted(set(self._renamed))},
            )
            self._renamed = []
