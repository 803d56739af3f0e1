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

from sqlalchemy.engine import URL

from desk_app import config
from desk_app.database import Database
from desk_app.services.actor import Caller, StaffIdentity, TerminalUser
from desk_app.services.database_errors import parse_database_url, shown_url
from desk_app.services.errors import BadInput, DatabaseUnavailable, DeskError
from desk_app.services.registry import Services, build_services
from desk_app.settings import Settings

STAFF_PASSWORD_ENV = "DESK_APP_STAFF_PASSWORD"


class CliContext:
    """Built from the parsed arguments; reads the config and opens the database on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    @cached_property
    def _config(self) -> dict[str, Any]:
        return config.read_config_file()

    @cached_property
    def url(self) -> URL:
        """The database URL (``--db``, the environment, the config file or local SQLite)."""
        return parse_database_url(config.database_url(getattr(self.args, "db", None), self._config))

    @cached_property
    def settings(self) -> Settings:
        return config.load_settings(self._config)

    def open_database(self, *, check_schema: bool = True) -> Database:
        """The database, with a PostgreSQL password from the keyring or, failing that, a prompt."""
        from desk_app.services.schema_check import open_checked  # alembic: only when needed

        try:
            return open_checked(
                config.with_password(self.url), migrate_sqlite=True, check=check_schema
            )
        except DatabaseUnavailable as error:
            if error.code != "database_password_needed" or not sys.stdin.isatty():
                raise
        try:
            config.stored_database_password(self.url)
        except config.KeyringUnavailable:
            print(
                "desk-app: no keyring on this computer: the database password is asked for "
                "each time (it is never written to the config file).",
                file=sys.stderr,
            )
        password = _prompt(f"Database password for {config.keyring_username(self.url)}: ")
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
                raise BadInput("staff_password_required", variable=STAFF_PASSWORD_ENV)
            password = _prompt(f"Password for {username}: ")
        return self.services.staff.authenticate(username, _text(password))

    def caller(self) -> Caller:
        """``--as USER`` signed in, or else the terminal user (who may only read)."""
        username = getattr(self.args, "as_staff", None)
        if username:
            return self.sign_in(username)
        return TerminalUser(getpass.getuser())


def _text(secret: str) -> str:
    """``secret`` unless it carries bytes that are not UTF-8 (surrogate escapes)."""
    try:
        secret.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput("password_not_text") from None
    return secret


def _prompt(prompt: str) -> str:
    """A hidden answer typed at the terminal."""
    try:
        return _text(getpass.getpass(prompt))
    except UnicodeDecodeError:
        raise BadInput("password_not_text") from None
    except EOFError:
        raise BadInput("password_stdin_required") from None


def read_secret(prompt: str, env: str | None = None) -> str:
    """A password from ``env``, the terminal (hidden), or one line of stdin (UTF-8)."""
    if env and os.environ.get(env) is not None:
        return _text(os.environ[env])
    if sys.stdin.isatty():
        return _prompt(prompt)
    raw = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    try:
        line = raw.readline()
        text = line.decode("utf-8") if isinstance(line, bytes) else line
    except UnicodeDecodeError:
        raise BadInput("password_not_text") from None
    if not text:
        raise BadInput("password_stdin_required")
    return _text(text.rstrip("\r\n"))


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


def one_line(text: str) -> str:
    """``text`` safe for a terminal line: control characters (newlines, escapes) shown as codes."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def fail(error: DeskError) -> int:
    """Say ``error`` as one line on stderr; its exit status."""
    print(f"desk-app: {one_line(str(error))}", file=sys.stderr)
    return int(error.status)


def redact_url(url: URL) -> str:
    return shown_url(url)
