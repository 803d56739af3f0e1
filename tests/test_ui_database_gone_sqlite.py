"""The window on a SQLite file that another program locks, then lets go of.

Another connection takes the file's write lock (``BEGIN EXCLUSIVE``, as a
backup tool or a second program might); the window's health check, which
takes the write lock the way an action would, gives up after the desk's
short busy wait: the banner names the locked file and the actions are held.
When the other program lets go, the window recovers by itself.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk_app.services.registry import Services
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.connection.watch import DatabaseWatch
from tests.support.desk_window import lock, open_window, register, show_candidate
from tests.support.factories import add_staff, make_candidate


def test_a_file_locked_by_another_program_shows_the_banner_until_it_lets_go(
    qtbot: QtBot, sqlite_desk: Services, sqlite_desk_file: Path
) -> None:
    make_candidate(sqlite_desk)
    register(sqlite_desk)
    lock(sqlite_desk)
    window = open_window(qtbot, sqlite_desk, add_staff(sqlite_desk, "supervisor", "sup.lee"))
    watch = DatabaseWatch(window, sqlite_desk.connection)
    watch.start()
    show_candidate(qtbot, window)
    unlock = window.call_actions.actions[DeskAction.UNLOCK]
    assert unlock.isEnabled()

    other = sqlite3.connect(sqlite_desk_file, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with qtbot.waitSignal(watch.health.lost, timeout=30_000):
            watch.health.check_now()  # as the next scheduled check would, a few seconds later
        assert watch.banner.isVisible()
        assert f"The database file {sqlite_desk_file} is locked by another program" in (
            watch.banner.detail.text()
        )
        assert not unlock.isEnabled()
        assert unlock.toolTip().startswith("The database cannot be reached")
        with qtbot.waitSignal(watch.health.restored, timeout=30_000):
            other.rollback()
    finally:
        with contextlib.suppress(sqlite3.Error):
            other.rollback()
        other.close()
    assert not watch.banner.isVisible()
    assert unlock.isEnabled()
    window.close()
