"""The supervisor's lockouts view on the real lockout service.

Accounts locked now with a countdown that ticks against the clock, a filter
box, the count of lockouts per hour, sources flagged as likely attacks, and
an early unlock whose reason is the supervisor's override. The two table
models pass ``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from desk_app.services.registry import Services
from desk_app.settings import LockoutPolicy
from desk_app.ui.actions.reason_dialog import ReasonDialog
from desk_app.ui.lockouts.model import LockoutColumn, LockoutFilterProxy, LockoutTableModel
from desk_app.ui.lockouts.sources_model import SourceColumn, SourcesModel
from desk_app.ui.lockouts.view import LockoutsView
from tests.support.clock import ManualClock
from tests.support.desk_window import lock, register, settle
from tests.support.factories import add_staff, fast_settings, make_candidate, make_services

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

ATTACKER = "198.51.100.23"
PEOPLE = [
    ("SMR123456", "CHAN Tai Man", ATTACKER),
    ("KT0045821", "LEE Ka Yan", ATTACKER),
    ("HK1029384", "WONG Siu Ming", "203.0.113.80"),
]


@pytest.fixture
def services(database_url: str, clock: ManualClock) -> Iterator[Services]:
    """Two accounts locked from one source make it a likely attack here."""
    settings = fast_settings(lockout=replace(LockoutPolicy(), attack_accounts=2))
    built = make_services(database_url, clock, settings)
    for minutes, (id_number, name, source) in enumerate(PEOPLE):
        make_candidate(built, id_number, name_en=name, email=f"{id_number.lower()}@example.com")
        register(built, id_number, email=f"{id_number.lower()}@example.com")
        lock(built, id_number, source)
        clock.advance(minutes=minutes + 1)
    try:
        yield built
    finally:
        built.db.dispose()


@pytest.fixture
def view(qtbot: QtBot, services: Services) -> Iterator[LockoutsView]:
    staff = add_staff(services, "supervisor", "sup.lee")
    view = LockoutsView(
        services.lockouts,
        services.desk_actions,
        staff,
        services.clock.now,
        lambda: "en",
        services.settings.office.timezone,
        can_unlock=True,
    )
    qtbot.addWidget(view)
    view.resize(1200, 700)
    with qtbot.waitSignal(view.model.modelReset, timeout=5_000):
        view.show()  # showing fetches
    settle(qtbot)
    yield view
    view.hide()
    settle(qtbot)


def column(view: LockoutsView, which: LockoutColumn) -> list[str]:
    proxy = view.proxy
    return [proxy.index(row, which).data() for row in range(proxy.rowCount())]


def test_locked_accounts_with_a_live_countdown(
    qtbot: QtBot, view: LockoutsView, clock: ManualClock
) -> None:
    # soonest unlock first; the clock moved 1 + 2 + 3 minutes while locking
    assert column(view, LockoutColumn.ID_NUMBER) == ["SMR123456", "KT0045821", "HK1029384"]
    assert column(view, LockoutColumn.TIME_LEFT) == ["24:00", "25:00", "27:00"]
    assert column(view, LockoutColumn.LOCK) == ["Password"] * 3
    assert column(view, LockoutColumn.FAILED) == ["3"] * 3
    assert view.status.text().startswith("Locked now: 3 · updated at 10:06")
    clock.advance(seconds=90)
    qtbot.waitUntil(lambda: column(view, LockoutColumn.TIME_LEFT)[0] == "22:30")
    assert column(view, LockoutColumn.TIME_LEFT) == ["22:30", "23:30", "25:30"]


def test_a_lock_that_runs_out_leaves_the_list(
    qtbot: QtBot, view: LockoutsView, clock: ManualClock
) -> None:
    clock.advance(minutes=24)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2, timeout=5_000)
    assert column(view, LockoutColumn.ID_NUMBER) == ["KT0045821", "HK1029384"]


def test_the_filter_matches_id_name_or_source(view: LockoutsView) -> None:
    view.filter_box.setText("lee")
    assert column(view, LockoutColumn.NAME) == ["LEE Ka Yan"]
    view.filter_box.setText("198.51.100.")
    assert column(view, LockoutColumn.ID_NUMBER) == ["SMR123456", "KT0045821"]
    view.filter_box.setText("hk10")
    assert column(view, LockoutColumn.ID_NUMBER) == ["HK1029384"]
    view.filter_box.clear()
    assert view.proxy.rowCount() == 3


def test_counts_and_likely_attacks(view: LockoutsView) -> None:
    assert sum(count for _label, count, _tip in view.bars.bars()) == 3
    assert len(view.bars.bars()) == 24
    sources = view.sources_model
    assert sources.rowCount() == 1
    assert [sources.index(0, c).data() for c in (SourceColumn.SOURCE, SourceColumn.ACCOUNTS)] == [
        ATTACKER,
        "2",
    ]
    assert sources.index(0, SourceColumn.VERDICT).data() == "Likely attack"
    assert sources.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    # the attacker's rows in the lockouts table show the source in bold
    first = view.proxy.index(0, LockoutColumn.SOURCE)
    assert isinstance(first.data(Qt.ItemDataRole.FontRole), QFont)
    assert view.proxy.index(2, LockoutColumn.SOURCE).data(Qt.ItemDataRole.FontRole) is None


def test_unlock_from_the_view_with_the_reason_as_override(
    qtbot: QtBot, view: LockoutsView, services: Services
) -> None:
    assert not view.unlock_button.isEnabled()
    assert view.unlock_button.toolTip() == "Select a locked account first."
    view.table.select_id_number("KT0045821")
    assert view.unlock_button.isEnabled()
    dialog = view.unlock_selected()
    assert isinstance(dialog, ReasonDialog)
    assert "recorded as the override" in dialog.intro.text()
    assert not dialog.override_reason.isVisible()
    dialog.reason.setText("school called: exam board visit")
    with qtbot.waitSignal(view.unlocked, timeout=5_000) as unlocked:
        dialog.ok_button.click()
    assert unlocked.args == ["KT0045821"]
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2, timeout=5_000)
    assert "KT0045821" not in column(view, LockoutColumn.ID_NUMBER)
    staff = add_staff(services, "operator")
    kinds = [(e.kind, e.reason) for e in services.lockouts.timeline(staff, "KT0045821")]
    assert ("verification_override", "school called: exam board visit") in kinds
    assert kinds[-1] == ("unlocked", "school called: exam board visit")


def test_the_models_pass_the_model_tester(services: Services, qtmodeltester) -> None:
    staff = add_staff(services, "supervisor")
    now, zone = services.clock.now, services.settings.office.timezone
    sources = SourcesModel(now, lambda: "en", zone)
    sources.set_rows(services.lockouts.suspicious_sources(staff, minimum_accounts=1))
    qtmodeltester.check(sources)
    assert sources.rowCount() == 2
    model = LockoutTableModel(now, lambda: "en", zone)
    model.set_rows(services.lockouts.current(staff), sources.attack_sources())
    qtmodeltester.check(model)
    proxy = LockoutFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("chan")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1
