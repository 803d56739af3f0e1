"""Results released on their date: nothing shows before the moment; then one email.

The clock is moved across the release moment and every surface is asked
again: search, the candidate's detail, statements (one and batch), the
emails, and the release job itself.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from sqlalchemy import select, update

from desk_app.models import AuditEvent, OutboxMessage, ReleaseNotice
from desk_app.services.errors import Refused
from desk_app.services.registry import Services
from desk_app.services.release_dates import release_moment
from tests.support.accounts import AccountKit, register
from tests.support.factories import add_entry, add_staff, make_candidate

ID = "SMR123456"
RELEASE_DAY = date(2026, 11, 25)  # the clock starts on 21 November 2026
GRADE = "PASS WITH MERIT"


def moment(services: Services) -> datetime:
    return release_moment(RELEASE_DAY, services.settings.office.timezone)


def outbox(services: Services, kind: str | None = None) -> list[OutboxMessage]:
    with services.db.read() as session:
        query = select(OutboxMessage).order_by(OutboxMessage.id)
        if kind is not None:
            query = query.where(OutboxMessage.kind == kind)
        rows = list(session.scalars(query))
        session.expunge_all()
        return rows


def surfaces_show_a_result(services: Services) -> bool:
    """Ask every surface; they must agree. True: the result shows (everywhere)."""
    supervisor = add_staff(services, "supervisor")
    (entry,) = services.candidates.show(supervisor, ID).entries
    assert entry.release_at == moment(services)  # the date itself shows before and after
    found = services.search.search(supervisor, ID)
    assert GRADE not in repr(found) and "145" not in repr(found)  # search never shows results
    try:
        services.statements.print_statement(supervisor, ID, reason="check", override_reason="x")
        printed = True
    except Refused as refused:
        assert refused.code == "no_results"
        printed = False
    (outcome,) = services.statements.print_batch(supervisor, [ID], reason="check")
    batch_printed = outcome.statement is not None
    assert outcome.error_code in (None, "no_results")
    shown = entry.result is not None
    assert shown == printed == batch_printed, (shown, printed, batch_printed)
    # no email ever carries a result
    assert not any(GRADE in message.body for message in outbox(services))
    return shown


def test_a_future_result_shows_nowhere_until_its_moment_then_one_email(
    services: Services, kit: AccountKit
) -> None:
    candidate_id = make_candidate(services, release_at=moment(services))
    register(kit)  # registered before the release
    (welcome,) = outbox(services)
    assert "As soon as your results are available you will receive an email" in welcome.body
    assert services.release.next_release() == moment(services)
    assert services.release.run_due().entries == 0

    assert not surfaces_show_a_result(services)
    kit.clock.set(moment(services) - timedelta(seconds=1))
    assert not surfaces_show_a_result(services)
    assert services.release.run_due().entries == 0
    assert outbox(services, "results_available") == []

    kit.clock.set(moment(services))
    assert surfaces_show_a_result(services)
    report = services.release.run_due()
    assert (report.entries, report.emails, report.not_registered) == (1, 1, 0)
    assert report.next_release_at is None
    (mail,) = outbox(services, "results_available")
    assert mail.to_address == "taiman.chan@example.com" and mail.candidate_id == candidate_id
    assert "A2 Key for Schools (KET for Schools), July 2014, is now available" in mail.body
    assert "劍橋英語 KET（青少年版）（2014年7月）的考試成績現已公佈" in mail.body
    assert "https://candidates.cambridgeenglish.org" in mail.body
    assert "between 23 December 2026 and 20 January 2027" in mail.body  # 4–8 weeks
    assert GRADE not in mail.body and "145" not in mail.body

    # exactly once: later runs, and later days, add nothing
    kit.clock.advance(hours=3)
    assert services.release.run_due().entries == 0
    assert len(outbox(services, "results_available")) == 1
    detail = services.candidates.show(add_staff(services, "operator"), ID)
    notice = detail.entries[0].notice
    assert notice is not None and notice.outcome == "queued"
    assert notice.email_status == "pending" and notice.sent_at is None

    # once delivered, the desk shows when
    with services.db.write() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == mail.id)
            .values(status="sent", sent_at=kit.clock.now())
        )
    notice = services.candidates.show(add_staff(services, "operator"), ID).entries[0].notice
    assert notice is not None and notice.email_status == "sent"
    assert notice.sent_at == kit.clock.now()

    with services.db.read() as session:
        released = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "results_released")
        ).all()
    assert [json.loads(detail)["emails"] for detail in released] == [1]


def test_not_registered_at_release_means_no_email_now_or_later(
    services: Services, kit: AccountKit
) -> None:
    make_candidate(services, release_at=moment(services))
    kit.clock.set(moment(services) + timedelta(minutes=1))
    register(kit)  # a minute late: the job has not run yet, but the rule is the moment
    report = services.release.run_due()
    assert (report.entries, report.emails, report.not_registered) == (1, 0, 1)
    kit.clock.advance(days=1)
    assert services.release.run_due().entries == 0
    assert outbox(services, "results_available") == []
    (welcome,) = outbox(services)
    assert welcome.kind == "registered"  # and it says the results are there already
    assert "Results released before you registered are on the website now" in welcome.body
    assert "閣下登記前已公佈的成績現已可於網站查閱" in welcome.body
    notice = services.candidates.show(add_staff(services, "operator"), ID).entries[0].notice
    assert notice is not None and notice.outcome == "not_registered"
    assert notice.email_status is None


def test_a_release_found_long_after_its_moment_sends_nothing(
    services: Services, kit: AccountKit
) -> None:
    days = services.settings.desk.release_notice_days
    make_candidate(services, release_at=kit.clock.now() - timedelta(days=days, minutes=1))
    register(kit)
    assert services.release.run_due().entries == 0
    with services.db.read() as session:
        assert session.scalars(select(ReleaseNotice)).all() == []
    assert outbox(services, "results_available") == []


def test_two_exams_released_together_two_emails_each_naming_its_exam(
    services: Services, kit: AccountKit
) -> None:
    candidate_id = make_candidate(services, release_at=moment(services))
    add_entry(services, candidate_id, "DELTA1", release_at=moment(services))
    register(kit)
    kit.clock.set(moment(services) + timedelta(hours=2))
    report = services.release.run_due(batch_size=1)  # one entry a transaction
    assert (report.entries, report.emails, report.not_registered) == (2, 2, 0)
    first, second = outbox(services, "results_available")
    assert "A2 Key for Schools" in first.body and "Delta Module One" in second.body
    assert services.release.run_due().entries == 0


def test_demo_results_already_out_send_no_late_emails_and_the_next_ones_do(
    services: Services,
) -> None:
    from desk_app.demo.generate import make_demo

    report = make_demo(
        services.db, services.settings, services.clock, services.hasher, candidates=200, seed=3
    )
    assert report.unreleased > 0
    assert services.release.run_due().entries == 0  # the demo's released results: untracked
    upcoming = services.release.next_release()
    assert upcoming is not None and upcoming > services.clock.now()
    services.clock.set(upcoming)  # type: ignore[attr-defined]
    assert services.release.run_due().entries >= 1
