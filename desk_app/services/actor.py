"""Who is acting: a signed-in staff member, the website, or the system."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desk_app.models import Staff
from desk_app.services.errors import PermissionDenied, Refused
from desk_app.services.permissions import Action, check


@dataclass(frozen=True)
class StaffIdentity:
    """A staff member as the services know them after sign-in."""

    id: int
    username: str
    display_name: str
    role: str
    language: str


@dataclass(frozen=True)
class AuditActor:
    """The name an audit entry gives to whoever acted."""

    name: str
    staff_id: int | None = None


@dataclass(frozen=True)
class TerminalUser:
    """Whoever runs the command line on the database machine, without ``--as``.

    They can read the database and administer it anyway, so they may look
    things up and manage staff; acting on a candidate (unlock, reissue, …)
    always needs a signed-in staff member.
    """

    login: str


#: what a terminal user may do without signing in as a staff member
TERMINAL_ACTIONS = frozenset(
    {
        Action.SEARCH,
        Action.VIEW_CANDIDATE,
        Action.VIEW_LOCKOUTS,
        Action.VIEW_AUDIT,
        Action.MANAGE_STAFF,
        Action.IMPORT_DATA,
        Action.EXPORT_RESULTS,
    }
)

Caller = StaffIdentity | TerminalUser

WEBSITE = AuditActor("website")
SYSTEM = AuditActor("system")


def as_actor(identity: StaffIdentity) -> AuditActor:
    return AuditActor(identity.username, identity.id)


def authorise(session: Session, identity: StaffIdentity, action: Action) -> Staff:
    """The staff row behind ``identity``, checked as it is now, for ``action``.

    The role is read from the database, not from ``identity``: a role
    changed or an account deactivated since sign-in counts at once.
    """
    staff = session.get(Staff, identity.id)
    if staff is None or staff.username != identity.username:
        raise PermissionDenied("permission_denied", role="?", action=action.value.replace("_", " "))
    if not staff.active:
        raise Refused("staff_inactive")
    check(staff.role, action)
    return staff


def authorise_caller(session: Session, caller: Caller, action: Action) -> AuditActor:
    """Like :func:`authorise` for a staff member or a terminal user; the audit name."""
    if isinstance(caller, TerminalUser):
        if action not in TERMINAL_ACTIONS:
            raise PermissionDenied(
                "permission_denied", role="terminal", action=action.value.replace("_", " ")
            )
        return AuditActor(f"cli:{caller.login}"[:64])
    authorise(session, caller, action)
    return as_actor(caller)
