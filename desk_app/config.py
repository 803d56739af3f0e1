"""Where the database is and what the office's settings are.

Order for the database URL: ``--db``, then ``DESK_APP_DATABASE_URL``, then
``[database] url`` in the config file, then a SQLite file in the user's
data folder. The config file is TOML at ``desk-app/config.toml`` in the
platform's config folder (``DESK_APP_CONFIG`` names another). It never holds
a password: a PostgreSQL password is kept in the OS keyring under the
service ``desk-app-database`` and the user name ``user@host:port/database``
(``desk-app db password`` stores it).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy.engine import URL, make_url

from desk_app.settings import Settings

APP_NAME = "desk-app"
KEYRING_SERVICE = "desk-app-database"
SMTP_KEYRING_SERVICE = "desk-app-smtp"


def config_path() -> Path:
    explicit = os.environ.get("DESK_APP_CONFIG")
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "desk.sqlite3"


def read_config_file(path: Path | None = None) -> dict[str, Any]:
    target = path or config_path()
    try:
        with target.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}


def database_url(cli_url: str | None = None, config: dict[str, Any] | None = None) -> str:
    if cli_url:
        return cli_url
    env = os.environ.get("DESK_APP_DATABASE_URL")
    if env:
        return env
    section = (config if config is not None else read_config_file()).get("database", {})
    if isinstance(section, dict) and section.get("url"):
        return str(section["url"])
    return f"sqlite:///{default_database_path()}"


def keyring_username(url: URL) -> str:
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


class KeyringUnavailable(Exception):
    """No keyring backend on this computer (e.g. a headless Linux box)."""


def stored_database_password(url: URL) -> str | None:
    """The password the keyring holds for ``url``; raises when there is no keyring."""
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_username(url))
    except NoKeyringError as error:
        raise KeyringUnavailable(str(error)) from error
    except KeyringError:
        return None


def store_database_password(url: URL, password: str) -> None:
    import keyring
    from keyring.errors import NoKeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_username(url), password)
    except NoKeyringError as error:
        raise KeyringUnavailable(str(error)) from error


def with_password(url_text: str, password: str | None = None) -> URL:
    """The URL with its password from ``password`` or the keyring (PostgreSQL only).

    A password written into the URL itself is refused from the config file
    by :func:`load_settings`'s caller; here it is left alone.
    """
    url = make_url(url_text)
    if url.get_backend_name() != "postgresql" or url.password:
        return url
    if password is None:
        try:
            password = stored_database_password(url)
        except KeyringUnavailable:
            password = None
    return url.set(password=password) if password else url


def _apply(instance: Any, overrides: dict[str, Any]) -> Any:
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(instance):
        if item.name not in overrides:
            continue
        current = getattr(instance, item.name)
        value = overrides[item.name]
        if dataclasses.is_dataclass(current) and isinstance(value, dict):
            changes[item.name] = _apply(current, value)
        elif isinstance(value, type(current)) or (
            isinstance(current, float) and isinstance(value, int)
        ):
            changes[item.name] = value
        else:
            raise ValueError(f"setting {item.name!r} must be {type(current).__name__}")
    return dataclasses.replace(instance, **changes)


def load_settings(config: dict[str, Any] | None = None) -> Settings:
    """Settings with the config file's sections applied over the seeds' defaults.

    Sections: [password], [lockout], [desk], [id_format], [office], [smtp],
    [hashing], [staff], and pdf_font / pdf_font_bold at the top level.
    """
    data = dict(config if config is not None else read_config_file())
    data.pop("database", None)
    return _apply(Settings(), data)  # type: ignore[no-any-return]
