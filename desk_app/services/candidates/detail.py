"""One candidate in full: details, entries and released results, account, letters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk_app.database import Database
from desk_app.models import Candidate, Entry, Exam, Letter, Result, ResultsAccount, Staff
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
    query = (
        select(Entry)
        .where(Entry.candidate_id == candidate_id)
        .options(
            selectinload(Entry.exam).selectinload(Exam.papers),
            selectinload(Entry.session),
            selectinload(Entry.result).selectinload(Result.papers),
        )
        .order_by(Entry.id)
    )
    details = []
    entries = list(session.scalars(query))
    notices = notices_for(session, [entry.id for entry in entries])
    for entry in entries:
        result = entry.result
        shown = None
        if result is not None and result.release_at <= now:
            names = {p.id: p for p in entry.exam.papers}
            papers = tuple(
                PaperLine(names[ps.paper_id].name_en, names[ps.paper_id].name_zh, ps.score)
                for ps in sorted(result.papers, key=lambda ps: names[ps.paper_id].position)
            )
            shown = ResultDetail(result.grade, result.cefr, result.score, papers, result.release_at)
        details.append(
            EntryDetail(
                entry_id=entry.id,
                exam=entry.exam.name_en,
                exam_zh=entry.exam.name_zh,
                exam_code=entry.exam.code,
                session=entry.session.name_en,
                session_zh=entry.session.name_zh,
                has_breakdown=entry.exam.has_paper_breakdown,
                result=shown,
                release_at=result.release_at if result is not None else None,
                notice=notices.get(entry.id),
            )
        )
    return tuple(details)


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
