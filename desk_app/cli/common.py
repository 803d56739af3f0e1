"""What every command shares: the database, the services, signing in, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy.engine import make_url

from desk_app import config
from desk_app.database import Database
from desk_app.services.actor import Caller, StaffIdentity, TerminalUser
from desk_app.services.errors import BadInput, DeskError
from desk_app.services.registry import Services, build_services
from desk_app.settings import Settings

STAFF_PASSWORD_ENV = "DESK_APP_STAFF_PASSWORD"


class CliContext:
    """Built from the parsed arguments; opens the database on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._config = config.read_config_file()

    @cached_property
    def url(self) -> str:
        return config.database_url(getattr(self.args, "db", None), self._config)

    @cached_property
    def settings(self) -> Settings:
        try:
            return config.load_settings(self._config)
        except ValueError as error:
            raise BadInput("invalid_text", field=f"config file ({error})") from None

    def open_database(self, *, check_schema: bool = True) -> Database:
        """The database, with a PostgreSQL password from the keyring or, failing that, a prompt."""
        from desk_app.services.schema_check import DatabaseUnavailable, open_checked

        try:
            return open_checked(
                config.with_password(self.url), migrate_sqlite=True, check=check_schema
            )
        except DatabaseUnavailable as error:
            if error.code != "database_password_needed" or not sys.stdin.isatty():
                raise
        url = make_url(self.url)
        try:
            config.stored_database_password(url)
        except config.KeyringUnavailable:
            print(
                "desk-app: no keyring on this computer: the database password is asked for "
                "each time (it is never written to the config file).",
                file=sys.stderr,
            )
        password = getpass.getpass(f"Database password for {config.keyring_username(url)}: ")
        return open_checked(
            config.with_password(self.url, password), migrate_sqlite=True, check=check_schema
        )

    @cached_property
    def services(self) -> Services:
        return build_services(self.open_database(), self.settings)

    def close(self) -> None:
        """Release the database connections, if any were opened."""
        if "services" in self.__dict__:
            self.services.db.dispose()

    def sign_in(self, username: str) -> StaffIdentity:
        """``--as USER``: the password from the environment or a prompt."""
        password = os.environ.get(STAFF_PASSWORD_ENV)
        if password is None:
            if not sys.stdin.isatty():
                raise BadInput("required", field=f"staff password ({STAFF_PASSWORD_ENV})")
            password = getpass.getpass(f"Password for {username}: ")
        return self.services.staff.authenticate(username, password)

    def caller(self) -> Caller:
        """``--as USER`` signed in, or else the terminal user (read-only and admin commands)."""
        username = getattr(self.args, "as_staff", None)
        if username:
            return self.sign_in(username)
        return TerminalUser(getpass.getuser())


def read_secret(prompt: str, env: str | None = None) -> str:
    """A password from ``env``, the terminal (hidden), or one line of stdin."""
    if env and os.environ.get(env) is not None:
        return os.environ[env]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise BadInput("required", field="password (on standard input)")
    return line.rstrip("\r\n")


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def print_json(value: Any) -> None:
    json.dump(_plain(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(error: DeskError) -> int:
    print(f"desk-app: {error}", file=sys.stderr)
    return int(error.status)


def redact_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(unreadable database URL)"
