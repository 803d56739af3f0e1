"""Results released on their date: the "your results are available" email, once.

A result is visible from its ``release_at`` on (every reader compares it
with the clock; nothing is switched on). What happens *at* release is the
email: :meth:`ReleaseService.run_due` finds entries whose release moment
has passed and that have no :class:`ReleaseNotice` yet, and decides each one
in the same transaction as the outbox row it queues:

- the candidate's account was registered by the release moment: the
  bilingual "results available" email to the registered address (one per
  entry, naming its exam, as the exam board's email does);
- not registered by then: no email, now or later. A candidate who registers
  after release logs in and sees the results; the registration itself is
  the moment they learn of the website (decided and documented here, so
  the rule does not depend on when the job happened to run);
- a release found more than ``release_notice_days`` after its moment (a
  late import, a desk long switched off) is left alone: no email.

Exactly once, with several desks running it at once: on PostgreSQL the due
results are selected ``FOR UPDATE SKIP LOCKED``, so desks take different
rows; the notice's primary key is the entry, so a desk that took a row
another desk had just finished (its snapshot was older) fails that insert
inside a savepoint and leaves the entry alone. On SQLite a writer holds the
database (``BEGIN IMMEDIATE``), so runs are serialised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, Select, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import (
    Candidate,
    Entry,
    Exam,
    ExamSession,
    ReleaseNotice,
    Result,
    ResultsAccount,
)
from desk_app.services.actor import SYSTEM
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput
from desk_app.services.mail import templates as mail_templates
from desk_app.services.release.status import BAD_ADDRESS, NOT_REGISTERED, QUEUED
from desk_app.services.release_dates import certificate_window
from desk_app.settings import Settings

#: entries decided per transaction
BATCH_SIZE = 200


@dataclass(frozen=True)
class ReleaseReport:
    """What one run did."""

    #: entries decided now (each has its notice row)
    entries: int
    #: "results available" emails queued
    emails: int
    #: candidates not registered at the release moment: no email
    not_registered: int
    #: the registered address could not take an email
    bad_address: int
    #: the next release moment still to come, if any
    next_release_at: datetime | None


class ReleaseService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def next_release(self) -> datetime | None:
        """The earliest release moment after now (for a timer to wake up at)."""
        now = self._clock.now()
        with self._db.read() as session:
            found: datetime | None = session.scalar(
                select(func.min(Result.release_at)).where(Result.release_at > now)
            )
        return found

    def run_due(self, *, batch_size: int = BATCH_SIZE) -> ReleaseReport:
        """Decide every entry released since the last run (``desk-app release``)."""
        now = self._clock.now()
        oldest = now - timedelta(days=self._settings.desk.release_notice_days)
        counts = {QUEUED: 0, NOT_REGISTERED: 0, BAD_ADDRESS: 0}
        decided = 0
        while True:
            with self._db.write() as session:
                rows = session.execute(_due(now, oldest, batch_size)).all()
                done: dict[str, int] = {QUEUED: 0, NOT_REGISTERED: 0, BAD_ADDRESS: 0}
                for row in rows:
                    outcome = self._decide(session, row, now)
                    if outcome is not None:
                        done[outcome] += 1
                if sum(done.values()):
                    audit.record(
                        session,
                        self._clock,
                        SYSTEM,
                        "results_released",
                        detail={
                            "entries": sum(done.values()),
                            "emails": done[QUEUED],
                            "not_registered": done[NOT_REGISTERED],
                            "bad_address": done[BAD_ADDRESS],
                            "release_at": sorted({row.release_at.isoformat() for row in rows}),
                        },
                    )
            for key, value in done.items():
                counts[key] += value
            decided += sum(done.values())
            if len(rows) < batch_size:
                break
        return ReleaseReport(
            entries=decided,
            emails=counts[QUEUED],
            not_registered=counts[NOT_REGISTERED],
            bad_address=counts[BAD_ADDRESS],
            next_release_at=self.next_release(),
        )

    def _decide(self, session: Session, row: Row[*tuple[Any, ...]], now: datetime) -> str | None:
        """Write the entry's notice (and queue its email); None if another desk had it."""
        registered = (
            row.registered_at is not None
            and row.registered_at <= row.release_at
            and bool(row.address)
        )
        try:
            with session.begin_nested():
                notice = ReleaseNotice(
                    entry_id=row.entry_id,
                    candidate_id=row.candidate_id,
                    release_at=row.release_at,
                    decided_at=now,
                    outcome=QUEUED if registered else NOT_REGISTERED,
                )
                session.add(notice)
                session.flush()  # the claim: fails here if another desk decided it
                if registered:
                    notice.outbox_id = self._queue(session, row)
                    if notice.outbox_id is None:
                        notice.outcome = BAD_ADDRESS
                    session.flush()
                return notice.outcome
        except IntegrityError:
            return None

    def _queue(self, session: Session, row: Row[*tuple[Any, ...]]) -> int | None:
        office = self._settings.office
        mail = mail_templates.results_available(
            row.language,
            office,
            exam=(row.exam_en, row.exam_zh or row.exam_en),
            session=(row.session_en, row.session_zh),
            certificates=certificate_window(row.release_at, office.timezone),
        )
        try:  # the address is checked before anything is added to the session
            return mail_templates.queue(
                session, self._clock, mail, candidate_id=row.candidate_id, to_address=row.address
            )
        except BadInput:
            return None


def _due(now: datetime, oldest: datetime, limit: int) -> Select[*tuple[Any, ...]]:
    """Released in (oldest, now], not yet decided: locked, skipping rows another desk holds."""
    return (
        select(
            Result.entry_id,
            Entry.candidate_id,
            Result.release_at,
            ResultsAccount.registered_at,
            ResultsAccount.email.label("address"),
            Candidate.language,
            Exam.name_en.label("exam_en"),
            Exam.name_zh.label("exam_zh"),
            ExamSession.name_en.label("session_en"),
            ExamSession.name_zh.label("session_zh"),
        )
        .join(Entry, Entry.id == Result.entry_id)
        .join(Candidate, Candidate.id == Entry.candidate_id)
        .join(Exam, Exam.id == Entry.exam_id)
        .join(ExamSession, ExamSession.id == Entry.session_id)
        .outerjoin(ResultsAccount, ResultsAccount.candidate_id == Candidate.id)
        .where(
            Result.release_at <= now,
            Result.release_at > oldest,
            ~exists().where(ReleaseNotice.entry_id == Result.entry_id),
        )
        .order_by(Result.release_at, Result.entry_id)
        .limit(limit)
        .with_for_update(of=Result, skip_locked=True)
    )
