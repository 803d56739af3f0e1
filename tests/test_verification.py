"""Caller verification: pass or fail without saying why, per staff member, for a time."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent, CallerVerification
from desk_app.services.errors import BadInput, NotFound, PermissionDenied, Refused
from desk_app.services.registry import Services
from tests.support.accounts import ID, AccountKit, account_kit, fetch, register
from tests.support.factories import add_staff, make_candidate

DOB = "2001-05-17"


@pytest.fixture
def kit(services: Services) -> AccountKit:
    make_candidate(services)
    return account_kit(services)


@pytest.mark.parametrize(
    ("name", "identifiers"),
    [
        ("CHAN Tai Man", {"id_number": "smr 123456"}),
        ("tai man chan", {"phone": "+852 9123 4567"}),
        ("Chân TAI-MAN", {"email": "TaiMan.Chan@Example.com"}),
        ("陳大文", {"phone": "91234567"}),
        ("陳 大 文", {"id_number": ID, "phone": "9123-4567"}),
    ],
)
def test_what_passes(kit: AccountKit, name: str, identifiers: dict[str, str]) -> None:
    operator = add_staff(kit.services, "operator")
    result = kit.verification.verify_caller(
        operator, ID, name=name, date_of_birth=DOB, **identifiers
    )
    assert result.passed and result.method == "caller"
    assert result.expires_at == kit.clock.now() + timedelta(minutes=15)
    assert not result.flagged


@pytest.mark.parametrize(
    ("name", "dob", "identifiers"),
    [
        ("CHAN Tai Man", "2001-05-18", {"id_number": ID}),  # date of birth
        ("CHAN Tai Ming", DOB, {"id_number": ID}),  # name
        ("CHAN Tai", DOB, {"id_number": ID}),  # part of the name
        ("陳小文", DOB, {"id_number": ID}),  # Chinese name
        ("CHAN Tai Man", DOB, {"id_number": "SMR123457"}),
        ("CHAN Tai Man", DOB, {"email": "someone@example.com"}),
        ("CHAN Tai Man", DOB, {"phone": "91234568"}),
        ("CHAN Tai Man", DOB, {"id_number": ID, "phone": "91234568"}),  # one wrong of two
    ],
)
def test_what_fails_and_that_it_never_says_which_field(
    kit: AccountKit, name: str, dob: str, identifiers: dict[str, str]
) -> None:
    operator = add_staff(kit.services, "operator")
    result = kit.verification.verify_caller(
        operator, ID, name=name, date_of_birth=dob, **identifiers
    )
    assert not result.passed
    assert result.expires_at == kit.clock.now()
    (entry,) = fetch(
        kit, select(AuditEvent).where(AuditEvent.action == "caller_verification_failed")
    )
    detail = json.loads(entry.detail)
    assert set(detail) == {"method", "verification", "identifiers", "failures_24h", "flagged"}
    assert sorted(detail["identifiers"]) == sorted(identifiers)
    for typed in (name, dob, *identifiers.values()):
        assert typed not in entry.detail


def test_the_registered_email_passes_as_well_as_the_one_on_file(kit: AccountKit) -> None:
    register(kit, email="registered@example.org")
    operator = add_staff(kit.services, "operator")
    for email in ("registered@example.org", "taiman.chan@example.com"):
        result = kit.verification.verify_caller(
            operator, ID, name="Chan Tai Man", date_of_birth=date(2001, 5, 17), email=email
        )
        assert result.passed, email


def test_an_identifier_is_required(kit: AccountKit) -> None:
    operator = add_staff(kit.services, "operator")
    with pytest.raises(BadInput) as raised:
        kit.verification.verify_caller(operator, ID, name="Chan Tai Man", date_of_birth=DOB)
    assert raised.value.code == "verification_identifier_required"
    with pytest.raises(BadInput) as bad_date:
        kit.verification.verify_caller(
            operator, ID, name="Chan Tai Man", date_of_birth="30/02/2001", phone="91234567"
        )
    assert bad_date.value.code == "invalid_date"
    assert fetch(kit, select(CallerVerification)) == []


def test_unknown_candidates_and_roles(kit: AccountKit) -> None:
    operator = add_staff(kit.services, "operator")
    admin = add_staff(kit.services, "admin")
    with pytest.raises(NotFound):
        kit.verification.verify_caller(
            operator, "XYZ999999", name="A B", date_of_birth=DOB, phone="91234567"
        )
    with pytest.raises(PermissionDenied):
        kit.verification.verify_caller(
            admin, ID, name="Chan Tai Man", date_of_birth=DOB, phone="91234567"
        )


def test_repeated_failures_on_one_candidate_are_flagged(kit: AccountKit) -> None:
    first = add_staff(kit.services, "operator")
    second = add_staff(kit.services, "operator")

    def fail(staff: object) -> bool:
        result = kit.verification.verify_caller(
            staff,  # type: ignore[arg-type]
            ID,
            name="Somebody",
            date_of_birth=DOB,
            phone="91234567",
        )
        assert not result.passed
        return result.flagged

    assert fail(first) is False
    kit.clock.advance(hours=25)  # an old failure no longer counts
    assert fail(first) is False
    assert fail(second) is False
    assert fail(first) is True  # three within 24 hours, whoever took the calls
    flagged = fetch(kit, select(AuditEvent.detail).order_by(AuditEvent.id.desc()).limit(1))
    assert json.loads(flagged[0])["flagged"] is True


# -- a pass opens the door for one staff member, one candidate, a while ----------------------


def _locked(kit: AccountKit) -> None:
    from desk_app.services.errors import Locked

    register(kit)
    for n in range(3):
        with pytest.raises(Refused if n < 2 else Locked):
            kit.accounts.login(ID, "Wrong-pass-1")


def test_a_pass_is_for_that_staff_member_only_and_expires(kit: AccountKit) -> None:
    _locked(kit)
    make_candidate(kit.services, "AB1234", name_en="LEE Siu Ming", email=None)
    first = add_staff(kit.services, "operator")
    second = add_staff(kit.services, "operator")
    assert kit.verification.verify_caller(
        first, ID, name="Chan Tai Man", date_of_birth=DOB, phone="91234567"
    ).passed
    with pytest.raises(Refused) as other_staff:
        kit.desk.unlock(second, ID, reason="caller asked")
    assert other_staff.value.code == "verification_required"
    with pytest.raises(Refused) as other_candidate:
        kit.desk.reissue_letter(first, "AB1234", reason="lost")
    assert other_candidate.value.code == "verification_required"
    kit.clock.advance(minutes=15)  # the pass ends at exactly 15 minutes
    with pytest.raises(Refused) as expired:
        kit.desk.unlock(first, ID, reason="caller asked")
    assert expired.value.code == "verification_required"
    kit.clock.advance(seconds=-1)
    assert kit.desk.unlock(first, ID, reason="caller asked").locks == ("password",)


def test_a_later_failure_ends_an_open_pass(kit: AccountKit) -> None:
    _locked(kit)
    operator = add_staff(kit.services, "operator")
    kit.verification.verify_caller(
        operator, ID, name="Chan Tai Man", date_of_birth=DOB, phone="91234567"
    )
    kit.verification.verify_caller(
        operator, ID, name="Chan Tai Man", date_of_birth=DOB, phone="00000000"
    )
    with pytest.raises(Refused) as refused:
        kit.desk.unlock(operator, ID, reason="caller asked")
    assert refused.value.code == "verification_required"


@pytest.mark.parametrize(("role", "allowed"), [("counter", True), ("supervisor", True),
                                               ("operator", False), ("admin", False)])  # fmt: skip
def test_a_document_is_recorded_by_counter_staff(kit: AccountKit, role: str, allowed: bool) -> None:
    staff = add_staff(kit.services, role)
    if not allowed:
        with pytest.raises(PermissionDenied):
            kit.verification.record_document(staff, ID, "HKID card")
        return
    result = kit.verification.record_document(staff, ID, "HKID card")
    assert result.passed and result.method == "document"
    (row,) = fetch(kit, select(CallerVerification))
    assert (row.document, row.method, row.staff_id) == ("HKID card", "document", staff.id)
    with pytest.raises(BadInput):
        kit.verification.record_document(staff, ID, "   ")


# -- the open pass, for a desk started after it was made -------------------------------------


def _audit_count(kit: AccountKit) -> int:
    return len(fetch(kit, select(AuditEvent.id)))


def test_current_is_the_open_pass_of_that_staff_member(kit: AccountKit) -> None:
    operator = add_staff(kit.services, "operator")
    other = add_staff(kit.services, "operator")
    assert kit.verification.current(operator, ID) is None
    passed = kit.verification.verify_caller(
        operator, ID, name="Chan Tai Man", date_of_birth=DOB, phone="91234567"
    )
    audited = _audit_count(kit)
    current = kit.verification.current(operator, " smr 123456 ")
    assert current == passed  # the same answer the desk had when the pass was made
    (row,) = fetch(kit, select(CallerVerification))
    assert kit.verification.current(operator, row.candidate_id) == passed  # by id as well
    assert kit.verification.current(other, ID) is None  # for that staff member only
    assert _audit_count(kit) == audited  # read-only, not audited
    kit.clock.advance(minutes=15)  # the pass ends at exactly 15 minutes, as for the actions
    assert kit.verification.current(operator, ID) is None
    kit.clock.advance(seconds=-1)
    assert kit.verification.current(operator, ID) == passed
    assert len(fetch(kit, select(CallerVerification))) == 1


def test_a_later_failure_ends_the_current_pass_and_an_override_is_no_pass(
    kit: AccountKit,
) -> None:
    _locked(kit)
    supervisor = add_staff(kit.services, "supervisor")
    kit.verification.verify_caller(
        supervisor, ID, name="Chan Tai Man", date_of_birth=DOB, phone="91234567"
    )
    failed = kit.verification.verify_caller(
        supervisor, ID, name="Chan Tai Man", date_of_birth=DOB, phone="00000000"
    )
    assert not failed.passed
    assert kit.verification.current(supervisor, ID) is None
    kit.desk.unlock(supervisor, ID, reason="caller asked", override_reason="known caller")
    methods = [row.method for row in fetch(kit, select(CallerVerification))]
    assert methods == ["caller", "caller", "override"]
    assert kit.verification.current(supervisor, ID) is None
    again = kit.verification.verify_caller(
        supervisor, ID, name="Chan Tai Man", date_of_birth=DOB, phone="91234567"
    )
    current = kit.verification.current(supervisor, ID)
    assert current is not None and current.verification_id == again.verification_id
    assert current.recent_failures == 1 and not current.flagged


def test_current_for_a_document_and_the_flag_as_of_now(kit: AccountKit) -> None:
    counter = add_staff(kit.services, "counter")
    operator = add_staff(kit.services, "operator")
    seen = kit.verification.record_document(counter, ID, "HKID card")
    current = kit.verification.current(counter, ID)
    assert current == seen and current.method == "document"
    for _ in range(3):  # someone keeps trying on the phone meanwhile
        kit.verification.verify_caller(
            operator, ID, name="Somebody", date_of_birth=DOB, phone="91234567"
        )
    current = kit.verification.current(counter, ID)
    assert current is not None and current.verification_id == seen.verification_id
    assert (current.recent_failures, current.flagged) == (3, True)


def test_current_roles_and_unknown_candidates(kit: AccountKit) -> None:
    operator = add_staff(kit.services, "operator")
    admin = add_staff(kit.services, "admin")
    assert kit.verification.current(admin, ID) is None  # may open it, never verifies
    with pytest.raises(NotFound):
        kit.verification.current(operator, "XYZ999999")
    with pytest.raises(NotFound):
        kit.verification.current(operator, 999_999)
    with pytest.raises(BadInput):
        kit.verification.current(operator, "not an id")
