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
keys, computed here by :func:`~desk_app.models.search_index.name_keys` (the
keys the triggers derive from the same words), are written with each chunk
(on the import's worker thread, so the server indexes them while the next
chunk is built): copied into a temporary table, then stored in
``candidate_name_key`` with the pair keys the database's own
``desk_name_pair_keys`` adds (the function the triggers use, revision 0012)
and listed in ``name_key_list`` in key order, one statement for both. Before
the commit the renamed candidates' keys (few: corrections) are written by
the triggers' own ``desk_refresh_name_keys``, from their new words.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

from desk_app.models.search_index import SQLITE_FTS, SQLITE_INSERT_TRIGGER, name_key_text, name_keys

#: the setting revision 0011's trigger function reads
DEFER_SETTING = "desk.defer_name_keys"
#: the temporary table each chunk's word keys are copied into (gone at the commit)
_WORD_KEYS = "import_word_keys"
#: stores them with their pair keys, and lists every key, in the index's order
_STORE_KEYS = f"""
    WITH stored AS (
        INSERT INTO candidate_name_key (candidate_id, keys)
        SELECT candidate_id, keys || desk_name_pair_keys(keys) FROM {_WORD_KEYS}
        RETURNING candidate_id, keys
    )
    INSERT INTO name_key_list (key, candidate_id)
    SELECT k.key, s.candidate_id FROM stored AS s, unnest(tsvector_to_array(s.keys)) AS k (key)
    ORDER BY k.key COLLATE "C", 2
"""


class NameIndexLoader:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._postgres = connection.dialect.name == "postgresql"
        self._trigger_sql: str | None = None
        #: PostgreSQL: the renamed candidates, whose keys are written at the end
        self._renamed: list[int] = []
        if self._postgres:
            connection.exec_driver_sql(f"SET LOCAL {DEFER_SETTING} = 'on'")
            connection.exec_driver_sql(
                f"CREATE TEMPORARY TABLE {_WORD_KEYS} (candidate_id integer, keys tsvector)"
                " ON COMMIT DROP"
            )
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
        if self._postgres:
            self._copy_keys(names)
        elif self._trigger_sql is not None and names:
            self._connection.exec_driver_sql(
                f"INSERT INTO {SQLITE_FTS} (rowid, keys) VALUES (?, ?)",
                [(candidate_id, name_key_text(name)) for candidate_id, name in names],
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

    def _copy_keys(self, names: Sequence[tuple[int, str]]) -> None:
        if not names:
            return
        raw = self._connection.connection.driver_connection
        assert raw is not None
        copied = 0
        copying = f"COPY {_WORD_KEYS} (candidate_id, keys) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(copying) as copy:
            for candidate_id, name in names:
                keys = name_keys(name)
                if keys:  # no words, no keys: the triggers write no row either
                    copy.write_row((candidate_id, " ".join(f"'{key}'" for key in keys)))
                    copied += 1
        if copied:
            self._connection.exec_driver_sql(_STORE_KEYS)
            self._connection.exec_driver_sql(f"TRUNCATE {_WORD_KEYS}")

    def _refresh_renamed(self) -> None:
        if self._renamed:
            self._connection.execute(
                text("SELECT desk_refresh_name_keys(CAST(:ids AS integer[]))"),
                {"ids": sorted(set(self._renamed))},
            )
            self._renamed = []
