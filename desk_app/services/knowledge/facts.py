"""What the answers need to know about a candidate, from the screen or from the database.

The pane works from the :class:`CandidateDetail` the desk already loaded
(:func:`facts_of`); an answer emailed to the candidate is filled in the
email's own unit of work from the rows as they are then
(:func:`read_facts`). Both give the same :class:`CandidateFacts`, so what is
sent is what the operator read on screen, brought up to the moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk_app.models import Candidate, Entry, ResultsAccount
from desk_app.services.candidates.detail import CandidateDetail
from desk_app.services.knowledge.placeholders import Pair


@dataclass(frozen=True)
class EntryFacts:
    entry_id: int
    #: (English, Chinese) names; the English one stands in where no Chinese one is kept
    exam: Pair
    session: Pair
    has_breakdown: bool
    #: when the result goes (or went) online; None while the exam board sent none
    release_at: datetime | None

    def released(self, now: datetime) -> bool:
        return self.release_at is not None and self.release_at <= now


@dataclass(frozen=True)
class CandidateFacts:
    candidate_id: int
    id_number: str
    name: Pair
    #: the centre's code and name, in English and Chinese
    centre: Pair
    #: the candidate's language for emails (``en`` or ``zh_HK``)
    language: str
    registered: bool
    registered_email: str | None
    email_on_file: str | None
    #: the ends of the password lock and the Secret Number lock, when on
    locked_until: datetime | None
    secret_locked_until: datetime | None
    entries: tuple[EntryFacts, ...]


def _pair(english: str, chinese: str | None) -> Pair:
    return english, chinese or english


def _centre(code: str, name_en: str, name_zh: str | None) -> Pair:
    return f"{code} {name_en}".strip(), f"{code} {name_zh or name_en}".strip()


def _in_force(until: datetime | None, now: datetime) -> datetime | None:
    return until if until is not None and until > now else None


def facts_of(detail: CandidateDetail) -> CandidateFacts:
    """The facts of a candidate as the desk showed them (locks already checked then)."""
    account = detail.account
    return CandidateFacts(
        candidate_id=detail.candidate_id,
        id_number=detail.id_number,
        name=_pair(detail.name_en, detail.name_zh),
        centre=_centre(detail.centre, detail.centre_name, detail.centre_name_zh),
        language=detail.language,
        registered=account.registered,
        registered_email=account.email if account.registered else None,
        email_on_file=detail.email,
        locked_until=account.locked_until,
        secret_locked_until=account.secret_locked_until,
        entries=tuple(
            EntryFacts(
                entry.entry_id,
                _pair(entry.exam, entry.exam_zh),
                _pair(entry.session, entry.session_zh),
                entry.has_breakdown,
                entry.release_at,
            )
            for entry in detail.entries
        ),
    )


def read_facts(session: Session, candidate: Candidate, now: datetime) -> CandidateFacts:
    """The same facts read in ``session`` at ``now`` (for an email)."""
    account = session.scalar(
        select(ResultsAccount).where(ResultsAccount.candidate_id == candidate.id)
    )
    entries = session.scalars(
        select(Entry)
        .where(Entry.candidate_id == candidate.id)
        .options(selectinload(Entry.exam), selectinload(Entry.session), selectinload(Entry.result))
        .order_by(Entry.id)
    ).all()
    registered = account is not None and account.registered_at is not None
    return CandidateFacts(
        candidate_id=candidate.id,
        id_number=candidate.id_number,
        name=_pair(candidate.name_en, candidate.name_zh),
        centre=_centre(candidate.centre.code, candidate.centre.name_en, candidate.centre.name_zh),
        language=candidate.language,
        registered=registered,
        registered_email=account.email if account is not None and registered else None,
        email_on_file=candidate.email,
        locked_until=_in_force(account.locked_until, now) if account else None,
        secret_locked_until=_in_force(account.secret_locked_until, now) if account else None,
        entries=tuple(
            EntryFacts(
                entry.id,
                _pair(entry.exam.name_en, entry.exam.name_zh),
                _pair(entry.session.name_en, entry.session.name_zh),
                entry.exam.has_paper_breakdown,
                entry.result.release_at if entry.result is not None else None,
            )
            for entry in entries
        ),
    )
