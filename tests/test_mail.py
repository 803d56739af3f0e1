"""Delivering the outbox to real SMTP servers on loopback (aiosmtpd and a rude one)."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
from sqlalchemy import select

from desk_app.database import Database
from desk_app.models import AuditEvent, OutboxMessage
from desk_app.services.errors import BadInput, Refused
from desk_app.services.mail.claims import retry_delay
from desk_app.services.mail.outbox import queue_message
from desk_app.services.mail.sender import DeliveryReport, MailSender
from desk_app.services.registry import Services
from desk_app.settings import Settings, SmtpSettings
from tests.support.clock import ManualClock
from tests.support.factories import fast_settings, make_candidate
from tests.support.keyring_memory import MemoryKeyring
from tests.support.smtp_servers import Behaviour, ClosingServer, mail_server, unused_port

SENDER = "Results Desk <no-reply@results.example.org>"
SUBJECT_ZH = "登記成功 Registration successful"
BODY_ZH = "陳大文 您好：\n多謝閣下登記使用網上查閱成績服務。\nhttps://example.invalid/login\n"


def _settings(port: int, **smtp: object) -> Settings:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": port,
        "sender": SENDER,
        "timeout_seconds": 5.0,
        "max_attempts": 3,
        "backoff_seconds": 60,
    }
    values.update(smtp)
    return fast_settings(smtp=SmtpSettings(**values))  # type: ignore[arg-type]


def _sender(
    services: Services, port: int, *, db: Database | None = None, **smtp: object
) -> MailSender:
    return MailSender(db or services.db, _settings(port, **smtp), services.clock)


def _queue(
    services: Services,
    *,
    candidate_id: int | None = None,
    to_address: str = "taiman.chan@example.com",
    subject: str = SUBJECT_ZH,
    body: str = BODY_ZH,
) -> int:
    with services.db.write() as session:
        return queue_message(
            session,
            services.clock,
            kind="registered",
            candidate_id=candidate_id,
            to_address=to_address,
            language="zh_HK",
            subject=subject,
            body=body,
        )


def _row(services: Services, outbox_id: int) -> OutboxMessage:
    with services.db.read() as session:
        row = session.get(OutboxMessage, outbox_id)
        assert row is not None
        session.expunge(row)
    return row


def _audited(services: Services, action: str) -> list[AuditEvent]:
    with services.db.read() as session:
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))
        session.expunge_all()
    return events


def test_a_message_is_delivered_once_with_its_headers_and_chinese_text(
    services: Services, clock: ManualClock
) -> None:
    candidate = make_candidate(services)
    outbox_id = _queue(services, candidate_id=candidate)
    queued = _row(services, outbox_id)
    clock.advance(minutes=2)
    with mail_server() as server:
        report = _sender(services, server.port).send_pending()
        again = _sender(services, server.port).send_pending()
    assert report == DeliveryReport(sent=1, failed=0, retried=0, remaining=0)
    assert again == DeliveryReport()
    [received] = server.received
    assert received.mail_from == "no-reply@results.example.org"
    assert received.rcpt_tos == ("taiman.chan@example.com",)
    message = received.message
    assert message["From"] == SENDER
    assert message["To"] == "taiman.chan@example.com"
    assert message["Subject"] == SUBJECT_ZH
    assert message["Message-ID"] == queued.message_id
    assert parsedate_to_datetime(message["Date"]) == queued.created_at.replace(microsecond=0)
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content() == BODY_ZH
    # on the wire the headers are ASCII (RFC 2047), the body is UTF-8
    assert received.raw.isascii()
    assert b"=?utf-8?" in received.raw
    sent = _row(services, outbox_id)
    assert (sent.status, sent.attempts, sent.sent_at) == ("sent", 1, clock.now())
    assert sent.claimed_until is None and sent.last_error is None
    assert sent.body == queued.body  # only a reset email's body is made at delivery
    [event] = _audited(services, "mail_sent")
    assert event.actor == "system" and event.candidate_id == candidate
    assert event.subject == f"outbox:{outbox_id}"
    assert BODY_ZH not in event.detail and "example.invalid" not in event.detail
    assert services.audit.verify().ok


def test_a_temporary_refusal_backs_off_then_fails_after_max_attempts(
    services: Services, clock: ManualClock
) -> None:
    outbox_id = _queue(services)
    with mail_server(Behaviour(rcpt_reply="451 4.3.0 Try again later")) as server:
        sender = _sender(services, server.port)
        first = sender.send_pending()
        assert first == DeliveryReport(sent=0, failed=0, retried=1, remaining=1)
        row = _row(services, outbox_id)
        assert (row.status, row.attempts) == ("pending", 1)
        assert row.next_attempt_at == clock.now() + timedelta(seconds=60)
        assert row.last_error is not None and "451" in row.last_error

        # not due yet: nothing is tried
        clock.advance(seconds=59)
        assert sender.send_pending() == DeliveryReport(remaining=1)
        assert server.rcpt_calls == 1

        clock.advance(seconds=1)
        assert sender.send_pending().retried == 1
        row = _row(services, outbox_id)
        assert row.attempts == 2
        assert row.next_attempt_at == clock.now() + timedelta(seconds=120)

        clock.advance(seconds=120)
        last = sender.send_pending()
    assert last == DeliveryReport(sent=0, failed=1, retried=0, remaining=0)
    assert server.rcpt_calls == 3
    assert server.received == []
    row = _row(services, outbox_id)
    assert (row.status, row.attempts) == ("failed", 3)
    [event] = _audited(services, "mail_failed")
    assert "451" in event.detail


@pytest.mark.parametrize(
    "behaviour",
    [
        Behaviour(rcpt_reply="550 5.1.1 No such user here"),
        Behaviour(data_reply="554 5.6.0 Message rejected"),
    ],
    ids=["rcpt-550", "data-554"],
)
def test_a_permanent_refusal_fails_at_once(
    services: Services, clock: ManualClock, behaviour: Behaviour
) -> None:
    outbox_id = _queue(services)
    with mail_server(behaviour) as server:
        report = _sender(services, server.port).send_pending()
        clock.advance(hours=5)
        later = _sender(services, server.port).send_pending()
    assert report == DeliveryReport(sent=0, failed=1, retried=0, remaining=0)
    assert later == DeliveryReport()
    row = _row(services, outbox_id)
    assert (row.status, row.attempts) == ("failed", 1)
    assert row.last_error is not None and ("550" in row.last_error or "554" in row.last_error)
    assert len(_audited(services, "mail_failed")) == 1


def test_a_dropped_connection_keeps_the_message_and_a_later_run_delivers_it_once(
    services: Services, clock: ManualClock
) -> None:
    outbox_id = _queue(services)
    with ClosingServer() as rude:
        report = _sender(services, rude.port).send_pending()
    assert rude.connections == 1
    assert report.unreachable and report.retried == 1 and report.remaining == 1
    assert "connection" in report.problem
    row = _row(services, outbox_id)
    assert (row.status, row.attempts) == ("pending", 1)
    assert row.last_error is not None and "connection" in row.last_error

    with mail_server() as server:
        assert _sender(services, server.port).send_pending() == DeliveryReport(remaining=1)
        clock.advance(seconds=60)
        assert _sender(services, server.port).send_pending().sent == 1
        clock.advance(hours=1)
        assert _sender(services, server.port).send_pending() == DeliveryReport()
    assert len(server.received) == 1
    assert _row(services, outbox_id).status == "sent"


def test_a_connection_dropped_after_data_is_retried_with_the_same_message_id(
    services: Services, clock: ManualClock
) -> None:
    """The ambiguous case: the server took the message but its reply never came."""
    outbox_id = _queue(services)
    behaviour = Behaviour(drop_after_data=True)
    with mail_server(behaviour) as server:
        first = _sender(services, server.port).send_pending()
        behaviour.drop_after_data = False
        clock.advance(seconds=60)
        second = _sender(services, server.port).send_pending()
    assert first.retried == 1 and second.sent == 1
    ids = [received.message["Message-ID"] for received in server.received]
    assert ids == [_row(services, outbox_id).message_id] * 2


def test_an_unreachable_server_stops_the_run_and_counts_one_attempt(services: Services) -> None:
    ids = [_queue(services) for _ in range(3)]
    report = _sender(services, unused_port()).send_pending()
    assert report.unreachable
    assert (report.sent, report.failed, report.retried, report.remaining) == (0, 0, 1, 3)
    rows = [_row(services, outbox_id) for outbox_id in ids]
    assert [row.status for row in rows] == ["pending"] * 3
    assert sorted(row.attempts for row in rows) == [0, 0, 1]
    # the messages not tried are still due now, with no claim left on them
    assert all(row.claimed_until is None for row in rows)


def test_senders_running_at_once_never_deliver_a_message_twice(
    services: Services, database_url: str
) -> None:
    total, senders = 100, 4
    for number in range(total):
        _queue(services, to_address=f"candidate{number}@example.com")
    reports: list[DeliveryReport] = []
    errors: list[BaseException] = []
    start = threading.Barrier(senders)

    with mail_server() as server:

        def run() -> None:
            db = Database(database_url)  # as a second process would
            try:
                start.wait()
                reports.append(_sender(services, server.port, db=db).send_pending())
            except BaseException as error:  # reported below
                errors.append(error)
            finally:
                db.dispose()

        threads = [threading.Thread(target=run) for _ in range(senders)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert sum(report.sent for report in reports) == total
    assert sum(report.sent > 0 for report in reports) >= 2, reports  # they did overlap
    counts = Counter(received.message["Message-ID"] for received in server.received)
    assert len(counts) == total
    assert set(counts.values()) == {1}
    with services.db.read() as session:
        statuses = set(session.scalars(select(OutboxMessage.status)))
    assert statuses == {"sent"}


def test_a_claim_left_by_a_stopped_sender_is_taken_again_when_it_runs_out(
    services: Services, clock: ManualClock
) -> None:
    outbox_id = _queue(services)
    with services.db.write() as session:  # a sender claimed it, then died
        row = session.get(OutboxMessage, outbox_id)
        assert row is not None
        row.status, row.attempts = "sending", 1
        row.claimed_until = clock.now() + timedelta(minutes=5)
    with mail_server() as server:
        clock.advance(minutes=4)
        assert _sender(services, server.port).send_pending() == DeliveryReport(remaining=1)
        clock.advance(minutes=1)
        assert _sender(services, server.port).send_pending().sent == 1
    assert len(server.received) == 1
    row = _row(services, outbox_id)
    assert (row.status, row.attempts) == ("sent", 2)


def test_a_stopped_sender_on_the_last_attempt_leaves_the_message_failed(
    services: Services, clock: ManualClock
) -> None:
    outbox_id = _queue(services)
    with services.db.write() as session:
        row = session.get(OutboxMessage, outbox_id)
        assert row is not None
        row.status, row.attempts = "sending", 3
        row.claimed_until = clock.now() + timedelta(minutes=5)
    clock.advance(minutes=5)
    with mail_server() as server:
        report = _sender(services, server.port).send_pending()
    assert report == DeliveryReport(failed=1)
    assert server.received == []
    assert _row(services, outbox_id).status == "failed"


def test_limit_delivers_the_oldest_first(services: Services, clock: ManualClock) -> None:
    ids = []
    for number in range(5):
        ids.append(_queue(services, to_address=f"c{number}@example.com"))
        clock.advance(seconds=1)
    with mail_server() as server:
        report = _sender(services, server.port).send_pending(limit=2)
    assert report == DeliveryReport(sent=2, remaining=3)
    assert [r.rcpt_tos for r in server.received] == [("c0@example.com",), ("c1@example.com",)]
    with pytest.raises(BadInput):
        _sender(services, server.port).send_pending(limit=-1)


def test_the_login_uses_the_password_from_the_keyring(
    services: Services, memory_keyring: MemoryKeyring
) -> None:
    _queue(services)
    memory_keyring.set_password("desk-app-smtp", "desk-mailer", "s3cret-Pass")
    with mail_server(Behaviour(login=("desk-mailer", "s3cret-Pass"))) as server:
        report = _sender(services, server.port, username="desk-mailer").send_pending()
    assert report.sent == 1
    assert server.behaviour.logins == ["desk-mailer"]


def test_a_refused_login_keeps_the_message_and_no_password_is_recorded(
    services: Services,
) -> None:
    outbox_id = _queue(services)
    with mail_server(Behaviour(login=("desk-mailer", "s3cret-Pass"))) as server:
        sender = MailSender(
            services.db,
            _settings(server.port, username="desk-mailer"),
            services.clock,
            password_lookup=lambda: "wrong-Pass-42",
        )
        report = sender.send_pending()
    assert report.unreachable and report.retried == 1 and report.sent == 0
    row = _row(services, outbox_id)
    assert row.status == "pending"
    assert row.last_error is not None and "535" in row.last_error
    assert "wrong-Pass-42" not in row.last_error and "wrong-Pass-42" not in report.problem
    assert server.received == []


def test_no_stored_password_is_refused_before_anything_changes(services: Services) -> None:
    outbox_id = _queue(services)
    with pytest.raises(Refused) as refused:
        _sender(services, unused_port(), username="desk-mailer").send_pending()
    assert refused.value.code == "smtp_password_missing"
    row = _row(services, outbox_id)
    assert (row.status, row.attempts) == ("pending", 0)


def test_an_unknown_security_mode_is_bad_input(services: Services) -> None:
    _queue(services)
    with pytest.raises(BadInput):
        _sender(services, unused_port(), security="tls-please").send_pending()


def test_the_back_off_doubles_and_is_capped() -> None:
    smtp = SmtpSettings(backoff_seconds=60)
    delays = [retry_delay(smtp, attempts).total_seconds() for attempts in range(1, 9)]
    assert delays == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert retry_delay(replace(smtp, backoff_seconds=7200), 3) == timedelta(seconds=7200)
