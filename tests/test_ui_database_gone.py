"""The window with its PostgreSQL server stopped under it, and started again.

A real server is stopped (``pg_ctl stop -m fast``) on a cluster of this
module's own (:mod:`tests.support.lone_postgres`; the suite's shared cluster
is never stopped). The window shows the banner and holds every action that
changes data; when the server is back it recovers by itself.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import SQLAlchemyError

from desk_app.database import DESK_TIMEOUTS, Database
from desk_app.services.registry import Services, build_services
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.connection.health import means_unreachable
from desk_app.ui.connection.watch import DatabaseWatch
from tests.support.clock import ManualClock
from tests.support.desk_window import ID, lock, open_window, register, show_candidate
from tests.support.factories import add_staff, fast_settings, make_candidate
from tests.support.lone_postgres import LonePg, lone_pg

__all__ = ["lone_pg"]

pytestmark = pytest.mark.postgres

REASON = "The database cannot be reached: this waits until it is back."


@pytest.fixture
def desk(lone_pg: LonePg) -> Iterator[Services]:
    """The services of a desk on the lone server, with the desk's short timeouts."""
    services = build_services(
        Database(lone_pg.url, timeouts=DESK_TIMEOUTS), fast_settings(), ManualClock()
    )
    try:
        yield services
    finally:
        lone_pg.ensure_serving()
        QThreadPool.globalInstance().waitForDone(20_000)
        QCoreApplication.processEvents()
        services.db.dispose()


def test_the_window_shows_the_banner_holds_actions_and_recovers_by_itself(
    qtbot: QtBot, desk: Services, lone_pg: LonePg
) -> None:
    make_candidate(desk)
    register(desk)
    lock(desk)
    supervisor = add_staff(desk, "supervisor", "sup.lee")
    window = open_window(qtbot, desk, supervisor)
    watch = DatabaseWatch(window, desk.connection)
    watch.start()
    show_candidate(qtbot, window)
    unlock = window.call_actions.actions[DeskAction.UNLOCK]
    assert unlock.isEnabled() and "override reason" in unlock.toolTip()
    assert not watch.banner.isVisible()
    window.pane.notes.box.setPlainText("called about the lock")
    assert window.pane.notes.add_button.isEnabled()

    with qtbot.waitSignal(watch.health.lost, timeout=20_000):
        lone_pg.halt()  # the next health check (within 5 s) finds it gone
    assert watch.banner.isVisible()
    assert watch.banner.title.text().startswith("The database cannot be reached: reconnecting…")
    assert "does not answer" in watch.banner.detail.text()
    for action in window.call_actions.actions.values():
        assert not action.isEnabled()
        assert action.toolTip() == REASON
    assert not window.pane.notes.add_button.isEnabled()
    # a selection or a reload while away does not give an action back
    window.call_actions.update()
    assert not unlock.isEnabled() and unlock.toolTip() == REASON
    # an action started anyway (a race with the banner) fails as "unreachable", nothing done
    with pytest.raises(SQLAlchemyError) as refused:
        desk.desk_actions.unlock(supervisor, ID, reason="while away", override_reason="test")
    assert means_unreachable(refused.value)
    # the window keeps answering: a language switch says the banner again
    window.switch_language("zh_HK")
    qtbot.waitUntil(lambda: watch.banner.title.text().startswith("無法連接資料庫：正在重新連接…"))
    assert "已持續" in watch.banner.title.text()
    window.switch_language("en")
    qtbot.waitUntil(lambda: watch.banner.title.text().startswith("The database cannot"))

    with (
        qtbot.waitSignal(window.pane.snapshotChanged, timeout=40_000),
        qtbot.waitSignal(watch.health.restored, timeout=40_000),
    ):
        lone_pg.resume()
    assert not watch.banner.isVisible()
    assert unlock.isEnabled() and "override reason" in unlock.toolTip()
    assert window.pane.notes.add_button.isEnabled()
    assert window.statusBar().currentMessage() == "The database answers again."
    snapshot = window.pane.snapshot
    assert snapshot is not None and snapshot.detail.account.locked_until is not None
    window.close()
