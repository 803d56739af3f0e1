"""The checked rows, kept on disk between the two passes, a chunk at a time.

The first pass reads and checks every row; the second writes them. Rather
than read and check the file a second time (most of an import's CPU time),
the first pass pickles each chunk of checked rows into an unnamed temporary
file, and the second reads them back: memory stays one chunk, and what is
written is exactly what was checked, even if the file is changed meanwhile.
The file is as big as the rows' values (about the size of the CSV) and is
gone when closed, or when the process ends however it ends.

On PostgreSQL the second pass starts before the first ends (``service.py``):
it reads the chunks written so far (:meth:`RowSpool.next_chunk`) while the
first pass goes on adding to the end, and, once that is done, the rest
(:meth:`RowSpool.chunks`). Each chunk is read once, in order.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO

from desk_app.services.importing.rows import EntryRow

#: rows pickled together (and compared with the database together)
CHUNK = 2000


class RowSpool:
    def __init__(self) -> None:
        # kept open for the spool's life; close() (or the with block) closes it
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="desk-import-")  # noqa: SIM115
        self._buffer: list[EntryRow] = []
        self.rows = 0
        #: chunks written to the file and not read yet; where the next one starts
        self.waiting = 0
        self._read_at = 0

    def add(self, row: EntryRow) -> None:
        self._buffer.append(row)
        self.rows += 1
        if len(self._buffer) == CHUNK:
            self._dump()

    def _dump(self) -> None:
        if self._buffer:
            pickle.dump(self._buffer, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._buffer = []
            self.waiting += 1

    def next_chunk(self) -> list[EntryRow]:
        """The first chunk not read yet (one is :attr:`waiting`); the file stays open for
        more at its end."""
        if not self.waiting:
            raise RuntimeError("no chunk waiting")
        end = self._file.tell()
        self._file.seek(self._read_at)
        chunk: list[EntryRow] = pickle.load(self._file)  # our own file
        self._read_at = self._file.tell()
        self._file.seek(end)
        self.waiting -= 1
        return chunk

    def chunks(self) -> Iterator[list[EntryRow]]:
        """The rows not read yet, in order, a chunk at a time (once nothing more is added)."""
        self._dump()
        while self.waiting:
            yield self.next_chunk()

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> RowSpool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
