"""The second pass: rows compared with the database a chunk at a time, and written.

Only a file the first pass found no problem in gets here. Each chunk of
rows is compared with what the database holds for its candidates (two or
three indexed queries), which says what is new, what is corrected and
what is refused (``changes.py``); unless this is a dry run, new rows go in
through :class:`~desk_app.bulk.BulkWriter` (COPY on PostgreSQL) and
corrections as updates, all in the caller's one transaction (on PostgreSQL
while the next chunk is compared: ``pipeline.py``). Once a row is refused
nothing more is written: the caller rolls the transaction back.
The audit entries of corrections are kept until the end (``entries``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from desk_app.bulk import BulkWriter
from desk_app.models import Centre, ExamSession
from desk_app.services.audit.batch import PendingEntry
from desk_app.services.importing.catalogue import Catalogue, region_of
from desk_app.services.importing.changes import (
    StoredCandidate,
    StoredResult,
    candidate_changes,
    first_rows,
    is_someone_else,
    recalls_release,
    result_changes,
    result_values,
)
from desk_app.services.importing.checking import FileCheck
from desk_app.services.importing.name_index import NameIndexLoader
from desk_app.services.importing.pipeline import ChunkPipeline, IdReserve
from desk_app.services.importing.report import ImportCounts, Problems
from desk_app.services.importing.rows import CandidateCells, EntryRow
from desk_app.services.importing.stored import StoredEntries, stored_candidates, stored_entries
from desk_app.services.importing.writing import TABLES, ChunkWrites, prepare_chunk, write_chunk
from desk_app.services.release_dates import release_day, release_moment
from desk_app.services.search.keys import email_key, phone_key_of, token_rows

#: SQLite's page cache while importing (the demo's 1 GiB would grow the process)
_CACHE_KIB = 65_536


@dataclass
class Tally:
    rows: int = 0
    new_candidates: int = 0
    changed_candidates: int = 0
    new_entries: int = 0
    new_results: int = 0
    changed_results: int = 0
    removed_results: int = 0
    unchanged_rows: int = 0
    new_centres: int = 0
    new_sessions: int = 0

    def counts(self) -> ImportCounts:
        return ImportCounts(**{f.name: getattr(self, f.name) for f in fields(self)})


class Applier:
    def __init__(
        self,
        session: Session,
        catalogue: Catalogue,
        *,
        now: datetime,
        timezone: str,
        reason: str,
        write: bool,
        problems: Problems,
    ) -> None:
        self._session = session
        self._catalogue = catalogue
        self._now = now
        self._tz = timezone
        self._reason = reason
        self._write = write
        self._problems = problems
        self._writer = BulkWriter(session.connection(), sqlite_cache_kib=_CACHE_KIB)
        self._names = NameIndexLoader(session.connection()) if write else None
        threaded = self._writer.dialect == "postgresql"  # why not SQLite: pipeline.py
        self._pipeline = ChunkPipeline(threaded=threaded) if write else None
        self._reserves = {
            name: IdReserve(partial(self._writer.take_ids, TABLES[name]))
            for name in ("candidate", "entry", "result")
        }
        self._created_at = self._writer.stamp(now)
        self._release_stamps: dict[date, object] = {}
        self._fake_id = 0
        self._centre_codes = {cid: code for code, cid in catalogue.centres.items()}
        self._session_ids: dict[str, int] = {}
        #: ID Number → candidate id, for every candidate met so far
        self._candidate_ids: dict[str, int] = {}
        self._new_candidate_ids: set[int] = set()
        self.tally = Tally()
        self.entries: list[PendingEntry] = []

    @property
    def writing(self) -> bool:
        return self._write and not self._problems

    # -- centres and sessions --------------------------------------------------------------------
    def prepare(self, found: FileCheck) -> None:
        """Make the centres and sessions the file names and the database lacks (those
        not made yet: called again as the first pass finds more)."""
        if self._pipeline is not None:
            self._pipeline.settle()  # the connection is this thread's again
        for code, (_line, name_en, name_zh) in found.new_centres.items():
            if code in self._catalogue.centres:
                continue
            row = Centre(code=code, name_en=name_en, name_zh=name_zh, region=region_of(code))
            self._catalogue.centres[code] = self._add(row)
            self._centre_codes[self._catalogue.centres[code]] = code
            self.tally.new_centres += 1
        for code, ref in found.new_sessions.items():
            if code in self._session_ids:
                continue
            known = self._catalogue.session(code)  # made since the check, by another import?
            if known is not None and known.id is not None:
                self._session_ids[code] = known.id
                continue
            made = ExamSession(
                code=ref.code, name_en=ref.name_en, name_zh=ref.name_zh, held_on=ref.held_on
            )
            self._session_ids[code] = self._add(made)
            self.tally.new_sessions += 1

    def busy(self) -> bool:
        """Whether the last chunk's writes are in flight still."""
        return self._pipeline is not None and self._pipeline.busy()

    def has_centre(self, code: str) -> bool:
        return code in self._catalogue.centres

    def _add(self, row: Centre | ExamSession) -> int:
        if not self._write:
            return self._fake()
        self._session.add(row)
        self._session.flush()
        return row.id

    def _fake(self) -> int:
        self._fake_id -= 1
        return self._fake_id

    def _ids(self, table: str, count: int) -> list[int]:
        if self.writing:
            return self._reserves[table].take(count)
        return [self._fake() for _ in range(count)]

    # -- one chunk ------------------------------------------------------------------------------
    def apply(self, chunk: Sequence[EntryRow]) -> None:
        if not chunk:
            return
        if self._pipeline is not None:
            self._pipeline.settle()  # the connection is this thread's again
        met = {row.candidate.id_number for row in chunk}
        stored = stored_candidates(
            self._session, met - self._candidate_ids.keys(), self._centre_codes
        )
        known = {self._candidate_ids[n] for n in met if n in self._candidate_ids}
        known.update(candidate.id for candidate in stored.values())
        results = stored_entries(self._session, known - self._new_candidate_ids)
        if self.writing:
            for reserve in self._reserves.values():
                reserve.top_up(len(chunk))  # a row makes at most one of each
        self._release()  # the chunk before's writes, while this one is built
        writes = ChunkWrites()
        first_rows = self._candidates(chunk, stored, writes)
        self._entries(chunk, results, first_rows, writes)
        if self.writing:
            assert self._names is not None and self._pipeline is not None
            prepared = prepare_chunk(self._writer, writes, self._names)
            self._pipeline.hold(
                partial(write_chunk, self._session, self._writer, prepared, self._names)
            )

    def _release(self) -> None:
        if self._pipeline is None:
            return
        if self.writing:
            self._pipeline.release()
        else:
            self._pipeline.drop()

    def _candidates(
        self, chunk: Sequence[EntryRow], stored: dict[str, StoredCandidate], writes: ChunkWrites
    ) -> dict[int, bool]:
        """New and corrected candidates; for each row that met its candidate first, whether
        it changed the candidate (line → changed)."""
        first: dict[int, bool] = {}
        new = [
            row for row in first_rows(chunk, self._candidate_ids) if row.candidate.id_number
            not in stored
        ]  # fmt: skip
        for row, candidate_id in zip(new, self._ids("candidate", len(new)), strict=True):
            self._candidate_ids[row.candidate.id_number] = candidate_id
            self._new_candidate_ids.add(candidate_id)
            self._new_candidate(candidate_id, row.candidate, writes)
            first[row.line] = True
        for row in chunk:
            given = row.candidate
            known = stored.get(given.id_number)
            if known is None or given.id_number in self._candidate_ids:
                continue
            self._candidate_ids[given.id_number] = known.id
            first[row.line] = self._correct(row, known, writes)
        return first

    def _new_candidate(self, candidate_id: int, given: CandidateCells, writes: ChunkWrites) -> None:
        w = self._writer
        rows = writes.rows
        rows["candidate"].append(
            (
                candidate_id, given.id_number, given.name_en, given.name_zh,
                w.day(given.date_of_birth), given.email, given.phone,
                self._catalogue.centres[given.centre], given.language or "en",
                email_key(given.email), phone_key_of(given.phone), self._created_at,
            )
        )  # fmt: skip
        rows["search_token"] += [
            (k, t, candidate_id) for k, t in token_rows(given.name_en, given.name_zh)
        ]
        rows["results_account"].append((candidate_id, w.flag(False), w.flag(False), 0, 0))
        self.tally.new_candidates += 1

    def _correct(self, row: EntryRow, known: StoredCandidate, writes: ChunkWrites) -> bool:
        given = row.candidate
        if is_someone_else(known, given):
            self._problems.add(
                row.line, "import_candidate_mismatch", column="id_number", letter=None,
                id_number=known.id_number, name=known.name_en,
                date_of_birth=known.date_of_birth.isoformat(),
            )  # fmt: skip
            return False
        changes = candidate_changes(known, given)
        if not changes:
            return False
        email = given.email if given.email is not None else known.email
        phone = given.phone if given.phone is not None else known.phone
        name_zh = given.name_zh if given.name_zh is not None else known.name_zh
        writes.candidate_updates.append(
            {
                "cid": known.id, "name_en": given.name_en, "name_zh": name_zh,
                "date_of_birth": given.date_of_birth, "email": email, "phone": phone,
                "centre_id": self._catalogue.centres[given.centre],
                "language": given.language or known.language, "email_key": email_key(email),
                "phone_key": phone_key_of(phone),
            }
        )  # fmt: skip
        if "name_en" in changes or "name_zh" in changes:
            writes.retokened.append(known.id)
            writes.rows["search_token"] += [
                (k, t, known.id) for k, t in token_rows(given.name_en, name_zh)
            ]
        self.entries.append(
            PendingEntry(
                "import_candidate_corrected", candidate_id=known.id, subject=known.id_number,
                reason=self._reason, detail={"line": row.line, "changes": changes},
            )
        )  # fmt: skip
        self.tally.changed_candidates += 1
        return True

    # -- entries and results ----------------------------------------------------------------------
    def _entries(
        self,
        chunk: Sequence[EntryRow],
        stored: StoredEntries,
        first_rows: dict[int, bool],
        writes: ChunkWrites,
    ) -> None:
        new_entries = []
        late: list[tuple[EntryRow, int]] = []  # results for entries the desk has without one
        for row in chunk:
            self.tally.rows += 1
            candidate_id = self._candidate_ids[row.candidate.id_number]
            session_id = row.session.id or self._session_ids[row.session.code]
            existing = stored.get((candidate_id, row.exam.id, session_id))
            if existing is None:
                new_entries.append((row, candidate_id, session_id))
                continue
            changed = self._result(row, *existing, writes, late)
            if not changed and not first_rows.get(row.line, False):
                self.tally.unchanged_rows += 1
        entry_ids = self._ids("entry", len(new_entries))
        with_result = [(row, eid) for (row, _, _), eid in zip(new_entries, entry_ids, strict=True)
                       if row.result is not None]  # fmt: skip
        for (row, candidate_id, session_id), entry_id in zip(new_entries, entry_ids, strict=True):
            writes.rows["entry"].append((entry_id, candidate_id, row.exam.id, session_id))
            self.tally.new_entries += 1
        self._new_results(with_result + late, writes)

    def _new_results(self, rows: list[tuple[EntryRow, int]], writes: ChunkWrites) -> None:
        result_ids = self._ids("result", len(rows))
        for (row, entry_id), result_id in zip(rows, result_ids, strict=True):
            result = row.result
            assert result is not None
            stored_at = self._release_stamps.get(result.release_on)
            if stored_at is None:  # a file has few release days: each stamped once
                stored_at = self._writer.stamp(release_moment(result.release_on, self._tz))
                self._release_stamps[result.release_on] = stored_at
            writes.rows["result"].append(
                (result_id, entry_id, result.grade, result.cefr, result.score,
                 stored_at)
            )  # fmt: skip
            writes.rows["paper_score"] += [(result_id, pid, score) for pid, score in result.papers]
            self.tally.new_results += 1

    def _result(
        self,
        row: EntryRow,
        entry_id: int,
        stored: StoredResult | None,
        writes: ChunkWrites,
        late: list[tuple[EntryRow, int]],
    ) -> bool:
        """Compare the row's result with the stored one; whether anything changes."""
        given = row.result
        where = {"exam": row.exam.code, "session": row.session.code}
        if given is None:
            if stored is None:
                return False
            if stored.release_at <= self._now:
                released = release_day(stored.release_at, self._tz).isoformat()
                self._problems.add(row.line, "import_result_removal", released=released, **where)
                return False
            writes.withdrawn.append(stored.id)
            self._audit(row, "import_result_withdrawn",
                        {"result": result_values(stored, row.exam, self._tz)})  # fmt: skip
            self.tally.removed_results += 1
            return True
        if stored is None:
            late.append((row, entry_id))
            return True
        changes = result_changes(stored, given, row.exam, self._tz)
        if not changes:
            return False
        release_at = stored.release_at
        if "release_date" in changes:
            if recalls_release(stored, given, self._now, self._tz):
                released = release_day(stored.release_at, self._tz).isoformat()
                column, letter = "release_date", None
                self._problems.add(row.line, "import_release_recalled", column=column,
                                   letter=letter, released=released,
                                   value=given.release_on.isoformat(), **where)  # fmt: skip
                return False
            release_at = release_moment(given.release_on, self._tz)
        writes.result_updates.append(
            {"rid": stored.id, "grade": given.grade, "cefr": given.cefr, "score": given.score,
             "release_at": release_at}
        )  # fmt: skip
        if "papers" in changes:
            writes.repapered.append(stored.id)
            writes.rows["paper_score"] += [(stored.id, pid, s) for pid, s in given.papers]
        self._audit(row, "import_result_corrected", {"changes": changes})
        self.tally.changed_results += 1
        return True

    def _audit(self, row: EntryRow, action: str, detail: dict[str, Any]) -> None:
        self.entries.append(
            PendingEntry(
                action, candidate_id=self._candidate_ids[row.candidate.id_number],
                subject=row.candidate.id_number, reason=self._reason,
                detail={"line": row.line, "exam": row.exam.code, "session": row.session.code,
                        **detail},
            )
        )  # fmt: skip

    # -- writing ----------------------------------------------------------------------------------
    def finish(self) -> None:
        if self._pipeline is not None:
            self._pipeline.flush()
        if self._names is not None:
            self._names.finish()
        self._writer.finish(reset_sequences=False)

    def close(self) -> None:
        """The worker thread stopped, its last write done or failed (before the commit or
        the rollback of the caller's transaction)."""
        if self._pipeline is not None:
            self._pipeline.close()
