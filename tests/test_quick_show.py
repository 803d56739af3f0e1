"""``desk-app show`` on the plain path (the driver itself) shows what the full path shows.

Candidates in every state the desk tells apart are looked up both ways, on
SQLite and PostgreSQL, with the same clock: the details (every field of
``CandidateDetail``, not only the JSON) must be equal. The plain path's look
is audited as the full path's is, and the chain still verifies with both
writing in turn.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update

from desk_app.cli.show_cmd import as_json
from desk_app.models import AuditEvent, Entry, Letter, OutboxMessage, ReleaseNotice, ResultsAccount
from desk_app.services.actor import SYSTEM, TerminalUser
from desk_app.services.audit import trail
from desk_app.services.candidates.quick_show import QuickShowService
from desk_app.services.plain_db import open_plain
from desk_app.services.registry import Services
from desk_app.services.requests import as_request
from tests.support.clock import ManualClock
from tests.support.factories import add_entry, add_staff, make_candidate

CLERK = TerminalUser("clerk")


@pytest.fixture
def plain(database_url: str, services: Services, clock: ManualClock) -> Iterator[QuickShowService]:
    db = open_plain(database_url)
    assert db is not None, "the test database is one the plain path opens"
    try:
        yield QuickShowService(db, services.settings, clock)
    finally:
        db.close()


def _account(services: Services, candidate_id: int, **values: object) -> None:
    with services.db.write() as session:
        session.execute(
            update(ResultsAccount).where(ResultsAccount.candidate_id == candidate_id).values(values)
        )


def _notice(
    services: Services, entry_id: int, candidate_id: int, outcome: str, status: str | None
) -> None:
    """The release job's decision for an entry, with its email in ``status`` (None: no email)."""
    now = services.clock.now()
    with services.db.write() as session:
        outbox_id = None
        if status is not None:
            message = OutboxMessage(
                created_at=now, kind="results_available", candidate_id=candidate_id,
                to_address="c@example.com", language="en", subject="s", body="b",
                message_id=f"<{entry_id}@example.org>", status=status, attempts=1,
                next_attempt_at=now, sent_at=now - timedelta(hours=1) if status == "sent" else None,
            )  # fmt: skip
            session.add(message)
            session.flush()
            outbox_id = message.id
        session.add(
            ReleaseNotice(
                entry_id=entry_id,
                candidate_id=candidate_id,
                release_at=now - timedelta(days=1),
                decided_at=now - timedelta(days=1),
                outcome=outcome,
                outbox_id=outbox_id,
            )
        )


def every_state(services: Services) -> list[str]:
    """A candidate in each state the desk tells apart; their ID Numbers."""
    now = services.clock.now()
    ids = []

    def candidate(id_number: str, **options: object) -> int:
        ids.append(id_number)
        return make_candidate(services, id_number, **options)  # type: ignore[arg-type]

    registered = candidate("A100001")
    _account(
        services, registered, registered_at=now - timedelta(days=30), email="reg@example.com",
        password_hash="x", must_change_password=True, failed_attempts=2,
        last_login_at=now - timedelta(days=2),
    )  # fmt: skip
    bare = candidate("A100002", letter=False)
    with services.db.write() as session:
        for entry in session.scalars(select(Entry).where(Entry.candidate_id == bare)):
            session.delete(entry)
    today = candidate("A100003", release_at=now + timedelta(hours=2))
    add_entry(services, today, "DELTA1", release_at=now + timedelta(days=10))
    add_entry(services, today, "PETFS", release_at=now)  # the release moment itself: shown
    candidate("A100004", exam="DELTA1")  # no breakdown by paper
    locked = candidate("A100005")
    _account(
        services, locked, failed_attempts=5, locked_at=now - timedelta(minutes=1),
        locked_until=now + timedelta(minutes=29), secret_failures=3,
        secret_locked_until=now + timedelta(minutes=10),
    )  # fmt: skip
    ran_out = candidate("A100006")
    _account(
        services, ran_out, failed_attempts=5, locked_until=now - timedelta(minutes=1),
        secret_locked_until=now - timedelta(seconds=1),
    )  # fmt: skip
    candidate("A100007", name_zh=None, email=None, phone=None)
    letters = candidate("A100008")
    staff = add_staff(services, "supervisor", "sup.lettered")
    with services.db.write() as session:
        session.execute(update(Letter).where(Letter.candidate_id == letters).values(active=False))
        for number, active, secret in ((1, False, "h"), (2, True, None)):
            session.add(
                Letter(
                    candidate_id=letters,
                    number=number,
                    secret_hash=secret,
                    active=active,
                    issued_at=datetime(2026, 1, number, 9, 30, 15, 123456, tzinfo=UTC),
                    issued_by_id=staff.id,
                    reason=f"lost letter {number}",
                    serial=f"L{letters:08d}-{number}",
                )
            )
    told = candidate("A100009")
    with services.db.read() as session:
        (first,) = session.scalars(select(Entry.id).where(Entry.candidate_id == told))
    _notice(services, first, told, "queued", "sent")
    for exam, outcome, status in (
        ("PETFS", "queued", "pending"),
        ("FCEFS", "queued", "failed"),
        ("CAE", "not_registered", None),
        ("CPE", "untracked", None),
    ):
        entry = add_entry(services, told, exam, release_at=now - timedelta(days=1))
        _notice(services, entry, told, outcome, status)
    add_entry(services, told, "KET", release_at=now - timedelta(days=1))  # not decided yet
    accountless = candidate("A100010")
    with services.db.write() as session:
        session.execute(delete(ResultsAccount).where(ResultsAccount.candidate_id == accountless))
    changed = candidate("A100011")
    with services.db.write() as session:
        trail.record(session, services.clock, SYSTEM, "note_added", candidate_id=changed)
        trail.record(session, services.clock, SYSTEM, "candidate_viewed", candidate_id=changed)
    return ids


