"""One candidate in full: details, entries and released results, account, letters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import (
    Candidate,
    Entry,
    Exam,
    ExamSession,
    Letter,
    Paper,
    PaperScore,
    Result,
    ResultsAccount,
    Staff,
)
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.errors import NotFound
from desk_app.services.live.versions import candidate_version
from desk_app.services.permissions import Action
from desk_app.services.release.status import ReleaseNoticeDetail, notices_for
from desk_app.services.validation import parse_id_number
from desk_app.settings import Settings


@dataclass(frozen=True)
class PaperLine:
    name: str
    name_zh: str | None
    score: int


@dataclass(frozen=True)
class ResultDetail:
    grade: str
    cefr: str | None
    score: int
    papers: tuple[PaperLine, ...]
    released_at: datetime


@dataclass(frozen=True)
class EntryDetail:
    entry_id: int
    exam: str
    exam_zh: str | None
    exam_code: str
    session: str
    session_zh: str
    has_breakdown: bool
    #: None until the result is released (and when there is none yet)
    result: ResultDetail | None
    release_at: datetime | None
    #: the "results available" email: None until the release job decided about it
    notice: ReleaseNoticeDetail | None = None


@dataclass(frozen=True)
class AccountDetail:
    registered: bool
    email: str | None
    failed_attempts: int
    #: None unless locked now
    locked_until: datetime | None
    registered_at: datetime | None
    must_change_password: bool
    last_login_at: datetime | None
    #: None unless the Secret Number lock (wrong Secret Numbers at registration) is on now
    secret_locked_until: datetime | None


@dataclass(frozen=True)
class LetterDetail:
    number: int
    serial: str
    issued_at: datetime
    reason: str | None
    issued_by: str | None
    active: bool
    #: False for a letter issued after registration (ID Number and reset steps only)
    has_secret: bool


@dataclass(frozen=True)
class CandidateDetail:
    candidate_id: int
    id_number: str
    name_en: str
    name_zh: str | None
    date_of_birth: date
    email: str | None
    phone: str | None
    centre: str
    centre_name: str
    language: str
    entries: tuple[EntryDetail, ...]
    account: AccountDetail
    letters: tuple[LetterDetail, ...]
    #: the newest change desks show of this candidate (an audit id): what an action
    #: prepared on this view passes back as ``seen_version`` (``live/versions.py``)
    version: int = 0
    #: the centre's Chinese name, where the catalogue keeps one
    centre_name_zh: str | None = None


def find_candidate(session: Session, id_number: str, settings: Settings) -> Candidate:
    """The candidate with this ID Number (normalised), or :class:`NotFound`."""
    key = parse_id_number(id_number, settings.id_format)
    candidate = session.scalar(select(Candidate).where(Candidate.id_number == key))
    if candidate is None:
        raise NotFound("candidate_not_found", id_number=key)
    return candidate


def _entries(session: Session, candidate_id: int, now: datetime) -> tuple[EntryDetail, ...]:
    # Columns in one statement, not the entities with their exam, session and result
    # each loaded by a statement of its own: a look-up compiles and runs two statements
    # instead of six, which is most of what ``desk-app show`` and the desk's worker
    # spend here (docs/PERFORMANCE.md).
    rows = session.execute(
        select(
            Entry.id,
            Exam.name_en.label("exam"),
            Exam.name_zh.label("exam_zh"),
            Exam.code,
            ExamSession.name_en.label("session"),
            ExamSession.name_zh.label("session_zh"),
            Exam.has_paper_breakdown,
            Result.id.label("result_id"),
            Result.grade,
            Result.cefr,
            Result.score,
            Result.release_at,
        )
        .join(Exam, Exam.id == Entry.exam_id)
        .join(ExamSession, ExamSession.id == Entry.session_id)
        .outerjoin(Result, Result.entry_id == Entry.id)
        .where(Entry.candidate_id == candidate_id)
        .order_by(Entry.id)
    ).all()
    # the release-date rule: nothing of a result is shown before its release moment
    released = {
        row.result_id for row in rows if row.result_id is not None and row.release_at <= now
    }
    papers = _paper_lines(session, sorted(released))
    notices = notices_for(session, [row.id for row in rows])
    return tuple(
        EntryDetail(
            entry_id=row.id,
            exam=row.exam,
            exam_zh=row.exam_zh,
            exam_code=row.code,
            session=row.session,
            session_zh=row.session_zh,
            has_breakdown=row.has_paper_breakdown,
            result=ResultDetail(
                row.grade, row.cefr, row.score, papers.get(row.result_id, ()), row.release_at
            )
            if row.result_id in released
            else None,
            release_at=row.release_at,
            notice=notices.get(row.id),
        )
        for row in rows
    )


def _paper_lines(session: Session, result_ids: list[int]) -> dict[int, tuple[PaperLine, ...]]:
    """The paper scores of these results, in the exam's order of papers."""
    if not result_ids:
        return {}
    lines: dict[int, list[PaperLine]] = {}
    for result_id, name_en, name_zh, score in session.execute(
        select(PaperScore.result_id, Paper.name_en, Paper.name_zh, PaperScore.score)
        .join(Paper, Paper.id == PaperScore.paper_id)
        .where(PaperScore.result_id.in_(result_ids))
        .order_by(PaperScore.result_id, Paper.position)
    ):
        lines.setdefault(result_id, []).append(PaperLine(name_en, name_zh, score))
    return {result_id: tuple(found) for result_id, found in lines.items()}


