"""Migration 0003: a reset email queued by an older desk loses its clear link.

Before 0003 the outbox body held the link until delivery. The upgrade
revokes that token, replaces the body with a note and turns the message
into a request whose link the sender makes at delivery.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Integer, String, column, select, table, text

from desk_app import schema
from desk_app.database import make_engine
from desk_app.models import OutboxMessage, PasswordResetToken, ResultsAccount
from desk_app.models.base import UtcDateTime
from desk_app.services.errors import Refused
from desk_app.services.hashing import token_digest
from desk_app.services.mail.outbox import queue_message
from desk_app.services.mail.reset_links import WAITING_BODY
from desk_app.services.registry import Services
from tests.support.accounts import ID, account_kit, register
from tests.support.clock import ManualClock
from tests.support.factories import make_candidate, make_services
from tests.support.mail_delivery import deliver_reset

OLD_TOKEN = "legacy-token-waiting-in-the-outbox-0123456789abcdef"
OLD_LINK = f"https://candidates.cambridgeenglish.org/reset?token={OLD_TOKEN}"
GIVEN_UP_LINK = "https://candidates.cambridgeenglish.org/reset?token=legacy-given-up-0123"
#: the table as revision 0002 has it
_OLD_TOKEN_TABLE = table(
    "password_reset_token",
    column("account_id", Integer),
    column("token_hash", String),
    column("created_at", UtcDateTime()),
    column("expires_at", UtcDateTime()),
)


def _to(url: str, revision: str) -> None:
    engine = make_engine(url)
    try:
        current = schema.current_revision(engine)
    finally:
        engine.dispose()
    down = revision == "0002" and current not in (None, "0002")
    schema.migrate(url, revision, down=down)


@pytest.fixture
def old_desk(empty_database_url: str, clock: ManualClock) -> Iterator[Services]:
    """A database at revision 0002 with a registered candidate.

    The candidate is made through today's models at head, then the schema is
    taken down to 0002: later revisions add columns the models write.
    """
    _to(empty_database_url, "head")
    services = make_services(empty_database_url, clock)
    try:
        make_candidate(services)
        register(account_kit(services))
        services.db.dispose()
        _to(empty_database_url, "0002")
        yield services
    finally:
        services.db.dispose()


def _queue_old_style(services: Services, body: str) -> int:
    with services.db.write() as session:
        return queue_message(
            session,
            services.clock,
            kind="password_reset",
            candidate_id=1,
            to_address="taiman.chan@example.com",
            language="en",
            subject="Reset your password",
            body=body,
        )


def test_an_upgrade_takes_the_clear_link_out_of_a_waiting_reset_email(
    old_desk: Services, clock: ManualClock, empty_database_url: str
) -> None:
    services = old_desk
    now = clock.now()
    with services.db.write() as session:
        session.execute(
            _OLD_TOKEN_TABLE.insert().values(
                account_id=session.scalar(select(ResultsAccount.id)),
                token_hash=token_digest(OLD_TOKEN),
                created_at=now,
                expires_at=now + timedelta(minutes=30),
            )
        )
    given_up = _queue_old_style(services, f"Open this link:\n{GIVEN_UP_LINK}")
    with services.db.write() as session:
        row = session.get(OutboxMessage, given_up)
        assert row is not None
        row.status = "failed"  # given up by a stopped sender: it kept its link
    waiting = _queue_old_style(services, f"Open this link:\n{OLD_LINK}")

    _to(empty_database_url, "head")

    with services.db.read() as session:
        bodies = dict(session.execute(select(OutboxMessage.id, OutboxMessage.body)).all())
        tokens = list(session.scalars(select(PasswordResetToken).order_by(PasswordResetToken.id)))
        session.expunge_all()
    assert bodies[waiting] == WAITING_BODY
    assert "reset?token=" not in bodies[given_up]
    old, request = tokens
    assert old.revoked_at is not None and old.valid_minutes == 30
    assert request.outbox_message_id == waiting and request.token_hash is None
    assert request.revoked_at is None and request.valid_minutes == 30

    token = deliver_reset(services)
    kit = account_kit(services)
    with pytest.raises(Refused):
        kit.accounts.reset_with_token(OLD_TOKEN, "Brandnew77")
    assert kit.accounts.reset_with_token(token, "Brandnew77").id_number == ID

    # and back: the columns go, the rows that have a token stay
    _to(empty_database_url, "0002")
    with services.db.read() as session:
        left = session.execute(text("SELECT count(*) FROM password_reset_token")).scalar_one()
    assert left == 2
    _to(empty_database_url, "head")
