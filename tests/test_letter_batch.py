"""A centre's exam-day letters in one batch: hashes only, audited, never two live numbers."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import func, select

from desk_app.models import AuditEvent, Letter, LetterBatch
from desk_app.services.errors import BadInput, NotFound, PermissionDenied, Refused
from desk_app.services.registry import Services
from tests.support.accounts import AccountKit, register
from tests.support.factories import add_staff, make_candidate
from tests.support.pdf import page_texts

NEW = ("KLT000101", "KLT000102", "KLT000103")


def new_candidates(services: Services, *id_numbers: str) -> list[int]:
    """Candidates as the importer leaves them: no letter, results still to come."""
    return [
        make_candidate(
            services,
            id_number,
            name_en=f"LEE Siu {n}",
            name_zh=None,
            email=f"lee{n}@example.com",
            phone=None,
            letter=False,
            released=False,
        )
        for n, id_number in enumerate(id_numbers)
    ]


def numbers_in(pdf: bytes) -> dict[str, str]:
    """ID Number → the Secret Number printed on its page."""
    found = {}
    for text in page_texts(pdf):
        id_number = re.search(r"ID Number 考生編號\s+(\w+)", text)
        secret = re.search(r"Secret Number 密碼\s+(\d{4})", text)
        assert id_number and secret, text[:300]
        found[id_number.group(1)] = secret.group(1)
    return found


def letters_of(services: Services, candidate_id: int) -> list[Letter]:
    with services.db.read() as session:
        rows = list(
            session.scalars(
                select(Letter).where(Letter.candidate_id == candidate_id).order_by(Letter.number)
            )
        )
        session.expunge_all()
        return rows


def audit_rows(services: Services) -> list[AuditEvent]:
    with services.db.read() as session:
        rows = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        session.expunge_all()
        return rows


def test_each_new_candidate_gets_a_hashed_number_on_one_page_and_it_is_audited(
    services: Services, kit: AccountKit
) -> None:
    make_candidate(services)  # has its exam-day letter already
    ids = new_candidates(services, *NEW)
    supervisor = add_staff(services, "supervisor")
    (centre,) = services.letters.centres(supervisor)
    assert (centre.code, centre.waiting, centre.printed) == ("TW056", 3, 0)

    printed = services.letters.print_batch(supervisor, " tw056 ")
    assert (printed.centre, printed.new_letters, printed.reissued) == ("TW056", 3, 0)
    assert len(page_texts(printed.pdf)) == 3
    numbers = numbers_in(printed.pdf)
    assert sorted(numbers) == sorted(NEW)  # in ID Number order, one page each
    for candidate_id, id_number in zip(ids, NEW, strict=True):
        (letter,) = letters_of(services, candidate_id)
        assert (letter.number, letter.active, letter.batch_id) == (0, True, printed.batch_id)
        assert letter.secret_hash is not None and letter.secret_hash.startswith("$argon2id$")
        assert numbers[id_number] not in letter.secret_hash
        assert services.hasher.verify(letter.secret_hash, numbers[id_number])
        assert letter.serial in printed.serials
    # the number on the page registers on the website
    register(kit, NEW[0], numbers[NEW[0]], "lee0@example.com")
    assert [c.printed for c in services.letters.centres(supervisor)] == [2]

    event = audit_rows(services)[-2]  # then the registration's
    assert event.action == "letters_batch_printed" and event.subject == "TW056"
    detail = json.loads(event.detail)
    assert detail["count"] == 3 and detail["new"] == 3 and detail["reissued"] == 0
    assert sorted(detail["serials"]) == sorted(printed.serials)
    for row in audit_rows(services):
        for number in numbers.values():
            assert not re.search(rf"\b{number}\b", row.detail + (row.reason or ""))
    assert "pdf" not in repr(printed) and all(n not in repr(printed) for n in numbers.values())


def test_a_second_batch_is_refused_and_a_reissue_rotates_every_number(
    services: Services, kit: AccountKit
) -> None:
    ids = new_candidates(services, *NEW)
    supervisor = add_staff(services, "supervisor")
    first = numbers_in(services.letters.print_batch(supervisor, "TW056").pdf)
    before = len(audit_rows(services))

    with pytest.raises(Refused) as refused:
        services.letters.print_batch(supervisor, "TW056")
    assert refused.value.code == "letters_already_printed"
    assert refused.value.params == {"centre": "TW056", "count": 3}
    with pytest.raises(BadInput) as no_reason:
        services.letters.print_batch(supervisor, "TW056", reissue=True)
    assert no_reason.value.code == "reason_required"
    assert len(audit_rows(services)) == before
    assert all(len(letters_of(services, cid)) == 1 for cid in ids)

    again = services.letters.print_batch(supervisor, "TW056", reissue=True, reason="printer jammed")
    assert (again.new_letters, again.reissued) == (0, 3)
    second = numbers_in(again.pdf)
    texts = page_texts(again.pdf)
    assert all("Reissued letter" in text for text in texts)
    for candidate_id in ids:
        old, new = letters_of(services, candidate_id)
        assert (old.number, old.active) == (0, False)
        assert (new.number, new.active, new.batch_id) == (1, True, again.batch_id)
        assert new.reason == "printer jammed"
    # never two live numbers: the first batch's number no longer registers
    with pytest.raises(Refused) as old_number:
        register(kit, NEW[1], first[NEW[1]], "lee1@example.com")
    assert old_number.value.code == "wrong_secret"
    register(kit, NEW[1], second[NEW[1]], "lee1@example.com")


def test_new_candidates_after_a_batch_are_printed_alone_and_registered_ones_never_again(
    services: Services, kit: AccountKit
) -> None:
    new_candidates(services, *NEW[:2])
    admin = add_staff(services, "admin")
    numbers = numbers_in(services.letters.print_batch(admin, "TW056").pdf)
    register(kit, NEW[0], numbers[NEW[0]], "lee0@example.com")
    (late,) = new_candidates(services, NEW[2])
    printed = services.letters.print_batch(admin, "TW056")
    assert (printed.new_letters, printed.reissued) == (1, 0)
    assert list(numbers_in(printed.pdf)) == [NEW[2]]
    assert letters_of(services, late)[0].batch_id == printed.batch_id
    # a reissue now: the unregistered one printed before; not the registered one
    again = services.letters.print_batch(admin, "TW056", reissue=True, reason="lost box")
    assert sorted(numbers_in(again.pdf)) == [NEW[1], NEW[2]]
    with services.db.read() as session:
        batches = session.scalar(select(func.count()).select_from(LetterBatch))
    assert batches == 3


@pytest.mark.parametrize("role", ["operator", "counter"])
def test_desk_staff_may_not_print_batches(services: Services, role: str) -> None:
    new_candidates(services, NEW[0])
    staff = add_staff(services, role)
    with pytest.raises(PermissionDenied):
        services.letters.centres(staff)
    with pytest.raises(PermissionDenied):
        services.letters.print_batch(staff, "TW056")
    assert letters_of(services, 1) == []


def test_unknown_centre_and_nothing_to_print(services: Services) -> None:
    make_candidate(services)  # exam-day letter given out before the desk (no batch)
    supervisor = add_staff(services, "supervisor")
    with pytest.raises(NotFound) as unknown:
        services.letters.print_batch(supervisor, "XX999")
    assert unknown.value.code == "centre_not_found" and unknown.value.params == {"centre": "XX999"}
    with pytest.raises(NotFound) as nothing:
        services.letters.print_batch(supervisor, "TW056", reissue=True, reason="again")
    assert nothing.value.code == "no_letters_waiting"
    with pytest.raises(BadInput):
        services.letters.print_batch(supervisor, "TW\x00056")


def test_progress_is_reported_for_numbers_then_pages(services: Services) -> None:
    new_candidates(services, *NEW)
    supervisor = add_staff(services, "supervisor")
    steps: list[tuple[str, int, int]] = []
    services.letters.print_batch(supervisor, "TW056", progress=lambda *step: steps.append(step))
    assert steps == [("numbers", n, 3) for n in (1, 2, 3)] + [("pages", n, 3) for n in (1, 2, 3)]


def test_a_candidate_added_while_the_numbers_are_made_is_in_the_batch(
    services: Services,
) -> None:
    new_candidates(services, *NEW[:2])
    supervisor = add_staff(services, "supervisor")
    pages: list[int] = []

    def progress(step: str, done: int, total: int) -> None:
        if step == "numbers" and done == total and not pages:
            new_candidates(services, NEW[2])  # an import lands meanwhile
        if step == "pages":
            pages.append(total)

    printed = services.letters.print_batch(supervisor, "TW056", progress=progress)
    assert pages[0] == 2  # drawn first without it, then again inside the transaction
    assert printed.new_letters == 3
    assert sorted(numbers_in(printed.pdf)) == sorted(NEW)
