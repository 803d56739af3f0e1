"""Desk actions: roles × actions, verification, reasons, tokens, temporary passwords, letters."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from desk_app.models import (
    AccountEvent,
    AuditEvent,
    CallerVerification,
    Letter,
    PasswordResetToken,
)
from desk_app.services.actor import StaffIdentity
from desk_app.services.errors import BadInput, DeskError, Locked, PermissionDenied, Refused
from desk_app.services.permissions import MATRIX, Action, Role
from desk_app.services.registry import build_services
from tests.support.accounts import (
    EMAIL,
    ID,
    PASSWORD,
    SECRET,
    WRONG,
    AccountKit,
    account_row,
    event_kinds,
    fetch,
    outbox,
    register,
    verify,
)
from tests.support.factories import add_staff, make_candidate
from tests.support.mail_delivery import deliver_reset


@pytest.fixture
def candidate_id(kit: AccountKit) -> int:
    return make_candidate(kit.services)


def lock(kit: AccountKit) -> None:
    for n in range(3):
        with pytest.raises(Refused if n < 2 else Locked):
            kit.accounts.login(ID, WRONG, source="198.51.100.7")


def audit_details(kit: AccountKit) -> list[str]:
    return fetch(kit, select(AuditEvent.detail).order_by(AuditEvent.id))


# -- roles × actions --------------------------------------------------------------------------

ACTIONS: dict[Action, Callable[..., Any]] = {
    Action.UNLOCK: lambda kit, staff, **kw: kit.desk.unlock(staff, ID, **kw),
    Action.SEND_RESET: lambda kit, staff, **kw: kit.desk.send_reset(staff, ID, **kw),
    Action.CHANGE_EMAIL: lambda kit, staff, **kw: kit.desk.change_email(
        staff, ID, "fresh@example.net", **kw
    ),
    Action.REISSUE_LETTER: lambda kit, staff, **kw: kit.desk.reissue_letter(staff, ID, **kw),
    Action.TEMP_PASSWORD: lambda kit, staff, **kw: kit.desk.temporary_password(staff, ID, **kw),
}


@pytest.mark.parametrize("verified", [True, False], ids=["verified", "unverified"])
@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", list(ACTIONS), ids=lambda a: a.value)
def test_roles_times_actions(
    kit: AccountKit, candidate_id: int, action: Action, role: Role, verified: bool
) -> None:
    register(kit)
    lock(kit)
    staff = add_staff(kit.services, role)
    if verified and role in MATRIX[Action.VERIFY_CALLER]:
        verify(kit, staff)
    act = ACTIONS[action]
    audited_before = len(audit_details(kit))
    if role not in MATRIX[action]:
        with pytest.raises(PermissionDenied):
            act(kit, staff, reason="caller asked", override_reason="caller asked")
        assert len(audit_details(kit)) == audited_before
        return
    if not verified and role != Role.SUPERVISOR:
        with pytest.raises(Refused) as refused:
            act(kit, staff, reason="caller asked", override_reason="caller asked")
        assert refused.value.code == "verification_required"
        assert len(audit_details(kit)) == audited_before
        return
    act(kit, staff, reason="caller asked", override_reason="caller asked")
    detail = json.loads(audit_details(kit)[-1])
    overrides = fetch(
        kit, select(CallerVerification).where(CallerVerification.method == "override")
    )
    if verified:
        assert detail["verification"] in ("caller", "document") and overrides == []
    else:  # a supervisor without verification: an audited override
        assert detail["verification"] == "override"
        assert [(o.staff_id, o.reason) for o in overrides] == [(staff.id, "caller asked")]


def test_a_supervisor_needs_a_reason_to_override(kit: AccountKit, candidate_id: int) -> None:
    register(kit)
    lock(kit)
    supervisor = add_staff(kit.services, "supervisor")
    with pytest.raises(Refused) as refused:
        kit.desk.unlock(supervisor, ID, reason="asked")
    assert refused.value.code == "verification_required"
    with pytest.raises(Refused):
        kit.desk.unlock(supervisor, ID, reason="asked", override_reason="   ")


@pytest.mark.parametrize("action", list(ACTIONS), ids=lambda a: a.value)
@pytest.mark.parametrize("reason", ["", "   ", None])
def test_every_action_needs_a_reason(
    kit: AccountKit, candidate_id: int, action: Action, reason: str | None
) -> None:
    register(kit)
    lock(kit)
    supervisor = add_staff(kit.services, "supervisor")
    verify(kit, supervisor)
    before = event_kinds(kit, candidate_id)
    with pytest.raises(BadInput) as raised:
        ACTIONS[action](kit, supervisor, reason=reason)
    assert raised.value.code == "reason_required"
    assert event_kinds(kit, candidate_id) == before


# -- unlock ------------------------------------------------------------------------------------


def test_unlock_ends_the_lock_and_says_who_and_why(kit: AccountKit, candidate_id: int) -> None:
    register(kit)
    lock(kit)
    operator = add_staff(kit.services, "operator", "op.chan")
    verify(kit, operator)
    done = kit.desk.unlock(operator, ID, reason="caller verified, typo in password")
    assert done.locks == ("password",)
    assert done.was_locked_until == kit.clock.now() + timedelta(minutes=30)
    account = account_row(kit, candidate_id)
    assert account.locked_until is None and account.failed_attempts == 0
    (event,) = fetch(kit, select(AccountEvent).where(AccountEvent.kind == "unlocked"))
    assert (event.staff_id, event.reason) == (operator.id, "caller verified, typo in password")
    assert kit.accounts.login(ID, PASSWORD).id_number == ID
    with pytest.raises(Refused) as refused:
        kit.desk.unlock(operator, ID, reason="again")
    assert refused.value.code == "not_locked"
    assert kit.services.audit.verify().ok


def test_unlocking_an_expired_lock_records_the_expiry(kit: AccountKit, candidate_id: int) -> None:
    register(kit)
    lock(kit)
    supervisor = add_staff(kit.services, "supervisor")
    kit.clock.advance(minutes=31)
    with pytest.raises(Refused) as refused:
        kit.desk.unlock(supervisor, ID, reason="asked", override_reason="asked")
    assert refused.value.code == "not_locked"
    assert event_kinds(kit, candidate_id)[-1] == "lock_expired"


# -- reset links -------------------------------------------------------------------------------


def _send(kit: AccountKit, staff: StaffIdentity) -> str:
    """Ask for a reset email and deliver it: the token in the email as received."""
    kit.desk.send_reset(staff, ID, reason="forgot the password")
    return deliver_reset(kit.services)


def test_a_reset_link_is_single_use_and_does_not_lock_or_unlock(
    kit: AccountKit, candidate_id: int
) -> None:
    register(kit)
    operator = add_staff(kit.services, "operator")
    verify(kit, operator)
    token = _send(kit, operator)
    account = account_row(kit, candidate_id)
    assert account.locked_until is None and account.failed_attempts == 0
    message = outbox(kit)[-1]
    assert message.kind == "password_reset" and message.to_address == EMAIL
    assert token not in message.body and "reset?token=" not in message.body
    # the token is in the email only: not stored, not audited, not in the timeline
    (stored,) = fetch(kit, select(PasswordResetToken))
    assert stored.token_hash is not None and len(stored.token_hash) == 64
    assert stored.token_hash != token
    for detail in audit_details(kit):
        assert token not in detail
    for event_detail in fetch(kit, select(AccountEvent.detail)):
        assert event_detail is None or token not in event_detail
    done = kit.accounts.reset_with_token(token, "Brandnew77", source="192.0.2.5")
    assert done.id_number == ID and done.unlocked is False
    assert kit.accounts.login(ID, "Brandnew77").id_number == ID
    with pytest.raises(Refused) as again:
        kit.accounts.reset_with_token(token, "Another777")
    assert again.value.code == "token_invalid"


def test_a_reset_link_expires_after_sixty_minutes(kit: AccountKit, candidate_id: int) -> None:
    register(kit)
    supervisor = add_staff(kit.services, "supervisor")
    verify(kit, supervisor)
    token = _send(kit, supervisor)
    start = kit.clock.now()
    kit.clock.set(start + timedelta(minutes=60))
    with pytest.raises(Refused) as expired:
        kit.accounts.reset_with_token(token, "Brandnew77")
    assert expired.value.code == "token_invalid"
    kit.clock.set(start + timedelta(minutes=59, seconds=59))
    kit.accounts.reset_with_token(token, "Brandnew77")


def test_a_newer_link_kills_the_older_one(kit: AccountKit, candidate_id: int) -> None:
    register(kit)
    operator = add_staff(kit.services, "operator")
    verify(kit, operator)
    older = _send(kit, operator)
    newer = _send(kit, operator)
    assert older != newer
    with pytest.raises(Refused):
        kit.accounts.reset_with_token(older, "Brandnew77")
    kit.accounts.reset_with_token(newer, "Brandnew77")


def test_using_a_link_ends_a_lock(kit: AccountKit, candidate_id: int) -> None:
    register(kit)
    operator = add_staff(kit.services, "operator")
    verify(kit, operator)
    token = _send(kit, operator)
    lock(kit)
    assert kit.accounts.reset_with_token(token, "Brandnew77").unlocked is True
    assert kit.accounts.login(ID, "Brandnew77").id_number == ID
    assert event_kinds(kit, candidate_id)[-3:] == ["unlocked", "reset_used", "login"]


@pytest.mark.parametrize("token", ["", "x" * 300, "not-a-token", "ünicode"])
def test_a_bad_token_is_refused(kit: AccountKit, candidate_id: int, token: str) -> None:
    register(kit)
    with pytest.raises(Refused) as refused:
        kit.accounts.reset_with_token(token, "Brandnew77")
    assert refused.value.code == "token_invalid"


def test_no_reset_for_an_account_that_is_not_registered(kit: AccountKit, candidate_id: int) -> None:
    operator = add_staff(kit.services, "operator")
    verify(kit, operator)
    with pytest.raises(Refused) as refused:
        kit.desk.send_reset(operator, ID, reason="forgot")
    assert refused.value.code == "not_registered"
    assert outbox(kit) == []


# -- temporary passwords ---------------------------------------------------------------------


def test_a_temporary_password_is_handed_back_once_and_must_be_changed(
    kit: AccountKit, candidate_id: int
) -> None:
    register(kit)
    lock(kit)
    counter = add_staff(kit.services, "counter")
    verify(kit, counter)
    issued = kit.desk.temporary_password(counter, ID, reason="walk-in, HKID seen")
    assert issued.must_change_password and issued.unlocked
    assert issued.password not in repr(issued)
    account = account_row(kit, candidate_id)
    assert account.must_change_password and account.locked_until is None
    for detail in audit_details(kit):
        assert issued.password not in detail
    notice = outbox(kit)[-1]
    assert notice.kind == "temp_password" and issued.password not in notice.body
    assert kit.accounts.login(ID, issued.password).must_change_password is True
    kit.accounts.change_password(ID, issued.password, "Mine12345")
    assert kit.accounts.login(ID, "Mine12345").must_change_password is False


# -- change of email -------------------------------------------------------------------------


def test_change_of_email_tells_both_addresses_and_kills_old_links(
    kit: AccountKit, candidate_id: int
) -> None:
    register(kit)
    operator = add_staff(kit.services, "operator")
    verify(kit, operator)
    token = _send(kit, operator)
    changed = kit.desk.change_email(operator, ID, "New.Box@Example.NET", reason="lost mailbox")
    assert (changed.old_email, changed.new_email) == (EMAIL, "New.Box@example.net")
    assert account_row(kit, candidate_id).email == "New.Box@example.net"
    old_notice, confirmation = outbox(kit)[-2:]
    assert (old_notice.kind, old_notice.to_address) == ("email_changed_old", EMAIL)
    assert "Ne***@example.net" in old_notice.body and "New.Box@" not in old_notice.body
    assert (confirmation.kind, confirmation.to_address) == (
        "email_changed_new",
        "New.Box@example.net",
    )
    with pytest.raises(Refused):
        kit.accounts.reset_with_token(token, "Brandnew77")
    with pytest.raises(Refused) as same:
        kit.desk.change_email(operator, ID, "new.box@example.net", reason="again")
    assert same.value.code == "same_email"
    with pytest.raises(BadInput):
        kit.desk.change_email(operator, ID, "not an address", reason="typo")


# -- reissued letters ------------------------------------------------------------------------


def test_a_reissued_secret_registers_and_the_old_one_does_not(
    kit: AccountKit, candidate_id: int
) -> None:
    counter = add_staff(kit.services, "counter")
    verify(kit, counter)
    letter = kit.desk.reissue_letter(counter, ID, reason="lost the letter")
    assert letter.registered is False and letter.number == 1
    assert letter.secret_number is not None and len(letter.secret_number) == 4
    assert "secret_number" not in repr(letter)
    rows = fetch(kit, select(Letter).order_by(Letter.number))
    assert [(r.number, r.active) for r in rows] == [(0, False), (1, True)]
    assert rows[1].secret_hash is not None and rows[1].secret_hash.startswith("$argon2id$")
    (entry,) = fetch(kit, select(AuditEvent.detail).where(AuditEvent.action == "letter_reissued"))
    assert json.loads(entry)["serial"] == letter.serial
    assert f'"{letter.secret_number}"' not in entry
    if letter.secret_number != SECRET:
        with pytest.raises(Refused) as old:
            register(kit, secret=SECRET)
        assert old.value.code == "wrong_secret"
    register(kit, secret=letter.secret_number)
    assert account_row(kit, candidate_id).registered_at is not None


def test_a_reissue_after_registration_has_no_secret(kit: AccountKit, candidate_id: int) -> None:
    register(kit)
    supervisor = add_staff(kit.services, "supervisor")
    letter = kit.desk.reissue_letter(
        supervisor, ID, reason="lost", override_reason="walk-in known to staff"
    )
    again = kit.desk.reissue_letter(supervisor, ID, reason="lost again", override_reason="again")
    assert (letter.registered, letter.secret_number) == (True, None)
    assert again.number == 2 and again.serial != letter.serial
    rows = fetch(kit, select(Letter).order_by(Letter.number))
    assert [(r.number, r.active, r.secret_hash) for r in rows[1:]] == [
        (1, False, None),
        (2, True, None),
    ]
    assert outbox(kit)[-1].kind == "letter_reissued"


def test_a_reissue_ends_a_secret_lock(kit: AccountKit, candidate_id: int) -> None:
    for n in range(3):
        with pytest.raises(Refused if n < 2 else Locked):
            register(kit, secret="0000" if SECRET != "0000" else "1111")
    counter = add_staff(kit.services, "counter")
    verify(kit, counter)
    letter = kit.desk.reissue_letter(counter, ID, reason="lost and locked")
    assert letter.secret_number is not None
    register(kit, secret=letter.secret_number)
    assert "unlocked" in event_kinds(kit, candidate_id)


def test_a_reissued_letter_comes_as_a_pdf(kit: AccountKit, candidate_id: int) -> None:
    supervisor = add_staff(kit.services, "supervisor")
    verify(kit, supervisor)
    letter = kit.desk.reissue_letter(supervisor, ID, reason="lost", pdf=True)
    assert letter.pdf is not None and letter.pdf.startswith(b"%PDF")
    assert len(fetch(kit, select(Letter))) == 2


def test_without_a_font_the_pdf_is_refused_and_nothing_rotates(
    kit: AccountKit, candidate_id: int, missing_pdf_font: str
) -> None:
    settings = replace(kit.services.settings, pdf_font=missing_pdf_font)
    desk = build_services(kit.services.db, settings, kit.clock).desk_actions
    supervisor = add_staff(kit.services, "supervisor")
    verify(kit, supervisor)
    with pytest.raises(DeskError) as raised:
        desk.reissue_letter(supervisor, ID, reason="lost", pdf=True)
    assert raised.value.code == "pdf_font_missing"
    assert len(fetch(kit, select(Letter))) == 1
    register(kit, secret=SECRET)  # the Secret Number on the letter the candidate holds still works
