"""What the database holds for one chunk's candidates: two or three indexed queries."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.models import Candidate, Entry, PaperScore, Result
from desk_app.services.importing.changes import StoredCandidate, StoredResult

#: (candidate id, exam id, session id) → (entry id, its result or None)
StoredEntries = dict[tuple[int, int, int], tuple[int, StoredResult | None]]


def stored_candidates(
    session: Session, id_numbers: Iterable[str], centre_codes: dict[int, str]
) -> dict[str, StoredCandidate]:
    """The candidates with these ID Numbers, by ID Number (the unique index answers)."""
    wanted = list(id_numbers)
    if not wanted:
        return {}
    query = select(
        Candidate.id, Candidate.id_number, Candidate.name_en, Candidate.name_zh,
        Candidate.date_of_birth, Candidate.email, Candidate.phone, Candidate.centre_id,
        Candidate.language,
    ).where(Candidate.id_number.in_(wanted))  # fmt: skip
    found = {}
    for row in session.execute(query):
        centre = centre_codes.get(row.centre_id, "")
        found[row.id_number] = StoredCandidate(
            row.id, row.id_number, row.name_en, row.name_zh, row.date_of_birth, row.email,
            row.phone, centre, row.language,
        )  # fmt: skip
    return found


def stored_entries(session: Session, candidate_ids: Iterable[int]) -> StoredEntries:
    """Every entry of these candidates, with its result and paper scores."""
    wanted = list(candidate_ids)
    if not wanted:
        return {}
    found: StoredEntries = {}
    by_result: dict[int, StoredResult] = {}
    query = (
        select(Entry.id, Entry.candidate_id, Entry.exam_id, Entry.session_id, Result.id,
               Result.grade, Result.cefr, Result.score, Result.release_at)
        .outerjoin(Result, Result.entry_id == Entry.id)
        .where(Entry.candidate_id.in_(wanted))
    )  # fmt: skip
    for eid, cid, exam_id, session_id, rid, grade, cefr, score, release_at in session.execute(
        query
    ):
        result = None
        if rid is not None:
            result = StoredResult(rid, grade, cefr, score, release_at, {})
            by_result[rid] = result
        found[(cid, exam_id, session_id)] = (eid, result)
    if by_result:
        scores = select(PaperScore.result_id, PaperScore.paper_id, PaperScore.score).where(
            PaperScore.result_id.in_(list(by_result))
        )
        for rid, paper_id, score in session.execute(scores):
            by_result[rid].papers[paper_id] = score
    return found
