"""Where the database is, the settings file, and the password in the keyring."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import keyring
import pytest
from sqlalchemy.engine import make_url

from desk_app import config
from desk_app.services.errors import BadInput


def test_the_database_url_comes_from_the_flag_then_the_environment_then_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    file_config = {"database": {"url": "sqlite:////from/file.db"}}
    monkeypatch.setenv("DESK_APP_DATABASE_URL", "sqlite:////from/env.db")
    assert config.database_url("sqlite:////from/flag.db", file_config) == "sqlite:////from/flag.db"
    assert config.database_url(None, file_config) == "sqlite:////from/env.db"
    monkeypatch.delenv("DESK_APP_DATABASE_URL")
    assert config.database_url(None, file_config) == "sqlite:////from/file.db"
    default = config.database_url(None, {})
    assert default.startswith("sqlite:///") and default.endswith("desk.sqlite3")


def test_settings_from_the_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[lockout]\nthreshold = 5\nlock_minutes = 15\n[office]\nhotline = "2222 3333"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DESK_APP_CONFIG", str(path))
    settings = config.load_settings()
    assert (settings.lockout.threshold, settings.lockout.lock_minutes) == (5, 15)
    assert settings.office.hotline == "2222 3333"
    assert settings.password.min_length == 8  # untouched defaults stay the seeds'


@pytest.mark.parametrize(
    ("data", "code", "params"),
    [
        (
            {"lockout": {"threshold": "three"}},
            "config_setting_type",
            {"setting": "lockout.threshold", "kind": "integer"},
        ),
        (
            {"lockout": {"threshold": True}},
            "config_setting_type",
            {"setting": "lockout.threshold", "kind": "integer"},
        ),
        ({"office": 3}, "config_setting_type", {"setting": "office", "kind": "table"}),
        (
            {"office": {"timezone": "Mars/Olympus"}},
            "config_timezone_unknown",
            {"value": "Mars/Olympus"},
        ),
        ({"id_format": {"pattern": "[A-Z"}}, "config_pattern_invalid", {"value": "[A-Z"}),
    ],
    ids=["string-for-int", "bool-for-int", "not-a-table", "time-zone", "pattern"],
)
def test_a_wrong_setting_is_refused_with_its_own_code(
    data: dict[str, object], code: str, params: dict[str, str]
) -> None:
    with pytest.raises(BadInput) as refused:
        config.load_settings(data)
    assert (refused.value.code, refused.value.params) == (code, params)


def test_a_float_setting_takes_an_integer() -> None:
    assert config.load_settings({"smtp": {"timeout_seconds": 3}}).smtp.timeout_seconds == 3.0


@pytest.mark.parametrize(
    ("write", "code"),
    [
        (lambda path: path.write_text("[lockout\nthreshold = 3\n"), "config_not_toml"),
        (lambda path: path.write_bytes(b"office = '\xff'\n"), "config_unreadable"),
        (lambda path: path.mkdir(), "config_unreadable"),
    ],
    ids=["not-toml", "not-utf8", "a-folder"],
)
def test_a_config_file_that_cannot_be_read_says_which_and_why(
    tmp_path: Path, write: object, code: str
) -> None:
    path = tmp_path / "config.toml"
    write(path)  # type: ignore[operator]
    with pytest.raises(BadInput) as refused:
        config.read_config_file(path)
    assert refused.value.code == code and refused.value.params["file"] == str(path)
    if code == "config_not_toml":
        assert refused.value.params["line"] == "1"


def test_the_postgresql_password_comes_from_the_keyring() -> None:
    url = "postgresql+psycopg://desk@db.centre.example:5432/results"
    assert config.with_password(url).password is None
    config.store_database_password(make_url(url), "s3cret pass")
    assert (
        keyring.get_password(config.KEYRING_SERVICE, "desk@db.centre.example:5432/results")
        == "s3cret pass"
    )
    assert config.with_password(url).password == "s3cret pass"
    # SQLite never asks the keyring
    assert config.with_password("sqlite:////tmp/x.db").password is None


def test_no_keyring_backend_is_said_clearly() -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    url = make_url("postgresql+psycopg://desk@db/results")
    with pytest.raises(config.KeyringUnavailable):
        config.stored_database_password(url)
    # opening still works; the password is then asked for
    assert config.with_password(str(url)).password is None


def test_the_readme_configuration_block_is_what_the_desk_reads() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, re.S)
    assert block is not None
    settings = config.load_settings(tomllib.loads(block.group(1)))
    assert settings.office.reset_link_base == "https://results.example.org/reset"
    assert settings.office.verify_website == "https://results.example.org/verify"
    assert settings.desk.release_notice_days == 7 and settings.desk.release_check_minutes == 5
