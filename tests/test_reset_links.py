"""Reset links are made when the email is delivered and never stored in clear.

Each test runs on SQLite and PostgreSQL, delivers to a real SMTP server on
loopback and reads the link from the email as the candidate would. "Not
stored" is checked by reading back every column of every table (and, on
SQLite, the bytes of the database file and its -wal and -shm files).
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url

from desk_app.models import AuditEvent, OutboxMessage, PasswordResetToken
from desk_app.services.errors import Refused
from desk_app.services.hashing import token_digest
from desk_app.services.mail.claims import OutboxClaims
from desk_app.services.mail.reset_links import WAITING_BODY
from tests.support.accounts import (
    EMAIL,
    ID,
    AccountKit,
    fetch,
    outbox,
    register,
    verify,
)
from tests.support.factories import add_staff, make_candidate
from tests.support.mail_delivery import RESET_LINK, deliver, reset_link_in
from tests.support.smtp_servers import Behaviour, Received

NEW_PASSWORD = "Brandnew77"


@pytest.fixture
def registered(kit: AccountKit) -> AccountKit:
    """A registered candidate and a verified operator's reset email, queued."""
    make_candidate(kit.services)
    register(kit)
    return kit


def _ask(kit: AccountKit) -> None:
    supervisor = add_staff(kit.services, "supervisor")
    verify(kit, supervisor)
    kit.desk.send_reset(supervisor, ID, reason="forgot the password")


def _stored_values(kit: AccountKit) -> list[str]:
    """Every value of every column of every table in the database, as text."""
    engine = kit.services.db.engine
    values: list[str] = []
    with engine.connect() as connection:
        virtual: set[str] = set()
        if connection.dialect.name == "sqlite":  # read through their shadow tables instead
            virtual = set(connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
            ).scalars())  # fmt: skip
        for table in inspect(connection).get_table_names():
            if table in virtual:
                continue
            quoted = connection.dialect.identifier_preparer.quote(table)
            for row in connection.exec_driver_sql(f"SELECT * FROM {quoted}"):
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        values.append(bytes(value).decode("latin-1"))
                    elif value is not None:
                        values.append(str(value))
    return values


def _database_file_bytes(kit: AccountKit) -> bytes:
    """The SQLite database file with its -wal and -shm files (b"" on PostgreSQL)."""
    url = make_url(str(kit.services.db.engine.url))
    if url.get_backend_name() != "sqlite" or not url.database:
        return b""
    path = Path(url.database)
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return b"".join(file.read_bytes() for file in files if file.exists())


def _assert_nowhere(kit: AccountKit, *secrets: str) -> None:
    values = _stored_values(kit)
    assert values, "the dump read nothing"
    raw = _database_file_bytes(kit)
    for secret in secrets:
        assert not [value for value in values if secret in value], secret
        assert secret.encode() not in raw


def _resets(received: list[Received]) -> list[Received]:
    return [r for r in received if RESET_LINK.search(r.message.get_content())]


def _live_links(kit: AccountKit) -> list[PasswordResetToken]:
    now = kit.clock.now()
    return [
        row
        for row in fetch(kit, select(PasswordResetToken))
        if row.token_hash is not None
        and row.used_at is None
        and row.revoked_at is None
        and row.expires_at is not None
        and row.expires_at > now
    ]


def _audited(kit: AccountKit, action: str) -> list[dict[str, object]]:
    rows = fetch(kit, select(AuditEvent.detail).where(AuditEvent.action == action))
    return [json.loads(detail) for detail in rows]


def test_the_link_is_in_no_table_before_or_after_delivery_and_works_once(
    registered: AccountKit,
) -> None:
    kit = registered
    _ask(kit)
    (queued,) = [m for m in outbox(kit) if m.kind == "password_reset"]
    assert queued.body == WAITING_BODY
    (request,) = fetch(kit, select(PasswordResetToken))
    assert request.token_hash is None and request.expires_at is None
    assert request.valid_minutes == 60 and request.outbox_message_id == queued.id
    _assert_nowhere(kit, "reset?token=")

    report, received = deliver(kit.services)
    assert report.sent == 2 and report.withdrawn == 0  # with the registration email
    (email,) = _resets(received)
    link, token = reset_link_in(email)
    assert link.startswith("https://results.example.org/reset?token=")
    assert email.rcpt_tos == (EMAIL,)
    assert email.message["Message-ID"] == queued.message_id
    _assert_nowhere(kit, token, link, "reset?token=")
    (made,) = fetch(kit, select(PasswordResetToken))
    assert made.token_hash == token_digest(token)
    sent = [m for m in outbox(kit) if m.kind == "password_reset"]
    assert [(m.status, m.body) for m in sent] == [("sent", WAITING_BODY)]

    assert kit.accounts.reset_with_token(token, NEW_PASSWORD).id_number == ID
    with pytest.raises(Refused) as again:
        kit.accounts.reset_with_token(token, "Another777")
    assert again.value.code == "token_invalid"
    _assert_nowhere(kit, token, link)


