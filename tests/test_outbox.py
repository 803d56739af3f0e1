"""Queuing emails in the outbox, inside the caller's unit of work."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from desk_app.models import OutboxMessage
from desk_app.services.errors import BadInput
from desk_app.services.mail.outbox import queue_message
from desk_app.services.registry import Services
from tests.support.factories import make_candidate


def _queue(services: Services, **changes: object) -> int:
    values: dict[str, object] = {
        "kind": "password_reset",
        "candidate_id": None,
        "to_address": "taiman.chan@example.com",
        "language": "en",
        "subject": "Reset your password",
        "body": "Open this link to choose a new password.",
    }
    values.update(changes)
    with services.db.write() as session:
        return queue_message(session, services.clock, **values)  # type: ignore[arg-type]


def _row(services: Services, outbox_id: int) -> OutboxMessage:
    """The row as stored, detached from its (closed) session."""
    with services.db.read() as session:
        row = session.get(OutboxMessage, outbox_id)
        assert row is not None
        session.expunge(row)
    return row


def _count(services: Services) -> int:
    with services.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxMessage)) or 0)


def test_a_queued_message_waits_with_its_own_message_id(services: Services) -> None:
    candidate = make_candidate(services)
    first = _queue(
        services,
        candidate_id=candidate,
        to_address="TaiMan.Chan@Example.COM",
        language="zh_HK",
        subject="重設密碼",
        body="請按以下連結重設密碼。\nhttps://example.invalid/reset",
    )
    second = _queue(services)
    row, other = _row(services, first), _row(services, second)
    assert row.status == "pending"
    assert row.attempts == 0
    assert row.next_attempt_at == services.clock.now()
    assert row.created_at == services.clock.now()
    assert row.candidate_id == candidate
    assert row.to_address == "TaiMan.Chan@example.com"
    assert row.language == "zh_HK"
    assert row.subject == "重設密碼"
    assert row.body == "請按以下連結重設密碼。\nhttps://example.invalid/reset"
    assert re.fullmatch(r"<[^<>@\s]+@results-desk\.invalid>", row.message_id)
    assert row.message_id != other.message_id


def test_the_row_is_written_in_the_callers_transaction(services: Services) -> None:
    with pytest.raises(RuntimeError), services.db.write() as session:
        queue_message(
            session,
            services.clock,
            kind="registered",
            candidate_id=None,
            to_address="taiman.chan@example.com",
            language="en",
            subject="Welcome",
            body="Your account is ready.",
        )
        raise RuntimeError("the action failed after queuing its email")
    assert _count(services) == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"subject": "Hello\r\nBcc: everyone@example.com"},
        {"subject": "Hello\nBcc: everyone@example.com"},
        {"to_address": "taiman.chan@example.com\r\nBcc: everyone@example.com"},
        {"to_address": "taiman.chan@example.com, everyone@example.com"},
        {"to_address": "not an address"},
        {"kind": "reset\r\nX-Injected: 1"},
        {"language": "fr"},
        {"body": "   "},
        {"subject": ""},
    ],
    ids=[
        "crlf-subject",
        "lf-subject",
        "crlf-address",
        "two-addresses",
        "not-an-address",
        "crlf-kind",
        "language",
        "empty-body",
        "empty-subject",
    ],
)
def test_bad_input_is_refused_and_nothing_is_queued(
    services: Services, changes: dict[str, object]
) -> None:
    with pytest.raises(BadInput):
        _queue(services, **changes)
    assert _count(services) == 0
