"""SQLite's English-name index during an import: filled directly, not by its trigger.

Revision 0009 keeps ``candidate_name_keys`` in step with ``candidate`` by
triggers (``models/search_index.py``). A trigger runs inside a statement
savepoint, and FTS5 writes its pending terms out at every savepoint: one
small index segment per candidate. Measured on 100,000 candidates, the
insert trigger took 7.6 s, the same rows inserted into the index directly
0.4 s: most of an import's time on SQLite.

So, inside the import's transaction, the insert trigger is dropped, each
chunk's new names go into the index directly, and the trigger is made again
from its own SQL (as ``sqlite_master`` holds it) before the commit. DDL is
transactional in SQLite: a failure, a rollback or a killed process brings the
trigger back with everything else, and other connections never see it gone
(the write lock is held, and readers see the last commit). PostgreSQL's name
keys follow ``search_token`` by statement triggers, once per statement:
nothing to do there.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from desk_app.models.search_index import SQLITE_FTS, SQLITE_INSERT_TRIGGER, name_key_text


class NameIndexLoader:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._trigger_sql: str | None = None
        if connection.dialect.name != "sqlite":
            return
        found = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            (SQLITE_INSERT_TRIGGER,),
        ).scalar()
        if found:
            self._trigger_sql = str(found)
            connection.exec_driver_sql(f"DROP TRIGGER {SQLITE_INSERT_TRIGGER}")

    def add(self, names: Sequence[tuple[int, str]]) -> None:
        """Index the English names of new candidates, as (candidate id, name_en)."""
        if self._trigger_sql is not None and names:
            self._connection.exec_driver_sql(
                f"INSERT INTO {SQLITE_FTS} (rowid, keys) VALUES (?, ?)",
                [(candidate_id, name_key_text(name)) for candidate_id, name in names],
            )

    def finish(self) -> None:
        """Make the trigger again (before the commit)."""
        if self._trigger_sql is not None:
            self._connection.exec_driver_sql(self._trigger_sql)
            self._trigger_sql = None
