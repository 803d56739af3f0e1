"""Reprinted statements: verification first, numbered, audited, verifiable."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from desk_app.models import AuditEvent, IssuedStatement
from desk_app.services.actions.verification import VerificationService
from desk_app.services.documents.statements import StatementService, new_code, normalise_code
from desk_app.services.errors import BadInput, DeskError, NotFound, PermissionDenied, Refused
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import add_staff, make_candidate
from tests.support.pdf import all_text


@pytest.fixture
def statements(services: Services) -> StatementService:
    return StatementService(services.db, services.settings, services.clock)


def _issued(services: Services) -> int:
    with services.db.read() as session:
        return session.scalar(select(func.count()).select_from(IssuedStatement)) or 0


def test_counter_staff_print_after_seeing_a_document(
    services: Services, statements: StatementService
) -> None:
    make_candidate(services)
    counter = add_staff(services, "counter", "counter.ho")
    with pytest.raises(Refused) as refused:
        statements.print_statement(counter, "SMR123456", reason="lost the statement")
    assert refused.value.code == "verification_required"
    assert _issued(services) == 0
    VerificationService(services.db, services.settings, services.clock).record_document(
        counter, "SMR123456", "HKID card"
    )
    printed = statements.print_statement(counter, "SMR123456", reason="lost the statement")
    assert printed.pdf.startswith(b"%PDF")
    text = all_text(printed.pdf)
    assert printed.serial in text and "CHAN Tai Man" in text and "PASS WITH MERIT" in text
    assert "REPRINT" in text and "重印" in text
    assert printed.verification_code in text
    with services.db.read() as session:
        row = session.scalar(select(AuditEvent).where(AuditEvent.action == "statement_printed"))
        assert row is not None
        detail_text = row.detail
    detail = json.loads(detail_text)
    assert detail["serial"] == printed.serial and detail["verification"] == "document"
    assert printed.verification_code not in detail_text
    assert services.audit.verify().ok


def test_the_code_round_trip_tells_what_the_statement_said(
    services: Services, statements: StatementService
) -> None:
    make_candidate(services)
    supervisor = add_staff(services, "supervisor")
    printed = statements.print_statement(
        supervisor,
        "SMR123456",
        reason="institution asked",
        override_reason="candidate at the counter with HKID",
    )
    check = statements.verify(printed.verification_code.lower().replace("-", " "))
    assert check.serial == printed.serial
    assert (check.id_number, check.name_en, check.grade) == (
        "SMR123456",
        "CHAN Tai Man",
        "PASS WITH MERIT",
    )
    assert check.papers[0] == ("Reading", 148)
    with pytest.raises(NotFound):
        statements.verify(new_code())
    for junk in ("", "x" * 5000, "'; DROP TABLE issued_statement; --", "😀"):
        with pytest.raises(NotFound):
            statements.verify(junk)


def test_only_the_hash_of_the_code_is_stored(
    services: Services, statements: StatementService
) -> None:
    make_candidate(services)
    printed = statements.print_statement(
        add_staff(services, "supervisor"), "SMR123456", reason="r", override_reason="o"
    )
    with services.db.read() as session:
        row = session.scalar(select(IssuedStatement))
        assert row is not None
        stored = (row.code_hash, row.snapshot)
    assert normalise_code(printed.verification_code) not in stored
    assert printed.verification_code not in stored[1]


def test_serials_are_unique_and_numbered(
    services: Services, statements: StatementService, clock: ManualClock
) -> None:
    make_candidate(services)
    supervisor = add_staff(services, "supervisor")
    first = statements.print_statement(supervisor, "SMR123456", reason="r", override_reason="o")
    clock.advance(minutes=1)
    second = statements.print_statement(supervisor, "SMR123456", reason="r", override_reason="o")
    assert first.serial != second.serial and first.verification_code != second.verification_code
    assert first.serial.startswith("SR26-")


def test_unreleased_results_are_not_printed(
    services: Services, statements: StatementService
) -> None:
    make_candidate(services, "AB1234", released=False)
    with pytest.raises(Refused) as refused:
        statements.print_statement(
            add_staff(services, "supervisor"), "AB1234", reason="r", override_reason="o"
        )
    assert refused.value.code == "no_results"
    assert _issued(services) == 0


def test_delta_module_one_says_there_is_no_breakdown(
    services: Services, statements: StatementService
) -> None:
    make_candidate(services, "D123456", exam="DELTA1")
    printed = statements.print_statement(
        add_staff(services, "supervisor"), "D123456", reason="r", override_reason="o"
    )
    assert "not available" in all_text(printed.pdf)


@pytest.mark.parametrize("role", ["operator", "admin"])
def test_roles_that_may_not_print(
    services: Services, statements: StatementService, role: str
) -> None:
    make_candidate(services)
    with pytest.raises(PermissionDenied):
        statements.print_statement(
            add_staff(services, role), "SMR123456", reason="r", override_reason="o"
        )


def test_a_reason_is_required(services: Services, statements: StatementService) -> None:
    make_candidate(services)
    with pytest.raises(BadInput):
        statements.print_statement(
            add_staff(services, "supervisor"), "SMR123456", reason=" ", override_reason="o"
        )


def test_batch_reports_each_candidate_and_can_stop(
    services: Services, statements: StatementService
) -> None:
    make_candidate(services, "A100001", name_en="HO Ka Yan", name_zh="何家欣")
    make_candidate(services, "A100002", name_en="LAM Wing", name_zh="林穎")
    make_candidate(services, "A100003", released=False, name_en="YIP Man", name_zh="葉問")
    supervisor = add_staff(services, "supervisor")
    outcomes = statements.print_batch(
        supervisor, ["A100001", "XX999999", "A100003", "A100002"], reason="centre request"
    )
    assert [(o.id_number, o.error_code) for o in outcomes] == [
        ("A100001", None),
        ("XX999999", "candidate_not_found"),
        ("A100003", "no_results"),
        ("A100002", None),
    ]
    seen: list[int] = []
    stopped = statements.print_batch(
        supervisor,
        ["A100001", "A100002"],
        reason="again",
        progress=lambda done, total: seen.append(done) or False,
    )
    assert len(stopped) == 1 and seen == [1]
    with pytest.raises(PermissionDenied):
        statements.print_batch(add_staff(services, "counter"), ["A100001"], reason="r")


def test_a_missing_font_is_a_clear_error_and_nothing_is_issued(
    services: Services, missing_pdf_font: str
) -> None:
    make_candidate(services)
    settings = replace(services.settings, pdf_font=missing_pdf_font)
    broken = StatementService(services.db, settings, services.clock)
    with pytest.raises(DeskError) as raised:
        broken.print_statement(
            add_staff(services, "supervisor"), "SMR123456", reason="r", override_reason="o"
        )
    assert raised.value.code == "pdf_font_missing"
    message = str(raised.value)
    assert "font" in message and "\n" not in message and "Traceback" not in message
    assert _issued(services) == 0
    with services.db.read() as session:
        printed = select(func.count()).where(AuditEvent.action == "statement_printed")
        assert session.scalar(printed) == 0
