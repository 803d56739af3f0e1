"""Mail over TLS to a real server on loopback, with a throw-away certificate authority.

STARTTLS and implicit TLS ("ssl") deliver when the server's certificate
chains to ``[smtp] ca_file`` and names the host. A certificate from another
authority, one for another host, a server without STARTTLS, or one that does
not speak TLS at all, stops the run with its own error code: nothing is
sent (in clear or otherwise) and the message waits in the outbox for a retry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app.models import OutboxMessage
from desk_app.services.errors import BadInput
from desk_app.services.mail.outbox import queue_message
from desk_app.services.mail.sender import DeliveryReport, MailSender
from desk_app.services.registry import Services
from desk_app.settings import SmtpSettings
from tests.support.factories import fast_settings
from tests.support.keyring_memory import MemoryKeyring
from tests.support.smtp_servers import Behaviour, MailServer, mail_server
from tests.support.tls import Authority, make_authority

MODES = ["starttls", "ssl"]


@pytest.fixture
def authority(tmp_path: Path) -> Authority:
    return make_authority(tmp_path, "office-ca")


def _queue(services: Services) -> int:
    with services.db.write() as session:
        return queue_message(
            session,
            services.clock,
            kind="registered",
            candidate_id=None,
            to_address="taiman.chan@example.com",
            language="en",
            subject="Registration successful",
            body="Your results account is ready.",
        )


def _send(
    services: Services, server: MailServer, *, host: str = "127.0.0.1", **smtp: object
) -> DeliveryReport:
    values: dict[str, object] = {"host": host, "port": server.port, "timeout_seconds": 5.0}
    values.update(smtp)
    settings = fast_settings(smtp=SmtpSettings(**values))  # type: ignore[arg-type]
    return MailSender(services.db, settings, services.clock).send_pending()


def _row(services: Services, outbox_id: int) -> OutboxMessage:
    with services.db.read() as session:
        row = session.get(OutboxMessage, outbox_id)
        assert row is not None
        session.expunge(row)
    return row


def _assert_waits_for_a_retry(services: Services, outbox_id: int, server: MailServer) -> None:
    assert server.received == [] and server.rcpt_calls == 0
    row = _row(services, outbox_id)
    assert (row.status, row.attempts) == ("pending", 1)
    assert row.last_error


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_mail_goes_over_tls_to_a_server_the_ca_file_trusts(
    services: Services, authority: Authority, mode: str, host: str
) -> None:
    outbox_id = _queue(services)
    with mail_server(tls=authority.server(mode)) as server:
        report = _send(services, server, host=host, security=mode, ca_file=str(authority.ca_file))
    assert report == DeliveryReport(sent=1)
    [received] = server.received
    assert received.tls
    assert received.message["Message-ID"] == _row(services, outbox_id).message_id


@pytest.mark.parametrize("mode", MODES)
def test_a_certificate_from_another_authority_is_refused_and_nothing_is_sent(
    services: Services, authority: Authority, tmp_path: Path, mode: str
) -> None:
    stranger = make_authority(tmp_path, "someone-else")
    outbox_id = _queue(services)
    with mail_server(tls=stranger.server(mode)) as server:
        report = _send(services, server, security=mode, ca_file=str(authority.ca_file))
    assert report.unreachable and report.retried == 1 and report.remaining == 1
    assert report.problem_code == "smtp_certificate_untrusted"
    assert "certificate" in report.problem
    _assert_waits_for_a_retry(services, outbox_id, server)


@pytest.mark.parametrize("mode", MODES)
def test_without_a_ca_file_only_the_systems_authorities_are_trusted(
    services: Services, authority: Authority, mode: str
) -> None:
    outbox_id = _queue(services)
    with mail_server(tls=authority.server(mode)) as server:
        report = _send(services, server, security=mode)
    assert report.problem_code == "smtp_certificate_untrusted"
    _assert_waits_for_a_retry(services, outbox_id, server)


@pytest.mark.parametrize("mode", MODES)
def test_a_certificate_for_another_host_is_refused_and_nothing_is_sent(
    services: Services, authority: Authority, mode: str
) -> None:
    outbox_id = _queue(services)
    with mail_server(tls=authority.server(mode, "mail.office.example")) as server:
        report = _send(
            services, server, host="localhost", security=mode, ca_file=str(authority.ca_file)
        )
    assert report.unreachable
    assert report.problem_code == "smtp_certificate_wrong_host"
    assert "mismatch" in report.problem.lower()
    _assert_waits_for_a_retry(services, outbox_id, server)


def test_a_server_without_starttls_gets_nothing_in_clear(
    services: Services, authority: Authority
) -> None:
    outbox_id = _queue(services)
    with mail_server() as server:
        report = _send(services, server, security="starttls", ca_file=str(authority.ca_file))
    assert report.problem_code == "smtp_starttls_unsupported"
    _assert_waits_for_a_retry(services, outbox_id, server)


def test_implicit_tls_to_a_server_in_clear_fails_without_sending(
    services: Services, authority: Authority
) -> None:
    outbox_id = _queue(services)
    with mail_server() as server:
        report = _send(services, server, security="ssl", ca_file=str(authority.ca_file))
    assert report.problem_code == "smtp_tls_failed"
    _assert_waits_for_a_retry(services, outbox_id, server)


def test_the_login_goes_only_inside_tls(
    services: Services, authority: Authority, memory_keyring: MemoryKeyring
) -> None:
    """The STARTTLS server refuses AUTH before TLS: the login working shows it
    came after the handshake."""
    _queue(services)
    memory_keyring.set_password("desk-app-smtp", "desk-mailer", "s3cret-Pass")
    behaviour = Behaviour(login=("desk-mailer", "s3cret-Pass"))
    with mail_server(behaviour, tls=authority.server("starttls")) as server:
        report = _send(
            services,
            server,
            security="starttls",
            ca_file=str(authority.ca_file),
            username="desk-mailer",
        )
    assert report.sent == 1 and behaviour.logins == ["desk-mailer"]
    assert server.received[0].tls


@pytest.mark.parametrize("content", [None, "not a certificate\n"], ids=["missing", "not-pem"])
def test_an_unreadable_ca_file_is_bad_input_and_nothing_changes(
    services: Services, tmp_path: Path, content: str | None
) -> None:
    outbox_id = _queue(services)
    path = tmp_path / "office-ca.pem"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with mail_server() as server, pytest.raises(BadInput) as refused:
        _send(services, server, security="starttls", ca_file=str(path))
    assert refused.value.code == "smtp_ca_file_unreadable"
    row = _row(services, outbox_id)
    assert (row.status, row.attempts) == ("pending", 0)
