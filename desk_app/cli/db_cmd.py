"""``desk-app db upgrade | status | password``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from desk_app import config, schema
from desk_app.cli.common import CliContext, read_secret, redact_url
from desk_app.database import Database
from desk_app.services.database_errors import unavailable
from desk_app.services.errors import BadInput, DeskError, ExitStatus, Refused

STATUS_HELP = "schema revision (exit 0 current, 6 empty, 1 behind or newer, 5 database unreachable)"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    db = subparsers.add_parser(
        "db", help="create, migrate or inspect the database", parents=[common]
    )
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    actions.add_parser(
        "upgrade", help="create or migrate the schema", parents=[common]
    ).set_defaults(handler=upgrade)
    actions.add_parser("status", help=STATUS_HELP, parents=[common]).set_defaults(handler=status)
    actions.add_parser(
        "password", help="store the PostgreSQL password in the OS keyring", parents=[common]
    ).set_defaults(handler=password)


def upgrade(context: CliContext) -> int:
    url = config.with_password(context.url)
    try:
        schema.upgrade(url)
    except (SQLAlchemyError, OSError) as error:
        raise unavailable(context.url, error) from None
    print(f"Schema is at revision {schema.head_revision()} on {redact_url(context.url)}.")
    return 0


def status(context: CliContext) -> int:
    try:
        db = Database(config.with_password(context.url))
    except OSError as error:
        raise unavailable(context.url, error) from None
    try:
        state = schema.status(db.engine)
    except SQLAlchemyError as error:
        raise unavailable(context.url, error) from None
    finally:
        db.dispose()
    if state.empty:
        print(f"No schema yet on {redact_url(context.url)} (run: desk-app db upgrade).")
        return int(ExitStatus.DATABASE_EMPTY)
    if state.newer_than_program:
        raise Refused("schema_newer", revision=state.current)
    if not state.up_to_date:
        print(f"Schema {state.current} is behind {state.head} (run: desk-app db upgrade).")
        return int(ExitStatus.REFUSED)
    print(f"Schema is current ({state.current}).")
    return 0


def password(context: CliContext) -> int:
    url = context.url
    if url.get_backend_name() != "postgresql":
        raise BadInput("database_password_not_postgresql", kind=url.get_backend_name())
    secret = read_secret(f"Password for {config.keyring_username(url)}: ")
    try:
        config.store_database_password(url, secret)
    except config.KeyringUnavailable:
        raise DeskError("keyring_unavailable") from None
    print(
        f"Stored in the keyring as {config.KEYRING_SERVICE} / {config.keyring_username(url)}.",
        file=sys.stderr,
    )
    return 0
