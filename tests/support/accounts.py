"""The account services over a test database, and small helpers the account tests share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar, cast

from sqlalchemy import Select, select

from desk_app.models import AccountEvent, OutboxMessage, ResultsAccount
from desk_app.services.accounts.lockouts import LockoutService
from desk_app.services.accounts.website import AccountService, Registration
from desk_app.services.actions.desk_actions import DeskActionService
from desk_app.services.actions.verification import VerificationService
from desk_app.services.actor import StaffIdentity
from desk_app.services.registry import Services
from tests.support.clock import ManualClock

T = TypeVar("T")

ID = "SMR123456"
SECRET = "4821"
PASSWORD = "Abcde123"
WRONG = "Wrong-pass-99"
EMAIL = "taiman.chan@example.com"


@dataclass(frozen=True)
class AccountKit:
    services: Services
    clock: ManualClock
    accounts: AccountService
    lockouts: LockoutService
    verification: VerificationService
    desk: DeskActionService


def account_kit(services: Services) -> AccountKit:
    s = services
    return AccountKit(
        services=s,
        clock=cast(ManualClock, s.clock),
        accounts=s.accounts,
        lockouts=s.lockouts,
        verification=s.verification,
        desk=s.desk_actions,
    )


def register(
    kit: AccountKit,
    id_number: str = ID,
    secret: str = SECRET,
    email: str = EMAIL,
    password: str = PASSWORD,
) -> Registration:
    return kit.accounts.register(
        id_number, secret, email, password, accept_terms=True, source="203.0.113.9"
    )


def account_row(kit: AccountKit, candidate_id: int) -> ResultsAccount:
    """The account row as it is now (detached, so the test can read it afterwards)."""
    with kit.services.db.read() as session:
        row = session.execute(
            select(ResultsAccount).where(ResultsAccount.candidate_id == candidate_id)
        ).scalar_one()
        session.expunge(row)
        return row


def event_kinds(kit: AccountKit, candidate_id: int) -> list[str]:
    with kit.services.db.read() as session:
        return list(
            session.scalars(
                select(AccountEvent.kind)
                .join(ResultsAccount, ResultsAccount.id == AccountEvent.account_id)
                .where(ResultsAccount.candidate_id == candidate_id)
                .order_by(AccountEvent.at, AccountEvent.id)
            )
        )


def outbox(kit: AccountKit) -> list[OutboxMessage]:
    with kit.services.db.read() as session:
        rows = list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        session.expunge_all()
        return rows


def verify(kit: AccountKit, staff: StaffIdentity, id_number: str = ID) -> None:
    """A passing verification for ``staff``: the caller's details, or a document at the counter."""
    if staff.role == "counter":
        kit.verification.record_document(staff, id_number, "HKID card")
        return
    result = kit.verification.verify_caller(
        staff, id_number, name="Chan Tai Man", date_of_birth="2001-05-17", phone="91234567"
    )
    assert result.passed


def fetch(kit: AccountKit, statement: Select[T]) -> list[T]:
    """The statement's scalars, readable after the unit of work ends."""
    with kit.services.db.read() as session:
        rows = list(session.scalars(statement))
        session.expunge_all()
        return rows
