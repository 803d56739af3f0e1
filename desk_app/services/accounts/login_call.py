"""A website login's step 3 in one call to PostgreSQL (``desk_login_attempt``).

Why a function in the database. Step 3 of a login (``attempts.py``) locks
the account row, decides, and writes the account, its timeline and, for the
attempt that locks, the audit entry chained to the head and the notice to
the open desks. In Python that is a unit of work of six round trips (the
pool's pre-ping, BEGIN, the row locked, the head locked, the writes as one
statement, COMMIT), and the statements themselves were only a quarter of
its time: building and running them through the ORM was the rest (see the
profile in docs/PERFORMANCE.md). The function of revision
``0013_login_attempt_function`` does the same in one statement, in its own
transaction (the connection is in autocommit): the row lock, the decision,
every write, the head and ``pg_notify`` commit together or not at all, as
before, and two attempts on one account still queue on the row lock, so
counts stay exact.

What stays in Python, and why:

- the argon2 verify, outside any transaction (no lock is held while it
  runs); the function takes its outcome, and the hash it was checked
  against, and answers ``python`` (writing nothing) when the account's hash
  changed since, so that Python verifies again under its own lock;
- the moment (the service's clock, so tests and the desk agree on time),
  the lock's end, and their texts as Python writes them (``isoformat``,
  the hash's stamp), so that no date is formatted twice in two languages;
- everything the function does not decide: an account not registered, a
  lock that ran out and must be settled (its ``lock_expired`` event) —
  rare attempts, which take Python's path when the function answers
  ``python``, having written nothing.

The audit entry's hash is computed in the function exactly as
``audit/chain.py`` does (the tests compare the rows with Python's and
verify the chain): the entry's id and previous hash come from the head,
which only the function sees under its lock.

The pool's pre-ping stays: a connection found dead by it is replaced
before the call, as for every unit of work. Without it, a dead connection
would fail the call itself, and a failed call cannot be retried blindly
(it may have committed just before the connection died; a retry would
count a wrong password twice).

SQLite keeps Python's path (:func:`for_database` gives None): in process,
a statement costs microseconds, and it has no functions of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from desk_app.database import Database
from desk_app.services.accounts.attempts import Seen, until_text
from desk_app.services.accounts.locks import PASSWORD_LOCK, event_detail
from desk_app.services.actor import WEBSITE
from desk_app.services.audit.chain import stamp
from desk_app.services.clock import Clock
from desk_app.services.errors import Locked, Refused
from desk_app.services.live.kinds import CHANNEL, MANY, kind_of
from desk_app.services.requests import current_request_id
from desk_app.settings import Settings

#: the function's answers (any other: a schema this code does not know)
OK, WRONG, LOCKED, STILL_LOCKED, VERIFY, PYTHON = (
    "ok", "wrong", "locked", "still_locked", "verify", "python",
)  # fmt: skip

#: the function's parameters, in its order
_PARAMETERS = (
    "account_id", "verified_hash", "matched", "now", "source", "threshold", "until", "extend",
    "until_text", "at_stamp", "locked_detail", "subject", "actor", "staff_id", "action",
    "request_id", "channel", "notice_kind",
)  # fmt: skip
#: sent as the driver's SQL: SQLAlchemy's compiling and caching of a ``text()`` cost more
#: than the call's round trip (the engine still wraps errors and handles a dead connection)
_CALL: Final = (
    "SELECT o_outcome, o_until, o_must_change FROM desk_login_attempt("
    + ", ".join(f"%({name})s" for name in _PARAMETERS)
    + ")"
)


@dataclass(frozen=True)
class LoggedIn:
    """A login the function let in."""

    at: datetime
    must_change_password: bool


class LoginCall:
    """Step 3 of a login (and the refusal while locked) as one call to the database."""

    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        action = PASSWORD_LOCK.audit_action
        notice = kind_of(action)
        assert notice not in MANY  # the notice names the one candidate
        policy = settings.lockout
        #: what every call passes alike
        self._fixed = {
            "threshold": PASSWORD_LOCK.threshold(policy),
            "extend": policy.extend_on_attempt,
            "locked_detail": event_detail(
                {"lock": PASSWORD_LOCK.name, "extended": policy.extend_on_attempt}
            ),
            "actor": WEBSITE.name,
            "staff_id": WEBSITE.staff_id,
            "action": action,
            "channel": CHANNEL,
            "notice_kind": notice,
        }

    def refuse_while_locked(self, seen: Seen, source: str | None) -> bool:
        """The look saw a lock: record the attempt and raise Locked if it holds.

        True when the lock is gone by now (the password is to be verified);
        False when the function left the attempt to Python's path, having
        written nothing.
        """
        outcome, until, _ = self._call(seen, None, source)
        if outcome == STILL_LOCKED:
            raise Locked(PASSWORD_LOCK.locked_code, until=until_text(until))
        return outcome == VERIFY or self._python(outcome)

    def decide(self, seen: Seen, matched: bool, source: str | None) -> LoggedIn | None:
        """The verified attempt decided and written: logged in, or Refused / Locked raised.

        None: the function wrote nothing and left the attempt to Python's path.
        """
        now = self._clock.now()
        outcome, until, must_change = self._call(seen, matched, source, now)
        if outcome == OK:
            return LoggedIn(now, bool(must_change))
        if outcome == WRONG:
            raise Refused(PASSWORD_LOCK.wrong_code)
        if outcome in (LOCKED, STILL_LOCKED):
            raise Locked(PASSWORD_LOCK.locked_code, until=until_text(until))
        self._python(outcome)
        return None

    @staticmethod
    def _python(outcome: str) -> bool:
        if outcome != PYTHON:
            raise RuntimeError(f"desk_login_attempt answered {outcome!r}")
        return False

    def _call(
        self, seen: Seen, matched: bool | None, source: str | None, now: datetime | None = None
    ) -> tuple[str, datetime | None, bool | None]:
        now = now or self._clock.now()
        until = now + timedelta(minutes=PASSWORD_LOCK.minutes(self._settings.lockout))
        values = {
            **self._fixed,
            "account_id": seen.account_id,
            "verified_hash": seen.password_hash,
            "matched": matched,
            "now": now,
            "source": source,
            "until": until,
            "until_text": until.isoformat(),
            "at_stamp": stamp(now),
            "subject": seen.id_number,
            "request_id": current_request_id(),
        }
        # one statement in autocommit: the function's transaction is the statement's own
        with self._db.engine.connect() as connection:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            row = connection.exec_driver_sql(_CALL, values).one()
        until_now = row[1].astimezone(UTC) if row[1] is not None else None
        return str(row[0]), until_now, row[2]


def for_database(db: Database, settings: Settings, clock: Clock) -> LoginCall | None:
    """The one-call login on PostgreSQL; None elsewhere (SQLite keeps Python's path)."""
    return LoginCall(db, settings, clock) if db.dialect == "postgresql" else None
