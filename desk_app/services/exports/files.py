"""What every export shares: the file whole or not at all, CSV as Excel opens it, progress.

- **The file**: :func:`write_export` writes through ``services/output_files.py``
  (a temporary file renamed into place), hashing what it writes. The export's
  audit entry is written *before* the rename, in its own short transaction:
  a file that leaves the desk is always recorded; an export that fails or is
  stopped leaves no file and no entry. (If the rename itself fails after the
  entry, the entry says more than happened — never less.)
- **Streaming**: rows are read in batches (``yield_per``; a server-side cursor
  on PostgreSQL) and written as they come; nothing holds the whole export.
  The rows are read in a read-only unit of work, not in the write
  transaction of the audit entry: on SQLite a write transaction holds the
  whole database, and a long export would stop every desk meanwhile.
- **CSV** (:class:`OfficeCsv`): UTF-8 with a byte-order mark (Excel then reads
  Chinese names correctly), CRLF line ends, dates ISO (YYYY-MM-DD), times ISO
  in the office's time zone with its offset (``2026-07-25T18:00:05+08:00``).
  A text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
  ``@``, tab, carriage return first) is written with a ``'`` before it.
- **Progress and stop**: :class:`Ticker` reports every :data:`STEP` rows and
  checks there whether the staff member asked to stop (:class:`ExportCancelled`).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from desk_app.services.errors import BadInput, DeskError
from desk_app.services.output_files import check_output_path, write_output_text

#: rows between two progress reports (and two looks at the stop request)
STEP = 1000
#: rows read from the database at a time
BATCH = 2000
#: a text cell starting like this is a formula to a spreadsheet
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: rows written so far, rows in all (0 while not known)
ProgressCallback = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


class ExportCancelled(DeskError):
    """The staff member stopped the export: no file was written, nothing recorded."""

    def __init__(self) -> None:
        super().__init__("export_cancelled")


@dataclass(frozen=True)
class ExportReport:
    path: Path
    rows: int
    #: SHA-256 of the file as written (also in the export's audit entry)
    sha256: str


class Ticker:
    """Counts rows; every :data:`STEP` reports progress and checks for a stop."""

    def __init__(
        self,
        progress: ProgressCallback | None,
        should_stop: ShouldStop | None,
        total: int = 0,
    ) -> None:
        self._progress = progress
        self._should_stop = should_stop
        self.total = total
        self.rows = 0

    def row(self) -> None:
        self.rows += 1
        if self.rows % STEP == 0:
            self.check()
            self.report()

    def report(self) -> None:
        if self._progress is not None:
            self._progress(self.rows, self.total)

    def check(self) -> None:
        """Raise :class:`ExportCancelled` when a stop was asked for."""
        if self._should_stop is not None and self._should_stop():
            raise ExportCancelled()


class _Hashing:
    """A text stream that also hashes what passes (as UTF-8, as the file stores it)."""

    def __init__(self, out: IO[str], digest: Any) -> None:
        self._out = out
        self._digest = digest

    def write(self, text: str) -> int:
        self._digest.update(text.encode("utf-8"))
        return self._out.write(text)


def write_export(
    path: str | Path,
    fill: Callable[[Any], int],
    record: Callable[[int, str], None],
) -> ExportReport:
    """``fill(out)`` writes the rows (their number back); ``record(rows, sha256)`` then
    writes the audit entry, and only then does the file appear at ``path``."""
    digest = hashlib.sha256()

    def run(out: IO[str]) -> int:
        rows = fill(_Hashing(out, digest))
        record(rows, digest.hexdigest())
        return rows

    target = check_output_path(path)
    rows = write_output_text(target, run)
    return ExportReport(target, rows, digest.hexdigest())


class OfficeCsv:
    """A CSV writer for people's spreadsheets: BOM, CRLF, the header first."""

    def __init__(self, out: Any, header: Iterable[str]) -> None:
        out.write("\ufeff")
        self._writer = csv.writer(out, lineterminator="\r\n")
        self._writer.writerow(list(header))

    def row(self, cells: Iterable[str | int | None]) -> None:
        self._writer.writerow(["" if cell is None else cell for cell in cells])


def text_cell(value: str | None) -> str:
    """Free text (names, reasons, what was typed) as a cell no spreadsheet runs as a formula."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def office_time(moment: datetime | None, zone: ZoneInfo) -> str:
    """A moment as ISO 8601 in the office's time zone, with the offset; "" for none."""
    if moment is None:
        return ""
    return moment.astimezone(zone).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Days:
    """A range of the office's calendar days, both ends included; None: no limit."""

    first: date | None = None
    last: date | None = None

    def __post_init__(self) -> None:
        if self.first is not None and self.last is not None and self.last < self.first:
            raise BadInput(
                "export_days_reversed", start=self.first.isoformat(), end=self.last.isoformat()
            )

    def bounds(self, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
        """``[start, end)`` in UTC: midnight of the first day to midnight after the last."""
        start = _midnight(self.first, zone) if self.first else None
        end = None
        if self.last is not None and self.last < date.max:
            end = _midnight(self.last + timedelta(days=1), zone)
        return start, end

    def detail(self) -> dict[str, str | None]:
        """The range as an audit entry records it."""
        return {
            "from": self.first.isoformat() if self.first else None,
            "to": self.last.isoformat() if self.last else None,
        }


def _midnight(day: date, zone: ZoneInfo) -> datetime | None:
    try:
        return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)
    except OverflowError:  # the first days of year 1: no limit
        return None
