"""The window with its PostgreSQL server stopped under it, and started again.

A real server is stopped (``pg_ctl stop -m fast``) on a cluster of this
module's own (:mod:`tests.support.lone_postgres`; the suite's shared cluster
is never stopped). The window shows the banner and holds every action that
changes data; when the server is back it recovers by itself.
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from desk_app.database import DESK_TIMEOUTS, Database
from desk_app.services.registry import Services, build_services
from desk_app.services.requests import current_request_id
from desk_app.ui.actions.reason_dialog import ReasonDialog
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


def _refused_connection(lone_pg: LonePg) -> OperationalError:
    """The error a desk gets from the stopped server (a real one, not made up)."""
    try:
        psycopg.connect(
            make_url(lone_pg.url)
            .set(drivername="postgresql")
            .render_as_string(hide_password=False),
            connect_timeout=2,
        ).close()
    except psycopg.OperationalError as error:
        return OperationalError("COMMIT", {}, error)
    raise AssertionError("the server still answers")


def test_an_action_whose_commit_raced_the_stop_is_said_done_or_not_done(
    qtbot: QtBot, desk: Services, lone_pg: LonePg
) -> None:
    make_candidate(desk, "SMR222333")
    register(desk, "SMR222333", "wing.lee@example.com")
    lock(desk, "SMR222333")
    supervisor = add_staff(desk, "supervisor", "sup.wong")
    window = open_window(qtbot, desk, supervisor)
    watch = DatabaseWatch(window, desk.connection)
    watch.start()
    show_candidate(qtbot, window, "SMR222333")
    dialog = window.launcher.launch(DeskAction.UNLOCK)
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setText("caller locked out")
    dialog.override_reason.setText("known caller")

    # 1. the server goes just before COMMIT: the transaction dies with it
    armed = [True]

    def stop_before_commit(_connection: object) -> None:
        if armed[0] and current_request_id() is not None:  # the unlock's COMMIT, no other
            armed[0] = False
            lone_pg.halt()

    event.listen(desk.db.engine, "commit", stop_before_commit)
    with qtbot.waitSignal(watch.health.lost, timeout=20_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: "connection to the database was lost" in dialog.message.text())
    assert not dialog.ok_button.isEnabled()  # no second go while the outcome is unknown
    with qtbot.waitSignal(watch.health.restored, timeout=40_000):
        lone_pg.resume()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Not done"), timeout=10_000)
    assert "nothing was changed" in window.statusBar().currentMessage()
    assert desk.candidates.show(supervisor, "SMR222333").account.locked_until is not None
    assert dialog.ok_button.isEnabled()  # not done: it may be tried again

    # 2. COMMIT reaches the server, the answer never comes back
    event.remove(desk.db.engine, "commit", stop_before_commit)
    armed[0] = True

    def answer_lost(_session: object) -> None:
        if armed[0] and current_request_id() is not None:
            armed[0] = False
            lone_pg.halt()
            raise _refused_connection(lone_pg)

    event.listen(desk.db.sessions, "after_commit", answer_lost)
    with qtbot.waitSignal(watch.health.lost, timeout=20_000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: "connection to the database was lost" in dialog.message.text())
    with qtbot.waitSignal(watch.health.restored, timeout=40_000):
        lone_pg.resume()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Done"), timeout=10_000)
    assert not dialog.ok_button.isEnabled()  # done: never twice
    assert window.statusBar().currentMessage() == (
        "The action under way when the connection was lost was done."
    )
    assert desk.candidates.show(supervisor, "SMR222333").account.locked_until is None
    window.close()


def test_a_note_whose_answer_was_lost_is_said_saved_once_the_database_is_back(
    qtbot: QtBot, desk: Services, lone_pg: LonePg
) -> None:
    make_candidate(desk, "SMR444555")
    window = open_window(qtbot, desk, add_staff(desk, "operator", "op.chan"))
    watch = DatabaseWatch(window, desk.connection)
    watch.start()
    show_candidate(qtbot, window, "SMR444555")
    notes = window.pane.notes
    notes.box.setPlainText("asked when the certificate comes")
    armed = [True]

    def answer_lost(_session: object) -> None:
        if armed[0] and current_request_id() is not None:
            armed[0] = False
            lone_pg.halt()
            raise _refused_connection(lone_pg)

    event.listen(desk.db.sessions, "after_commit", answer_lost)
    try:
        with qtbot.waitSignal(watch.health.lost, timeout=20_000):
            notes.save()
        qtbot.waitUntil(lambda: "connection was lost while saving" in notes.status.text())
        assert not notes.add_button.isEnabled()
        with qtbot.waitSignal(watch.health.restored, timeout=40_000):
            lone_pg.resume()
        qtbot.waitUntil(lambda: notes.status.text().startswith("Note saved"), timeout=10_000)
    finally:
        event.remove(desk.db.sessions, "after_commit", answer_lost)
    assert notes.box.toPlainText() == ""
    listed = desk.notes.list(add_staff(desk, "supervisor", "sup.ho"), "SMR444555")
    assert [n.text for n in listed] == ["asked when the certificate comes"]
    window.close()
