"""Candidate detail: what the desk sees, results hidden before release, audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.actor import TerminalUser
from desk_app.services.errors import BadInput, Locked, NotFound, Refused
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import add_entry, add_staff, make_candidate


@pytest.mark.parametrize("role", ["operator", "counter", "supervisor", "admin"])
def test_every_role_sees_a_candidate(services: Services, role: str) -> None:
    make_candidate(services)
    staff = add_staff(services, role)
    detail = services.candidates.show(staff, " smr 123456 ")
    assert detail.id_number == "SMR123456"
    assert (detail.name_en, detail.name_zh) == ("CHAN Tai Man", "陳大文")
    assert detail.centre == "TW056"
    (entry,) = detail.entries
    assert entry.result is not None
    assert entry.result.grade == "PASS WITH MERIT"
    assert [p.name for p in entry.result.papers] == ["Reading", "Writing", "Listening", "Speaking"]
    assert detail.account.registered is False
    assert detail.letters[0].number == 0 and detail.letters[0].issued_by is None


def test_results_are_hidden_before_release(services: Services) -> None:
    make_candidate(services, "AB1234", released=False)
    detail = services.candidates.show(add_staff(services, "operator"), "AB1234")
    assert detail.entries[0].result is None
    assert detail.entries[0].release_at is not None


def test_entries_in_order_each_shown_from_its_own_release_moment(
    services: Services, clock: ManualClock
) -> None:
    candidate_id = make_candidate(services)  # KET, released, with its four papers
    later = add_entry(
        services, candidate_id, "DELTA1", release_at=clock.now() + timedelta(days=3), grade="Merit"
    )
    detail = services.candidates.show(add_staff(services, "operator"), "SMR123456")
    ket, delta = detail.entries
    assert (ket.exam_code, delta.exam_code, delta.entry_id) == ("KETFS", "DELTA1", later)
    assert ket.result is not None and ket.result.grade == "PASS WITH MERIT"
    assert [p.name for p in ket.result.papers] == ["Reading", "Writing", "Listening", "Speaking"]
    assert delta.result is None  # nothing of it before its moment ...
    assert delta.release_at == clock.now() + timedelta(days=3)
    clock.advance(days=3)
    delta = services.candidates.show(add_staff(services, "counter"), "SMR123456").entries[1]
    assert delta.result is not None and (delta.result.grade, delta.result.papers) == ("Merit", ())


def test_delta_module_one_has_no_breakdown(services: Services) -> None:
    make_candidate(services, "D123456", exam="DELTA1")
    detail = services.candidates.show(add_staff(services, "operator"), "D123456")
    assert detail.entries[0].has_breakdown is False
    assert detail.entries[0].result is not None and detail.entries[0].result.papers == ()


def test_viewing_is_audited_with_who_and_whom(services: Services) -> None:
    make_candidate(services)
    staff = add_staff(services, "operator", "op.lee")
    services.candidates.show(staff, "SMR123456")
    services.candidates.show(TerminalUser("root"), "SMR123456")
    with services.db.read() as session:
        rows = session.execute(
            select(AuditEvent.actor, AuditEvent.subject).where(
                AuditEvent.action == "candidate_viewed"
            )
        ).all()
    assert rows == [("op.lee", "SMR123456"), ("cli:root", "SMR123456")]
    assert services.audit.verify().ok


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "SMR",
        "12",
        "ABCD123456",
        "SMR12345678901",
        "'; DROP TABLE candidate;--",
        "😀123456",
        "S\x00MR123",
    ],
)
def test_bad_id_numbers_are_refused_clearly(services: Services, bad: str) -> None:
    with pytest.raises(BadInput) as refused:
        services.candidates.show(add_staff(services, "operator"), bad)
    assert refused.value.code == "invalid_id_number"


def test_unknown_id_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound) as missing:
        services.candidates.show(add_staff(services, "operator"), "XY999999")
    assert missing.value.params == {"id_number": "XY999999"}


def test_the_secret_number_lock_is_shown_while_it_is_on(
    services: Services, clock: ManualClock
) -> None:
    make_candidate(services)
    operator = add_staff(services, "operator")
    assert services.candidates.show(operator, "SMR123456").account.secret_locked_until is None
    for attempt in range(3):  # three wrong Secret Numbers on the registration page
        with pytest.raises(Locked if attempt == 2 else Refused):
            services.accounts.register(
                "SMR123456", "1234", "tm@example.com", "Abcde123", accept_terms=True
            )
    account = services.candidates.show(operator, "SMR123456").account
    assert account.secret_locked_until == clock.now() + timedelta(minutes=30)
    assert account.locked_until is None and not account.registered
    clock.advance(minutes=29, seconds=59)
    assert services.candidates.show(operator, "SMR123456").account.secret_locked_until is not None
    clock.advance(seconds=1)  # over, though nothing has settled it yet
    assert services.candidates.show(operator, "SMR123456").account.secret_locked_until is None
