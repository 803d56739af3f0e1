"""The SQLite database, its -wal and -shm files and its folder: the user's only.

Each test runs under a umask of 0 (the loosest a user could have), so the
modes come from the desk, not from the umask.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desk_app.config import database_url, default_database_path
from desk_app.database import Database
from desk_app.private_files import prepare_sqlite_file
from desk_app.schema import upgrade

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def loose_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _write_and_check_files(path: Path) -> None:
    """Open the database, write through the WAL, and check the three files
    while the connection holds them open."""
    db = Database(f"sqlite:///{path}")
    try:
        with db.write() as session:
            session.execute(text("CREATE TABLE IF NOT EXISTS probe (value TEXT)"))
            session.execute(text("INSERT INTO probe VALUES ('x')"))
        with db.engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM probe"))
            wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
            assert wal.exists() and shm.exists()
            assert [_mode(p) for p in (path, wal, shm)] == [0o600] * 3
    finally:
        db.dispose()


def test_a_new_database_in_new_folders_is_the_users_only(tmp_path: Path) -> None:
    path = tmp_path / "office" / "desk" / "desk.sqlite3"
    upgrade(f"sqlite:///{path}")
    assert _mode(path.parent) == 0o700
    assert _mode(path.parent.parent) == 0o700
    assert _mode(path) == 0o600
    _write_and_check_files(path)


def test_a_folder_the_user_had_is_left_alone_but_the_new_file_is_private(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "shared-with-my-group"
    mine.mkdir()
    mine.chmod(0o750)
    path = mine / "desk.sqlite3"
    _write_and_check_files(path)
    assert _mode(mine) == 0o750


def test_an_existing_database_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    _write_and_check_files(path)
    path.chmod(0o640)  # the administrator's choice
    prepare_sqlite_file(path)
    assert _mode(path) == 0o640


def test_the_default_data_folder_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("DESK_APP_DATABASE_URL", raising=False)
    path = default_database_path()
    assert path.parent == tmp_path / "data" / "desk-app"
    upgrade(database_url(config={}))
    assert _mode(path.parent) == 0o700 and _mode(path) == 0o600
    assert _mode(tmp_path / "data") == 0o700  # made by the desk as well


def test_a_default_data_folder_an_older_desk_made_open_is_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    folder = data / "desk-app"
    folder.mkdir()
    folder.chmod(0o755)
    _write_and_check_files(default_database_path())
    assert _mode(folder) == 0o700
    assert _mode(data) == 0o755  # the user's own folder stays as it was
