"""Opening a candidate at the desk: everything the pane shows, one look, one audit entry."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.errors import NotFound, PermissionDenied
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.desk_window import ID, lock, register
from tests.support.factories import add_staff, make_candidate


def audit_actions(services: Services) -> list[tuple[str, str | None]]:
    with services.db.read() as session:
        rows = session.execute(
            select(AuditEvent.action, AuditEvent.subject).order_by(AuditEvent.id)
        )
        return [(action, subject) for action, subject in rows]


def test_opening_a_candidate_writes_one_audit_entry(services: Services) -> None:
    make_candidate(services)
    register(services)
    lock(services)
    operator = add_staff(services, "operator", "op.chan")
    services.verification.verify_caller(
        operator, ID, name="Chan Tai Man", date_of_birth="2001-05-17", id_number=ID
    )
    services.notes.add(operator, ID, "caller locked out")
    before = audit_actions(services)

    view = services.candidate_views.open(operator, "smr 123456")

    assert audit_actions(services)[len(before) :] == [("candidate_viewed", ID)]
    assert view.detail.id_number == ID
    assert view.detail.account.locked_until is not None
    assert "locked" in [event.kind for event in view.timeline]
    assert [note.text for note in view.notes] == ["caller locked out"]
    assert view.verification is not None and view.verification.passed
    assert view.at == services.clock.now()
    assert services.audit.verify().ok


def test_a_lock_that_ran_out_is_settled_before_the_look(
    services: Services, clock: ManualClock
) -> None:
    make_candidate(services)
    register(services)
    lock(services)
    clock.advance(minutes=31)
    view = services.candidate_views.open(add_staff(services, "operator"), ID)
    assert view.detail.account.locked_until is None
    assert view.timeline[-1].kind == "lock_expired"


@pytest.mark.parametrize("role", ["counter", "supervisor", "admin"])
def test_every_role_may_open_a_candidate(services: Services, role: str) -> None:
    make_candidate(services)
    view = services.candidate_views.open(add_staff(services, role), ID)
    assert view.detail.name_en == "CHAN Tai Man"
    assert view.verification is None  # nothing verified yet (an admin never verifies)


def test_an_unknown_candidate_or_staff_member_is_refused(services: Services) -> None:
    make_candidate(services)
    operator = add_staff(services, "operator")
    with pytest.raises(NotFound):
        services.candidate_views.open(operator, "XYZ999999")
    stranger = type(operator)(operator.id + 100, "stranger", "Stranger", "operator", "en")
    with pytest.raises(PermissionDenied):
        services.candidate_views.open(stranger, ID)
    assert [action for action, _subject in audit_actions(services)].count("candidate_viewed") == 0
