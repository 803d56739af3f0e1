"""A desk on a SQLite file of its own, opened as the window opens it (the short busy
wait of ``DESK_TIMEOUTS``): for the tests in which another program locks the file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from desk_app.database import DESK_TIMEOUTS, Database
from desk_app.services.registry import Services, build_services
from tests.support.clock import ManualClock
from tests.support.factories import fast_settings


@pytest.fixture
def sqlite_desk_file(tmp_path: Path, sqlite_template: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copy(sqlite_template, path)
    return path


@pytest.fixture
def sqlite_desk(sqlite_desk_file: Path) -> Iterator[Services]:
    services = build_services(
        Database(f"sqlite:///{sqlite_desk_file}", timeouts=DESK_TIMEOUTS),
        fast_settings(),
        ManualClock(),
    )
    try:
        yield services
    finally:
        QThreadPool.globalInstance().waitForDone(20_000)
        QCoreApplication.processEvents()
        services.db.dispose()
