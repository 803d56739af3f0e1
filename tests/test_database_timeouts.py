"""No wait is endless: connect, statement and busy timeouts on the engine."""

from __future__ import annotations

import contextlib
import shutil
import socket
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desk_app.database import DESK_TIMEOUTS, Database, Timeouts
from desk_app.services.database_errors import is_unavailable, unavailable
from desk_app.services.errors import ExitStatus


def test_the_desk_waits_briefly_for_everything() -> None:
    assert DESK_TIMEOUTS.statement_ms is not None and DESK_TIMEOUTS.statement_ms <= 30_000
    assert DESK_TIMEOUTS.connect_s <= 5 and DESK_TIMEOUTS.busy_ms <= 5_000


def test_a_statement_that_runs_too_long_is_cancelled(database_url: str) -> None:
    db = Database(database_url, timeouts=Timeouts(statement_ms=300, busy_ms=300))
    try:
        if db.dialect != "postgresql":
            with db.read() as session:
                assert session.execute(text("PRAGMA busy_timeout")).scalar_one() == 300
            return
        with db.read() as session:
            assert session.execute(text("SHOW statement_timeout")).scalar_one() == "300ms"
        started = time.monotonic()
        with pytest.raises(OperationalError) as caught, db.read() as session:
            session.execute(text("SELECT pg_sleep(5)"))
        assert time.monotonic() - started < 3
        assert is_unavailable(caught.value)
        with db.read() as session:  # the connection is usable again afterwards
            assert session.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        db.dispose()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes connections and never says a word (a server hung, or a firewall)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_a_server_that_never_answers_is_given_up_after_the_connect_timeout(
    silent_server: int,
) -> None:
    url = f"postgresql+psycopg://desk@127.0.0.1:{silent_server}/desk"
    db = Database(url, timeouts=Timeouts(connect_s=1))
    started = time.monotonic()
    try:
        with pytest.raises(OperationalError) as caught, db.read() as session:
            session.execute(text("SELECT 1"))
    finally:
        db.dispose()
    assert time.monotonic() - started < 5
    error = unavailable(db.engine.url, caught.value)
    assert error.status == ExitStatus.DATABASE_UNAVAILABLE
    assert error.code == "database_no_answer"


def test_a_sqlite_file_locked_by_another_program_is_given_up_quickly(
    tmp_path: Path, sqlite_template: Path
) -> None:
    path = tmp_path / "desk.sqlite3"
    shutil.copy(sqlite_template, path)
    database_url = f"sqlite:///{path}"
    other = sqlite3.connect(path, isolation_level=None)
    db = Database(database_url, timeouts=Timeouts(busy_ms=200))
    try:
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(OperationalError) as caught, db.write() as session:
            session.execute(text("SELECT 1"))
        assert time.monotonic() - started < 2
        assert unavailable(db.engine.url, caught.value).code == "database_busy"
    finally:
        with contextlib.suppress(sqlite3.Error):
            other.rollback()
        other.close()
        db.dispose()
