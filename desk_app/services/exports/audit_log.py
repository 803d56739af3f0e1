"""The audit trail to a file: CSV for people, JSON lines that verify on their own.

``desk-app audit export FILE --as STAFF [--format csv|jsonl] [--from DAY] [--to DAY]``
and File › Export › Audit log… (role: view_audit, supervisors and
administrators: the trail names every candidate and staff member).

- **JSON lines** (``.jsonl``): each event with exactly the fields its hash
  covers, its previous hash and its hash (``services/audit/chain_file.py``),
  so ``desk-app audit verify --file`` checks the file with no database.
- **CSV** (``.csv``): the same columns for a spreadsheet, the time in the
  office's time zone (so it no longer reads as the hash does: check a CSV
  through the JSON lines of the same range, or the database).

A range is of the office's calendar days. It is exported as the unbroken
run of rows from the first event on its first day to the last event on its
last day, so the file is one piece of the chain even where two desks'
clocks disagreed by a moment at midnight. Each export is audited
(``audit_exported``: file, format, range, rows, first and last row, SHA-256).

**The audit view's filtered CSV** (:meth:`AuditExportService.export_view`,
the view's **Export to CSV…**; ``desk-app audit export FILE.csv --actor STAFF
--action ACTION --candidate ID`` through :meth:`~AuditExportService.export_filtered`):
the events the view's filters let through
(``services/audit/browse.py``), oldest first, in the same CSV with two
columns for people after the audit log's: the candidate's ID Number and the
sentence the view shows (in the window's language). A filtered file is not
one piece of the chain, so it has no JSON-lines form; its audit entry
records the filter instead of a range.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import AuditEvent, Candidate
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.audit import trail as audit
from desk_app.services.audit.browse import (
    ORDER_ASC,
    AuditFilter,
    AuditRecord,
    check_actor,
    english_sentence,
    filter_events,
    record_of,
)
from desk_app.services.audit.chain_file import FILE_FIELDS, event_line
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.exports.files import (
    BATCH,
    Days,
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
from desk_app.settings import Settings

#: the formats, and the file name endings that choose them
FORMATS = {"csv": (".csv",), "jsonl": (".jsonl", ".ndjson")}
CSV_COLUMNS = FILE_FIELDS
#: the audit view's filtered CSV: the same columns, then two for people
VIEW_COLUMNS = (*CSV_COLUMNS, "id_number", "description")

_COLUMNS = (
    AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.staff_id, AuditEvent.action,
    AuditEvent.candidate_id, AuditEvent.subject, AuditEvent.reason, AuditEvent.detail,
    AuditEvent.prev_hash, AuditEvent.row_hash,
)  # fmt: skip


def export_format(path: Path, chosen: str | None) -> str:
    """``chosen`` (csv or jsonl), else the one the file name's ending gives."""
    if chosen is not None:
        key = chosen.strip().lower()
        if key not in FORMATS:
            raise BadInput("export_format_unknown", value=chosen[:20])
        return key
    suffix = path.suffix.lower()
    for key, endings in FORMATS.items():
        if suffix in endings:
            return key
    raise BadInput("export_format_from_name", name=path.name)


@dataclass(frozen=True)
class AuditExport(ExportReport):
    format: str = "csv"
    #: the rows written (None when the range holds no event)
    first_id: int | None = None
    last_id: int | None = None


