"""What the sign-in dialog, the session and the lock screen ask of the staff service.

A protocol rather than :class:`~desk_app.services.staff.StaffService` itself:
at start the service is not built yet when the sign-in dialog appears
(``ui/app.py`` hands the dialog a stand-in that waits for it on the worker
that calls it), and importing the service module would load SQLAlchemy
before the dialog could show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from desk_app.services.actor import StaffIdentity


class StaffDoor(Protocol):
    def authenticate(self, username: str, password: str) -> StaffIdentity: ...

    def set_language(self, staff: StaffIdentity, language: str) -> StaffIdentity: ...

    def sign_out(self, staff: StaffIdentity, *, switching_user: bool = False) -> None: ...

    def lock_screen(self, staff: StaffIdentity, *, idle_minutes: int | None) -> None: ...

    def unlock_screen(self, staff: StaffIdentity, password: str) -> StaffIdentity: ...
