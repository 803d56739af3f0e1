"""On PostgreSQL the second pass begins while the first is still reading the file.

The first pass (reading and checking every row) is this process's work
alone; the second's writes are mostly the server's, another process. One
after the other, the server waited through the whole check (6 of 36 s for
100,000 rows). So on PostgreSQL the import's one transaction opens before
the check, and every few rows the check offers the second pass its turn
(:meth:`EarlyWrites.keep_up`): when the chunk before has been written, the
next chunk spooled so far is compared and handed to the writer, and the
check goes on while the server stores it. The check gives way only when the
writer has nothing to do, so it keeps well ahead of the writes, but it does
give way: a bad date at line 90,000 of 100,000 is found after 9–11 s, where
checking alone took 4–5 s (the rows written meanwhile are rolled back with
the transaction). A whole good file took 26.8–28.7 s instead of 38.9 s.

All or nothing is kept by the transaction, as before: once the check finds a
problem nothing more is written, and the caller rolls back everything the
early chunks wrote. Chunks are compared and written in the file's order. A
chunk whose rows name a new centre before any row has given that centre's
name waits (and every chunk after it) until a later row gives it, or the
check ends and finds it missing.

Not on SQLite, where the writes are this process's own work (nothing would
run beside the check), and its write transaction would hold the whole
database through the check; nor for a dry run, which writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from desk_app.services.importing.applying import Applier
from desk_app.services.importing.checking import FileCheck
from desk_app.services.importing.report import Problems
from desk_app.services.importing.rows import EntryRow
from desk_app.services.importing.spool import RowSpool


class EarlyWrites:
    def __init__(self, applier: Applier, spool: RowSpool, problems: Problems) -> None:
        self._applier = applier
        self._spool = spool
        self._problems = problems
        #: the chunk taken from the spool but not applied yet (a centre's name is awaited)
        self._next: list[EntryRow] | None = None

    def keep_up(self, found: FileCheck) -> None:
        """Apply the next spooled chunk, if the writer is free and the chunk can be."""
        if self._problems or self._applier.busy():
            return
        if self._next is None:
            if not self._spool.waiting:
                return
            self._next = self._spool.next_chunk()
        centres = {row.candidate.centre for row in self._next}
        if not all(self._applier.has_centre(c) or c in found.new_centres for c in centres):
            return
        self._applier.prepare(found)
        chunk, self._next = self._next, None
        self._applier.apply(chunk)

    def rest(self) -> Iterator[list[EntryRow]]:
        """The chunks not applied yet, in order (once the check has ended)."""
        if self._next is not None:
            chunk, self._next = self._next, None
            yield chunk
        yield from self._spool.chunks()
