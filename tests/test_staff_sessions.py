"""A signed-in desk: sign out, switch user, the idle lock and its unlock, all audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.actor import StaffIdentity
from desk_app.services.errors import PermissionDenied, Refused
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import STAFF_PASSWORD, add_staff, an_admin


def events(services: Services, username: str) -> list[tuple[str, str]]:
    """(action, detail) of every audit entry about ``username``, oldest first."""
    with services.db.read() as session:
        rows = session.execute(
            select(AuditEvent.action, AuditEvent.detail)
            .where(AuditEvent.subject == username)
            .order_by(AuditEvent.id)
        ).all()
    return [(action, detail) for action, detail in rows]


def actions(services: Services, username: str) -> list[str]:
    return [action for action, _ in events(services, username)]


def test_sign_out_and_switch_user_are_audited(services: Services) -> None:
    amy = add_staff(services, "operator", "amy")
    services.staff.sign_out(amy)
    services.staff.authenticate("amy", STAFF_PASSWORD)
    services.staff.sign_out(amy, switching_user=True)
    assert events(services, "amy")[1:] == [
        ("staff_login", "{}"),
        ("staff_logout", "{}"),
        ("staff_login", "{}"),
        ("staff_logout", '{"switch_user":true}'),
    ]


def test_the_idle_lock_and_the_unlock_are_audited(services: Services) -> None:
    amy = add_staff(services, "operator", "amy")
    services.staff.lock_screen(amy, idle_minutes=10)
    again = services.staff.unlock_screen(amy, STAFF_PASSWORD)
    assert again == amy
    assert events(services, "amy")[-2:] == [
        ("staff_screen_locked", '{"idle_minutes":10}'),
        ("staff_screen_unlocked", "{}"),
    ]


def test_wrong_unlock_passwords_count_toward_the_staff_lock(
    services: Services, clock: ManualClock
) -> None:
    amy = add_staff(services, "operator", "amy")
    services.staff.lock_screen(amy, idle_minutes=10)
    threshold = services.settings.staff.lock_threshold
    for _ in range(threshold):
        with pytest.raises(Refused) as wrong:
            services.staff.unlock_screen(amy, "not-the-password")
        assert wrong.value.code == "staff_unlock_failed"
    # locked now: the right password no longer unlocks, nor signs in
    with pytest.raises(Refused) as locked:
        services.staff.unlock_screen(amy, STAFF_PASSWORD)
    assert locked.value.code == "staff_locked"
    with pytest.raises(Refused) as at_sign_in:
        services.staff.authenticate("amy", STAFF_PASSWORD)
    assert at_sign_in.value.code == "staff_locked"
    failures = [e for e in events(services, "amy") if e[0] == "staff_unlock_failed"]
    assert [detail for _, detail in failures] == [
        *['{"locked":false}'] * (threshold - 1),
        '{"locked":true}',
    ]
    clock.advance(minutes=services.settings.staff.lock_minutes + 1)
    assert services.staff.unlock_screen(amy, STAFF_PASSWORD).username == "amy"


def test_wrong_sign_in_passwords_count_toward_the_unlock_too(services: Services) -> None:
    """One policy for both doors: failures at either add up."""
    amy = add_staff(services, "operator", "amy")
    threshold = services.settings.staff.lock_threshold
    for _ in range(threshold - 1):
        with pytest.raises(Refused):
            services.staff.authenticate("amy", "not-the-password")
    with pytest.raises(Refused):
        services.staff.unlock_screen(amy, "not-the-password")
    with pytest.raises(Refused) as locked:
        services.staff.unlock_screen(amy, STAFF_PASSWORD)
    assert locked.value.code == "staff_locked"


def test_a_deactivated_staff_member_cannot_unlock(services: Services) -> None:
    amy = add_staff(services, "operator", "amy")
    services.staff.deactivate(an_admin(services), "amy", "left the office")
    with pytest.raises(Refused) as refused:
        services.staff.unlock_screen(amy, STAFF_PASSWORD)
    assert refused.value.code == "staff_inactive"
    assert "staff_screen_unlocked" not in actions(services, "amy")


def test_an_identity_that_is_not_in_the_database_cannot_unlock(services: Services) -> None:
    amy = add_staff(services, "operator", "amy")
    forged = StaffIdentity(amy.id, "someone.else", "Someone", "admin", "en")
    with pytest.raises(PermissionDenied):
        services.staff.unlock_screen(forged, STAFF_PASSWORD)
