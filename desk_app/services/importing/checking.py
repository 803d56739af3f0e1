"""The first pass: the whole file checked, streamed; nothing is kept unless all is good.

Each row is read on its own (``rows.py``); what rows say about each other
is kept small, so memory does not follow the file: per ID Number the line
it first appeared on and a 64-bit hash of each candidate cell, per entry
(ID Number, exam, session) its line and a hash of its result. A second row
for the same entry is a duplicate (same result) or a conflict (another);
a candidate whose cells differ between rows is a conflict, named by column.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from desk_app.services.importing.catalogue import Catalogue, SessionRef
from desk_app.services.importing.columns import Header, read_header
from desk_app.services.importing.reading import RowSource, Unreadable
from desk_app.services.importing.report import (
    ImportCancelled,
    Problems,
    Progress,
    ProgressCallback,
    StopAsked,
)
from desk_app.services.importing.rows import CANDIDATE_FIELDS, EntryRow, RowReader
from desk_app.services.importing.spool import RowSpool
from desk_app.settings import Settings

#: progress is told (and a stop looked for) every this many rows
STEP = 1000
#: the second pass is offered its turn every this many rows (``keep_up``): soon after
#: the server has written a chunk, it is given the next
KEEP_UP_STEP = 100
#: what the first pass keeps per candidate (first line, a hash per candidate cell) and per
#: entry (first line, a hash of the result)
_CANDIDATE = struct.Struct(f"<q{len(CANDIDATE_FIELDS)}q")
_ENTRY = struct.Struct("<qq")


@dataclass
class FileCheck:
    """What the first pass learnt: the rows, and the centres and sessions to make."""

    rows: int = 0
    #: code → (line, English name, Chinese name)
    new_centres: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)
    new_sessions: dict[str, SessionRef] = field(default_factory=dict)


class CrossRowChecks:
    def __init__(self, header: Header, problems: Problems, known_centres: set[str]) -> None:
        self._header = header
        self._problems = problems
        self._known_centres = known_centres
        #: new centres met on a row without a name: code → first line
        self._unnamed: dict[str, int] = {}
        # packed as bytes (line, then 64-bit hashes): about a third of the memory of tuples
        self._candidates: dict[str, bytes] = {}
        self._entries: dict[str, bytes] = {}

    def check(self, row: EntryRow, found: FileCheck) -> None:
        candidate = row.candidate
        hashes = _CANDIDATE.pack(row.line, *(hash(value) for value in candidate.values()))
        first = _CANDIDATE.unpack(self._candidates.setdefault(candidate.id_number, hashes))
        if first[0] != row.line:
            mine = _CANDIDATE.unpack(hashes)
            for name, own, theirs in zip(CANDIDATE_FIELDS, mine[1:], first[1:], strict=True):
                if own != theirs and self._header.has(name):
                    column, letter = self._header.where(name)
                    self._problems.add(
                        row.line, "import_conflicting_candidate", column=column, letter=letter,
                        id_number=candidate.id_number, line=first[0],
                    )  # fmt: skip
        key = f"{candidate.id_number}\x1f{row.exam.id}\x1f{row.session.code}"
        result = hash(row.result)
        earlier = _ENTRY.unpack(self._entries.setdefault(key, _ENTRY.pack(row.line, result)))
        if earlier[0] != row.line:
            if earlier[1] == result:
                self._problems.add(row.line, "import_duplicate_row", line=earlier[0])
            else:
                self._problems.add(
                    row.line, "import_conflicting_entry", line=earlier[0],
                    id_number=candidate.id_number, exam=row.exam.code, session=row.session.code,
                )  # fmt: skip
        if row.session.id is None:
            found.new_sessions.setdefault(row.session.code, row.session)
        self._new_centre(row, found)

    def _new_centre(self, row: EntryRow, found: FileCheck) -> None:
        candidate = row.candidate
        if candidate.centre in self._known_centres:
            return
        if candidate.centre_name is None:
            self._unnamed.setdefault(candidate.centre, row.line)
            return
        named = (row.line, candidate.centre_name, candidate.centre_name_zh)
        first = found.new_centres.setdefault(candidate.centre, named)
        if first[1:] != named[1:]:
            column, letter = self._header.where("centre_name")
            self._problems.add(
                row.line, "import_conflicting_centre_name", column=column, letter=letter,
                line=first[0], code=candidate.centre,
            )  # fmt: skip

    def finish(self, found: FileCheck) -> None:
        """A new centre no row names: listed on its first line."""
        for code, line in self._unnamed.items():
            if code not in found.new_centres:
                column, letter = self._header.where("centre")
                self._problems.add(
                    line, "import_centre_name_required", column=column, letter=letter, code=code
                )


def header_and_rows(
    source: RowSource, catalogue: Catalogue, problems: Problems
) -> tuple[Header, Iterator[tuple[int, tuple[str, ...]]]] | None:
    """The header (line 1) and the data rows after it; None after listing why not."""
    rows = source.rows()
    try:
        first = next(rows)
    except StopIteration:
        problems.add(0, "import_empty")
        return None
    header = read_header(first.cells, catalogue.paper_keys, problems, line=first.line)
    if header is None:
        return None
    return header, ((row.line, row.cells) for row in rows)


def check_file(
    source: RowSource,
    catalogue: Catalogue,
    settings: Settings,
    problems: Problems,
    *,
    spool: RowSpool | None = None,
    progress: ProgressCallback | None = None,
    should_stop: StopAsked | None = None,
    keep_up: Callable[[FileCheck], None] | None = None,
) -> FileCheck:
    """Read every row, listing every problem; what the second pass needs to know.

    Each good row goes to ``spool`` (while no problem has been found: after
    one, nothing will be written anyway). ``keep_up`` is called every
    :data:`KEEP_UP_STEP` rows with what is known so far: the second pass may take
    the chunks spooled by then (``service.py``)."""
    found = FileCheck()
    try:
        opened = header_and_rows(source, catalogue, problems)
        if opened is None:
            return found
        header, rows = opened
        reader = RowReader(header, catalogue, settings, problems)
        cross = CrossRowChecks(header, problems, set(catalogue.centres))
        for line, cells in rows:
            found.rows += 1
            row = reader.read(line, cells)
            if row is not None:
                cross.check(row, found)
                if spool is not None and not problems:
                    spool.add(row)
            if found.rows % STEP == 0:
                if should_stop is not None and should_stop():
                    raise ImportCancelled()
                if progress is not None:
                    progress(Progress("checking", found.rows, source.fraction))
            if keep_up is not None and found.rows % KEEP_UP_STEP == 0:
                keep_up(found)
        cross.finish(found)
    except Unreadable as error:
        problems.add(error.line, error.code, **error.params)
        return found
    if found.rows == 0 and not problems:
        problems.add(0, "import_no_rows")
    if progress is not None:
        progress(Progress("checking", found.rows, 1.0))
    return found
