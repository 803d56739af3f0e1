"""One candidate in full: details, entries and released results, account, letters.

What is shown is read by ``detail_read.py`` (plain SQL, through this
session's connection), the same read ``desk-app show``'s plain path makes
without SQLAlchemy (``quick_show.py``); the dataclasses are in
``detail_types.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import Candidate
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.audit import trail as audit
from desk_app.services.candidates.detail_read import Row, driver_sql, read_detail
from desk_app.services.candidates.detail_types import (
    AccountDetail,
    CandidateDetail,
    EntryDetail,
    LetterDetail,
    PaperLine,
    ResultDetail,
)
from desk_app.services.clock import Clock
from desk_app.services.errors import NotFound
from desk_app.services.permissions import Action
from desk_app.services.validation import parse_id_number
from desk_app.settings import Settings

__all__ = [
    "AccountDetail", "CandidateDetail", "CandidateService", "EntryDetail", "LetterDetail",
    "PaperLine", "ResultDetail", "candidate_detail", "find_candidate",
]  # fmt: skip


def find_candidate(session: Session, id_number: str, settings: Settings) -> Candidate:
    """The candidate with this ID Number (normalised), or :class:`NotFound`."""
    key = parse_id_number(id_number, settings.id_format)
    candidate = session.scalar(select(Candidate).where(Candidate.id_number == key))
    if candidate is None:
        raise NotFound("candidate_not_found", id_number=key)
    return candidate


class _SessionRows:
    """The session's own connection, for the plain statements of ``detail_read.py``."""

    def __init__(self, session: Session) -> None:
        session.flush()  # what the unit of work changed so far is what is read
        self._connection = session.connection()
        self._dialect = self._connection.dialect.name

    def rows(self, sql: str, params: Sequence[object]) -> Sequence[Row]:
        statement = driver_sql(sql, self._dialect)
        return self._connection.exec_driver_sql(statement, tuple(params)).all()


def candidate_detail(session: Session, candidate: Candidate, now: datetime) -> CandidateDetail:
    """The candidate in full as of ``now``, inside the caller's unit of work (not audited)."""
    return read_detail(_SessionRows(session), candidate.id, now)


class CandidateService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def show(self, caller: Caller, id_number: str) -> CandidateDetail:
        """Everything the desk shows about one candidate; the look-up is audited."""
        with self._db.write() as session:
            actor = authorise_caller(session, caller, Action.VIEW_CANDIDATE)
            candidate = find_candidate(session, id_number, self._settings)
            detail = candidate_detail(session, candidate, self._clock.now())
            audit.record(
                session,
                self._clock,
                actor,
                "candidate_viewed",
                candidate_id=candidate.id,
                subject=candidate.id_number,
            )
            return detail
