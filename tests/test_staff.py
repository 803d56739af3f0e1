"""Staff accounts: adding, signing in, lockout, deactivation, roles enforced."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent, Staff
from desk_app.services.actor import TerminalUser
from desk_app.services.errors import BadInput, NotFound, PermissionDenied, Refused
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import STAFF_PASSWORD, add_staff


def test_added_staff_sign_in_and_the_hash_is_argon2(services: Services) -> None:
    who = add_staff(services, "counter", "mei.ling")
    assert (who.username, who.role) == ("mei.ling", "counter")
    with services.db.read() as session:
        row = session.scalar(select(Staff).where(Staff.username == "mei.ling"))
        assert row is not None
        assert row.password_hash.startswith("$argon2id$")
        assert STAFF_PASSWORD not in row.password_hash
        actions = list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.subject == "mei.ling")
                .order_by(AuditEvent.id)
            )
        )
    assert actions == ["staff_added", "staff_login"]


def test_wrong_password_and_unknown_user_look_the_same(services: Services) -> None:
    add_staff(services, "operator", "kwok")
    with pytest.raises(Refused) as wrong:
        services.staff.authenticate("kwok", "not-the-password")
    with pytest.raises(Refused) as unknown:
        services.staff.authenticate("nobody", "not-the-password")
    assert wrong.value.code == unknown.value.code == "staff_login_failed"


def test_five_wrong_passwords_lock_the_staff_login(services: Services, clock: ManualClock) -> None:
    add_staff(services, "operator", "wong")
    for _ in range(5):
        with pytest.raises(Refused):
            services.staff.authenticate("wong", "wrong-password")
    with pytest.raises(Refused) as locked:
        services.staff.authenticate("wong", STAFF_PASSWORD)
    assert locked.value.code == "staff_locked"
    clock.advance(minutes=16)
    assert services.staff.authenticate("wong", STAFF_PASSWORD).username == "wong"


@pytest.mark.parametrize(
    ("username", "role", "password", "code"),
    [
        ("ab", "emperor", "long-enough-pw", "invalid_role"),
        ("x", "operator", "long-enough-pw", "invalid_username"),
        ("robert'); DROP TABLE staff;--", "operator", "long-enough-pw", "invalid_username"),
        ("ok.name", "operator", "short", "weak_staff_password"),
    ],
)
def test_bad_staff_input_is_refused_and_changes_nothing(
    services: Services, username: str, role: str, password: str, code: str
) -> None:
    admin = add_staff(services, "admin")
    before = services.staff.count()
    with pytest.raises(BadInput) as refused:
        services.staff.add(admin, username, role, password)
    assert refused.value.code == code
    assert services.staff.count() == before


@pytest.mark.parametrize("role", ["operator", "counter", "supervisor"])
def test_only_an_admin_manages_staff(services: Services, role: str) -> None:
    someone = add_staff(services, role)
    with pytest.raises(PermissionDenied):
        services.staff.add(someone, "newbie", "operator", "long-enough-pw")
    with pytest.raises(PermissionDenied):
        services.staff.list(someone)


def test_duplicate_username_is_refused(services: Services) -> None:
    admin = add_staff(services, "admin")
    services.staff.add(admin, "Chan.SM", "operator", "long-enough-pw")
    with pytest.raises(Refused) as dup:
        services.staff.add(admin, "chan.sm", "counter", "long-enough-pw")
    assert dup.value.code == "staff_exists"


def test_deactivated_staff_cannot_sign_in_or_act(services: Services) -> None:
    admin = add_staff(services, "admin")
    operator = add_staff(services, "operator", "leaving")
    services.staff.deactivate(admin, "leaving", "left the centre")
    with pytest.raises(Refused):
        services.staff.authenticate("leaving", STAFF_PASSWORD)
    # an identity obtained before deactivation no longer works either
    with pytest.raises(Refused) as refused:
        services.notes.list(operator, "SMR123456")
    assert refused.value.code == "staff_inactive"


def test_deactivation_needs_a_reason_and_keeps_one_admin(services: Services) -> None:
    admin = add_staff(services, "admin", "root.admin")
    with pytest.raises(BadInput):
        services.staff.deactivate(admin, "root.admin", "  ")
    with pytest.raises(Refused) as last:
        services.staff.deactivate(admin, "root.admin", "testing")
    assert last.value.code == "last_admin"
    with pytest.raises(NotFound):
        services.staff.deactivate(admin, "ghost", "testing")


def test_a_role_change_counts_at_once(services: Services) -> None:
    supervisor = add_staff(services, "supervisor", "sup")
    assert services.audit.recent(supervisor)
    with services.db.write() as session:
        row = session.scalar(select(Staff).where(Staff.username == "sup"))
        assert row is not None
        row.role = "operator"
    with pytest.raises(PermissionDenied):
        services.audit.recent(supervisor)


# -- the terminal user: the first administrator, and nothing else ---------------------------


def test_the_terminal_user_adds_the_first_administrator_only(services: Services) -> None:
    terminal = TerminalUser("root")
    with pytest.raises(PermissionDenied) as first:
        services.staff.add(terminal, "boss", "supervisor", "long-enough-pw")
    assert first.value.code == "terminal_first_admin"
    assert services.staff.count() == 0
    added = services.staff.add(terminal, "boss", "admin", "long-enough-pw")
    assert (added.username, added.role) == ("boss", "admin")
    with services.db.read() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert event is not None and (event.actor, event.action) == ("cli:root", "staff_added")
    # from now on, every role needs an administrator, the terminal user gets nowhere
    for role in ("operator", "counter", "supervisor", "admin"):
        with pytest.raises(PermissionDenied) as refused:
            services.staff.add(terminal, f"x.{role}", role, "long-enough-pw")
        assert refused.value.code == "terminal_staff_exist"
    assert services.staff.count() == 1


def test_a_deactivated_staff_table_is_not_empty_for_the_terminal_user(services: Services) -> None:
    add_staff(services, "admin", "first")
    second = add_staff(services, "admin", "second")
    services.staff.deactivate(second, "first", "left")
    with pytest.raises(PermissionDenied) as refused:
        services.staff.add(TerminalUser("root"), "again", "admin", "long-enough-pw")
    assert refused.value.code == "terminal_staff_exist"


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("x" * 257, "text_too_long"),
        ("ten-chars\x00!", "invalid_text"),
        ("ab\udcffcdefghij", "invalid_text"),
    ],
    ids=["too-long", "nul", "not-utf8"],
)
def test_a_staff_password_that_cannot_be_one_is_refused(
    services: Services, password: str, code: str
) -> None:
    admin = add_staff(services, "admin")
    with pytest.raises(BadInput) as refused:
        services.staff.add(admin, "newbie", "operator", password)
    assert refused.value.code == code and refused.value.params["field"] == "password"


def test_signing_in_with_a_password_that_is_not_text_is_just_wrong(services: Services) -> None:
    add_staff(services, "operator", "kwok")
    with pytest.raises(Refused) as refused:
        services.staff.authenticate("kwok", "desk-\udcffpassword-1")
    assert refused.value.code == "staff_login_failed"