class AuditExportService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._zone = ZoneInfo(settings.office.timezone)
        self._clock = clock

    def export(
        self,
        caller: Caller,
        path: str | Path,
        *,
        format: str | None = None,
        days: Days | None = None,
        progress: ProgressCallback | None = None,
        should_stop: ShouldStop | None = None,
    ) -> AuditExport:
        """Write the events of ``days`` (default: all), oldest first, to ``path``."""
        target = check_output_path(path)
        kind = export_format(target, format)
        days = days or Days()
        start, end = days.bounds(self._zone)
        with self._db.read() as session:
            authorise_caller(session, caller, Action.VIEW_AUDIT)
            first_id, last_id = _id_range(session, start, end)
        total = 0 if first_id is None or last_id is None else last_id - first_id + 1
        ticker = Ticker(progress, should_stop, total)

        def fill(out: Any) -> int:
            if first_id is None or last_id is None:
                if kind == "csv":
                    OfficeCsv(out, CSV_COLUMNS)
                return 0
            with self._db.read() as session, closing(_rows(session, first_id, last_id)) as rows:
                if kind == "jsonl":
                    for row in rows:
                        out.write(event_line(**dict(zip(FILE_FIELDS, row, strict=True))))
                        ticker.row()
                else:
                    sheet = OfficeCsv(out, CSV_COLUMNS)
                    for row in rows:
                        sheet.row(self._cells(row))
                        ticker.row()
            ticker.report()
            return ticker.rows

        def record(rows: int, sha256: str) -> None:
            with self._db.write() as session:
                actor = authorise_caller(session, caller, Action.VIEW_AUDIT)
                audit.record(
                    session, self._clock, actor, "audit_exported", subject=target.name[:64],
                    detail={"file": target.name, "format": kind, **days.detail(), "rows": rows,
                            "first_id": first_id, "last_id": last_id, "sha256": sha256},
                )  # fmt: skip
                ticker.check()  # a stop asked for meanwhile still stops: nothing recorded

        report = write_export(target, fill, record)
        return AuditExport(report.path, report.rows, report.sha256, kind, first_id, last_id)

    def export_view(
        self,
        caller: Caller,
        filters: AuditFilter,
        path: str | Path,
        *,
        describe_as: Callable[[AuditRecord], str] | None = None,
        progress: ProgressCallback | None = None,
        should_stop: ShouldStop | None = None,
    ) -> AuditExport:
        """Write the events ``filters`` lets through, oldest first (time, then id), as CSV.

        ``description`` is the sentence the view shows: ``describe_as``'s (the
        window's, in its language), else English.
        """
        target = check_output_path(path)
        zone = self._zone.key
        sentence = describe_as or (lambda record: english_sentence(record, zone))
        with self._db.read() as session:
            authorise_caller(session, caller, Action.VIEW_AUDIT)
            filter_events(session, select(AuditEvent.id), filters, self._settings)  # bad input
        ticker = Ticker(progress, should_stop)

        def fill(out: Any) -> int:
            sheet = OfficeCsv(out, VIEW_COLUMNS)
            query = select(*_COLUMNS, Candidate.id_number).outerjoin(
                Candidate, Candidate.id == AuditEvent.candidate_id
            )
            with self._db.read() as session:
                query = filter_events(session, query, filters, self._settings).order_by(*ORDER_ASC)
                with closing(session.execute(query.execution_options(yield_per=BATCH))) as rows:
                    for row in rows:
                        people = (text_cell(row.id_number), text_cell(sentence(record_of(row))))
                        sheet.row([*self._cells(row[: len(_COLUMNS)]), *people])
                        ticker.row()
            ticker.report()
            return ticker.rows

        def record(rows: int, sha256: str) -> None:
            with self._db.write() as session:
                actor = authorise_caller(session, caller, Action.VIEW_AUDIT)
                audit.record(
                    session, self._clock, actor, "audit_exported", subject=target.name[:64],
                    detail={"file": target.name, "format": "csv", "filter": filters.as_detail(),
                            "rows": rows, "sha256": sha256},
                )  # fmt: skip
                ticker.check()

        report = write_export(target, fill, record)
        return AuditExport(report.path, report.rows, report.sha256, "csv")

    def export_filtered(
        self,
        caller: Caller,
        path: str | Path,
        *,
        actor: str | None = None,
        action: str | None = None,
        id_number: str | None = None,
        days: Days | None = None,
    ) -> AuditExport:
        """:meth:`export_view` with the view's filters given as a terminal gives them:
        ``days`` are the office's calendar days, both included, as the view's days are;
        a name that nobody has is refused (the view offers only names that exist)."""
        since, until = (days or Days()).bounds(self._zone)
        filters = AuditFilter(actor, action, id_number, since, until)
        if actor:
            with self._db.read() as session:
                authorise_caller(session, caller, Action.VIEW_AUDIT)  # before saying who exists
                check_actor(session, actor)
        return self.export_view(caller, filters, path)

    def _cells(self, row: Any) -> list[str | int | None]:
        (row_id, at, actor, staff_id, action, candidate_id, subject, reason, detail,
         prev_hash, row_hash) = row  # fmt: skip
        return [
            row_id, office_time(at, self._zone), text_cell(actor), staff_id, text_cell(action),
            candidate_id, text_cell(subject), text_cell(reason), text_cell(detail),
            prev_hash, row_hash,
        ]  # fmt: skip


def _id_range(session: Session, start: Any, end: Any) -> tuple[int | None, int | None]:
    """The first and last row of the range (the ``at`` index finds both ends)."""
    first = select(func.min(AuditEvent.id))
    last = select(func.max(AuditEvent.id))
    if start is not None:
        first, last = first.where(AuditEvent.at >= start), last.where(AuditEvent.at >= start)
    if end is not None:
        first, last = first.where(AuditEvent.at < end), last.where(AuditEvent.at < end)
    return session.scalar(first), session.scalar(last)


def _rows(session: Session, first_id: int, last_id: int) -> Any:
    query = (
        select(*_COLUMNS)
        .where(AuditEvent.id.between(first_id, last_id))
        .order_by(AuditEvent.id)
        .execution_options(yield_per=BATCH)
    )
    return session.execute(query)
