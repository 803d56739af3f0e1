"""Documents true to the data, through the services: what the database and the
office's settings hold, and nothing invented."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from desk_app.models import OutboxMessage, PasswordResetToken, Result
from desk_app.services.errors import Refused
from desk_app.services.registry import Services
from desk_app.settings import OfficeInfo
from tests.support.accounts import account_kit, register
from tests.support.clock import ManualClock
from tests.support.factories import (
    add_entry,
    add_staff,
    fast_settings,
    make_candidate,
    make_services,
)
from tests.support.pdf import all_text, compact, flat


@pytest.fixture
def plain_office(database_url: str, clock: ManualClock) -> Iterator[Services]:
    """The services with the office's defaults: no reset page, no verification page."""
    made = make_services(database_url, clock, replace(fast_settings(), office=OfficeInfo()))
    yield made
    made.db.dispose()


def test_a_reissued_letter_gives_the_next_release_date(services: Services) -> None:
    candidate_id = make_candidate(services)  # released 10 days ago
    upcoming = services.clock.now() + timedelta(days=20)  # 11 December 2026, 10:00 in HK
    add_entry(services, candidate_id, "DELTA1", release_at=upcoming, score=70)
    supervisor = add_staff(services, "supervisor")
    letter = services.desk_actions.reissue_letter(
        supervisor, "SMR123456", reason="lost", override_reason="at the counter", pdf=True
    )
    assert letter.pdf is not None
    text = flat(all_text(letter.pdf))
    assert "Results online from 網上查閱成績日期 11 December 2026 2026年12月11日" in text
    assert "PASS" not in text  # a date, never a result


def test_a_statement_for_delta_module_one_has_marks_no_scale_no_cefr(services: Services) -> None:
    make_candidate(services, exam="DELTA1")
    with services.db.write() as session:
        session.execute(update(Result).values(grade="PASS WITH MERIT", cefr=None, score=74))
    supervisor = add_staff(services, "supervisor")
    printed = services.statements.print_statement(
        supervisor, "SMR123456", reason="for a school", override_reason="in person"
    )
    text = flat(all_text(printed.pdf))
    assert "Delta Module One" in text and "Overall mark" in text and "74 / 100" in text
    assert "not available for this exam" in text
    for invented in ("Scale", "CEFR", "Results by paper", "Reading"):
        assert invented not in text, invented


def test_with_the_office_defaults_no_qr_code_and_no_reset_link(
    plain_office: Services,
) -> None:
    services = plain_office
    make_candidate(services)
    supervisor = add_staff(services, "supervisor")
    printed = services.statements.print_statement(
        supervisor, "SMR123456", reason="for a school", override_reason="in person"
    )
    text = all_text(printed.pdf)
    assert "/verify" not in text and "scan" not in flat(text)
    assert "call 2913 5100 or email examinations@britishcouncil.org.hk" in flat(text)
    assert "請致電29135100或電郵examinations@britishcouncil.org.hk" in compact(text)

    register(account_kit(services))
    with pytest.raises(Refused) as refused:
        services.desk_actions.send_reset(
            supervisor, "SMR123456", reason="forgot", override_reason="on the phone"
        )
    assert refused.value.code == "reset_link_unset"
    with services.db.read() as session:
        assert session.scalars(select(PasswordResetToken)).all() == []
        kinds = session.scalars(select(OutboxMessage.kind)).all()
    assert kinds == ["registered"]
