"""Staff members: add, sign in, deactivate, change password."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import Staff
from desk_app.services.actor import (
    AuditActor,
    Caller,
    StaffIdentity,
    TerminalUser,
    as_actor,
    authorise,
    authorise_caller,
)
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.database_errors import refused_by_privileges
from desk_app.services.errors import BadInput, NotFound, PermissionDenied, Refused
from desk_app.services.hashing import Hasher
from desk_app.services.permissions import Action, Role
from desk_app.services.requests import current_request_id
from desk_app.services.validation import clean_text, has_control_characters, parse_username
from desk_app.settings import Settings

LANGUAGES = ("en", "zh_HK")
#: longer staff passwords are refused, and only this much of one is checked at sign-in
MAX_PASSWORD = 256


@dataclass(frozen=True)
class StaffSummary:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    language: str
    last_login_at: datetime | None


def identity_of(staff: Staff) -> StaffIdentity:
    return StaffIdentity(staff.id, staff.username, staff.display_name, staff.role, staff.language)


def _summary(staff: Staff) -> StaffSummary:
    return StaffSummary(
        staff.id,
        staff.username,
        staff.display_name,
        staff.role,
        staff.active,
        staff.language,
        staff.last_login_at,
    )


def _check_first_admin(session: Session, role: str) -> None:
    if session.scalar(select(Staff.id).limit(1)) is not None:
        raise PermissionDenied("terminal_staff_exist")
    if role != Role.ADMIN:
        raise PermissionDenied("terminal_first_admin")


@contextmanager
def _owner_only() -> Iterator[None]:
    """A staff change refused by the database's privileges: the desks' role may not
    (revision 0009); the owner's connection, ``[database] admin_url``, may."""
    try:
        yield
    except DBAPIError as error:
        if refused_by_privileges(error):
            raise Refused("staff_change_needs_owner") from None
        raise


