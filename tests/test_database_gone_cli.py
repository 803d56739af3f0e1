"""The command line with the PostgreSQL server gone: one line, exit 5, never a traceback.

The server is really stopped (``pg_ctl stop -m fast``) on a cluster of this
module's own (:mod:`tests.support.lone_postgres`): before a command starts,
and in the middle of one, after the database was opened.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import desk_app.cli as cli
from desk_app.database import Database
from desk_app.services.candidates.detail_read import read_detail
from desk_app.services.errors import ExitStatus
from desk_app.services.registry import build_services
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate
from tests.support.lone_postgres import LonePg, lone_pg
from tests.support.show_paths import SHOW_PATHS, fail_within

__all__ = ["lone_pg"]

ROOT = Path(__file__).resolve().parent.parent
FAST_CONFIG = "[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n"

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def seeded(lone_pg: LonePg) -> LonePg:
    services = build_services(Database(lone_pg.url), fast_settings())
    make_candidate(services)
    add_staff(services, "admin", "root.admin")
    add_staff(services, "supervisor", "sup.lee")
    services.db.dispose()
    return lone_pg


@pytest.fixture
def stopped(seeded: LonePg) -> Iterator[LonePg]:
    """The test stops the server; it runs again afterwards, whatever happened."""
    yield seeded
    seeded.ensure_serving()


@pytest.fixture(autouse=True)
def wired(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(FAST_CONFIG, encoding="utf-8")
    monkeypatch.setenv("DESK_APP_CONFIG", str(config))
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("desk-app: ") and "Traceback" not in err


COMMANDS = [
    ["show", "SMR123456"],
    ["search", "chan"],
    ["unlock", "SMR123456", "--as", "sup.lee", "--reason", "r"],
    ["audit", "verify"],
    ["db", "status"],
]


def test_a_stopped_server_is_exit_5_in_one_line_for_every_command(
    stopped: LonePg, capsys: pytest.CaptureFixture[str]
) -> None:
    stopped.halt()
    for args in COMMANDS:
        code = cli.main(["--db", stopped.url, *args])
        _, err = capsys.readouterr()
        assert code == ExitStatus.DATABASE_UNAVAILABLE, (args, err)
        assert one_line(err) and "does not answer" in err, (args, err)


@pytest.mark.parametrize("path", SHOW_PATHS)
def test_the_server_stopped_in_the_middle_of_a_command_is_exit_5_in_one_line(
    stopped: LonePg, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    def read_after_the_server_went(*args: Any) -> object:
        stopped.halt()  # the database was opened and its schema checked: now it goes
        return read_detail(*args)

    fail_within(monkeypatch, path, read_after_the_server_went)
    code = cli.main(["--db", stopped.url, "show", "SMR123456"])
    out, err = capsys.readouterr()
    assert code == ExitStatus.DATABASE_UNAVAILABLE, err
    assert one_line(err) and out == ""


def test_the_real_program_with_the_server_stopped(stopped: LonePg, tmp_path: Path) -> None:
    stopped.halt()
    result = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", stopped.url, "search", "chan"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "DESK_APP_CONFIG": str(tmp_path / "config.toml")},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == ExitStatus.DATABASE_UNAVAILABLE, result.stderr
    assert one_line(result.stderr) and result.stdout == ""


def test_the_server_stopped_during_commit_is_exit_5_not_refused(
    stopped: LonePg, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Database.__init__

    def stop_at_commit(self: Database, *args: object, **kwargs: object) -> None:
        real(self, *args, **kwargs)  # type: ignore[arg-type]
        event.listen(self.engine, "commit", lambda _connection: stopped.halt(), once=True)

    monkeypatch.setattr(Database, "__init__", stop_at_commit)
    code = cli.main(
        ["--db", stopped.url, "unlock", "SMR123456", "--as", "sup.lee", "--reason", "called"]
    )
    _, err = capsys.readouterr()
    assert code == ExitStatus.DATABASE_UNAVAILABLE, err
    assert one_line(err)
