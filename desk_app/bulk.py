"""Fast bulk inserts inside one unit of work: demo data by the million, imported files.

Rows are plain tuples with explicit ids. On SQLite they go through the
driver's ``executemany`` (values already in the form SQLAlchemy stores:
naive UTC timestamps as text, dates as ISO text, booleans as 0/1); on
PostgreSQL through ``COPY … FROM STDIN``. Nothing here builds ORM objects.

The writer shares the session's connection, so everything it writes
commits or rolls back with the rest of the unit of work.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, select, text

_SQLITE_STAMP = "%Y-%m-%d %H:%M:%S.%f"


@dataclass(frozen=True)
class Prepared:
    """Rows of one table ready to send: ``target`` is "table (column, …)"."""

    target: str
    width: int
    #: SQLite: the rows, for ``executemany``
    rows: list[Sequence[Any]]
    #: PostgreSQL: the rows in COPY's text format
    data: bytes


class BulkWriter:
    def __init__(self, connection: Connection, *, sqlite_cache_kib: int = 1_048_576) -> None:
        self._connection = connection
        self.dialect = connection.dialect.name
        self._sqlite = self.dialect == "sqlite"
        self._loaded: list[Table] = []
        self._cache_size: int | None = None
        self._next_ids: dict[str, int] = {}
        #: PostgreSQL: each table's id sequence, by its oid
        self._sequences: dict[str, int] = {}
        if self._sqlite:
            # a large page cache keeps the index B-trees in memory while they
            # grow; finish() gives the (pooled) connection its own back
            self._cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar()
            connection.exec_driver_sql(f"PRAGMA cache_size=-{int(sqlite_cache_kib)}")

    # -- values in the form each database stores ---------------------------------------------
    def stamp(self, moment: datetime | None) -> Any:
        """An aware UTC datetime as the column stores it."""
        if moment is None or not self._sqlite:
            return moment
        return moment.replace(tzinfo=None).strftime(_SQLITE_STAMP)

    def day(self, value: date) -> Any:
        return value.isoformat() if self._sqlite else value

    def flag(self, value: bool) -> Any:
        return int(value) if self._sqlite else value

    # -- writing ------------------------------------------------------------------------------
    def next_id(self, table: Table) -> int:
        """The first free id of ``table`` (ids are given explicitly)."""
        highest = self._connection.scalar(select(func.max(table.c.id)))
        return int(highest or 0) + 1

    def take_ids(self, table: Table, count: int) -> list[int]:
        """``count`` new ids for ``table``, safe beside other writers.

        PostgreSQL: drawn from the table's sequence, so no other transaction
        can get them. SQLite: after the highest id, which is safe because a
        writing unit of work holds the database's write lock.
        """
        if count <= 0:
            return []
        if self._sqlite:
            first = self._next_ids.get(table.name) or self.next_id(table)
            self._next_ids[table.name] = first + count
            return list(range(first, first + count))
        sequence = self._sequences.get(table.name)
        if sequence is None:
            sequence = self._connection.execute(
                text("SELECT CAST(pg_get_serial_sequence(:table, 'id') AS regclass)::oid"),
                {"table": table.name},
            ).scalar_one()
            self._sequences[table.name] = sequence
        # the sequence named once: looked up per row, it cost 4 µs an id (1.2 s for 100,000 rows)
        drawn = self._connection.execute(
            text("SELECT nextval(CAST(:sequence AS oid)) FROM generate_series(1, :n)"),
            {"sequence": sequence, "n": count},
        )
        return [int(value) for value in drawn.scalars()]

    def insert(self, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        self.send(self.prepare(table, columns, rows))

    def prepare(
        self, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> Prepared:
        """The rows made ready to :meth:`send`: on PostgreSQL formatted for COPY here,
        in the calling thread, while the connection may be busy on another."""
        for name in columns:
            if name not in table.c:
                raise ValueError(f"{table.name} has no column {name}")
        if table not in self._loaded:
            self._loaded.append(table)
        target = f"{table.name} ({', '.join(columns)})"
        if self._sqlite:
            batch = rows if isinstance(rows, list) else list(rows)
            return Prepared(target, len(columns), batch, b"")
        return Prepared(target, len(columns), [], copy_data(self._connection, rows))

    def send(self, prepared: Prepared) -> None:
        """Write rows :meth:`prepare` made ready."""
        if self._sqlite:
            if prepared.rows:
                marks = ", ".join("?" for _ in range(prepared.width))
                self._connection.exec_driver_sql(
                    f"INSERT INTO {prepared.target} VALUES ({marks})", prepared.rows
                )
            return
        send_copy(self._connection, prepared.target, prepared.data)

    def finish(self, *, reset_sequences: bool = True) -> None:
        """Move PostgreSQL's id sequences past the ids given explicitly (SQLite: the cache).

        ``reset_sequences=False`` when every id came from :meth:`take_ids`.
        """
        if self._sqlite:
            if self._cache_size is not None:
                self._connection.exec_driver_sql(f"PRAGMA cache_size={int(self._cache_size)}")
            return
        if not reset_sequences:
            return
        for table in self._loaded:
            if "id" not in table.c or not table.c.id.autoincrement:
                continue
            self._connection.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:table, 'id'),"
                    f" (SELECT COALESCE(max(id), 0) + 1 FROM {table.name}), false)"
                ),
                {"table": table.name},
            )


def copy_data(connection: Connection, rows: Iterable[Sequence[Any]]) -> bytes:
    """PostgreSQL: ``rows`` in COPY's text format, by psycopg's own formatter
    (``FileWriter``: no round trip, so another thread may be using the connection)."""
    from psycopg.copy import Copy, FileWriter  # only PostgreSQL's desks load psycopg

    raw = connection.connection.driver_connection
    assert raw is not None
    formatted = io.BytesIO()
    with raw.cursor() as cursor, Copy(cursor, writer=FileWriter(formatted)) as copy:
        for row in rows:
            copy.write_row(row)
    return formatted.getvalue()


def send_copy(connection: Connection, target: str, data: bytes) -> None:
    """PostgreSQL: :func:`copy_data`'s rows into ``target`` ("table (column, …)") by
    ``COPY … FROM STDIN``, on the unit of work's connection.

    Formatting the rows and sending them are apart so that an import's worker
    thread only sends: formatting there, it shared the interpreter with the
    thread building the next chunk, and the server waited for rows it had
    time to store (``services/importing/pipeline.py``)."""
    if not data:
        return
    raw = connection.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor, cursor.copy(f"COPY {target} FROM STDIN") as copy:
        copy.write(data)


def analyze(connection: Connection) -> None:
    """Refresh the planner's statistics after a bulk load (both databases)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA analysis_limit=2000")
    connection.exec_driver_sql("ANALYZE")