class StaffService:
    def __init__(self, db: Database, settings: Settings, clock: Clock, hasher: Hasher) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        self._hasher = hasher

    # -- adding ---------------------------------------------------------
    def _check_new(
        self, username: str, role: str, password: str, display_name: str
    ) -> tuple[str, str, str]:
        name = parse_username(username)
        if role not in {r.value for r in Role}:
            raise BadInput("invalid_role", value=role[:20])
        if len(password) > MAX_PASSWORD:
            raise BadInput("text_too_long", field="password", limit=MAX_PASSWORD)
        if has_control_characters(password):
            raise BadInput("invalid_text", field="password")
        if len(password) < self._settings.staff.min_password_length:
            raise BadInput(
                "weak_staff_password", min_length=self._settings.staff.min_password_length
            )
        shown = clean_text(display_name or name, "display_name", 200)
        return name, role, shown

    def _insert(
        self,
        session: Session,
        actor: AuditActor,
        name: str,
        role: str,
        password: str,
        shown: str,
        language: str,
    ) -> Staff:
        if session.scalar(select(Staff.id).where(Staff.username == name)) is not None:
            raise Refused("staff_exists", username=name)
        staff = Staff(
            username=name,
            display_name=shown,
            role=role,
            password_hash=self._hasher.hash(password),
            active=True,
            language=language if language in LANGUAGES else "en",
            created_at=self._clock.now(),
            failed_attempts=0,
        )
        session.add(staff)
        session.flush()
        audit.record(
            session,
            self._clock,
            actor,
            "staff_added",
            subject=name,
            detail={"role": role, "display_name": shown},
        )
        return staff

    def add(
        self,
        caller: Caller,
        username: str,
        role: str,
        password: str,
        *,
        display_name: str = "",
        language: str = "en",
    ) -> StaffSummary:
        """An administrator adds a staff member.

        The one exception is how a new database gets its first administrator:
        ``desk-app staff add NAME --role admin`` without ``--as`` comes as a
        :class:`TerminalUser`, who may add that one administrator while the
        staff table is empty, and nothing else (the entry is audited as
        ``cli:<their login name>``).
        """
        name, role, shown = self._check_new(username, role, password, display_name)
        with _owner_only(), self._db.write() as session:
            if isinstance(caller, TerminalUser):
                actor = self._first_admin(session, caller, role)
            else:
                actor = authorise_caller(session, caller, Action.MANAGE_STAFF)
            return _summary(self._insert(session, actor, name, role, password, shown, language))

    def _first_admin(self, session: Session, caller: TerminalUser, role: str) -> AuditActor:
        """The terminal user's only way in: the first administrator of an empty staff table."""
        if session.get_bind().dialect.name == "postgresql":
            # two terminals at once must not both find the table empty
            # (SQLite's write transaction already holds the database's write lock)
            session.execute(text("LOCK TABLE staff IN SHARE ROW EXCLUSIVE MODE"))
        _check_first_admin(session, role)
        return AuditActor(f"cli:{caller.login}"[:64])

    def check_terminal_add(self, role: str) -> None:
        """Refuse now what :meth:`add` would refuse a terminal user (before asking a password)."""
        with self._db.read() as session:
            _check_first_admin(session, role)

    # -- signing in -------------------------------------------------------
    def authenticate(self, username: str, password: str) -> StaffIdentity:
        """Sign a staff member in; wrong username and wrong password look the same."""
        try:
            name = parse_username(username)
        except BadInput:
            self._hasher.verify(None, password)
            raise Refused("staff_login_failed") from None
        with self._db.write() as session:
            staff = session.execute(
                select(Staff).where(Staff.username == name).with_for_update()
            ).scalar_one_or_none()
            staff = self._password_checked(session, staff, password, "staff_login_failed")
            staff.last_login_at = self._clock.now()
            audit.record(
                session,
                self._clock,
                AuditActor(staff.username, staff.id),
                "staff_login",
                subject=staff.username,
            )
            return identity_of(staff)

    def _password_checked(
        self, session: Session, staff: Staff | None, password: str, refusal: str
    ) -> Staff:
        """``staff``, whose ``password`` this is; else the refusal, counted toward the lock.

        The staff lock policy: ``lock_threshold`` wrong passwords in a row lock
        the account for ``lock_minutes``; each wrong one is audited with the
        ``refusal`` code as its action. A failure is committed although the
        call raises.
        """
        now = self._clock.now()
        policy = self._settings.staff
        if staff is not None and staff.locked_until is not None and staff.locked_until > now:
            raise Refused("staff_locked", until=staff.locked_until.isoformat(timespec="minutes"))
        good = self._hasher.verify(staff.password_hash if staff else None, password[:MAX_PASSWORD])
        if staff is None or not staff.active or not good:
            if staff is not None:
                staff.failed_attempts += 1
                locked = staff.failed_attempts >= policy.lock_threshold
                if locked:
                    staff.locked_until = now + timedelta(minutes=policy.lock_minutes)
                    staff.failed_attempts = 0
                audit.record(
                    session,
                    self._clock,
                    AuditActor(staff.username, staff.id),
                    refusal,
                    subject=staff.username,
                    detail={"locked": locked},
                )
            session.commit()
            raise Refused(refusal)
        staff.failed_attempts = 0
        staff.locked_until = None
        return staff

    # -- a signed-in desk: sign out, lock while idle, unlock ---------------
    def sign_out(self, staff: StaffIdentity, *, switching_user: bool = False) -> None:
        """The staff member leaves the desk (or hands it to another: ``switching_user``).

        Written again when its connection died (the desk's session records,
        ``ui/session/records.py``): under the same request id, once only."""
        with self._db.write() as session:
            if audit.request_recorded(session, current_request_id()):
                return
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "staff_logout",
                subject=staff.username,
                detail={"switch_user": True} if switching_user else None,
            )

    def lock_screen(self, staff: StaffIdentity, *, idle_minutes: int | None) -> None:
        """The desk hid its candidate data: after ``idle_minutes`` idle, or at once (None);
        once only under one request id, as :meth:`sign_out`."""
        with self._db.write() as session:
            if audit.request_recorded(session, current_request_id()):
                return
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "staff_screen_locked",
                subject=staff.username,
                detail={"idle_minutes": idle_minutes},
            )

    def unlock_screen(self, staff: StaffIdentity, password: str) -> StaffIdentity:
        """The same staff member back at a locked desk, with their password.

        Wrong passwords count toward the staff lock exactly as at sign-in; a
        deactivated or locked account cannot unlock (the desk then offers to
        sign out). Returns the staff member as the database knows them now.
        """
        with self._db.write() as session:
            row = session.execute(
                select(Staff).where(Staff.id == staff.id).with_for_update()
            ).scalar_one_or_none()
            if row is None or row.username != staff.username:
                raise PermissionDenied("staff_unknown")
            if not row.active:
                raise Refused("staff_inactive")
            row = self._password_checked(session, row, password, "staff_unlock_failed")
            audit.record(
                session,
                self._clock,
                as_actor(staff),
                "staff_screen_unlocked",
                subject=row.username,
            )
            return identity_of(row)

    # -- managing -----------------------------------------------------------
    def list(self, admin: StaffIdentity) -> list[StaffSummary]:
        with self._db.read() as session:
            authorise(session, admin, Action.MANAGE_STAFF)
            return [_summary(s) for s in session.scalars(select(Staff).order_by(Staff.username))]

    def deactivate(self, admin: StaffIdentity, username: str, reason: str) -> StaffSummary:
        from desk_app.services.validation import require_reason

        why = require_reason(reason)
        with _owner_only(), self._db.write() as session:
            authorise(session, admin, Action.MANAGE_STAFF)
            staff = session.execute(
                select(Staff).where(Staff.username == parse_username(username)).with_for_update()
            ).scalar_one_or_none()
            if staff is None:
                raise NotFound("staff_not_found", username=username[:64])
            if staff.role == Role.ADMIN and staff.active:
                admins = session.scalar(
                    select(func.count())
                    .select_from(Staff)
                    .where(Staff.role == Role.ADMIN, Staff.active.is_(True))
                )
                if (admins or 0) <= 1:
                    raise Refused("last_admin")
            staff.active = False
            audit.record(
                session,
                self._clock,
                as_actor(admin),
                "staff_deactivated",
                subject=staff.username,
                reason=why,
            )
            return _summary(staff)

    def set_language(self, staff: StaffIdentity, language: str) -> StaffIdentity:
        """A staff member's own choice of UI language, kept for the next sign-in."""
        if language not in LANGUAGES:
            raise BadInput("invalid_language", value=language[:20])
        with self._db.write() as session:
            row = session.get(Staff, staff.id)
            if row is None or not row.active:
                raise Refused("staff_inactive")
            row.language = language
            return identity_of(row)

    def count(self) -> int:
        with self._db.read() as session:
            return session.scalar(select(func.count()).select_from(Staff)) or 0
