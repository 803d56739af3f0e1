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