def test_a_retry_makes_a_new_link_and_the_first_one_stops_working(
    registered: AccountKit,
) -> None:
    """The server took the first email but dropped the connection before its
    reply: the sender retries; only the link in the second email works."""
    kit = registered
    deliver(kit.services)  # the registration email, out of the way
    _ask(kit)
    first_report, first = deliver(kit.services, Behaviour(drop_after_data=True))
    assert first_report.retried == 1
    _, first_token = reset_link_in(first[0])
    assert len(_live_links(kit)) == 1

    kit.clock.advance(seconds=60)
    second_report, second = deliver(kit.services)
    assert second_report.sent == 1
    _, second_token = reset_link_in(second[0])
    assert second_token != first_token
    assert first[0].message["Message-ID"] == second[0].message["Message-ID"]
    (live,) = _live_links(kit)
    assert live.token_hash == token_digest(second_token)
    _assert_nowhere(kit, first_token, second_token)

    with pytest.raises(Refused) as refused:
        kit.accounts.reset_with_token(first_token, NEW_PASSWORD)
    assert refused.value.code == "token_invalid"
    kit.accounts.reset_with_token(second_token, NEW_PASSWORD)


def test_the_link_expires_sixty_minutes_after_delivery_not_after_the_request(
    registered: AccountKit,
) -> None:
    kit = registered
    _ask(kit)
    kit.clock.advance(minutes=45)  # the mail server was down for a while
    delivered_at = kit.clock.now()
    token = reset_link_in(_resets(deliver(kit.services)[1])[0])[1]
    (made,) = fetch(kit, select(PasswordResetToken))
    assert made.expires_at == delivered_at + timedelta(minutes=60)
    (sent,) = [d for d in _audited(kit, "mail_sent") if d["kind"] == "password_reset"]
    assert sent["token"] == made.id
    assert sent["link_expires_at"] == (delivered_at + timedelta(minutes=60)).isoformat()

    kit.clock.set(delivered_at + timedelta(minutes=60))
    with pytest.raises(Refused) as expired:
        kit.accounts.reset_with_token(token, NEW_PASSWORD)
    assert expired.value.code == "token_invalid"
    kit.clock.set(delivered_at + timedelta(minutes=59, seconds=59))
    kit.accounts.reset_with_token(token, NEW_PASSWORD)


@pytest.mark.parametrize("then", ["newer_reset", "temporary_password", "change_email"])
def test_a_reset_email_revoked_before_delivery_is_withdrawn_not_sent(
    registered: AccountKit, then: str
) -> None:
    kit = registered
    _ask(kit)
    (older,) = [m.id for m in outbox(kit) if m.kind == "password_reset"]
    supervisor = add_staff(kit.services, "supervisor")
    verify(kit, supervisor)
    reason = "caller asked"
    if then == "newer_reset":
        kit.desk.send_reset(supervisor, ID, reason=reason)
    elif then == "temporary_password":
        kit.desk.temporary_password(supervisor, ID, reason=reason)
    else:
        kit.desk.change_email(supervisor, ID, "fresh@example.net", reason=reason)

    report, received = deliver(kit.services)
    assert report.withdrawn == 1 and report.failed == 0 and report.remaining == 0
    resets = _resets(received)
    assert len(resets) == (1 if then == "newer_reset" else 0)
    (row,) = [m for m in outbox(kit) if m.id == older]
    assert row.status == "withdrawn" and row.attempts == 0
    assert row.last_error is not None and "withdrawn" in row.last_error
    (withdrawn,) = _audited(kit, "mail_withdrawn")
    assert withdrawn["kind"] == "password_reset"
    assert len(_live_links(kit)) == len(resets)
    assert kit.services.audit.verify().ok


def test_a_reset_email_given_up_leaves_no_live_link(registered: AccountKit) -> None:
    kit = registered
    deliver(kit.services)
    _ask(kit)
    report, received = deliver(kit.services, Behaviour(rcpt_reply="550 5.1.1 No such user"))
    assert report.failed == 1 and received == []
    (row,) = fetch(kit, select(PasswordResetToken))
    assert row.revoked_at == kit.clock.now()
    assert _live_links(kit) == []
    (failed,) = _audited(kit, "mail_failed")
    assert failed["token"] == row.id and failed["link"] == "revoked"
    # nothing is left to send later
    kit.clock.advance(hours=2)
    assert deliver(kit.services)[0].sent == 0


def test_a_claim_shows_no_link_in_its_repr(registered: AccountKit) -> None:
    kit = registered
    deliver(kit.services)
    _ask(kit)
    settings = kit.services.settings
    claims = OutboxClaims(kit.services.db, kit.clock, settings.smtp, settings.office)
    (claim,) = claims.claim(10).claims
    assert "reset?token=" in claim.body
    assert "reset?token=" not in repr(claim)
    claims.release([claim])
    with kit.services.db.read() as session:
        status = session.scalar(select(OutboxMessage.status).where(OutboxMessage.id == claim.id))
    assert status == "pending"
