"""What a desk does to a candidate's results account, each with a reason.

Every action: the role is checked (``authorise``), a reason is required, the
caller must be verified (or a supervisor overrides with a reason), and the
change, its timeline event, its audit entry and its emails are written in
one unit of work with the account row locked.

Decisions:
- An early unlock ends the password lock and the Secret Number lock.
- A reset link does not lock or unlock; a newer link revokes older ones.
  The link is made when the email is delivered (``mail/reset_links.py``):
  it is never in the database, the audit or a result. It leads to the
  office's reset page (``reset_link_base``): with none configured no link is
  sent (Refused "reset_link_unset"), never a guess.
- A temporary password ends a lock: it is handed over in person to a
  verified candidate, who must choose a new password at the next login,
  and a lock would make it useless for 30 minutes. It revokes open reset
  links, as does a change of email (those links went to the old address).
- A change of email changes the account's registered address; the
  candidate's email on file (from the exam board) stays as it was.
- A reissued letter makes every older letter inactive at once and ends a
  Secret Number lock (the new number has never been guessed at). After
  registration the new letter has no Secret Number.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from desk_app.models import Entry, Letter
from desk_app.services.accounts.locks import LOCK_KINDS, PASSWORD_LOCK, SECRET_LOCK
from desk_app.services.accounts.password_rules import temporary_password
from desk_app.services.actions.action_steps import ActionSteps, ActionUnit
from desk_app.services.actor import StaffIdentity
from desk_app.services.documents.rendering import render_letter_pdf
from desk_app.services.errors import BadInput, Refused
from desk_app.services.mail import reset_links
from desk_app.services.mail import templates as mail_templates
from desk_app.services.permissions import Action
from desk_app.services.validation import normalise_email, require_reason

SECRET_DIGITS = 4


@dataclass(frozen=True)
class Unlocked:
    id_number: str
    unlocked_at: datetime
    #: "password" and/or "secret"
    locks: tuple[str, ...]
    was_locked_until: datetime | None


@dataclass(frozen=True)
class ResetSent:
    id_number: str
    to_address: str
    #: how long the link works, counted from the email's delivery
    valid_minutes: int
    #: older links revoked by this one
    revoked: int
    outbox_id: int


@dataclass(frozen=True)
class TemporaryPassword:
    id_number: str
    issued_at: datetime
    #: shown once to the staff member to hand over; never stored or logged
    password: str = field(repr=False)
    must_change_password: bool = True
    unlocked: bool = False


@dataclass(frozen=True)
class EmailChanged:
    id_number: str
    old_email: str | None
    new_email: str
    changed_at: datetime


@dataclass(frozen=True)
class ReissuedLetter:
    letter_id: int
    serial: str
    number: int
    #: the plain Secret Number, handed back once for printing; None when registered
    secret_number: str | None = field(repr=False)
    issued_at: datetime
    registered: bool
    #: the printed letter, when asked for (``pdf=True``)
    pdf: bytes | None = field(default=None, repr=False)


class DeskActionService(ActionSteps):
    """The actions; the checks and records they share are :class:`ActionSteps`."""

    # -- what some actions share -------------------------------------------------------
    def _revoke_links(self, act: ActionUnit) -> int:
        return reset_links.revoke_links(act.session, act.account.id, act.now)

    @staticmethod
    def _require_registered(act: ActionUnit) -> str:
        if act.account.registered_at is None or not act.account.email:
            raise Refused("not_registered")
        return act.account.email

    # -- the actions ------------------------------------------------------------------------
    def unlock(
        self,
        staff: StaffIdentity,
        id_number: str,
        *,
        reason: str,
        override_reason: str | None = None,
    ) -> Unlocked:
        """End a lock early; Refused("not_locked") when nothing is locked."""
        why = require_reason(reason)
        with self._db.write() as session:
            act = self._open(session, staff, id_number, Action.UNLOCK, why)
            account = act.account
            locked = [kind for kind in LOCK_KINDS if kind.locked(account, act.now)]
            if not locked:
                session.commit()  # keep a lock expiry just recorded
                raise Refused("not_locked")
            self._verify(act, Action.UNLOCK, override_reason)
            locks = tuple(kind.name for kind in locked)
            was_until = locked[0].until(account)
            for kind in LOCK_KINDS:
                kind.clear(account)
            until_text = was_until.isoformat() if was_until else None
            self._event(act, "unlocked", locks=list(locks), was_locked_until=until_text)
            self._audit(
                act, staff, "account_unlocked", locks=list(locks), was_locked_until=until_text
            )
            return Unlocked(act.candidate.id_number, act.now, locks, was_until)

    def send_reset(
        self,
        staff: StaffIdentity,
        id_number: str,
        *,
        reason: str,
        override_reason: str | None = None,
    ) -> ResetSent:
        """Queue a reset email to the registered address; its single-use link
        is made when the email is delivered and works for the configured
        minutes from then."""
        why = require_reason(reason)
        minutes = self._settings.desk.reset_token_minutes
        base = self._settings.office.reset_link_base.strip()
        if not base:  # the office's page that takes the token: never a guessed address
            raise Refused("reset_link_unset")
        with self._db.write() as session:
            act = self._open(session, staff, id_number, Action.SEND_RESET, why)
            self._verify(act, Action.SEND_RESET, override_reason)
            address = self._require_registered(act)
            request = reset_links.request_reset_email(
                session,
                self._clock,
                account_id=act.account.id,
                candidate_id=act.candidate.id,
                language=act.candidate.language,
                to_address=address,
                valid_minutes=minutes,
                requested_by=act.staff.id,
            )
            link = {"token": request.token_id, "outbox": request.outbox_id}
            self._event(act, "reset_sent", **link, valid_minutes=minutes)
            self._audit(
                act,
                staff,
                "reset_sent",
                **link,
                valid_minutes=minutes,
                revoked=request.revoked,
                to=address,
            )
            return ResetSent(
                act.candidate.id_number, address, minutes, request.revoked, request.outbox_id
            )

    def temporary_password(
        self,
        staff: StaffIdentity,
        id_number: str,
        *,
        reason: str,
        override_reason: str | None = None,
    ) -> TemporaryPassword:
        """A one-time password to hand over at the counter; changed at the next login."""
        why = require_reason(reason)
        password = temporary_password(self._settings.password)
        hashed = self._hasher.hash(password)
        with self._db.write() as session:
            act = self._open(session, staff, id_number, Action.TEMP_PASSWORD, why)
            self._verify(act, Action.TEMP_PASSWORD, override_reason)
            address = self._require_registered(act)
            account = act.account
            unlocked = PASSWORD_LOCK.locked(account, act.now)
            if unlocked:
                PASSWORD_LOCK.clear(account)
                self._event(act, "unlocked", locks=["password"], via="temp_password")
            account.failed_attempts = 0
            account.password_hash = hashed
            account.must_change_password = True
            revoked = self._revoke_links(act)
            self._event(act, "temp_password")
            self._audit(act, staff, "temp_password_issued", unlocked=unlocked, revoked=revoked)
            mail_templates.queue(
                session,
                self._clock,
                mail_templates.temporary_password_issued(
                    act.candidate.language, self._settings.office, act.now
                ),
                candidate_id=act.candidate.id,
                to_address=address,
            )
            return TemporaryPassword(act.candidate.id_number, act.now, password, True, unlocked)

    def change_email(
        self,
        staff: StaffIdentity,
        id_number: str,
        new_email: str,
        *,
        reason: str,
        override_reason: str | None = None,
    ) -> EmailChanged:
        """Change the registered email; a notice goes to the old address, a confirmation
        to the new one."""
        why = require_reason(reason)
        address = normalise_email(new_email)
        with self._db.write() as session:
            act = self._open(session, staff, id_number, Action.CHANGE_EMAIL, why)
            self._verify(act, Action.CHANGE_EMAIL, override_reason)
            old = self._require_registered(act)
            if old.casefold() == address.casefold():
                raise Refused("same_email")
            act.account.email = address
            revoked = self._revoke_links(act)
            self._event(act, "email_changed", old=old, new=address)
            self._audit(act, staff, "email_changed", old=old, new=address, revoked=revoked)
            office, language = self._settings.office, act.candidate.language
            for mail, to in (
                (mail_templates.email_changed_old_address(language, office, address, act.now), old),
                (mail_templates.email_changed_new_address(language, office, act.now), address),
            ):
                mail_templates.queue(
                    session, self._clock, mail, candidate_id=act.candidate.id, to_address=to
                )
            return EmailChanged(act.candidate.id_number, old, address, act.now)

    def reissue_letter(
        self,
        staff: StaffIdentity,
        id_number: str,
        *,
        reason: str,
        override_reason: str | None = None,
        pdf: bool = False,
    ) -> ReissuedLetter:
        """Rotate the Secret Number: a new letter, every older one inactive at once.

        With ``pdf`` the letter is rendered inside the same unit of work: if
        it cannot be printed (no font), nothing is rotated, so a Secret
        Number is never lost before anyone saw it.
        """
        why = require_reason(reason)
        plain = f"{secrets.randbelow(10**SECRET_DIGITS):0{SECRET_DIGITS}d}"
        hashed = self._hasher.hash(plain)
        with self._db.write() as session:
            act = self._open(session, staff, id_number, Action.REISSUE_LETTER, why)
            self._verify(act, Action.REISSUE_LETTER, override_reason)
            registered = act.account.registered_at is not None
            candidate_id = act.candidate.id
            newest = session.scalar(
                select(func.max(Letter.number)).where(Letter.candidate_id == candidate_id)
            )
            number = (newest if newest is not None else -1) + 1
            session.execute(
                update(Letter)
                .where(Letter.candidate_id == candidate_id, Letter.active.is_(True))
                .values(active=False)
                .execution_options(synchronize_session=False)
            )
            letter = Letter(
                candidate_id=candidate_id,
                number=number,
                secret_hash=None if registered else hashed,
                active=True,
                issued_at=act.now,
                issued_by_id=act.staff.id,
                reason=why,
                serial=f"L{candidate_id:08d}-{number}",
            )
            session.add(letter)
            session.flush()
            if SECRET_LOCK.locked(act.account, act.now):
                self._event(act, "unlocked", locks=[SECRET_LOCK.name], via="letter_reissued")
            SECRET_LOCK.clear(act.account)
            self._audit(
                act,
                staff,
                "letter_reissued",
                serial=letter.serial,
                number=number,
                registered=registered,
            )
            to_address = act.account.email if registered else act.candidate.email
            mail = mail_templates.letter_reissued(
                act.candidate.language, self._settings.office, registered=registered, at=act.now
            )
            # an unusable address on file must not stop the letter itself
            with contextlib.suppress(BadInput):
                if to_address:
                    mail_templates.queue(
                        session, self._clock, mail, candidate_id=candidate_id, to_address=to_address
                    )
            secret_number = None if registered else plain
            printed = None
            if pdf:
                entries = session.scalars(
                    select(Entry)
                    .where(Entry.candidate_id == candidate_id)
                    .options(
                        selectinload(Entry.exam),
                        selectinload(Entry.session),
                        selectinload(Entry.result),  # its release date, for the letter
                    )
                    .order_by(Entry.id)
                ).all()
                printed = render_letter_pdf(
                    self._settings,
                    candidate=act.candidate,
                    entries=entries,
                    secret_number=secret_number,
                    reissue_count=max(number, 1),
                    serial=letter.serial,
                    issued_at=act.now,
                )
            return ReissuedLetter(
                letter.id, letter.serial, number, secret_number, act.now, registered, printed
            )
