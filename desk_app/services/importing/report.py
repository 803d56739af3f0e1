"""What an import says: its problems (line, column, code), its counts, its progress."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desk_app.services.errors import DeskError
from desk_app.services.messages import english

#: at most this many problems are listed; the rest are only counted
MAX_LISTED = 1000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, where it is and what it is.

    ``line`` is the line (CSV) or row (xlsx) counted from 1, the header
    being line 1; 0 for the file as a whole. ``column`` is the column's
    name as the import format spells it, ``letter`` its place as a
    spreadsheet shows it (A, B, …); both None for a problem of a whole row.
    """

    line: int
    column: str | None
    letter: str | None
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return english(self.code, self.params)

    def where(self) -> str:
        """``line 12, date_of_birth (D)``: for the command line and logs."""
        place = f"line {self.line}" if self.line else "the file"
        if self.column:
            place += f", {self.column}" + (f" ({self.letter})" if self.letter else "")
        return place


class Problems:
    """The problems found so far: the first :data:`MAX_LISTED` kept, all counted."""

    def __init__(self, limit: int = MAX_LISTED) -> None:
        self._limit = limit
        self._listed: list[Problem] = []
        self.count = 0

    def add(
        self,
        line: int,
        code: str,
        /,
        *,
        column: str | None = None,
        letter: str | None = None,
        **params: Any,
    ) -> None:
        self.count += 1
        if len(self._listed) < self._limit:
            self._listed.append(Problem(line, column, letter, code, params))

    def listed(self) -> tuple[Problem, ...]:
        return tuple(sorted(self._listed, key=lambda p: (p.line, p.letter or "", p.code)))

    def __bool__(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class ImportCounts:
    rows: int = 0
    new_candidates: int = 0
    changed_candidates: int = 0
    new_entries: int = 0
    new_results: int = 0
    changed_results: int = 0
    #: results not yet released that the file no longer gives (audited)
    removed_results: int = 0
    #: rows that changed nothing
    unchanged_rows: int = 0
    new_centres: int = 0
    new_sessions: int = 0

    @property
    def changes(self) -> int:
        return (
            self.new_candidates
            + self.changed_candidates
            + self.new_entries
            + self.new_results
            + self.changed_results
            + self.removed_results
            + self.new_centres
            + self.new_sessions
        )


@dataclass(frozen=True)
class FileFacts:
    """The file as it was read: audited with the import."""

    name: str
    size: int
    sha256: str
    #: "csv" or "xlsx"
    kind: str


@dataclass(frozen=True)
class ImportReport:
    file: FileFacts
    dry_run: bool
    #: True when the changes were written (never for a dry run or a file with problems)
    applied: bool
    problems: tuple[Problem, ...]
    #: every problem found, listed or not
    problem_count: int
    counts: ImportCounts
    seconds: float
    #: the audit entry of the import, when it was written
    audit_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem_count == 0


@dataclass(frozen=True)
class Progress:
    #: "checking" (the whole file, nothing written yet) or "writing"
    phase: str
    rows: int
    #: how far through the file this phase is, 0.0–1.0
    fraction: float


ProgressCallback = Callable[[Progress], None]
StopAsked = Callable[[], bool]


class ImportCancelled(DeskError):
    """The staff member stopped the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__("import_cancelled")
