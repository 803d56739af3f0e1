"""``desk-app db upgrade | status | password``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from desk_app import config, schema
from desk_app.cli.common import CliContext, read_secret, redact_url
from desk_app.database import Database
from desk_app.services.errors import BadInput, DeskError, Refused
from desk_app.services.schema_check import DatabaseUnavailable

#: ``db status`` exit code when the database has no schema yet
EMPTY = 5


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    db = subparsers.add_parser(
        "db", help="create, migrate or inspect the database", parents=[common]
    )
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    actions.add_parser(
        "upgrade", help="create or migrate the schema", parents=[common]
    ).set_defaults(handler=upgrade)
    actions.add_parser(
        "status",
        help="schema revision (exit 0 current, 5 empty, 1 behind or newer)",
        parents=[common],
    ).set_defaults(handler=status)
    actions.add_parser(
        "password", help="store the PostgreSQL password in the OS keyring", parents=[common]
    ).set_defaults(handler=password)


def _database(context: CliContext) -> Database:
    try:
        return Database(config.with_password(context.url))
    except ValueError:
        raise BadInput("invalid_text", field="database URL") from None


def upgrade(context: CliContext) -> int:
    try:
        schema.upgrade(config.with_password(context.url))
    except SQLAlchemyError:
        raise DatabaseUnavailable("database_unavailable", detail=redact_url(context.url)) from None
    except ValueError:
        raise BadInput("invalid_text", field="database URL") from None
    print(f"Schema is at revision {schema.head_revision()} on {redact_url(context.url)}.")
    return 0


def status(context: CliContext) -> int:
    db = _database(context)
    try:
        state = schema.status(db.engine)
    except SQLAlchemyError:
        raise DatabaseUnavailable("database_unavailable", detail=redact_url(context.url)) from None
    finally:
        db.dispose()
    if state.empty:
        print(f"No schema yet on {redact_url(context.url)} (run: desk-app db upgrade).")
        return EMPTY
    if state.newer_than_program:
        raise Refused("schema_newer", revision=state.current)
    if not state.up_to_date:
        print(f"Schema {state.current} is behind {state.head} (run: desk-app db upgrade).")
        return 1
    print(f"Schema is current ({state.current}).")
    return 0


def password(context: CliContext) -> int:
    url = make_url(context.url)
    if url.get_backend_name() != "postgresql":
        raise BadInput("invalid_text", field="database URL (only PostgreSQL takes a password)")
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
