"""Real rows in a real test database: services, staff and candidates.

No mocks: everything goes through the models and the services.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from desk_app.database import Database
from desk_app.models import (
    Candidate,
    Centre,
    Entry,
    Exam,
    ExamSession,
    Letter,
    PaperScore,
    Result,
    ResultsAccount,
    Staff,
)
from desk_app.services.actor import StaffIdentity, TerminalUser
from desk_app.services.registry import Services, build_services
from desk_app.services.staff import identity_of
from desk_app.settings import HashingPolicy, OfficeInfo, Settings
from tests.support.clock import ManualClock

#: argon2 with the smallest cost: the tests check logic, not hash strength
FAST_HASHING = HashingPolicy(time_cost=1, memory_kib=8, parallelism=1)
STAFF_PASSWORD = "desk-password-1"

_serial = itertools.count(1)


#: the office's addresses the tests configure (the defaults leave them empty)
TEST_OFFICE = OfficeInfo(
    reset_link_base="https://results.example.org/reset",
    verify_website="https://results.example.org/verify",
)


def fast_settings(**changes: object) -> Settings:
    base = Settings(hashing=FAST_HASHING, office=TEST_OFFICE)
    return replace(base, **changes)  # type: ignore[arg-type]


def make_services(
    url: str, clock: ManualClock | None = None, settings: Settings | None = None
) -> Services:
    return build_services(Database(url), settings or fast_settings(), clock or ManualClock())


#: the administrator a test database gets first, when a test adds other staff first
FIRST_ADMIN = "first.admin"


def add_first_admin(services: Services, username: str = FIRST_ADMIN) -> None:
    """The first administrator of an empty staff table: the one the terminal user may add."""
    services.staff.add(
        TerminalUser("test"), username, "admin", STAFF_PASSWORD, display_name=username.title()
    )


def an_admin(services: Services) -> StaffIdentity:
    """An active administrator to add staff as (the first one, made if there is none).

    Read from the database as the services would after a sign-in, without
    signing in, so that a test's audit trail holds only what the test did.
    """
    with services.db.read() as session:
        row = session.scalar(
            select(Staff).where(Staff.role == "admin", Staff.active.is_(True)).order_by(Staff.id)
        )
        admin = None if row is None else identity_of(row)
    if admin is None:
        add_first_admin(services)
        return an_admin(services)
    return admin


def add_staff(services: Services, role: str, username: str | None = None) -> StaffIdentity:
    """A staff member, signed in: added by an administrator, as the services demand.

    On an empty staff table an administrator asked for is the first one
    (added as the terminal user may); anyone else is added by
    :func:`an_admin`.
    """
    name = username or f"{role}{next(_serial)}"
    if role == "admin" and services.staff.count() == 0:
        add_first_admin(services, name)
    else:
        shown = name.title()
        services.staff.add(an_admin(services), name, role, STAFF_PASSWORD, display_name=shown)
    return services.staff.authenticate(name, STAFF_PASSWORD)


def seed_catalogue(db: Database) -> tuple[int, int]:
    """Centre TW056 and session 2014-07 (made once), as (centre id, session id). The exams
    (KET for Schools with papers, Delta Module One without) are the standard catalogue the
    migration wrote. Ids come from the database, so its sequences stay right."""
    with db.write() as session:
        centre = session.scalar(select(Centre).where(Centre.code == "TW056"))
        if centre is None:
            centre = Centre(
                code="TW056", name_en="Prestige English Centre", name_zh="倫敦英語中心", region="TW"
            )
            session.add(centre)
        sitting = session.scalar(select(ExamSession).where(ExamSession.code == "2014-07"))
        if sitting is None:
            sitting = ExamSession(
                code="2014-07", name_en="July 2014", name_zh="2014年7月", held_on=date(2014, 7, 5)
            )
            session.add(sitting)
        session.flush()
        return centre.id, sitting.id


def make_candidate(
    services: Services,
    id_number: str = "SMR123456",
    *,
    name_en: str = "CHAN Tai Man",
    name_zh: str | None = "陳大文",
    date_of_birth: date = date(2001, 5, 17),
    email: str | None = "taiman.chan@example.com",
    phone: str | None = "9123 4567",
    secret_hash: str | None = None,
    released: bool = True,
    exam: str = "KETFS",
    letter: bool = True,
    release_at: datetime | None = None,
) -> int:
    """A candidate with one KET entry (released unless told) and an unregistered account.

    ``letter=False``: no letter at all, as the importer leaves a new candidate
    (awaiting its exam-day letter). ``release_at`` overrides ``released``.
    """
    from desk_app.services.search.keys import candidate_tokens, email_key, phone_key_of

    db = services.db
    centre_id, session_id = seed_catalogue(db)
    now = services.clock.now()
    with db.write() as session:
        candidate = Candidate(
            id_number=id_number,
            name_en=name_en,
            name_zh=name_zh,
            date_of_birth=date_of_birth,
            email=email,
            phone=phone,
            centre_id=centre_id,
            language="en",
            email_key=email_key(email),
            phone_key=phone_key_of(phone),
            created_at=now,
        )
        session.add(candidate)
        session.flush()
        for token in candidate_tokens(name_en, name_zh, candidate.id):
            session.add(token)
        exam_row = session.scalars(select(Exam).where(Exam.code == exam)).one()
        entry = Entry(candidate_id=candidate.id, exam_id=exam_row.id, session_id=session_id)
        session.add(entry)
        session.flush()
        result = Result(
            entry_id=entry.id,
            grade="PASS WITH MERIT",
            cefr="A2",
            score=145,
            release_at=release_at
            or (now - timedelta(days=10) if released else now + timedelta(days=10)),
        )
        session.add(result)
        session.flush()
        for paper, score in zip(exam_row.papers, (148, 141, 146, 145), strict=False):
            session.add(PaperScore(result_id=result.id, paper_id=paper.id, score=score))
        session.add(ResultsAccount(candidate_id=candidate.id, failed_attempts=0, secret_failures=0))
        if not letter:
            return candidate.id
        session.add(
            Letter(
                candidate_id=candidate.id,
                number=0,
                secret_hash=secret_hash or services.hasher.hash("4821"),
                active=True,
                issued_at=datetime(2014, 7, 5, 1, 0, tzinfo=UTC),
                serial=f"L{candidate.id:08d}-0",
            )
        )
        return candidate.id


def add_entry(
    services: Services,
    candidate_id: int,
    exam: str,
    *,
    release_at: datetime,
    grade: str = "PASS",
    score: int = 61,
) -> int:
    """Another entry for the candidate (exam by code, session July 2014), with a result
    and no paper scores; its id."""
    _, session_id = seed_catalogue(services.db)
    with services.db.write() as session:
        exam_id = session.scalars(select(Exam.id).where(Exam.code == exam)).one()
        entry = Entry(candidate_id=candidate_id, exam_id=exam_id, session_id=session_id)
        session.add(entry)
        session.flush()
        session.add(
            Result(entry_id=entry.id, grade=grade, cefr=None, score=score, release_at=release_at)
        )
        return entry.id
