"""What the results website does: register, log in, change and reset a password.

The policy (PasswordPolicy, LockoutPolicy) comes from the settings; the
seeds' numbers are the defaults: the 3rd consecutive wrong password locks
the account for 30 minutes, a successful login resets the count.

Every attempt goes through the race-free steps of
:mod:`desk_app.services.accounts.attempts` (look, check, decide); on
PostgreSQL a login decides in one call to the database
(:mod:`desk_app.services.accounts.login_call`).

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
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import Candidate, Entry, PasswordResetToken, Result, ResultsAccount
from desk_app.services.accounts.attempts import AttemptSteps, active_letter
from desk_app.services.accounts.locks import (
    LOCK_KINDS,
    PASSWORD_LOCK,
    SECRET_LOCK,
    add_event,
    clean_source,
    settle_due_locks,
    settle_expired,
)
from desk_app.services.accounts.login_call import LoggedIn, for_database
from desk_app.services.accounts.one_trip import write_together
from desk_app.services.accounts.password_rules import check_password
from desk_app.services.actor import WEBSITE
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput, Refused
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


class AccountService:
    def __init__(self, db: Database, settings: Settings, clock: Clock, hasher: Hasher) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._hasher = hasher
        self._steps = AttemptSteps(db, settings, clock)
        #: PostgreSQL: a login's step 3 as one call to the database (``login_call.py``)
        self._login_call = for_database(db, settings, clock)

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

        seen = self._steps.look(key, SECRET_LOCK, letter=True)
        if seen is None:
            self._hasher.verify(None, digits)
            raise Refused(SECRET_LOCK.wrong_code)
        if seen.locked_until is not None and seen.locked_until > self._clock.now():
            self._steps.refuse_while_locked(seen.account_id, src, SECRET_LOCK)
        matched = self._hasher.verify(seen.secret_hash, digits)
        new_hash = self._hasher.hash(password) if matched and not seen.registered else None

        with self._db.write() as session:
            account, now = self._steps.decide(session, seen, src, SECRET_LOCK)
            letter = active_letter(session, seen.candidate_id)
            letter_id = letter.id if letter else None
            secret_hash = letter.secret_hash if letter else None
            if letter_id != seen.letter_id or secret_hash != seen.secret_hash:
                matched = self._hasher.verify(secret_hash, digits)
            if not matched:
                self._steps.count_failure(session, account, seen, now, src, SECRET_LOCK)
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
            for kind in LOCK_KINDS:
                kind.clear(account)
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

        def logged_in(done: LoggedIn) -> LoginResult:
            return LoginResult(key, done.at, done.must_change_password)

        return self._password_attempt(key, password, src, "login", succeed, one_call=logged_in)

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
        one_call: Callable[[LoggedIn], T] | None = None,
    ) -> T:
        """Look, verify, decide. With ``one_call`` (a login), on PostgreSQL, the refusal
        while locked and step 3 are the database function's, unless it leaves them to
        Python's path below; ``one_call`` makes the result of its success."""
        seen = self._steps.look(key, PASSWORD_LOCK)
        if seen is None or not seen.registered:
            self._hasher.verify(None, password)
            if seen is not None:
                self._steps.record_unregistered_attempt(seen, src, via)
            raise Refused(PASSWORD_LOCK.wrong_code)
        call = self._login_call if one_call is not None else None
        locked = seen.locked_until is not None and seen.locked_until > self._clock.now()
        if locked and (call is None or not call.refuse_while_locked(seen, src)):
            self._steps.refuse_while_locked(seen.account_id, src, PASSWORD_LOCK)
        matched = self._hasher.verify(seen.password_hash, password)
        if matched and before_decide is not None:
            before_decide()
        if call is not None and one_call is not None:
            done = call.decide(seen, matched, src)
            if done is not None:
                return one_call(done)
        with self._db.write() as session:
            account, now = self._steps.decide(session, seen, src, PASSWORD_LOCK)
            if account.password_hash != seen.password_hash:
                matched = self._hasher.verify(account.password_hash, password)
            if not matched:
                how = {} if via == "login" else {"via": via}
                self._steps.count_failure(session, account, seen, now, src, PASSWORD_LOCK, how)
            account.failed_attempts = 0
            outcome = succeed(session, account, now)
            write_together(session)
            return outcome

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
            account = self._steps.lock_row(session, row.account_id)
            settle_expired(session, account, now)
            unlocked = PASSWORD_LOCK.locked(account, now)
            row.used_at = now
            account.password_hash = new_hash
            account.must_change_password = False
            if unlocked:
                PASSWORD_LOCK.clear(account)
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
