"""After a load run: are the locks exactly what the rules say, and is nothing lost?

Locks, for each hammered account: its timeline since the run began is
replayed, in the order the database wrote it (event ids; every attempt
holds the account row's lock while it writes, so that is the order the
attempts were decided in), through the lockout rules: a wrong password
counts only while unlocked, and the ``threshold``-th in a row locks (its
``locked`` event comes straight after it); an attempt while locked is
refused and counted as such; a desk's unlock ends the lock and the count.
The locks predicted this way must be the ``locked`` events, one for one;
and the website clients' own answers must agree with the timeline:
"wrong password" for every counted wrong password but the one that locked,
"locked" for that one and for every attempt while locked. Each lock has
its one audit entry; each of the desks' unlocks of the account is there.

Nothing lost: every audited success a desk was told of (staff, action,
candidate) is in the audit trail, and the trail holds nothing from the
desks that they were not told of.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from bench.load_common import Tally
from desk_app.database import Database
from desk_app.models import AccountEvent, AuditEvent
from desk_app.settings import LockoutPolicy

#: (staff id, audit action, candidate id); the website's entries have no staff id
Key = tuple[int | None, str, int | None]
#: timeline kinds the replay reads; the others (reset_sent, letter_reissued …) leave locks alone
LOCK_EVENTS = ("login_failed", "locked", "locked_attempt", "unlocked", "lock_expired", "login")


@dataclass
class AccountCheck:
    id_number: str
    wrong_passwords: int = 0
    locks: int = 0
    predicted_locks: int = 0
    attempts_while_locked: int = 0
    unlocks: int = 0
    problems: list[str] = field(default_factory=list)


def replay(id_number: str, events: list[tuple[str, str | None]], threshold: int) -> AccountCheck:
    """The rules applied to one account's timeline (kind, detail), in the order written."""
    check = AccountCheck(id_number)
    failures, locked, lock_due = 0, False, False
    for n, (kind, detail) in enumerate(events):
        where = f"{id_number}, event {n + 1} ({kind})"
        if lock_due and kind != "locked":
            check.problems.append(
                f"{where}: the wrong password that locks was not followed by the lock"
            )
        if kind == "login_failed":
            check.wrong_passwords += 1
            if locked:
                check.problems.append(f"{where}: a wrong password counted while locked")
            failures += 1
            attempt = json.loads(detail or "{}").get("attempt")
            if attempt != failures:
                check.problems.append(
                    f"{where}: counted as attempt {attempt}, the rules say {failures}"
                )
            if failures == threshold:
                check.predicted_locks += 1
        elif kind == "locked":
            check.locks += 1
            if not lock_due:
                check.problems.append(f"{where}: a lock the rules did not call for")
            locked = True
        elif kind == "locked_attempt":
            check.attempts_while_locked += 1
            if not locked:
                check.problems.append(f"{where}: refused as locked while not locked")
        elif kind in ("unlocked", "lock_expired"):
            check.unlocks += kind == "unlocked"
            if not locked:
                check.problems.append(f"{where}: ended a lock that was not there")
            failures, locked = 0, False
        elif kind == "login":
            check.problems.append(f"{where}: a login succeeded (every password tried was wrong)")
        lock_due = kind == "login_failed" and failures == threshold
    if lock_due:
        check.problems.append(f"{id_number}: the last wrong password should have locked")
    return check


@dataclass
class Checks:
    accounts: list[AccountCheck]
    #: audited successes the desks and the website were told of, and how many are in the trail
    audited: int
    found: int
    missing: Counter[Key]
    extra: Counter[Key]
    problems: list[str]


def check_run(
    db: Database,
    hammered: list[tuple[int, int, str]],
    total: Tally,
    *,
    first_event: int,
    first_audit: int,
    policy: LockoutPolicy,
) -> Checks:
    """``hammered``: (account id, candidate id, ID Number); ids after the run began."""
    problems: list[str] = []
    accounts: list[AccountCheck] = []
    told: Counter[Key] = Counter(total.audited)
    with db.read() as session:
        for account_id, candidate_id, id_number in hammered:
            events = list(
                session.execute(
                    select(AccountEvent.kind, AccountEvent.detail)
                    .where(
                        AccountEvent.account_id == account_id,
                        AccountEvent.id > first_event,
                        AccountEvent.kind.in_(LOCK_EVENTS),
                    )
                    .order_by(AccountEvent.id)
                )
            )
            check = replay(id_number, [(k, d) for k, d in events], policy.threshold)
            if check.locks != check.predicted_locks:
                check.problems.append(
                    f"{id_number}: {check.locks} locks, the rules say {check.predicted_locks}"
                )
            answers = total.answers.get(id_number, {})
            said_wrong = answers.get("wrong_password", 0)
            said_locked = answers.get("account_locked", 0)
            if said_wrong != check.wrong_passwords - check.locks:
                check.problems.append(
                    f"{id_number}: the clients were told 'wrong password' {said_wrong} times,"
                    f" the timeline counts {check.wrong_passwords - check.locks}"
                )
            if said_locked != check.locks + check.attempts_while_locked:
                check.problems.append(
                    f"{id_number}: the clients were told 'locked' {said_locked} times,"
                    f" the timeline counts {check.locks + check.attempts_while_locked}"
                )
            desk_unlocks = sum(
                n for (_, action, cid), n in told.items()
                if action == "account_unlocked" and cid == candidate_id
            )  # fmt: skip
            if desk_unlocks != check.unlocks:
                check.problems.append(
                    f"{id_number}: the desks unlocked it {desk_unlocks} times,"
                    f" the timeline says {check.unlocks}"
                )
            told[(None, "account_locked", candidate_id)] += check.locks
            accounts.append(check)
            problems += check.problems
        trail: Counter[Key] = Counter(
            (staff_id, action, candidate_id)
            for staff_id, action, candidate_id in session.execute(
                select(AuditEvent.staff_id, AuditEvent.action, AuditEvent.candidate_id).where(
                    AuditEvent.id > first_audit
                )
            )
        )
    told = +told  # drop zero counts
    missing, extra = told - trail, trail - told
    if missing:
        problems.append(f"{sum(missing.values())} audited successes are not in the audit trail")
    if extra:
        problems.append(f"{sum(extra.values())} audit entries that no desk or client was told of")
    audited = sum(told.values())
    return Checks(accounts, audited, audited - sum(missing.values()), missing, extra, problems)


def audit_verify(url: str) -> tuple[bool, str]:
    """``desk-app audit verify`` on the database, as an administrator would run it."""
    result = subprocess.run(
        [sys.executable, "-m", "desk_app", "audit", "verify", "--db", url],
        capture_output=True, text=True, timeout=1800, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    said = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode == 0, said[-1] if said else f"exit {result.returncode}"
