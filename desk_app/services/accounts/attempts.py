"""How a website attempt is decided, race-free on PostgreSQL and SQLite.

1. *Look* (a read): the account's state and stored hash. An account locked
   now is refused at once: no password is checked, and the attempt is
   recorded (``locked_attempt``) in a short write.
2. *Check* (no transaction open): the slow argon2 verify.
3. *Decide* (a write, with the account row locked: ``SELECT … FOR UPDATE``
   on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite): the lock is checked again
   and the outcome applied. Whatever was verified in step 2, an attempt
   that finds the account locked here is refused as locked, and wrong
   attempts are counted one at a time, so N parallel wrong attempts answer
   "wrong password" exactly ``threshold - 1`` times and "locked" for every
   other one, and ``failed_attempts`` never exceeds the threshold.
   If the stored hash changed between steps 1 and 3 the password is
   verified again under the lock.

No lock is held while argon2 runs, so a slow verify never holds up other
accounts (on SQLite the write lock covers the whole database, which is why
step 2 is outside it).

On PostgreSQL each step is kept to the fewest round trips: step 1 is one
statement outside a transaction (built once, run on a connection: the ORM
around it cost more than the read). A login's step 3, and its refusal
while locked, are one call to a database function there
(``login_call.py``); the step 3 here is what SQLite does, what a
registration and a change of password do, and what a login falls back to
when the function leaves an attempt to Python. It writes its outcome (the
account, its timeline and, for the attempt that locks, the audit entry) as
one statement (``one_trip.py``), so the attempt that locks costs one round
trip more than any other wrong attempt: the audit chain's head, locked.

:class:`AttemptSteps` holds steps 1 and 3 for a password (login, change of
password) and a Secret Number (registration) alike: the
:class:`~desk_app.services.accounts.locks.LockKind` says which lock the
attempt counts toward. The caller (``website.py``) does step 2.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn

from sqlalchemy import Connection, Select, bindparam, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import Candidate, Letter, ResultsAccount
from desk_app.services.accounts.locks import LockKind, add_event, settle_expired
from desk_app.services.accounts.one_trip import append_audit, write_together
from desk_app.services.actor import WEBSITE
from desk_app.services.clock import Clock
from desk_app.services.errors import Locked, Refused
from desk_app.services.live.notices import announce
from desk_app.settings import Settings


@dataclass(frozen=True)
class Seen:
    """What step 1 saw of an account."""

    account_id: int
    candidate_id: int
    id_number: str
    registered: bool
    password_hash: str | None
    #: the end of the lock this attempt is counted toward
    locked_until: datetime | None
    letter_id: int | None
    secret_hash: str | None


def active_letter(session: Session, candidate_id: int) -> Letter | None:
    """The newest active letter of a candidate: the only one whose Secret Number works."""
    return session.scalar(
        select(Letter)
        .where(Letter.candidate_id == candidate_id, Letter.active.is_(True))
        .order_by(Letter.number.desc())
        .limit(1)
    )


#: the look's statement of each lock kind, built once (building it cost more than running it)
_LOOKS: dict[str, Select[int, int, str, datetime | None, str | None, datetime | None]] = {}

#: the active letter's id and Secret Number hash (as :func:`active_letter` finds it)
_ACTIVE_LETTER = (
    select(Letter.id, Letter.secret_hash)
    .where(Letter.candidate_id == bindparam("candidate_id"), Letter.active.is_(True))
    .order_by(Letter.number.desc())
    .limit(1)
)


def _look_statement(
    kind: LockKind,
) -> Select[int, int, str, datetime | None, str | None, datetime | None]:
    if kind.name not in _LOOKS:
        _LOOKS[kind.name] = (
            select(
                ResultsAccount.id,
                Candidate.id,
                Candidate.id_number,
                ResultsAccount.registered_at,
                ResultsAccount.password_hash,
                kind.until_column,
            )
            .join(Candidate, Candidate.id == ResultsAccount.candidate_id)
            .where(Candidate.id_number == bindparam("key"))
        )
    return _LOOKS[kind.name]


def until_text(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


class AttemptSteps:
    """Steps 1 and 3 of every website attempt, in their own units of work."""

    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def look(self, key: str, kind: LockKind, *, letter: bool = False) -> Seen | None:
        """Step 1: one read of the columns an attempt needs (and the active letter's)."""
        with self._reading() as connection:
            row = connection.execute(_look_statement(kind), {"key": key}).first()
            if row is None:
                return None
            active = (
                connection.execute(_ACTIVE_LETTER, {"candidate_id": row[1]}).first()
                if letter
                else None
            )
            return Seen(
                account_id=row[0],
                candidate_id=row[1],
                id_number=row[2],
                registered=row[3] is not None,
                password_hash=row[4],
                locked_until=row[5],
                letter_id=active[0] if active else None,
                secret_hash=active[1] if active else None,
            )

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """Step 1's connection: on PostgreSQL its reads run outside a transaction.

        Each read is then one round trip, not three (BEGIN, the read,
        ROLLBACK). Nothing is lost: a single statement sees a consistent
        state by itself, and step 3 checks everything again under the row
        lock (the registration's two reads may see two moments; step 3
        verifies again when the letter changed between them). A connection,
        not a session: the look loads no object, and the ORM's machinery
        around a read cost more than the read itself.
        """
        with self._db.engine.connect() as connection:
            if self._db.dialect == "postgresql":
                connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            yield connection

    def lock_row(self, session: Session, account_id: int) -> ResultsAccount:
        return session.execute(
            select(ResultsAccount).where(ResultsAccount.id == account_id).with_for_update()
        ).scalar_one()

    def decide(
        self, session: Session, seen: Seen, src: str | None, kind: LockKind
    ) -> tuple[ResultsAccount, datetime]:
        """Step 3's start: the row locked, expired locks settled; refuses while locked."""
        account = self.lock_row(session, seen.account_id)
        now = self._clock.now()
        settle_expired(session, account, now)
        self._refuse_if_locked(session, account, now, src, kind)
        return account, now

    def refuse_while_locked(self, account_id: int, src: str | None, kind: LockKind) -> None:
        """Step 1 saw a lock: record the attempt and raise, unless the lock is gone by now."""
        with self._db.write() as session:
            account = self.lock_row(session, account_id)
            now = self._clock.now()
            settle_expired(session, account, now)
            self._refuse_if_locked(session, account, now, src, kind)

    def _refuse_if_locked(
        self,
        session: Session,
        account: ResultsAccount,
        now: datetime,
        src: str | None,
        kind: LockKind,
    ) -> None:
        if not kind.locked(account, now):
            return
        policy = self._settings.lockout
        if policy.extend_on_attempt:
            kind.set_until(account, now + timedelta(minutes=kind.minutes(policy)))
        add_event(
            session,
            account,
            "locked_attempt",
            now,
            source=src,
            detail={"lock": kind.name, "extended": policy.extend_on_attempt},
        )
        write_together(session)
        session.commit()
        raise Locked(kind.locked_code, until=until_text(kind.until(account)))

    def count_failure(
        self,
        session: Session,
        account: ResultsAccount,
        seen: Seen,
        now: datetime,
        src: str | None,
        kind: LockKind,
        detail: Mapping[str, object] | None = None,
    ) -> NoReturn:
        """Count a wrong attempt; commit it and raise (Refused, or Locked on the last)."""
        policy = self._settings.lockout
        count = kind.count_failure(account, now)
        add_event(
            session,
            account,
            kind.failed_event,
            now,
            source=src,
            detail={"attempt": count, **(detail or {})},
        )
        if count >= kind.threshold(policy):
            until = now + timedelta(minutes=kind.minutes(policy))
            kind.start(account, now, until, src)
            add_event(
                session,
                account,
                kind.locked_event,
                now,
                source=src,
                detail={"until": until.isoformat(), "failed_attempts": count},
            )
            audit_id = append_audit(
                session,
                self._clock,
                WEBSITE,
                kind.audit_action,
                candidate_id=seen.candidate_id,
                subject=seen.id_number,
                detail={"until": until.isoformat(), "failed_attempts": count, "source": src},
            )
            write_together(session)
            # the open desks hear of the lock in the same transaction (as trail.record does)
            announce(session, [(kind.audit_action, seen.candidate_id)], audit_id)
            session.commit()
            raise Locked(kind.locked_code, until=until_text(until))
        write_together(session)
        session.commit()
        raise Refused(kind.wrong_code)

    def record_unregistered_attempt(self, seen: Seen, src: str | None, via: str) -> None:
        with self._db.write() as session:
            account = self.lock_row(session, seen.account_id)
            add_event(
                session,
                account,
                "login_failed",
                self._clock.now(),
                source=src,
                detail={"registered": False, "via": via},
            )
            write_together(session)
