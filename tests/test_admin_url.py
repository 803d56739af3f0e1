"""``[database] admin_url``: the owner's connection, taken by the commands that need it.

``db upgrade``, ``staff add`` and ``demo`` use it when no ``--db`` is given;
every other command uses the desk's own ``url``; ``db password --admin``
stores its password. (On PostgreSQL, tests/test_desk_role.py shows the
desk's login refused a staff change and the owner's accepted.)
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desk_app import config
from desk_app.cli import main
from tests.support.keyring_memory import MemoryKeyring


@pytest.fixture
def two_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    desk, owner = tmp_path / "desk.sqlite3", tmp_path / "owner.sqlite3"
    settings = tmp_path / "config.toml"
    settings.write_text(
        f'[database]\nurl = "sqlite:///{desk}"\nadmin_url = "sqlite:///{owner}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DESK_APP_CONFIG", str(settings))
    return desk, owner


def test_the_config_names_the_owners_connection(two_urls: tuple[Path, Path]) -> None:
    assert config.admin_database_url() == f"sqlite:///{two_urls[1]}"
    assert config.admin_database_url({"database": {"url": "sqlite://"}}) is None


def test_upgrade_and_staff_add_take_admin_url_the_rest_takes_url(
    two_urls: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    desk, owner = two_urls
    assert main(["db", "upgrade"]) == 0
    assert owner.exists() and not desk.exists()
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", "first-admin-pass-1")
    assert main(["staff", "add", "chan.admin", "--role", "admin"]) == 0
    assert main(["--db", f"sqlite:///{owner}", "search", "chan", "--json"]) == 0
    capsys.readouterr()
    assert main(["db", "status"]) == 6  # the desk's url: a database with no schema yet
    assert "No schema yet" in capsys.readouterr().out


def test_db_given_on_the_command_line_wins(two_urls: tuple[Path, Path], tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.sqlite3"
    assert main(["--db", f"sqlite:///{elsewhere}", "db", "upgrade"]) == 0
    assert elsewhere.exists() and not two_urls[1].exists()


def test_db_password_admin_stores_the_owners_password(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text(
        '[database]\nurl = "postgresql+psycopg://desk_counter1@db.centre.example/results"\n'
        'admin_url = "postgresql+psycopg://desk_owner@db.centre.example/results"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DESK_APP_CONFIG", str(settings))
    monkeypatch.setattr("sys.stdin", io.StringIO("owner-secret\n"))
    assert main(["db", "password", "--admin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("desk-secret\n"))
    assert main(["db", "password"]) == 0
    service = config.KEYRING_SERVICE
    assert memory_keyring.passwords == {
        (service, "desk_owner@db.centre.example:5432/results"): "owner-secret",
        (service, "desk_counter1@db.centre.example:5432/results"): "desk-secret",
    }
    assert "desk_owner@db.centre.example" in capsys.readouterr().err
