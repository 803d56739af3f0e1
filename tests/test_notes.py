"""Call notes."""

from __future__ import annotations

import pytest

from desk_app.services.errors import BadInput, PermissionDenied
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import add_staff, make_candidate


def test_notes_are_kept_newest_first(services: Services, clock: ManualClock) -> None:
    make_candidate(services)
    operator = add_staff(services, "operator", "op")
    services.notes.add(operator, "SMR123456", "Caller lost the letter.\nWill come to the counter.")
    clock.advance(minutes=5)
    services.notes.add(operator, "SMR123456", "來電查詢成績", channel="phone")
    notes = services.notes.list(operator, "SMR123456")
    assert [n.text for n in notes] == [
        "來電查詢成績",
        "Caller lost the letter.\nWill come to the counter.",
    ]
    assert notes[0].staff == "op"


@pytest.mark.parametrize("text", ["", "   ", "x" * 4001, "bell\x07", "zero\u200bwidth"])
def test_bad_notes_are_refused(services: Services, text: str) -> None:
    make_candidate(services)
    with pytest.raises(BadInput):
        services.notes.add(add_staff(services, "operator"), "SMR123456", text)


def test_admins_do_not_write_call_notes(services: Services) -> None:
    make_candidate(services)
    with pytest.raises(PermissionDenied):
        services.notes.add(add_staff(services, "admin"), "SMR123456", "hello")
