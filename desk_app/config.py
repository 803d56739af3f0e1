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
import re
import tomllib
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from sqlalchemy.engine import URL, make_url

from desk_app.services.errors import BadInput
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
    """The config file's TOML as a dict (empty when there is no file), or :class:`BadInput`."""
    target = path or config_path()
    try:
        with target.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"line (\d+)", str(error))
        raise BadInput(
            "config_not_toml", file=str(target), line=where.group(1) if where else "?"
        ) from None
    except (OSError, UnicodeDecodeError):
        raise BadInput("config_unreadable", file=str(target)) from None


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


def with_password(url_text: str | URL, password: str | None = None) -> URL:
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


#: how the config file's error names a setting's type: TOML's own words
_TOML_KINDS = {bool: "boolean", int: "integer", float: "float", str: "string"}


def _apply(instance: Any, overrides: dict[str, Any], section: str = "") -> Any:
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(instance):
        if item.name not in overrides:
            continue
        current = getattr(instance, item.name)
        value = overrides[item.name]
        name = f"{section}.{item.name}" if section else item.name
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise BadInput("config_setting_type", setting=name, kind="table")
            changes[item.name] = _apply(current, value, name)
        elif _fits(current, value):
            changes[item.name] = float(value) if isinstance(current, float) else value
        else:
            kind = _TOML_KINDS.get(type(current), type(current).__name__)
            raise BadInput("config_setting_type", setting=name, kind=kind)
    return dataclasses.replace(instance, **changes)


def _fits(current: object, value: object) -> bool:
    if isinstance(current, bool) or isinstance(value, bool):
        return isinstance(current, bool) and isinstance(value, bool)
    if isinstance(current, float):
        return isinstance(value, int | float)
    return isinstance(value, type(current))


def load_settings(config: dict[str, Any] | None = None) -> Settings:
    """Settings with the config file's sections applied over the seeds' defaults.

    Sections: [password], [lockout], [desk], [id_format], [office], [smtp],
    [hashing], [staff], and pdf_font / pdf_font_bold at the top level. A
    setting of the wrong type, an unknown time zone or an ID Number pattern
    that is not a regular expression is :class:`BadInput`.
    """
    data = dict(config if config is not None else read_config_file())
    data.pop("database", None)
    settings: Settings = _apply(Settings(), data)
    try:
        ZoneInfo(settings.office.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInput("config_timezone_unknown", value=settings.office.timezone[:60]) from None
    try:
        re.compile(settings.id_format.pattern)
    except re.error:
        raise BadInput("config_pattern_invalid", value=settings.id_format.pattern[:60]) from None
    return settings
