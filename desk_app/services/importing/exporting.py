"""``desk-app export results``: what the desk holds, written in the import format.

The file is the import format exactly (docs/IMPORT.md): importing it again
changes nothing, and importing it into an empty database makes the same
centres, sessions, candidates, entries and results. Released and unreleased
results alike, entries without a result with empty result cells; one
``paper:<name>`` column per paper of the exams written. UTF-8 with a
byte-order mark and CRLF line ends, so Excel opens the Chinese names
correctly. Rows are streamed from the database, never held.

Who may: administrators (``export_results``): the file holds every
candidate's personal details, and administrators are the ones who import.
Each export is audited (file name, rows, centre, SHA-256).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import Candidate, Centre, Entry, Exam, ExamSession, Paper, PaperScore, Result
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.errors import NotFound
from desk_app.services.importing.columns import EXPORT_ORDER, PAPER_PREFIX
from desk_app.services.output_files import check_output_path, write_output_text
from desk_app.services.permissions import Action
from desk_app.services.release_dates import release_day
from desk_app.settings import Settings

BATCH = 2000
#: a cell starting like this is a formula to a spreadsheet: written as text
_FORMULA_START = ("=", "@")


@dataclass(frozen=True)
class ExportReport:
    path: Path
    rows: int
    sha256: str
    centre: str | None


class ResultsExportService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def export(
        self, caller: Caller, path: str | Path, *, centre: str | None = None
    ) -> ExportReport:
        """Write every entry (of ``centre``, when given) to ``path`` in the import format."""
        target = check_output_path(path)
        code = centre.strip().upper() if centre else None
        with self._db.write() as session:
            actor = authorise_caller(session, caller, Action.EXPORT_RESULTS)
            centre_id = None
            if code is not None:
                centre_id = session.scalar(select(Centre.id).where(Centre.code == code))
                if centre_id is None:
                    raise NotFound("centre_not_found", centre=code)
            digest = hashlib.sha256()

            def fill(out: IO[str]) -> int:
                return _write(session, _Hashing(out, digest), centre_id, self._settings)

            rows = write_output_text(target, fill)
            audit.record(
                session, self._clock, actor, "results_exported", subject=target.name[:64],
                detail={"file": target.name, "rows": rows, "centre": code,
                        "sha256": digest.hexdigest()},
            )  # fmt: skip
        return ExportReport(target, rows, digest.hexdigest(), code)


class _Hashing:
    """A text stream that also hashes what is written (as UTF-8, as the file stores it)."""

    def __init__(self, out: IO[str], digest: Any) -> None:
        self._out = out
        self._digest = digest

    def write(self, text: str) -> int:
        self._digest.update(text.encode("utf-8"))
        return self._out.write(text)


def _paper_names(session: Session, centre_id: int | None) -> list[str]:
    exams = select(Entry.exam_id).distinct()
    if centre_id is not None:
        exams = exams.join(Candidate, Candidate.id == Entry.candidate_id).where(
            Candidate.centre_id == centre_id
        )
    query = (
        select(Paper.name_en)
        .where(Paper.exam_id.in_(exams))
        .order_by(Paper.exam_id, Paper.position)
    )
    return list(dict.fromkeys(session.scalars(query)))


def _entries(session: Session, centre_id: int | None) -> Iterator[Any]:
    """The entries in batches of rows (streamed: a server-side cursor on PostgreSQL)."""
    query = (
        select(
            Candidate.id_number, Candidate.name_en, Candidate.name_zh, Candidate.date_of_birth,
            Candidate.email, Candidate.phone, Centre.code, Centre.name_en, Centre.name_zh,
            Candidate.language, Exam.code, ExamSession.code, Result.id, Result.release_at,
            Result.grade, Result.cefr, Result.score,
        )
        .join(Centre, Centre.id == Candidate.centre_id)
        .join(Entry, Entry.candidate_id == Candidate.id)
        .join(Exam, Exam.id == Entry.exam_id)
        .join(ExamSession, ExamSession.id == Entry.session_id)
        .outerjoin(Result, Result.entry_id == Entry.id)
        .order_by(Candidate.id_number, Entry.id)
        .execution_options(yield_per=BATCH)
    )  # fmt: skip
    if centre_id is not None:
        query = query.where(Candidate.centre_id == centre_id)
    yield from session.execute(query).partitions(BATCH)


def _write(session: Session, out: Any, centre_id: int | None, settings: Settings) -> int:
    papers = _paper_names(session, centre_id)
    writer = csv.writer(out, lineterminator="\r\n")
    out.write("\ufeff")
    writer.writerow([*EXPORT_ORDER, *(PAPER_PREFIX + name for name in papers)])
    timezone = settings.office.timezone
    count = 0
    for batch in _entries(session, centre_id):
        result_ids = [row[12] for row in batch if row[12] is not None]
        scores: dict[int, dict[str, int]] = {}
        if result_ids:
            query = (
                select(PaperScore.result_id, Paper.name_en, PaperScore.score)
                .join(Paper, Paper.id == PaperScore.paper_id)
                .where(PaperScore.result_id.in_(result_ids))
            )
            for result_id, name, score in session.execute(query):
                scores.setdefault(result_id, {})[name] = score
        for row in batch:
            (id_number, name_en, name_zh, born, email, phone, centre, centre_en, centre_zh,
             language, exam, sitting, result_id, release_at, grade, cefr, score) = row  # fmt: skip
            result = (
                [release_day(release_at, timezone).isoformat(), grade, cefr or "", str(score)]
                if result_id is not None
                else ["", "", "", ""]
            )
            mine = scores.get(result_id, {}) if result_id is not None else {}
            cells = [
                id_number, name_en, name_zh or "", born.isoformat(), email or "", phone or "",
                centre, exam, sitting, *result, centre_en, centre_zh or "",
                language,
            ]  # fmt: skip
            cells += [str(mine[name]) if name in mine else "" for name in papers]
            writer.writerow([_as_text(cell) for cell in cells])
            count += 1
    return count


def _as_text(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
