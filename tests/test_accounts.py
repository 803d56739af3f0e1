"""Registering, logging in and the three-strike lock, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desk_app.models import AccountEvent, AuditEvent, OutboxMessage
from desk_app.services.accounts.website import AccountService
from desk_app.services.errors import BadInput, DeskError, Locked, Refused
from desk_app.services.hashing import Hasher
from desk_app.settings import LockoutPolicy
from tests.support.accounts import (
    EMAIL,
    ID,
    PASSWORD,
    SECRET,
    WRONG,
    AccountKit,
    account_kit,
    account_row,
    event_kinds,
    fetch,
    outbox,
    register,
)
from tests.support.clock import ManualClock
from tests.support.factories import fast_settings, make_candidate, make_services


@pytest.fixture
def registered(kit: AccountKit) -> int:
    candidate_id = make_candidate(kit.services)
    register(kit)
    return candidate_id


class CountingHasher(Hasher):
    """The real hasher, counting how often a password is checked."""

    verified = 0

    def verify(self, stored: str | None, secret: str) -> bool:
        self.verified += 1
        return super().verify(stored, secret)


# -- registering ----------------------------------------------------------------------------


def test_registration_records_everything_and_queues_the_email(kit: AccountKit) -> None:
    candidate_id = make_candidate(kit.services)
    done = kit.accounts.register(
        " smr 123456 ", SECRET, EMAIL, PASSWORD, PASSWORD,
        accept_terms=True, updates_opt_in=True, source="203.0.113.9",
    )  # fmt: skip
    assert (done.id_number, done.email, done.updates_opt_in) == (ID, EMAIL, True)
    account = account_row(kit, candidate_id)
    assert account.registered_at == kit.clock.now() == account.terms_accepted_at
    assert account.updates_opt_in is True and account.email == EMAIL
    assert account.password_hash and PASSWORD not in account.password_hash
    assert event_kinds(kit, candidate_id) == ["registered"]
    (message,) = outbox(kit)
    assert (message.kind, message.to_address, message.language) == ("registered", EMAIL, "en")
    assert message.subject == "Registration successful"
    assert "Thank you for registering" in message.body and "多謝閣下登記" in message.body
    assert PASSWORD not in message.body
    (entry,) = fetch(kit, select(AuditEvent).where(AuditEvent.action != "staff_added"))
    assert entry.action == "account_registered" and entry.actor == "website"
    assert PASSWORD not in entry.detail and SECRET not in entry.detail
    assert kit.services.audit.verify().ok


def test_already_registered_is_refused_after_the_secret_is_checked(
    kit: AccountKit, registered: int
) -> None:
    with pytest.raises(Refused) as refused:
        register(kit, email="other@example.com")
    assert refused.value.code == "already_registered"
    assert account_row(kit, registered).email == EMAIL
    with pytest.raises(Refused) as wrong:
        register(kit, secret="1111")
    assert wrong.value.code == "wrong_secret"


@pytest.mark.parametrize(
    ("password", "confirm", "accept", "error", "code"),
    [
        ("abcdefgh", None, True, Refused, "password_rule"),  # no digits
        ("abcdef1x", None, True, Refused, "password_rule"),  # one digit
        ("abcde12", None, True, Refused, "password_rule"),  # 7 characters
        ("12345678", None, True, Refused, "password_rule"),  # no letter
        ("Abcde123", "Abcde124", True, BadInput, "passwords_differ"),
        ("Abcde123", None, False, Refused, "terms_not_accepted"),
        ("Abc\x00de123", None, True, BadInput, "invalid_text"),
        ("", None, True, BadInput, "required"),
    ],
)
def test_registration_refuses_bad_passwords_and_changes_nothing(
    kit: AccountKit,
    password: str,
    confirm: str | None,
    accept: bool,
    error: type[DeskError],
    code: str,
) -> None:
    candidate_id = make_candidate(kit.services)
    with pytest.raises(error) as raised:
        kit.accounts.register(ID, SECRET, EMAIL, password, confirm, accept_terms=accept)
    assert raised.value.code == code
    assert account_row(kit, candidate_id).registered_at is None
    assert event_kinds(kit, candidate_id) == [] and outbox(kit) == []


def test_symbols_and_spaces_are_allowed_in_a_password(kit: AccountKit) -> None:
    make_candidate(kit.services)
    register(kit, password="pass word! 42")
    assert kit.accounts.login(ID, "pass word! 42").id_number == ID


@pytest.mark.parametrize(
    ("id_number", "secret", "email", "code"),
    [
        ("not an id", SECRET, EMAIL, "invalid_id_number"),
        (ID, "48a1", EMAIL, "invalid_secret"),
        (ID, "12", EMAIL, "invalid_secret"),
        (ID, SECRET, "no-at-sign", "invalid_email"),
    ],
)
def test_registration_refuses_bad_input(
    kit: AccountKit, id_number: str, secret: str, email: str, code: str
) -> None:
    candidate_id = make_candidate(kit.services)
    with pytest.raises(BadInput) as raised:
        kit.accounts.register(id_number, secret, email, PASSWORD, accept_terms=True)
    assert raised.value.code == code
    assert account_row(kit, candidate_id).secret_failures == 0


def test_an_unknown_id_number_answers_wrong_secret(kit: AccountKit) -> None:
    make_candidate(kit.services)
    with pytest.raises(Refused) as refused:
        register(kit, id_number="XYZ999999")
    assert refused.value.code == "wrong_secret"


def test_wrong_secrets_are_counted_and_locked(kit: AccountKit) -> None:
    candidate_id = make_candidate(kit.services)
    for _ in range(2):
        with pytest.raises(Refused) as refused:
            register(kit, secret="1234")
        assert refused.value.code == "wrong_secret"
    with pytest.raises(Locked) as locked:
        register(kit, secret="1234")
    assert locked.value.code == "secret_locked"
    account = account_row(kit, candidate_id)
    assert account.secret_locked_until == kit.clock.now() + timedelta(minutes=30)
    # while locked even the right secret is refused, without being checked
    kit.clock.advance(minutes=29, seconds=59)
    with pytest.raises(Locked):
        register(kit)
    assert account_row(kit, candidate_id).registered_at is None
    kit.clock.advance(seconds=1)
    register(kit)
    kinds = event_kinds(kit, candidate_id)
    assert kinds == [
        "secret_failed", "secret_failed", "secret_failed", "secret_locked",
        "locked_attempt", "secret_lock_expired", "registered",
    ]  # fmt: skip


def test_a_right_secret_resets_the_secret_count(kit: AccountKit) -> None:
    candidate_id = make_candidate(kit.services)
    for _ in range(2):
        with pytest.raises(Refused):
            register(kit, secret="1234")
    register(kit)
    assert account_row(kit, candidate_id).secret_failures == 0


# -- logging in: the policy's boundaries -------------------------------------------------------


def _fail(kit: AccountKit, times: int, error: type[DeskError] = Refused) -> None:
    for _ in range(times):
        with pytest.raises(error):
            kit.accounts.login(ID, WRONG, source="198.51.100.7")


def test_two_failures_then_a_success_resets_the_count(kit: AccountKit, registered: int) -> None:
    _fail(kit, 2)
    assert account_row(kit, registered).failed_attempts == 2
    result = kit.accounts.login(ID, PASSWORD, source="198.51.100.7")
    assert result.must_change_password is False
    account = account_row(kit, registered)
    assert account.failed_attempts == 0 and account.locked_until is None
    assert account.last_login_at == kit.clock.now()
    # two more failures do not lock: the count started again
    _fail(kit, 2)
    assert account_row(kit, registered).locked_until is None


def test_the_third_failure_locks_for_thirty_minutes(kit: AccountKit, registered: int) -> None:
    _fail(kit, 2)
    with pytest.raises(Locked) as locked:
        kit.accounts.login(ID, WRONG, source="198.51.100.7")
    assert locked.value.code == "account_locked"
    assert locked.value.status == 3
    account = account_row(kit, registered)
    locked_at = kit.clock.now()
    assert account.failed_attempts == 3
    assert account.locked_until == locked_at + timedelta(minutes=30)
    assert account.lock_source == "198.51.100.7"
    with kit.services.db.read() as session:
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions[-1] == "account_locked"


def test_while_locked_no_password_is_checked_and_the_lock_is_not_extended(
    kit: AccountKit, registered: int
) -> None:
    _fail(kit, 3 - 1)
    _fail(kit, 1, Locked)
    until = account_row(kit, registered).locked_until
    s = kit.services
    hasher = CountingHasher(s.settings.hashing)
    accounts = AccountService(s.db, s.settings, s.clock, hasher)
    kit.clock.advance(minutes=10)
    with pytest.raises(Locked):
        accounts.login(ID, PASSWORD, source="198.51.100.7")
    assert hasher.verified == 0
    account = account_row(kit, registered)
    assert account.locked_until == until and account.failed_attempts == 3
    assert event_kinds(kit, registered)[-1] == "locked_attempt"


def test_attempts_while_locked_extend_the_lock_when_the_setting_says_so(
    database_url: str,
) -> None:
    clock = ManualClock()
    settings = fast_settings(lockout=LockoutPolicy(extend_on_attempt=True))
    services = make_services(database_url, clock, settings)
    try:
        kit = account_kit(services)
        candidate_id = make_candidate(services)
        register(kit)
        _fail(kit, 2)
        _fail(kit, 1, Locked)
        clock.advance(minutes=20)
        _fail(kit, 1, Locked)
        assert account_row(kit, candidate_id).locked_until == clock.now() + timedelta(minutes=30)
        clock.advance(minutes=29)
        with pytest.raises(Locked):
            kit.accounts.login(ID, PASSWORD)
    finally:
        services.db.dispose()


def test_the_lock_ends_at_exactly_thirty_minutes(kit: AccountKit, registered: int) -> None:
    _fail(kit, 2)
    _fail(kit, 1, Locked)
    locked_at = kit.clock.now()
    kit.clock.set(locked_at + timedelta(minutes=30) - timedelta(microseconds=1))
    with pytest.raises(Locked):
        kit.accounts.login(ID, PASSWORD)
    kit.clock.set(locked_at + timedelta(minutes=30))
    assert kit.accounts.login(ID, PASSWORD).id_number == ID
    account = account_row(kit, registered)
    assert account.failed_attempts == 0 and account.locked_until is None
    with kit.services.db.read() as session:
        expired = session.scalars(
            select(AccountEvent.at).where(AccountEvent.kind == "lock_expired")
        ).all()
    assert expired == [locked_at + timedelta(minutes=30)]
    assert event_kinds(kit, registered)[-2:] == ["lock_expired", "login"]


def test_a_wrong_password_after_expiry_starts_a_new_count(kit: AccountKit, registered: int) -> None:
    _fail(kit, 2)
    _fail(kit, 1, Locked)
    kit.clock.advance(minutes=45)
    _fail(kit, 1)
    account = account_row(kit, registered)
    assert account.failed_attempts == 1 and account.locked_until is None


def test_expired_locks_are_recorded_at_their_end_once(kit: AccountKit, registered: int) -> None:
    _fail(kit, 2)
    _fail(kit, 1, Locked)
    end = kit.clock.now() + timedelta(minutes=30)
    assert kit.accounts.record_expired_locks() == 0
    kit.clock.advance(hours=2)
    assert kit.accounts.record_expired_locks() == 1
    assert kit.accounts.record_expired_locks() == 0
    with kit.services.db.read() as session:
        rows = session.execute(
            select(AccountEvent.kind, AccountEvent.at).where(AccountEvent.kind == "lock_expired")
        ).all()
    assert rows == [("lock_expired", end)]


def test_an_unknown_id_number_is_refused_like_a_wrong_password(kit: AccountKit) -> None:
    make_candidate(kit.services)
    s = kit.services
    hasher = CountingHasher(s.settings.hashing)
    accounts = AccountService(s.db, s.settings, s.clock, hasher)
    with pytest.raises(Refused) as refused:
        accounts.login("XYZ999999", PASSWORD)
    assert refused.value.code == "wrong_password"
    assert hasher.verified == 1  # the decoy: as slow as a real check
    with s.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AccountEvent)) == 0


def test_an_unregistered_account_is_refused_like_a_wrong_password(kit: AccountKit) -> None:
    candidate_id = make_candidate(kit.services)
    for _ in range(4):
        with pytest.raises(Refused) as refused:
            kit.accounts.login(ID, PASSWORD)
        assert refused.value.code == "wrong_password"
    account = account_row(kit, candidate_id)
    assert account.failed_attempts == 0 and account.locked_until is None
    assert event_kinds(kit, candidate_id) == ["login_failed"] * 4


@pytest.mark.parametrize(
    ("id_number", "password", "source", "code"),
    [
        ("??", PASSWORD, None, "invalid_id_number"),
        (ID, "", None, "required"),
        (ID, PASSWORD, "x" * 65, "text_too_long"),
        (ID, PASSWORD, "bad\x07source", "invalid_text"),
    ],
)
def test_bad_login_input_changes_nothing(
    kit: AccountKit, registered: int, id_number: str, password: str, source: str | None, code: str
) -> None:
    with pytest.raises(BadInput) as raised:
        kit.accounts.login(id_number, password, source=source)
    assert raised.value.code == code
    assert event_kinds(kit, registered) == ["registered"]


def test_every_attempt_is_recorded_with_time_outcome_and_source(
    kit: AccountKit, registered: int
) -> None:
    kit.accounts.login(ID, PASSWORD, source="192.0.2.1")
    kit.clock.advance(seconds=5)
    _fail(kit, 1)
    with kit.services.db.read() as session:
        rows = session.execute(
            select(AccountEvent.kind, AccountEvent.at, AccountEvent.source)
            .where(AccountEvent.kind.in_(("login", "login_failed")))
            .order_by(AccountEvent.id)
        ).all()
    start = kit.clock.now() - timedelta(seconds=5)
    assert rows == [
        ("login", start, "192.0.2.1"),
        ("login_failed", start + timedelta(seconds=5), "198.51.100.7"),
    ]


# -- changing the password -------------------------------------------------------------------


def test_change_password_checks_the_old_one_like_a_login(kit: AccountKit, registered: int) -> None:
    with pytest.raises(Refused) as refused:
        kit.accounts.change_password(ID, WRONG, "Newpass456")
    assert refused.value.code == "wrong_password"
    assert account_row(kit, registered).failed_attempts == 1
    with pytest.raises(Refused) as reused:
        kit.accounts.change_password(ID, PASSWORD, PASSWORD)
    assert reused.value.code == "password_reused"
    with pytest.raises(Refused) as rule:
        kit.accounts.change_password(ID, PASSWORD, "short1")
    assert rule.value.code == "password_rule"
    kit.accounts.change_password(ID, PASSWORD, "Newpass456")
    assert account_row(kit, registered).failed_attempts == 0
    with pytest.raises(Refused):
        kit.accounts.login(ID, PASSWORD)
    assert kit.accounts.login(ID, "Newpass456").id_number == ID


# -- concurrency --------------------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_fifty_parallel_wrong_attempts_never_pass_the_threshold(
    kit: AccountKit, registered: int
) -> None:
    threads = 50
    barrier = threading.Barrier(threads)
    answers: list[str] = []
    lock = threading.Lock()

    def attempt(n: int) -> None:
        barrier.wait()
        try:
            kit.accounts.login(ID, f"{WRONG}{n}", source=f"10.0.0.{n}")
            outcome = "ok"
        except DeskError as error:
            outcome = error.code
        except Exception as error:  # reported in the tally, not swallowed
            outcome = f"crash: {error!r}"
        with lock:
            answers.append(outcome)

    workers = [threading.Thread(target=attempt, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    tally = Counter(answers)
    assert tally == {"wrong_password": 2, "account_locked": threads - 2}, tally
    account = account_row(kit, registered)
    assert account.failed_attempts == 3
    kinds = Counter(event_kinds(kit, registered))
    assert kinds["locked"] == 1
    assert kinds["login_failed"] == 3
    assert kinds["locked_attempt"] == threads - 3
    assert kit.services.audit.verify().ok


def test_the_email_goes_out_in_the_candidates_language(kit: AccountKit) -> None:
    from desk_app.models import Candidate

    candidate_id = make_candidate(kit.services)
    with kit.services.db.write() as session:
        candidate = session.get(Candidate, candidate_id)
        assert candidate is not None
        candidate.language = "zh_HK"
    register(kit)
    (message,) = fetch(kit, select(OutboxMessage))
    assert message.language == "zh_HK" and message.subject == "登記成功"
    assert message.body.index("多謝閣下登記") < message.body.index("Thank you for registering")


def test_settings_numbers_are_used(database_url: str) -> None:
    clock = ManualClock()
    policy = LockoutPolicy(threshold=5, lock_minutes=10)
    services = make_services(database_url, clock, fast_settings(lockout=policy))
    try:
        kit = account_kit(services)
        candidate_id = make_candidate(services)
        register(kit)
        _fail(kit, 4)
        _fail(kit, 1, Locked)
        account = account_row(kit, candidate_id)
        assert account.locked_until == clock.now() + timedelta(minutes=10)
        assert replace(policy).threshold == account.failed_attempts
    finally:
        services.db.dispose()
