"""What a search finds, to CSV: the desk's list of candidates, taken out of the desk.

``desk-app search TEXT --csv FILE --as STAFF`` writes every match (up to
the search's own limit, :data:`MAX_MATCHES`); File › Export › Search
results… writes the rows the window lists (the pages loaded so far). Both
run the same search again, through the search's own rules, so the file
holds the candidates as they are now, in the search's order.

Searching is not audited, but this is: the file takes names, dates of birth,
emails and phone numbers out of the desk. The entry (``search_exported``)
says what was searched, how many rows were written, the file's name and its
SHA-256. Any staff member who may search may export (``export_search``), but
only signed in: the terminal user may search and show, never export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.database import Database
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.exports.files import (
    ExportReport,
    OfficeCsv,
    ProgressCallback,
    ShouldStop,
    Ticker,
    office_time,
    text_cell,
    write_export,
)
from desk_app.services.output_files import check_output_path
from desk_app.services.permissions import Action
from desk_app.services.search.query import classify
from desk_app.services.search.service import MAX_MATCHES, CandidateRow, found_rows
from desk_app.settings import Settings

COLUMNS = (
    "id_number", "name_en", "name_zh", "date_of_birth", "centre", "email", "phone",
    "registered", "locked_until", "match",
)  # fmt: skip


class SearchExportService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._zone = ZoneInfo(settings.office.timezone)
        self._clock = clock

    def export(
        self,
        caller: Caller,
        text: str,
        path: str | Path,
        *,
        limit: int = MAX_MATCHES,
        progress: ProgressCallback | None = None,
        should_stop: ShouldStop | None = None,
    ) -> ExportReport:
        """Write the first ``limit`` candidates ``text`` finds to ``path``."""
        target = check_output_path(path)
        if isinstance(limit, bool) or not 1 <= limit <= MAX_MATCHES:
            raise BadInput("export_rows_limit", limit=MAX_MATCHES)
        query = classify(text)
        typed = text.strip()
        with self._db.read() as session:
            authorise_caller(session, caller, Action.EXPORT_SEARCH)
        ticker = Ticker(progress, should_stop)

        def fill(out: Any) -> int:
            sheet = OfficeCsv(out, COLUMNS)
            now = self._clock.now()
            with self._db.read() as session:
                ticker.total, chunks = found_rows(session, query, limit=limit, now=now)
                for chunk in chunks:
                    for row in chunk:
                        sheet.row(self._cells(row))
                        ticker.row()
            ticker.report()
            return ticker.rows

        def record(rows: int, sha256: str) -> None:
            with self._db.write() as session:
                actor = authorise_caller(session, caller, Action.EXPORT_SEARCH)
                audit.record(
                    session, self._clock, actor, "search_exported", subject=target.name[:64],
                    detail={"query": typed, "query_kind": query.kind, "rows": rows,
                            "file": target.name, "sha256": sha256},
                )  # fmt: skip
                ticker.check()

        return write_export(target, fill, record)

    def _cells(self, row: CandidateRow) -> list[str | int | None]:
        return [
            row.id_number, text_cell(row.name_en), text_cell(row.name_zh),
            row.date_of_birth.isoformat(), row.centre, text_cell(row.email),
            text_cell(row.phone), "true" if row.registered else "false",
            office_time(row.locked_until, self._zone), row.match,
        ]  # fmt: skip
