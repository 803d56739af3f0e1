"""The services over a fresh test database, closed after the test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desk_app.services.registry import Services
from tests.support.accounts import AccountKit, account_kit
from tests.support.clock import ManualClock
from tests.support.factories import make_services


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def services(database_url: str, clock: ManualClock) -> Iterator[Services]:
    built = make_services(database_url, clock)
    try:
        yield built
    finally:
        built.db.dispose()


@pytest.fixture
def kit(services: Services) -> AccountKit:
    """The account services and the test clock, for the account tests."""
    return account_kit(services)
