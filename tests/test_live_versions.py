"""Two desks, one candidate: an action prepared on an older view is refused, with who and when."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from desk_app.models import AuditEvent, Letter
from desk_app.services.actor import StaffIdentity
from desk_app.services.errors import DeskError, ExitStatus
from desk_app.services.live.versions import ChangedMeanwhile
from desk_app.services.messages import english
from desk_app.services.registry import Services
from tests.support.accounts import ID, WRONG, AccountKit, fetch, register, verify
from tests.support.clock import ManualClock
from tests.support.factories import add_staff, make_candidate, make_services


@pytest.fixture
def other_desk(database_url: str, clock: ManualClock) -> Iterator[Services]:
    """A second desk: its own services and database connections, the same database."""
    built = make_services(database_url, clock)
    try:
        yield built
    finally:
        built.db.dispose()


def lock(kit: AccountKit) -> None:
    for _ in range(3):
        with pytest.raises(DeskError):
            kit.accounts.login(ID, WRONG, source="198.51.100.7")


def version(services: Services, staff: StaffIdentity) -> int:
    return services.candidates.show(staff, ID).version


def both_at_once(first: Callable[[], Any], second: Callable[[], Any]) -> list[Any]:
    """Run both calls in threads released together; each one's answer or error."""
    start = threading.Barrier(2)
    answers: list[Any] = [None, None]

    def run(slot: int, call: Callable[[], Any]) -> None:
        start.wait()
        try:
            answers[slot] = call()
        except DeskError as error:
            answers[slot] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return answers


def test_two_desks_reissue_one_letter_at_once(kit: AccountKit, other_desk: Services) -> None:
    make_candidate(kit.services)
    ann = add_staff(kit.services, "supervisor", "ann")
    bob = add_staff(kit.services, "supervisor", "bob")
    seen = version(kit.services, ann)
    assert seen == version(other_desk, bob)
    letters_before = len(fetch(kit, select(Letter.id)))

    answers = both_at_once(
        lambda: kit.desk.reissue_letter(ann, ID, reason="lost", override_reason="in person",
                                        seen_version=seen),
        lambda: other_desk.desk_actions.reissue_letter(bob, ID, reason="lost",
                                                       override_reason="in person",
                                                       seen_version=seen),
    )  # fmt: skip

    refused = [a for a in answers if isinstance(a, ChangedMeanwhile)]
    issued = [a for a in answers if not isinstance(a, DeskError)]
    assert len(refused) == 1 and len(issued) == 1, answers
    assert len(fetch(kit, select(Letter.id))) == letters_before + 1  # one new Secret Number
    error = refused[0]
    winner = "Ann" if issued[0] is answers[0] else "Bob"
    assert error.code == "changed_meanwhile"
    assert error.params["change"] == "letter_reissued"
    assert error.params["by"] == winner
    assert error.status is ExitStatus.REFUSED
    text = english(error.code, error.params)
    assert text.startswith(f"{winner} changed this candidate at 2026-11-21 10:00:00")
    assert "a new letter was issued" in text


def test_an_unlock_another_desk_did_is_not_reported_as_yours(
    kit: AccountKit, other_desk: Services
) -> None:
    make_candidate(kit.services)
    register(kit)
    lock(kit)
    ann = add_staff(kit.services, "supervisor", "ann")
    bob = add_staff(kit.services, "supervisor", "bob")
    seen_a, seen_b = version(kit.services, ann), version(other_desk, bob)

    answers = both_at_once(
        lambda: kit.desk.unlock(ann, ID, reason="caller", override_reason="x", seen_version=seen_a),
        lambda: other_desk.desk_actions.unlock(bob, ID, reason="caller", override_reason="x",
                                               seen_version=seen_b),
    )  # fmt: skip

    refused = [a for a in answers if isinstance(a, ChangedMeanwhile)]
    assert len(refused) == 1, answers
    assert refused[0].params["change"] == "account_unlocked"
    unlocks = fetch(kit, select(AuditEvent.actor).where(AuditEvent.action == "account_unlocked"))
    assert len(unlocks) == 1


def test_the_lockouts_list_carries_the_version_an_unlock_from_it_passes(
    kit: AccountKit, other_desk: Services
) -> None:
    make_candidate(kit.services)
    register(kit)
    lock(kit)
    ann = add_staff(kit.services, "supervisor", "ann")
    bob = add_staff(kit.services, "supervisor", "bob")
    (listed,) = other_desk.lockouts.current(bob)
    assert listed.version == version(kit.services, ann) > 0
    kit.desk.unlock(ann, ID, reason="caller", override_reason="in person")
    lock(kit)  # locked again by the website: bob's row is out of date twice over

    with pytest.raises(ChangedMeanwhile) as refused:
        other_desk.desk_actions.unlock(
            bob, ID, reason="caller", override_reason="x", seen_version=listed.version
        )

    assert refused.value.params["change"] == "account_locked"
    (now,) = other_desk.lockouts.current(bob)
    other_desk.desk_actions.unlock(
        bob, ID, reason="caller", override_reason="x", seen_version=now.version
    )


def test_a_lock_by_the_website_since_the_desk_looked_is_named(kit: AccountKit) -> None:
    make_candidate(kit.services)
    register(kit)
    operator = add_staff(kit.services, "supervisor")
    seen = version(kit.services, operator)
    lock(kit)

    with pytest.raises(ChangedMeanwhile) as refused:
        kit.desk.send_reset(operator, ID, reason="forgot", override_reason="x", seen_version=seen)

    assert refused.value.code == "changed_meanwhile_website"
    assert refused.value.params["change"] == "account_locked"
    assert "on the results website" in str(refused.value)
    assert "the account was locked (wrong passwords)" in str(refused.value)
    assert not fetch(kit, select(AuditEvent.id).where(AuditEvent.action == "reset_sent"))


def test_notes_and_verifications_count_but_refuse_nothing(
    kit: AccountKit, other_desk: Services
) -> None:
    make_candidate(kit.services)
    register(kit)
    ann = add_staff(kit.services, "operator", "ann")
    bob = add_staff(kit.services, "operator", "bob")
    seen = version(kit.services, ann)
    other_desk.notes.add(bob, ID, "Called about the letter.")
    verify(kit, ann)  # this desk's own verification, after it looked
    assert version(kit.services, ann) > seen  # the desk shows both

    sent = kit.desk.send_reset(ann, ID, reason="forgot", seen_version=seen)

    assert sent.id_number == ID


def test_without_a_version_the_action_acts_on_what_is_there(
    kit: AccountKit, other_desk: Services
) -> None:
    make_candidate(kit.services)
    ann = add_staff(kit.services, "supervisor", "ann")
    bob = add_staff(kit.services, "supervisor", "bob")
    version(kit.services, ann)
    other_desk.desk_actions.reissue_letter(bob, ID, reason="lost", override_reason="x")

    kit.desk.reissue_letter(ann, ID, reason="lost again", override_reason="x")

    newest = fetch(kit, select(func.max(Letter.number)))
    assert newest == [2]


def test_looking_does_not_change_the_version(kit: AccountKit, other_desk: Services) -> None:
    make_candidate(kit.services)
    ann = add_staff(kit.services, "supervisor", "ann")
    bob = add_staff(kit.services, "supervisor", "bob")
    seen = version(kit.services, ann)
    other_desk.candidates.show(bob, ID)
    other_desk.lockouts.timeline(bob, ID)

    assert version(kit.services, ann) == seen