def _account(session: Session, candidate_id: int, now: datetime) -> AccountDetail:
    account = session.scalar(
        select(ResultsAccount).where(ResultsAccount.candidate_id == candidate_id)
    )
    if account is None:
        return AccountDetail(False, None, 0, None, None, False, None, None)
    locked = _in_force(account.locked_until, now)
    return AccountDetail(
        registered=account.registered_at is not None,
        email=account.email,
        failed_attempts=account.failed_attempts if locked or account.locked_until is None else 0,
        locked_until=locked,
        registered_at=account.registered_at,
        must_change_password=account.must_change_password,
        last_login_at=account.last_login_at,
        secret_locked_until=_in_force(account.secret_locked_until, now),
    )


def _in_force(until: datetime | None, now: datetime) -> datetime | None:
    """A lock's end if the lock is on at ``now`` (a lock that ran out may not be settled yet)."""
    return until if until is not None and until > now else None


def _letters(session: Session, candidate_id: int) -> tuple[LetterDetail, ...]:
    rows = session.execute(
        select(Letter, Staff.username)
        .outerjoin(Staff, Staff.id == Letter.issued_by_id)
        .where(Letter.candidate_id == candidate_id)
        .order_by(Letter.number)
    )
    return tuple(
        LetterDetail(
            letter.number,
            letter.serial,
            letter.issued_at,
            letter.reason,
            username,
            letter.active,
            letter.secret_hash is not None,
        )
        for letter, username in rows
    )


def candidate_detail(session: Session, candidate: Candidate, now: datetime) -> CandidateDetail:
    """The candidate in full as of ``now``, inside the caller's unit of work (not audited)."""
    return CandidateDetail(
        candidate_id=candidate.id,
        id_number=candidate.id_number,
        name_en=candidate.name_en,
        name_zh=candidate.name_zh,
        date_of_birth=candidate.date_of_birth,
        email=candidate.email,
        phone=candidate.phone,
        centre=candidate.centre.code,
        centre_name=candidate.centre.name_en,
        centre_name_zh=candidate.centre.name_zh,
        language=candidate.language,
        entries=_entries(session, candidate.id, now),
        account=_account(session, candidate.id, now),
        letters=_letters(session, candidate.id),
        version=candidate_version(session, candidate.id),
    )


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
