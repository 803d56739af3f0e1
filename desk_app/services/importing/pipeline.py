"""The second pass's writes, one chunk behind its comparisons, on one worker thread.

Comparing a chunk with the database and building its rows is Python work;
writing them on PostgreSQL is mostly the server's (another process). Done
one after the other, each waits for the other. So chunk *k*'s writes go to
a worker thread while chunk *k + 1* is compared and built: on two cores the
two overlap.

Not on SQLite: there the writes are this process's own work, and
``executemany`` lets go of the GIL for each row's step and takes it back
for the next row's values, so beside a busy Python thread it waits for the
GIL at every row (measured: 100,000 rows took more CPU and time with the
worker than without). There the same order runs on the caller's thread.

The connection is still used by one thread at a time: before the second
pass reads it (the next chunk's look-ups), it waits for the write in
flight (:meth:`ChunkPipeline.settle`), and only then hands the previous
chunk's writes over. The look-ups of a chunk never need the writes of the
chunk before it: a candidate met in an earlier chunk is known by its id
already, and an entry is in the file once (the first pass refuses
duplicates). New ids are drawn during the look-ups too
(:class:`IdReserve`), so building a chunk's rows needs no query.

Everything still happens in the caller's one transaction; :meth:`close`
waits for the worker before that transaction ends, however it ends (a
problem, a cancel, an error), so a rollback never meets a write in flight.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor


class ChunkPipeline:
    def __init__(self, *, threaded: bool) -> None:
        self._pool = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-import-write")
            if threaded
            else None
        )
        self._flight: Future[None] | None = None
        #: the last chunk's writes, held until the next chunk's look-ups are done
        self._held: Callable[[], None] | None = None

    def busy(self) -> bool:
        """Whether a write is in flight still (:meth:`settle` would wait)."""
        return self._flight is not None and not self._flight.done()

    def settle(self) -> None:
        """Wait for the write in flight (its error, if any, is raised here)."""
        flight, self._flight = self._flight, None
        if flight is not None:
            flight.result()

    def hold(self, write: Callable[[], None]) -> None:
        """Keep a chunk's writes until :meth:`release` (after the next look-ups)."""
        self.release()  # none held in the second pass's order; never two
        self._held = write

    def release(self) -> None:
        """Start the held writes on the worker (the connection is the worker's until
        :meth:`settle`)."""
        held, self._held = self._held, None
        if held is None:
            return
        self.settle()
        if self._pool is None:
            held()
        else:
            self._flight = self._pool.submit(held)

    def drop(self) -> None:
        """Forget the held writes (a problem was found: nothing more is written)."""
        self._held = None

    def flush(self) -> None:
        """Every write done (errors raised)."""
        self.release()
        self.settle()

    def close(self) -> None:
        """Wait for the worker and stop it; an error in flight is left to the caller's
        rollback (the write it belonged to is undone with everything else)."""
        self._held = None
        flight, self._flight = self._flight, None
        if flight is not None:
            flight.exception()  # waits; whatever it was, the transaction is rolled back
        if self._pool is not None:
            self._pool.shutdown(wait=True)


class IdReserve:
    """New ids of one table drawn ahead, so that building a chunk needs no query.

    :meth:`top_up` (during the look-ups) draws enough for a chunk (each row
    makes at most one candidate, entry and result); what a chunk leaves is
    used by the next. At the end at most one chunk's ids are left unused: on
    PostgreSQL a gap in the table's sequence, as a rolled-back insert leaves.
    """

    def __init__(self, draw: Callable[[int], list[int]]) -> None:
        self._draw = draw
        self._ids: list[int] = []
        self._next = 0

    def top_up(self, needed: int) -> None:
        left = len(self._ids) - self._next
        if left < needed:
            self._ids = self._ids[self._next :] + self._draw(needed - left)
            self._next = 0

    def take(self, count: int) -> list[int]:
        if self._next + count > len(self._ids):
            raise RuntimeError("more ids taken than reserved")
        taken = self._ids[self._next : self._next + count]
        self._next += count
        return taken
