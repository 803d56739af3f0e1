"""The load benchmark's checks: the lockout rules replayed, and what the trail must hold."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, func, select

from bench.load_checks import Checks, check_run, replay
from bench.load_common import Tally
from desk_app.models import AccountEvent, AuditEvent, ResultsAccount
from desk_app.services.errors import Locked, Refused
from desk_app.settings import LockoutPolicy
from tests.support.accounts import ID, WRONG, AccountKit, register, verify
from tests.support.factories import add_staff, make_candidate


def failed(attempt: int) -> tuple[str, str]:
    return ("login_failed", json.dumps({"attempt": attempt}))


LOCKED = ("locked", None)
WHILE_LOCKED = ("locked_attempt", None)
UNLOCKED = ("unlocked", None)


def test_a_timeline_that_follows_the_rules_replays_without_a_problem() -> None:
    events = [failed(1), failed(2), failed(3), LOCKED, WHILE_LOCKED, UNLOCKED]
    events += [failed(1), failed(2), failed(3), LOCKED, WHILE_LOCKED]
    check = replay("SMR1", events, threshold=3)
    assert check.problems == []
    assert (check.wrong_passwords, check.locks, check.predicted_locks) == (6, 2, 2)
    assert (check.attempts_while_locked, check.unlocks) == (2, 1)


@pytest.mark.parametrize(
    ("events", "said"),
    [
        ([failed(1), failed(2), failed(3), WHILE_LOCKED], "was not followed by the lock"),
        ([failed(1), failed(2), LOCKED], "a lock the rules did not call for"),
        ([failed(1), failed(2), failed(3), LOCKED, failed(4)], "counted while locked"),
        ([failed(1), failed(3)], "counted as attempt 3, the rules say 2"),
        ([failed(1), WHILE_LOCKED], "refused as locked while not locked"),
        ([failed(1), UNLOCKED], "ended a lock that was not there"),
        ([failed(1), failed(2), failed(3)], "should have locked"),
        ([("login", None)], "a login succeeded"),
    ],
)
def test_a_timeline_against_the_rules_is_named(
    events: list[tuple[str, str | None]], said: str
) -> None:
    check = replay("SMR1", events, threshold=3)
    assert any(said in problem for problem in check.problems), check.problems


def _attempt(kit: AccountKit, tally: Tally) -> None:
    try:
        kit.accounts.login(ID, WRONG)
        code = "logged_in"
    except (Refused, Locked) as error:
        code = error.code
    answers = tally.answers.setdefault(ID, {})
    answers[code] = answers.get(code, 0) + 1


def test_a_real_run_checks_out_and_a_lost_lock_does_not(kit: AccountKit) -> None:
    candidate_id = make_candidate(kit.services)
    register(kit)
    supervisor = add_staff(kit.services, "supervisor")
    with kit.services.db.read() as session:
        account_id = session.scalar(
            select(ResultsAccount.id).where(ResultsAccount.candidate_id == candidate_id)
        )
        first_event = session.scalar(select(func.max(AccountEvent.id))) or 0
        first_audit = session.scalar(select(func.max(AuditEvent.id))) or 0
    assert account_id is not None
    tally = Tally()
    for _ in range(5):  # two wrong, the lock, two while locked
        _attempt(kit, tally)
    verify(kit, supervisor)
    kit.desk.unlock(supervisor, ID, reason="caller locked out")
    for _ in range(4):
        _attempt(kit, tally)
    with kit.services.db.read() as session:
        verification = session.scalar(
            select(AuditEvent.action).where(
                AuditEvent.id > first_audit, AuditEvent.action == "caller_verified"
            )
        )
    assert verification == "caller_verified"
    tally.audited += [(supervisor.id, "caller_verified", candidate_id)]
    tally.audited += [(supervisor.id, "account_unlocked", candidate_id)]
    hammered = [(account_id, candidate_id, ID)]

    def run() -> Checks:
        return check_run(
            kit.services.db, hammered, tally, first_event=first_event,
            first_audit=first_audit, policy=LockoutPolicy(),
        )  # fmt: skip

    assert tally.answers[ID] == {"wrong_password": 4, "account_locked": 5}
    checks = run()
    assert checks.problems == []
    assert checks.audited == checks.found == 4  # the verification, the unlock, two locks
    # a lock's timeline event lost: the replay and the clients' answers both say so
    with kit.services.db.write() as session:
        session.execute(
            delete(AccountEvent).where(
                AccountEvent.id
                == select(func.max(AccountEvent.id))
                .where(AccountEvent.kind == "locked")
                .scalar_subquery()
            )
        )
    problems = run().problems
    assert any("was not followed by the lock" in p for p in problems), problems
    assert any("the clients were told 'locked' 5 times" in p for p in problems), problems
    assert any("1 audit entries that no desk or client was told of" in p for p in problems)
