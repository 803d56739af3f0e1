"""Importing the exam board's file: all or nothing, every row checked, one transaction.

One service under the command line (``desk-app import``) and the window's
Import… dialog. A call:

1. checks the role (``import_data``: administrators) and the reason;
2. reads the file's size and SHA-256, and the exam catalogue;
3. reads the whole file (streamed), listing every problem by line and
   column (``checking.py``); any problem ends the call with nothing written;
   the checked rows go to a temporary file a chunk at a time (``spool.py``);
4. in one transaction, compares each chunk of checked rows with the
   database and writes what is new or corrected (``applying.py``); a row
   the database refuses (a removed released result, someone else's ID
   Number) lists its problem and the transaction is rolled back. On
   PostgreSQL this transaction opens before step 3, and the chunks checked
   so far are written while the check goes on (``early.py``); a problem
   found later rolls them back with the rest;
5. audits, in that transaction, one entry per corrected record and one for
   the import itself (file name, size, SHA-256, counts), and commits.

A dry run does 1–4 in a read-only unit of work and writes nothing. Neither
the file nor its rows are held in memory: it does not grow with the file.
On PostgreSQL an advisory lock makes imports wait for each other; on
SQLite the write transaction holds the database's write lock anyway.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.services.actor import AuditActor, Caller, authorise_caller
from desk_app.services.audit.batch import PendingEntry, record_many
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.importing.applying import Applier
from desk_app.services.importing.catalogue import Catalogue, load_catalogue
from desk_app.services.importing.checking import FileCheck, check_file
from desk_app.services.importing.early import EarlyWrites
from desk_app.services.importing.reading import RowSource, file_facts
from desk_app.services.importing.report import (
    FileFacts,
    ImportCancelled,
    ImportCounts,
    ImportReport,
    Problems,
    Progress,
    ProgressCallback,
    StopAsked,
)
from desk_app.services.importing.spool import RowSpool
from desk_app.services.permissions import Action
from desk_app.services.validation import require_reason
from desk_app.settings import Settings

#: any number: PostgreSQL's advisory lock that imports queue on
_IMPORT_LOCK = 5_120_311


class _RollBack(Exception):
    """A problem was found: undo the unit of work, report the problems and ``counts``."""

    def __init__(self, counts: ImportCounts) -> None:
        super().__init__()
        self.counts = counts


@dataclass(frozen=True)
class _Call:
    """One import's arguments and what it has made."""

    caller: Caller
    path: Path
    facts: FileFacts
    catalogue: Catalogue
    reason: str
    dry_run: bool
    problems: Problems
    spool: RowSpool
    progress: ProgressCallback | None
    should_stop: StopAsked | None


class ImportService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def run(
        self,
        caller: Caller,
        path: str | Path,
        *,
        reason: str,
        dry_run: bool = False,
        progress: ProgressCallback | None = None,
        should_stop: StopAsked | None = None,
    ) -> ImportReport:
        """Check ``path`` and, unless ``dry_run`` or a problem is found, import it whole."""
        started = time.perf_counter()
        reason = require_reason(reason)
        with self._db.read() as session:
            authorise_caller(session, caller, Action.IMPORT_DATA)
            catalogue = load_catalogue(session)
        path = Path(path)
        facts = file_facts(path)
        problems = Problems()
        with RowSpool() as spool:
            call = _Call(
                caller, path, facts, catalogue, reason, dry_run, problems, spool, progress,
                should_stop,
            )  # fmt: skip
            # PostgreSQL writes while the file is checked (early.py); SQLite checks first
            early = not dry_run and self._db.dialect == "postgresql"
            found = None if early else self._check(call)
            if problems:
                return self._report(facts, dry_run, False, problems, ImportCounts(), started)
            try:
                with (self._db.read if dry_run else self._db.write)() as session:
                    counts, audit_id = self._second_pass(session, call, found)
            except _RollBack as rolled_back:
                counts = rolled_back.counts
                return self._report(facts, dry_run, False, problems, counts, started)
        return self._report(facts, dry_run, not dry_run, problems, counts, started, audit_id)

    def _check(self, call: _Call, keep_up: Callable[[FileCheck], None] | None = None) -> FileCheck:
        """The first pass: every row read and checked, the good ones spooled."""
        found = check_file(
            RowSource(call.path, call.facts.kind), call.catalogue, self._settings, call.problems,
            spool=call.spool, progress=call.progress, should_stop=call.should_stop,
            keep_up=keep_up,
        )  # fmt: skip
        if not call.problems and file_facts(call.path).sha256 != call.facts.sha256:
            raise BadInput("import_file_changed")
        return found

    def _second_pass(
        self, session: Session, call: _Call, found: FileCheck | None
    ) -> tuple[ImportCounts, int | None]:
        """Compare with the database and write, in ``session``; the first pass too when
        ``found`` is None (it has not run: PostgreSQL writes while it runs)."""
        write = not call.dry_run
        actor = authorise_caller(session, call.caller, Action.IMPORT_DATA)
        if write and session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _IMPORT_LOCK})
        catalogue = load_catalogue(session)  # as it is now, inside this unit of work
        applier = Applier(
            session, catalogue, now=self._clock.now(), timezone=self._settings.office.timezone,
            reason=call.reason, write=write, problems=call.problems,
        )  # fmt: skip
        try:
            if found is None:
                early = EarlyWrites(applier, call.spool, call.problems)
                found = self._check(call, early.keep_up)
                if call.problems:
                    raise _RollBack(ImportCounts())
                chunks = early.rest()
            else:
                chunks = call.spool.chunks()
            applier.prepare(found)
            for chunk in chunks:
                applier.apply(chunk)
                rows = applier.tally.rows
                self._tell(call.progress, call.should_stop, rows, rows / call.spool.rows)
            counts = applier.tally.counts()
            if call.problems:
                raise _RollBack(ImportCounts(rows=found.rows))
            applier.finish()
        finally:
            applier.close()  # no write in flight when the transaction ends
        if not write:
            return counts, None
        audit_id = self._audit(session, actor, call.facts, counts, call.reason, applier.entries)
        return counts, audit_id

    def _tell(
        self,
        progress: ProgressCallback | None,
        should_stop: StopAsked | None,
        rows: int,
        fraction: float,
    ) -> None:
        if should_stop is not None and should_stop():
            raise ImportCancelled()
        if progress is not None:
            progress(Progress("writing", rows, fraction))

    def _audit(
        self,
        session: Session,
        actor: AuditActor,
        facts: FileFacts,
        counts: ImportCounts,
        reason: str,
        corrections: list[PendingEntry],
    ) -> int:
        detail = {
            "file": facts.name, "size": facts.size, "sha256": facts.sha256, "format": facts.kind,
            **{name: getattr(counts, name) for name in _COUNTED},
        }  # fmt: skip
        event = PendingEntry("data_imported", subject=facts.name[:64], reason=reason, detail=detail)
        return record_many(session, self._clock, actor, [*corrections, event])[-1]

    def _report(
        self,
        facts: FileFacts,
        dry_run: bool,
        applied: bool,
        problems: Problems,
        counts: ImportCounts,
        started: float,
        audit_id: int | None = None,
    ) -> ImportReport:
        return ImportReport(
            file=facts, dry_run=dry_run, applied=applied, problems=problems.listed(),
            problem_count=problems.count, counts=counts,
            seconds=time.perf_counter() - started, audit_id=audit_id,
        )  # fmt: skip


_COUNTED = (
    "rows", "new_candidates", "changed_candidates", "new_entries", "new_results",
    "changed_results", "removed_results", "unchanged_rows", "new_centres", "new_sessions",
)  # fmt: skip
