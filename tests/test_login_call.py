"""A login's step 3 as one call to PostgreSQL (``login_call.py``, revision 0013).

The function must write exactly what the Python path writes (the account,
its timeline, the audit entry with its hash, the notice), leave alone what
it does not decide, and be the desks' to call.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace
from functools import partial
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from bench.accounts_before import as_before
from desk_app import schema
from desk_app.models import AccountEvent, AuditEvent, ResultsAccount
from desk_app.models.audit import DESK_ROLE
from desk_app.services.accounts.locks import PASSWORD_LOCK
from desk_app.services.accounts.login_call import LoginCall
from desk_app.services.audit.chain import row_digest
from desk_app.services.errors import DeskError
from desk_app.services.live.kinds import CHANNEL, kind_of
from desk_app.services.live.notices import change_of, payload
from desk_app.services.requests import as_request
from tests.support.accounts import (
    ID,
    PASSWORD,
    WRONG,
    AccountKit,
    account_row,
    event_kinds,
    fetch,
    register,
)
from tests.support.factories import make_candidate

OTHER = "SMR654321"
#: what JSON escapes, and what it must leave as it is (ensure_ascii=False)
SOURCE = 'proxy "β" \\ 研究所/1'
FUNCTION = "desk_login_attempt"

# the function is PostgreSQL's: SQLite keeps the Python path (the account tests run it there)
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]


def _outcome(call: Callable[[], object]) -> tuple[str, dict[str, Any]]:
    try:
        call()
    except DeskError as error:
        return error.code, dict(error.params)
    return "ok", {}


def _written(kit: AccountKit, candidate_id: int) -> dict[str, Any]:
    """What the attempts wrote for one candidate, without its own ids and names."""
    account = account_row(kit, candidate_id)
    columns = ("failed_attempts", "last_failure_at", "locked_at", "locked_until", "lock_source")
    events = fetch(
        kit,
        select(AccountEvent)
        .where(AccountEvent.account_id == account.id, AccountEvent.kind != "registered")
        .order_by(AccountEvent.id),
    )
    entries = fetch(
        kit,
        select(AuditEvent)
        .where(AuditEvent.candidate_id == candidate_id, AuditEvent.action == "account_locked")
        .order_by(AuditEvent.id),
    )
    return {
        "account": [getattr(account, c) for c in (*columns, "last_login_at")],
        "events": [(e.at, e.kind, e.source, e.staff_id, e.reason, e.detail) for e in events],
        "audit": [
            (e.at, e.actor, e.staff_id, e.action, e.reason, e.detail, e.request_id) for e in entries
        ],
    }


def test_the_function_writes_what_the_python_path_writes(kit: AccountKit) -> None:
    ours = make_candidate(kit.services)
    theirs = make_candidate(kit.services, OTHER, email="other@example.com")
    register(kit)
    register(kit, OTHER, email="other@example.com")
    steps = [PASSWORD, WRONG, WRONG, "lock", PASSWORD, "expire", WRONG, PASSWORD]
    answers: dict[str, list[tuple[str, dict[str, Any]]]] = {ID: [], OTHER: []}
    for n, step in enumerate(steps):
        if step == "expire":
            kit.clock.advance(minutes=31)
            continue
        kit.clock.advance(seconds=1, microseconds=n * 1111)  # stamps with and without µs
        password = WRONG if step == "lock" else step
        for id_number in (ID, OTHER):
            with as_request(f"{n:032x}"), as_before() if id_number == OTHER else nullcontext():
                answers[id_number].append(
                    _outcome(partial(kit.accounts.login, id_number, password, source=SOURCE))
                )
    assert answers[ID] == answers[OTHER]
    assert [code for code, _ in answers[ID]] == [
        "ok", "wrong_password", "wrong_password", "account_locked", "account_locked",
        "wrong_password", "ok",
    ]  # fmt: skip
    ours_written, theirs_written = _written(kit, ours), _written(kit, theirs)
    assert ours_written == theirs_written
    kinds = [event[1] for event in ours_written["events"]]
    assert kinds == [
        "login", "login_failed", "login_failed", "login_failed", "locked", "locked_attempt",
        "lock_expired", "login_failed", "login",
    ]  # fmt: skip
    assert len(ours_written["audit"]) == 1
    assert kit.services.audit.verify().ok


def test_each_hash_the_function_writes_is_the_one_python_computes(
    kit: AccountKit,
) -> None:
    candidate_id = make_candidate(kit.services)
    register(kit)
    kit.clock.advance(microseconds=654321)
    for _ in range(3):
        _outcome(lambda: kit.accounts.login(ID, WRONG, source=SOURCE))
    (entry,) = fetch(
        kit, select(AuditEvent).where(AuditEvent.candidate_id == candidate_id).order_by(
            AuditEvent.id.desc()
        ).limit(1),
    )  # fmt: skip
    assert entry.action == "account_locked" and entry.subject == ID
    assert entry.row_hash == row_digest(
        id=entry.id, at=entry.at, actor=entry.actor, staff_id=entry.staff_id,
        action=entry.action, candidate_id=entry.candidate_id, subject=entry.subject,
        reason=entry.reason, detail=entry.detail, prev_hash=entry.prev_hash,
    )  # fmt: skip
    assert '"source":"proxy \\"β\\" \\\\ 研究所/1"' in entry.detail


def test_the_lock_is_announced_as_python_announces_it(kit: AccountKit) -> None:
    candidate_id = make_candidate(kit.services)
    register(kit)
    url = make_url(kit.services.db.engine.url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password,
        dbname=url.database, autocommit=True,
    ) as listening:  # fmt: skip
        listening.execute(f"LISTEN {CHANNEL}")
        for _ in range(3):
            _outcome(lambda: kit.accounts.login(ID, WRONG))
        heard = [n.payload for n in listening.notifies(timeout=5, stop_after=1)]
    (entry_id,) = fetch(kit, select(AuditEvent.id).where(AuditEvent.action == "account_locked"))
    kind = kind_of("account_locked")
    assert kind is not None
    assert heard == [payload(change_of(kind, [candidate_id], entry_id))]


def test_what_the_function_does_not_decide_it_leaves_to_python_writing_nothing(
    kit: AccountKit,
) -> None:
    candidate_id = make_candidate(kit.services)
    register(kit)
    call = LoginCall(kit.services.db, kit.services.settings, kit.clock)
    seen = kit.accounts._steps.look(ID, PASSWORD_LOCK)
    assert seen is not None
    before = _written(kit, candidate_id)
    stale = replace(seen, password_hash="$argon2id$an-older-hash")
    assert call.decide(stale, True, None) is None  # the hash changed since it was verified
    for _ in range(3):
        _outcome(lambda: kit.accounts.login(ID, WRONG))
    kit.clock.advance(minutes=31)
    locked = kit.accounts._steps.look(ID, PASSWORD_LOCK)
    assert locked is not None
    after_lock = _written(kit, candidate_id)
    assert after_lock != before
    # the lock ran out: settling it (its lock_expired event) is Python's
    assert call.refuse_while_locked(locked, None) is False
    assert call.decide(locked, False, None) is None
    assert _written(kit, candidate_id) == after_lock


def test_a_lock_gone_before_the_call_lets_the_password_be_checked(
    kit: AccountKit,
) -> None:
    candidate_id = make_candidate(kit.services)
    register(kit)
    for _ in range(3):
        _outcome(lambda: kit.accounts.login(ID, WRONG))
    seen = kit.accounts._steps.look(ID, PASSWORD_LOCK)
    assert seen is not None
    with kit.services.db.write() as session:  # a supervisor's unlock, a moment before
        account = session.get(ResultsAccount, seen.account_id)
        assert account is not None
        PASSWORD_LOCK.clear(account)
    call = LoginCall(kit.services.db, kit.services.settings, kit.clock)
    assert call.refuse_while_locked(seen, None) is True  # nothing recorded: it is not locked
    assert account_row(kit, candidate_id).failed_attempts == 0
    assert event_kinds(kit, candidate_id)[-1] == "locked"


def test_the_desks_role_may_execute_it_and_the_downgrade_drops_it(
    kit: AccountKit,
) -> None:
    db = kit.services.db
    url = db.engine.url.render_as_string(hide_password=False)

    def privileges() -> tuple[bool | None, str | None]:
        with db.engine.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT has_function_privilege(:role, p.oid, 'EXECUTE'),"
                    " array_to_string(p.proacl, ',') FROM pg_proc p WHERE p.proname = :name"
                ),
                {"role": DESK_ROLE, "name": FUNCTION},
            ).first()
        return (row[0], row[1]) if row else (None, None)

    may, acl = privileges()
    assert may is True
    assert acl is not None and not any(item.startswith("=") for item in acl.split(","))
    db.dispose()  # the downgrade's DROP FUNCTION waits for no one
    schema.migrate(url, "0012_name_pair_keys", down=True)
    assert privileges() == (None, None)
    schema.migrate(url, "head")
    assert privileges()[0] is True
