"""The desk window over real services, and a locked account made the website's way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot

from desk_app.services.actor import StaffIdentity
from desk_app.services.errors import Locked, Refused
from desk_app.services.registry import Services
from desk_app.ui.app import window_services
from desk_app.ui.candidate.loader import CandidateSnapshot
from desk_app.ui.common.i18n import Translations
from desk_app.ui.main_window import MainWindow
from tests.support.factories import add_staff, make_candidate

ID = "SMR123456"
SECRET = "4821"
PASSWORD = "Abcde123"
WRONG = "Wrong-pass-99"
EMAIL = "taiman.chan@example.com"
SOURCE = "203.0.113.7"
LOAD_TIMEOUT = 10_000


def register(services: Services, id_number: str = ID, email: str = EMAIL) -> None:
    services.accounts.register(
        id_number, SECRET, email, PASSWORD, accept_terms=True, source="192.0.2.1"
    )


def lock(services: Services, id_number: str = ID, source: str = SOURCE) -> None:
    """Three wrong passwords in a row on the website: the third locks the account."""
    for _ in range(2):
        with pytest.raises(Refused):
            services.accounts.login(id_number, WRONG, source=source)
    with pytest.raises(Locked):
        services.accounts.login(id_number, WRONG, source=source)


@pytest.fixture
def workers_done(services: Services) -> Iterator[None]:
    """Let background work end before the services' database is closed."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


def settle(qtbot: QtBot) -> None:
    """Wait until no background work runs and its answers have reached the GUI thread."""
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    QCoreApplication.processEvents()


def open_window(qtbot: QtBot, services: Services, staff: StaffIdentity) -> MainWindow:
    window = MainWindow(window_services(services, services.db.dialect), staff, Translations())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def loaded(id_number: str) -> Any:
    """A check for ``snapshotChanged``: this candidate, loaded."""
    return lambda snapshot: snapshot is not None and snapshot.id_number == id_number


def show_candidate(qtbot: QtBot, window: MainWindow, id_number: str = ID) -> CandidateSnapshot:
    """Search for the ID Number; the first row is selected and loaded after the pause."""
    window.search_panel.search_box.setText(id_number)
    with qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded(id_number), timeout=LOAD_TIMEOUT
    ):
        window.search_panel.search_now()
    snapshot = window.pane.snapshot
    assert snapshot is not None
    return snapshot


def reloaded(qtbot: QtBot, window: MainWindow, id_number: str = ID) -> Any:
    """A context that waits for the candidate to be loaded again."""
    return qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded(id_number), timeout=LOAD_TIMEOUT
    )


def supervisor_on_a_locked_candidate(qtbot: QtBot, services: Services) -> MainWindow:
    """A supervisor's window (every action open, by override) with the registered,
    locked candidate :data:`ID` on screen."""
    make_candidate(services)
    register(services)
    lock(services)
    window = open_window(qtbot, services, add_staff(services, "supervisor"))
    show_candidate(qtbot, window)
    settle(qtbot)
    return window
