"""A row against what the database holds: new, the same, a correction, or refused.

The rules (docs/IMPORT.md says them to administrators):

* A candidate is the same person when the ID Number matches. A different
  English name, Chinese name, date of birth, email, phone, centre or email
  language is a correction, audited with old and new values; an empty cell
  keeps what the desk has. But a row whose English name AND date of birth
  both differ names someone else: it is refused (a mistyped ID Number would
  otherwise overwrite another candidate).
* A result is compared by grade, CEFR level, overall score, paper scores
  and release *day* (in the office's time zone): a result stored at another
  moment of the same day is the same. A different value is a correction.
* A row without a result for an entry whose result is released is refused:
  results are corrected, never removed. A result not yet released is
  withdrawn (audited). A released result cannot be moved to a day still to
  come: that would take it back from candidates who have seen it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desk_app.services.errors import BadInput
from desk_app.services.importing.catalogue import ExamInfo
from desk_app.services.importing.columns import name_key
from desk_app.services.importing.rows import CandidateCells, EntryRow, ResultCells
from desk_app.services.release_dates import release_day, release_moment
from desk_app.services.validation import normalise_email


@dataclass(frozen=True)
class StoredCandidate:
    id: int
    id_number: str
    name_en: str
    name_zh: str | None
    date_of_birth: date
    email: str | None
    phone: str | None
    centre: str
    language: str


@dataclass(frozen=True)
class StoredResult:
    id: int
    grade: str
    cefr: str | None
    score: int
    release_at: datetime
    #: paper id → score
    papers: dict[int, int]


Changes = dict[str, Any]


def _same_email(stored: str | None, given: str) -> bool:
    if stored is None:
        return False
    try:
        return normalise_email(stored) == given
    except BadInput:
        return stored == given


def is_someone_else(stored: StoredCandidate, given: CandidateCells) -> bool:
    return (
        name_key(stored.name_en) != name_key(given.name_en)
        and stored.date_of_birth != given.date_of_birth
    )


def candidate_changes(stored: StoredCandidate, given: CandidateCells) -> Changes:
    """{column: [old, new]} for each cell that corrects the stored candidate."""
    changes: Changes = {}

    def differs(column: str, old: object, new: object) -> None:
        if new is not None and new != old:
            changes[column] = [_plain(old), _plain(new)]

    differs("name_en", stored.name_en, given.name_en)
    differs("name_zh", stored.name_zh, given.name_zh)
    differs("date_of_birth", stored.date_of_birth, given.date_of_birth)
    if given.email is not None and not _same_email(stored.email, given.email):
        changes["email"] = [stored.email, given.email]
    differs("phone", stored.phone, given.phone)
    differs("centre", stored.centre, given.centre)
    differs("language", stored.language, given.language)
    return changes


def result_changes(
    stored: StoredResult, given: ResultCells, exam: ExamInfo, timezone: str
) -> Changes:
    """{what: [old, new]} for each value of the result the row corrects."""
    changes: Changes = {}
    if stored.grade != given.grade:
        changes["grade"] = [stored.grade, given.grade]
    if stored.cefr != given.cefr:
        changes["cefr"] = [stored.cefr, given.cefr]
    if stored.score != given.score:
        changes["overall_score"] = [stored.score, given.score]
    old_day = release_day(stored.release_at, timezone)
    if old_day != given.release_on:
        changes["release_date"] = [old_day.isoformat(), given.release_on.isoformat()]
    names = {paper.id: paper.name_en for paper in exam.papers}
    papers = {
        names.get(pid, str(pid)): [stored.papers.get(pid), score]
        for pid, score in given.papers
        if stored.papers.get(pid) != score
    }
    papers.update(
        {
            names.get(pid, str(pid)): [score, None]
            for pid, score in stored.papers.items()
            if pid not in dict(given.papers)
        }
    )
    if papers:
        changes["papers"] = papers
    return changes


def recalls_release(stored: StoredResult, given: ResultCells, now: datetime, timezone: str) -> bool:
    """Whether the row would move a released result to a moment still to come."""
    return stored.release_at <= now and release_moment(given.release_on, timezone) > now


def result_values(result: StoredResult, exam: ExamInfo, timezone: str) -> dict[str, Any]:
    """A stored result in plain values, for the audit entry of its withdrawal."""
    names = {paper.id: paper.name_en for paper in exam.papers}
    return {
        "grade": result.grade,
        "cefr": result.cefr,
        "overall_score": result.score,
        "release_date": release_day(result.release_at, timezone).isoformat(),
        "papers": {names.get(pid, str(pid)): score for pid, score in result.papers.items()},
    }


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def first_rows(chunk: Iterable[EntryRow], known: dict[str, int]) -> list[EntryRow]:
    """The first row of each candidate not met before this chunk, in order."""
    seen: set[str] = set()
    firsts = []
    for row in chunk:
        key = row.candidate.id_number
        if key not in known and key not in seen:
            seen.add(key)
            firsts.append(row)
    return firsts
