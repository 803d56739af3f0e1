"""Who is acting: a signed-in staff member, the website, or the system."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk_app.services.errors import PermissionDenied, Refused
from desk_app.services.permissions import Action, check

if TYPE_CHECKING:
    # the identities above are plain data that the sign-in dialog and the
    # command line's parser use before any database is open; the models load
    # with the first check of a role
    from sqlalchemy.orm import Session

    from desk_app.models import Staff


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
    """Whoever runs the command line without ``--as``: not a staff member.

    Being able to run ``desk-app`` against the shared database proves
    nothing about a role, so the terminal user may only read what the
    command-line contract offers without ``--as`` (search, show) and create
    the first administrator of an empty staff table
    (:meth:`StaffService.add <desk_app.services.staff.StaffService.add>`).
    Everything else needs a signed-in staff member with the right role.
    """

    login: str


#: what a terminal user may do without signing in as a staff member
TERMINAL_ACTIONS = frozenset({Action.SEARCH, Action.VIEW_CANDIDATE})

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
    from desk_app.models import Staff

    staff = session.get(Staff, identity.id)
    if staff is None or staff.username != identity.username:
        raise PermissionDenied("staff_unknown")
    if not staff.active:
        raise Refused("staff_inactive")
    check(staff.role, action)
    return staff


def authorise_terminal(caller: TerminalUser, action: Action) -> AuditActor:
    """The terminal user's audit name, if a terminal user may do ``action`` (no database
    needed: the plain read path of ``desk-app show`` asks here too)."""
    if action not in TERMINAL_ACTIONS:
        raise PermissionDenied("sign_in_required", action=action.value)
    return AuditActor(f"cli:{caller.login}"[:64])


def authorise_caller(session: Session, caller: Caller, action: Action) -> AuditActor:
    """Like :func:`authorise` for a staff member or a terminal user; the audit name."""
    if isinstance(caller, TerminalUser):
        return authorise_terminal(caller, action)
    authorise(session, caller, action)
    return as_actor(caller)
