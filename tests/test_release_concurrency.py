"""Several desks run the release at the same moment: each candidate gets one email.

Six threads, each with its own engine (its own connections, as six desks
would have), start together and release the same 40 results in small
batches. On PostgreSQL they really overlap (row locks, SKIP LOCKED, the
notice's primary key); on SQLite the write lock serialises them.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select, update

from desk_app.database import Database
from desk_app.models import OutboxMessage, ReleaseNotice, ResultsAccount
from desk_app.services.registry import Services
from desk_app.services.release.notices import ReleaseReport, ReleaseService
from tests.support.factories import make_candidate

DESKS = 6
CANDIDATES = 40


def test_desks_releasing_at_once_send_exactly_one_email_per_candidate(
    services: Services, database_url: str
) -> None:
    clock = services.clock
    release_at = clock.now() + timedelta(hours=1)
    ids = [
        make_candidate(
            services,
            f"KLT{n:06d}",
            name_en=f"LEE Ka {n}",
            name_zh=None,
            email=f"ka{n}@example.com",
            phone=None,
            release_at=release_at,
        )
        for n in range(CANDIDATES)
    ]
    with services.db.write() as session:  # registered the day before
        for candidate_id in ids:
            session.execute(
                update(ResultsAccount)
                .where(ResultsAccount.candidate_id == candidate_id)
                .values(
                    registered_at=release_at - timedelta(days=1),
                    email=f"reg{candidate_id}@example.com",
                )
            )
    clock.advance(hours=2)  # type: ignore[attr-defined]

    start = threading.Barrier(DESKS)
    reports: list[ReleaseReport] = []
    errors: list[BaseException] = []

    def desk() -> None:
        db = Database(database_url)
        try:
            service = ReleaseService(db, services.settings, clock)
            start.wait(timeout=30)
            reports.append(service.run_due(batch_size=3))
        except BaseException as error:  # reported below, never swallowed
            errors.append(error)
        finally:
            db.dispose()

    threads = [threading.Thread(target=desk) for _ in range(DESKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(reports) == DESKS
    assert sum(report.emails for report in reports) == CANDIDATES
    assert sum(report.entries for report in reports) == CANDIDATES

    with services.db.read() as session:
        sent_to = Counter(
            session.scalars(
                select(OutboxMessage.candidate_id).where(OutboxMessage.kind == "results_available")
            )
        )
        notices = session.scalar(select(func.count()).select_from(ReleaseNotice))
    assert sent_to == Counter({candidate_id: 1 for candidate_id in ids})
    assert notices == CANDIDATES
    # and a seventh desk, later, finds nothing to do
    assert services.release.run_due().entries == 0


def test_a_desk_with_an_older_view_leaves_an_entry_another_desk_decided(
    services: Services,
) -> None:
    """The race the primary key settles: a row seen as due, decided meanwhile elsewhere."""
    from desk_app.services.release.notices import _due

    clock = services.clock
    candidate_id = make_candidate(services, release_at=clock.now() - timedelta(hours=1))
    with services.db.read() as session:
        (stale,) = session.execute(_due(clock.now(), clock.now() - timedelta(days=7), 10)).all()
    assert services.release.run_due().emails == 0  # the other desk: not registered, decided
    with services.db.write() as session:
        assert services.release._decide(session, stale, clock.now()) is None
        session.flush()
    with services.db.read() as session:
        notices = session.execute(select(ReleaseNotice.candidate_id, ReleaseNotice.outcome)).all()
        messages = session.scalar(select(func.count()).select_from(OutboxMessage))
    assert [tuple(row) for row in notices] == [(candidate_id, "not_registered")]
    assert messages == 0
