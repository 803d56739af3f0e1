"""What the results website does: register, log in, change and reset a password.

The policy (PasswordPolicy, LockoutPolicy) comes from the settings; the
seeds' numbers are the defaults: the 3rd consecutive wrong password locks
the account for 30 minutes, a successful login resets the count.

How an attempt is decided, race-free on PostgreSQL and SQLite
--------------------------------------------------------------
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

Unknown ID Numbers and accounts not registered yet are refused exactly like
a wrong password (``wrong_password``, exit 1 on the command line), after a
decoy verify that takes as long as a real one: the website must not tell
who is a candidate. Website logins are recorded in ``account_event`` (the
account's timeline), not in the audit chain, whose single head row would
make every login of every account wait for each other; what changes an
account's standing (registration, a lock, a changed or reset password) is
audited as well.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import Candidate, Entry, Letter, PasswordResetToken, Result, ResultsAccount
from desk_app.services.accounts.locks import (
    SECRET_LOCKED,
    add_event,
    clean_source,
    clear_password_lock,
    password_locked,
    secret_locked,
    settle_due_locks,
    settle_expired,
)
from desk_app.services.accounts.password_rules import check_password
from desk_app.services.actor import WEBSITE
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput, Locked, Refused
from desk_app.services.hashing import Hasher, token_digest
from desk_app.services.mail import templates as mail_templates
from desk_app.services.validation import normalise_email, parse_id_number
from desk_app.settings import Settings

T = TypeVar("T")
SECRET_LENGTHS = range(4, 9)
MAX_TOKEN_LENGTH = 200


@dataclass(frozen=True)
class LoginResult:
    id_number: str
    logged_in_at: datetime
    #: True after a temporary password: the website asks for a new one first
    must_change_password: bool


@dataclass(frozen=True)
class Registration:
    id_number: str
    email: str
    registered_at: datetime
    updates_opt_in: bool


@dataclass(frozen=True)
class PasswordChanged:
    id_number: str
    changed_at: datetime
    #: True when a password reset also ended a lock
    unlocked: bool = False


@dataclass(frozen=True)
class _Seen:
    """What step 1 saw of an account."""

    account_id: int
    candidate_id: int
    id_number: str
    registered: bool
    password_hash: str | None
    locked_until: datetime | None
    secret_locked_until: datetime | None
    letter_id: int | None
    secret_hash: str | None


def parse_secret(raw: str) -> str:
    """A Secret Number as typed: digits only (spaces ignored), 4 to 8 of them."""
    value = "".join(unicodedata.normalize("NFKC", raw).split()) if len(raw) <= 40 else ""
    if not (value.isascii() and value.isdigit() and len(value) in SECRET_LENGTHS):
        raise BadInput("invalid_secret")
    return value


def _require_password_text(password: str, limit: int) -> None:
    if not password:
        raise BadInput("required", field="password")
    if len(password) > limit:
        raise BadInput("text_too_long", field="password", limit=limit)


def active_letter(session: Session, candidate_id: int) -> Letter | None:
    """The newest active letter of a candidate: the only one whose Secret Number works."""
    return session.scalar(
        select(Letter)
        .where(Letter.candidate_id == candidate_id, Letter.active.is_(True))
        .order_by(Letter.number.desc())
        .limit(1)
    )


def _until(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


class AccountService:
    def __init__(self, db: Database, settings: Settings, clock: Clock, hasher: Hasher) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._hasher = hasher

    # -- registering ----------------------------------------------------------------------
    def register(
        self,
        id_number: str,
        secret: str,
        email: str,
        password: str,
        confirm_password: str | None = None,
        *,
        accept_terms: bool,
        updates_opt_in: bool = False,
        source: str | None = None,
    ) -> Registration:
        """Register with the letter's ID Number and Secret Number (the website's form)."""
        key = parse_id_number(id_number, self._settings.id_format)
        digits = parse_secret(secret)
        address = normalise_email(email)
        src = clean_source(source)
        _require_password_text(password, self._settings.password.max_length)
        if confirm_password is not None and confirm_password != password:
            raise BadInput("passwords_differ")
        check_password(self._settings.password, password)
        if not accept_terms:
            raise Refused("terms_not_accepted")

        seen = self._look(key, letter=True)
        if seen is None:
            self._hasher.verify(None, digits)
            raise Refused("wrong_secret")
        if seen.secret_locked_until is not None and seen.secret_locked_until > self._clock.now():
            self._refuse_while_locked(seen.account_id, src, secret=True)
        matched = self._hasher.verify(seen.secret_hash, digits)
        new_hash = self._hasher.hash(password) if matched and not seen.registered else None

        with self._db.write() as session:
            account, now = self._decide(session, seen, src, secret=True)
            letter = active_letter(session, seen.candidate_id)
            letter_id = letter.id if letter else None
            secret_hash = letter.secret_hash if letter else None
            if letter_id != seen.letter_id or secret_hash != seen.secret_hash:
                matched = self._hasher.verify(secret_hash, digits)
            if not matched:
                self._count_secret_failure(session, account, seen, now, src)
            if account.registered_at is not None:
                raise Refused("already_registered")
            if new_hash is None:
                new_hash = self._hasher.hash(password)
            account.email = address
            account.password_hash = new_hash
            account.registered_at = now
            account.terms_accepted_at = now
            account.updates_opt_in = updates_opt_in
            account.must_change_password = False
            account.secret_failures = 0
            clear_password_lock(account)
            serial = letter.serial if letter else None
            add_event(
                session,
                account,
                "registered",
                now,
                source=src,
                detail={"letter": serial, "updates_opt_in": updates_opt_in},
            )
            audit.record(
                session,
                self._clock,
                WEBSITE,
                "account_registered",
                candidate_id=seen.candidate_id,
                subject=seen.id_number,
                detail={
                    "email": address,
                    "letter": serial,
                    "source": src,
                    "terms_accepted": True,
                    "updates_opt_in": updates_opt_in,
                },
            )
            language = session.scalar(
                select(Candidate.language).where(Candidate.id == seen.candidate_id)
            )
            out = session.scalar(
                select(Result.id)
                .join(Entry, Entry.id == Result.entry_id)
                .where(Entry.candidate_id == seen.candidate_id, Result.release_at <= now)
                .limit(1)
            )
            mail_templates.queue(
                session,
                self._clock,
                mail_templates.registration_successful(
                    language or "en", self._settings.office, results_out=out is not None
                ),
                candidate_id=seen.candidate_id,
                to_address=address,
            )
            return Registration(seen.id_number, address, now, updates_opt_in)

    def _count_secret_failure(
        self, session: Session, account: ResultsAccount, seen: _Seen, now: datetime, src: str | None
    ) -> None:
        """Count a wrong Secret Number; commit it and raise (Refused, or Locked on the last)."""
        policy = self._settings.lockout
        account.secret_failures += 1
        add_event(
            session,
            account,
            "secret_failed",
            now,
            source=src,
            detail={"attempt": account.secret_failures},
        )
        if account.secret_failures >= policy.secret_threshold:
            account.secret_locked_until = now + timedelta(minutes=policy.secret_lock_minutes)
            add_event(
                session,
                account,
                SECRET_LOCKED,
                now,
                source=src,
                detail={"until": account.secret_locked_until.isoformat()},
            )
            audit.record(
                session,
                self._clock,
                WEBSITE,
                "account_secret_locked",
                candidate_id=seen.candidate_id,
                subject=seen.id_number,
                detail={"until": account.secret_locked_until.isoformat(), "source": src},
            )
            session.commit()
            raise Locked("secret_locked", until=_until(account.secret_locked_until))
        session.commit()
        raise Refused("wrong_secret")

    # -- logging in -----------------------------------------------------------------------
    def login(self, id_number: str, password: str, *, source: str | None = None) -> LoginResult:
        """Log in (the website's form); Refused("wrong_password") or Locked otherwise."""
        key = parse_id_number(id_number, self._settings.id_format)
        src = clean_source(source)
        _require_password_text(password, self._settings.password.max_length)

        def succeed(session: Session, account: ResultsAccount, now: datetime) -> LoginResult:
            account.last_login_at = now
            add_event(session, account, "login", now, source=src)
            return LoginResult(key, now, account.must_change_password)

        return self._password_attempt(key, password, src, "login", succeed)

    def change_password(
        self, id_number: str, old_password: str, new_password: str, *, source: str | None = None
    ) -> PasswordChanged:
        """The logged-in candidate's change of password (required after a temporary one).

        The old password is checked like a login: a wrong one counts toward
        the lock.
        """
        key = parse_id_number(id_number, self._settings.id_format)
        src = clean_source(source)
        limit = self._settings.password.max_length
        _require_password_text(old_password, limit)
        _require_password_text(new_password, limit)
        check_password(self._settings.password, new_password)
        if new_password == old_password:
            raise Refused("password_reused")
        hashed: list[str] = []

        def before_decide() -> None:
            hashed.append(self._hasher.hash(new_password))

        def succeed(session: Session, account: ResultsAccount, now: datetime) -> PasswordChanged:
            account.password_hash = hashed[0] if hashed else self._hasher.hash(new_password)
            account.must_change_password = False
            account.last_login_at = now
            add_event(session, account, "password_changed", now, source=src)
            audit.record(
                session,
                self._clock,
                WEBSITE,
                "password_changed",
                candidate_id=account.candidate_id,
                subject=key,
                detail={"source": src},
            )
            return PasswordChanged(key, now)

        return self._password_attempt(
            key, old_password, src, "change_password", succeed, before_decide
        )

    def _password_attempt(
        self,
        key: str,
        password: str,
        src: str | None,
        via: str,
        succeed: Callable[[Session, ResultsAccount, datetime], T],
        before_decide: Callable[[], None] | None = None,
    ) -> T:
        seen = self._look(key)
        if seen is None or not seen.registered:
            self._hasher.verify(None, password)
            if seen is not None:
                self._record_unregistered_attempt(seen, src, via)
            raise Refused("wrong_password")
        if seen.locked_until is not None and seen.locked_until > self._clock.now():
            self._refuse_while_locked(seen.account_id, src)
        matched = self._hasher.verify(seen.password_hash, password)
        if matched and before_decide is not None:
            before_decide()
        with self._db.write() as session:
            account, now = self._decide(session, seen, src)
            if account.password_hash != seen.password_hash:
                matched = self._hasher.verify(account.password_hash, password)
            if not matched:
                self._count_password_failure(session, account, seen, now, src, via)
            account.failed_attempts = 0
            return succeed(session, account, now)

    def _count_password_failure(
        self,
        session: Session,
        account: ResultsAccount,
        seen: _Seen,
        now: datetime,
        src: str | None,
        via: str,
    ) -> None:
        """Count a wrong password; commit it and raise (Refused, or Locked on the last)."""
        policy = self._settings.lockout
        account.failed_attempts += 1
        account.last_failure_at = now
        detail: dict[str, object] = {"attempt": account.failed_attempts}
        if via != "login":
            detail["via"] = via
        add_event(session, account, "login_failed", now, source=src, detail=detail)
        if account.failed_attempts >= policy.threshold:
            account.locked_at = now
            account.locked_until = now + timedelta(minutes=policy.lock_minutes)
            account.lock_source = src
            add_event(
                session,
                account,
                "locked",
                now,
                source=src,
                detail={
                    "until": account.locked_until.isoformat(),
                    "failed_attempts": account.failed_attempts,
                },
            )
            audit.record(
                session,
                self._clock,
                WEBSITE,
                "account_locked",
                candidate_id=seen.candidate_id,
                subject=seen.id_number,
                detail={
                    "until": account.locked_until.isoformat(),
                    "failed_attempts": account.failed_attempts,
                    "source": src,
                },
            )
            session.commit()
            raise Locked("account_locked", until=_until(account.locked_until))
        session.commit()
        raise Refused("wrong_password")

    # -- the steps shared by every attempt ------------------------------------------------
    def _look(self, key: str, *, letter: bool = False) -> _Seen | None:
        """Step 1: one read of the columns an attempt needs (and the active letter's)."""
        with self._db.read() as session:
            row = session.execute(
                select(
                    ResultsAccount.id,
                    Candidate.id,
                    Candidate.id_number,
                    ResultsAccount.registered_at,
                    ResultsAccount.password_hash,
                    ResultsAccount.locked_until,
                    ResultsAccount.secret_locked_until,
                )
                .join(Candidate, Candidate.id == ResultsAccount.candidate_id)
                .where(Candidate.id_number == key)
            ).first()
            if row is None:
                return None
            active = active_letter(session, row[1]) if letter else None
            return _Seen(
                account_id=row[0],
                candidate_id=row[1],
                id_number=row[2],
                registered=row[3] is not None,
                password_hash=row[4],
                locked_until=row[5],
                secret_locked_until=row[6],
                letter_id=active.id if active else None,
                secret_hash=active.secret_hash if active else None,
            )

    def _lock_row(self, session: Session, account_id: int) -> ResultsAccount:
        return session.execute(
            select(ResultsAccount).where(ResultsAccount.id == account_id).with_for_update()
        ).scalar_one()

    def _decide(
        self, session: Session, seen: _Seen, src: str | None, *, secret: bool = False
    ) -> tuple[ResultsAccount, datetime]:
        """Step 3's start: the row locked, expired locks settled; refuses while locked."""
        account = self._lock_row(session, seen.account_id)
        now = self._clock.now()
        settle_expired(session, account, now)
        self._refuse_if_locked(session, account, now, src, secret=secret)
        return account, now

    def _refuse_while_locked(
        self, account_id: int, src: str | None, *, secret: bool = False
    ) -> None:
        """Step 1 saw a lock: record the attempt and raise, unless the lock is gone by now."""
        with self._db.write() as session:
            account = self._lock_row(session, account_id)
            now = self._clock.now()
            settle_expired(session, account, now)
            self._refuse_if_locked(session, account, now, src, secret=secret)

    def _refuse_if_locked(
        self,
        session: Session,
        account: ResultsAccount,
        now: datetime,
        src: str | None,
        *,
        secret: bool,
    ) -> None:
        policy = self._settings.lockout
        if secret:
            if not secret_locked(account, now):
                return
            if policy.extend_on_attempt:
                account.secret_locked_until = now + timedelta(minutes=policy.secret_lock_minutes)
            add_event(
                session,
                account,
                "locked_attempt",
                now,
                source=src,
                detail={"lock": "secret", "extended": policy.extend_on_attempt},
            )
            session.commit()
            raise Locked("secret_locked", until=_until(account.secret_locked_until))
        if not password_locked(account, now):
            return
        if policy.extend_on_attempt:
            account.locked_until = now + timedelta(minutes=policy.lock_minutes)
        add_event(
            session,
            account,
            "locked_attempt",
            now,
            source=src,
            detail={"lock": "password", "extended": policy.extend_on_attempt},
        )
        session.commit()
        raise Locked("account_locked", until=_until(account.locked_until))

    def _record_unregistered_attempt(self, seen: _Seen, src: str | None, via: str) -> None:
        with self._db.write() as session:
            account = self._lock_row(session, seen.account_id)
            add_event(
                session,
                account,
                "login_failed",
                self._clock.now(),
                source=src,
                detail={"registered": False, "via": via},
            )

    # -- password reset links -------------------------------------------------------------
    def reset_with_token(
        self, token: str, new_password: str, *, source: str | None = None
    ) -> PasswordChanged:
        """Choose a new password with the emailed link's token (single use).

        A used link also ends a lock: whoever holds it proved they read the
        registered email, which is what the seeds tell a locked-out
        candidate to do ("Forgotten your password?").
        """
        src = clean_source(source)
        _require_password_text(new_password, self._settings.password.max_length)
        check_password(self._settings.password, new_password)
        if not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
            raise Refused("token_invalid")
        digest = token_digest(token.strip())
        with self._db.read() as session:
            if self._live_token(session, digest, self._clock.now()) is None:
                raise Refused("token_invalid")
        new_hash = self._hasher.hash(new_password)
        with self._db.write() as session:
            now = self._clock.now()
            row = self._live_token(session, digest, now, for_update=True)
            if row is None:
                raise Refused("token_invalid")
            account = self._lock_row(session, row.account_id)
            settle_expired(session, account, now)
            unlocked = password_locked(account, now)
            row.used_at = now
            account.password_hash = new_hash
            account.must_change_password = False
            if unlocked:
                clear_password_lock(account)
                add_event(
                    session,
                    account,
                    "unlocked",
                    now,
                    source=src,
                    detail={"via": "password_reset"},
                )
            account.failed_attempts = 0
            add_event(session, account, "reset_used", now, source=src, detail={"token": row.id})
            id_number = session.scalar(
                select(Candidate.id_number).where(Candidate.id == account.candidate_id)
            )
            audit.record(
                session,
                self._clock,
                WEBSITE,
                "password_reset",
                candidate_id=account.candidate_id,
                subject=id_number,
                detail={"token": row.id, "unlocked": unlocked, "source": src},
            )
            return PasswordChanged(id_number or "", now, unlocked)

    @staticmethod
    def _live_token(
        session: Session, digest: str, now: datetime, *, for_update: bool = False
    ) -> PasswordResetToken | None:
        query = select(PasswordResetToken).where(
            PasswordResetToken.token_hash == digest,
            PasswordResetToken.used_at.is_(None),
            PasswordResetToken.revoked_at.is_(None),
            PasswordResetToken.expires_at > now,
        )
        if for_update:
            query = query.with_for_update()
        return session.scalar(query)

    # -- housekeeping ---------------------------------------------------------------------
    def record_expired_locks(self) -> int:
        """Write ``lock_expired`` for every lock that ran out; the number of accounts."""
        with self._db.write() as session:
            return settle_due_locks(session, self._clock.now())
