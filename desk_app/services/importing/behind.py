"""Writing one chunk while the next is compared: the second pass's two halves overlapped.

Comparing a chunk with the database is mostly Python; writing it is mostly
waiting for the database (COPY on PostgreSQL, where the server does the
work in its own process). So on PostgreSQL each chunk's writes run on one
worker thread while the caller compares the next chunk; the two share the
unit of work's one connection and transaction, never at the same moment:

1. the caller waits for the last chunk's writes (:meth:`WriteBehind.wait`),
   then reads what the database holds for the next chunk and draws the ids
   it may need (:class:`IdPool`), so that comparing needs no database;
2. the last chunk's writes go to the worker (:meth:`WriteBehind.submit`);
3. the caller compares the next chunk (Python) while the worker writes.

Reading before the last chunk is written is safe: a file names each
candidate's entry once (the first pass refuses duplicates), and the
candidates met so far are known by the caller without the database.
SQLite writes in this process, under Python's lock, on a connection of this
thread: there it all runs in turn, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import Table

from desk_app.bulk import BulkWriter


class WriteBehind:
    def __init__(self, *, overlap: bool) -> None:
        self._pool = ThreadPoolExecutor(1, "import-write") if overlap else None
        self._pending: Future[None] | None = None

    def submit(self, write: Callable[[], None]) -> None:
        """Run ``write`` after the last one: on the worker, or here and now."""
        self.wait()
        if self._pool is None:
            write()
        else:
            self._pending = self._pool.submit(write)

    def wait(self) -> None:
        """Wait for the write in progress; its error, if it failed, is raised here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        """Wait for the write in progress (the transaction ends only after it) and stop."""
        try:
            self.wait()
        finally:
            if self._pool is not None:
                self._pool.shutdown()


class IdPool:
    """New ids drawn ahead, a chunk's worth at a time (ids left over at the end stay unused,
    as sequences leave gaps anyway)."""

    def __init__(self, writer: BulkWriter) -> None:
        self._writer = writer
        self._ids: dict[str, list[int]] = {}

    def fill(self, tables: dict[str, Table], count: int) -> None:
        """At least ``count`` ids ready for each of ``tables`` (name → table)."""
        for name, table in tables.items():
            ready = self._ids.setdefault(name, [])
            if len(ready) < count:
                ready += self._writer.take_ids(table, count - len(ready))

    def take(self, name: str, count: int) -> list[int]:
        ready = self._ids[name]
        assert len(ready) >= count, "ids are drawn before the chunk is compared"
        taken, self._ids[name] = ready[:count], ready[count:]
        return taken