def test_both_paths_show_the_same_in_every_state(
    services: Services, plain: QuickShowService, clock: ManualClock
) -> None:
    ids = every_state(services)
    clock.advance(seconds=1)
    for id_number in ids:
        full = services.candidates.show(CLERK, id_number)
        quick = plain.show(CLERK, id_number.lower())
        assert quick == full, id_number
        assert as_json(quick) == as_json(full), id_number
    shown = {id_number: plain.show(CLERK, id_number) for id_number in ids}
    # what the states are: the rules both paths share, seen from outside
    assert shown["A100002"].entries == ()
    assert [e.result is None for e in shown["A100003"].entries] == [True, True, False]
    assert shown["A100004"].entries[0].has_breakdown is False
    assert shown["A100005"].account.locked_until is not None
    assert shown["A100005"].account.secret_locked_until is not None
    assert shown["A100006"].account.locked_until is None
    assert shown["A100006"].account.failed_attempts == 0
    assert shown["A100006"].account.secret_locked_until is None
    assert [(x.number, x.active, x.has_secret, x.issued_by) for x in shown["A100008"].letters] == [
        (0, False, True, None),
        (1, False, True, "sup.lettered"),
        (2, True, False, "sup.lettered"),
    ]
    notices = [e.notice for e in shown["A100009"].entries]
    assert [n and (n.outcome, n.email_status) for n in notices] == [
        ("queued", "sent"),
        ("queued", "pending"),
        ("queued", "failed"),
        ("not_registered", None),
        ("untracked", None),
        None,
    ]
    assert shown["A100010"].account.registered is False
    assert shown["A100011"].version > 0
    assert shown["A100001"].version == 0


def test_a_result_appears_on_both_paths_at_its_release_moment(
    services: Services, plain: QuickShowService, clock: ManualClock
) -> None:
    make_candidate(services, "A200001", release_at=clock.now() + timedelta(minutes=5))
    for step in (timedelta(minutes=4, seconds=59), timedelta(seconds=1)):
        full = services.candidates.show(CLERK, "A200001")
        assert plain.show(CLERK, "A200001") == full
        assert full.entries[0].result is None
        clock.advance(seconds=step.total_seconds())
    assert plain.show(CLERK, "A200001").entries[0].result is not None
    assert services.candidates.show(CLERK, "A200001").entries[0].result is not None


def test_the_plain_look_is_audited_as_the_full_one(
    services: Services, plain: QuickShowService, clock: ManualClock
) -> None:
    candidate_id = make_candidate(services, "A300001")
    services.candidates.show(CLERK, "A300001")
    clock.advance(seconds=1)
    with as_request("0123456789abcdef0123456789abcdef"):
        plain.show(CLERK, "a300001")
    with services.db.read() as session:
        quick, full = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(2))
        for event in (full, quick):
            assert (event.actor, event.staff_id, event.action) == (
                "cli:clerk",
                None,
                "candidate_viewed",
            )
            assert (event.candidate_id, event.subject, event.reason) == (
                candidate_id,
                "A300001",
                None,
            )
            assert event.detail == "{}"
        assert quick.id == full.id + 1 and quick.prev_hash == full.row_hash
        assert quick.at == clock.now() and quick.request_id == "0123456789abcdef0123456789abcdef"
        assert full.request_id is None
    assert services.audit.verify().ok


def test_the_chain_verifies_with_plain_looks_between_the_desks_writes(
    services: Services, plain: QuickShowService, clock: ManualClock
) -> None:
    ids = every_state(services)
    staff = add_staff(services, "supervisor", "sup.chain")
    for turn, id_number in enumerate(ids):
        clock.advance(seconds=7, microseconds=turn)
        plain.show(CLERK, id_number)
        services.notes.add(staff, id_number, f"call {turn}")
        services.candidates.show(CLERK, id_number)
        plain.show(CLERK, id_number)
    report = services.audit.verify()
    assert report.ok, report
    with services.db.read() as session:
        looks = session.scalars(
            select(AuditEvent.id).where(AuditEvent.action == "candidate_viewed")
        ).all()
    assert len(looks) == 3 * len(ids) + 1  # and the one every_state wrote itself
