"""``desk-app``: the services from a terminal (the contract is in DESIGN.md).

Each command group lives in its own module with a ``register(subparsers)``
function; handlers take a :class:`CliContext` and return the exit status.
Nothing here imports Qt, except ``gui``, which does so only when run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from typing import NoReturn

from sqlalchemy.exc import SQLAlchemyError

from desk_app.cli import (
    account_cmd,
    audit_cmd,
    db_cmd,
    demo_cmd,
    desk_actions_cmd,
    export_cmd,
    gui_cmd,
    import_cmd,
    lockouts_cmd,
    mail_cmd,
    release_cmd,
    search_cmd,
    show_cmd,
    staff_cmd,
    statement_cmd,
)
from desk_app.cli.common import CliContext, fail, one_line
from desk_app.logfile import default_log_file, record_failure
from desk_app.services.database_errors import is_unavailable, unavailable
from desk_app.services.errors import DeskError, ExitStatus, Refused
from desk_app.services.messages import english

COMMAND_MODULES = (
    db_cmd,
    demo_cmd,
    staff_cmd,
    search_cmd,
    show_cmd,
    account_cmd,
    lockouts_cmd,
    desk_actions_cmd,
    statement_cmd,
    audit_cmd,
    mail_cmd,
    release_cmd,
    import_cmd,
    export_cmd,
    gui_cmd,
)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        line = one_line(f"desk-app: {message} (see: {self.prog} --help)")
        self.exit(int(ExitStatus.BAD_INPUT), line + "\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS,
        help="database URL (default: DESK_APP_DATABASE_URL, the config file, or local SQLite)",
    )  # fmt: skip
    parser = _Parser(prog="desk-app", description="Results Desk", parents=[common])
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status (ExitStatus; the table is in the README).

    Every failure is one line on stderr. What no one foresaw is the last
    resort: its details go to the log file, the line names that file, and
    the status is ExitStatus.INTERNAL_ERROR.
    """
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print("desk-app: interrupted; nothing more was done.", file=sys.stderr)
        return int(ExitStatus.INTERRUPTED)
    except Exception as error:
        return last_resort(error)


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, or a usage error already printed
        return done.code if isinstance(done.code, int) else int(ExitStatus.BAD_INPUT)
    handler = getattr(args, "handler", None)
    if handler is None:
        from desk_app.cli.gui_cmd import run_gui

        handler = run_gui
    context = CliContext(args)
    try:
        return int(handler(context))
    except DeskError as error:
        return fail(error)
    except SQLAlchemyError as error:
        return fail(_database_error(context, error))
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    finally:
        context.close()


def _database_error(context: CliContext, error: SQLAlchemyError) -> DeskError:
    """A database error after the database was opened: unreachable (5) or refused (1)."""
    if is_unavailable(error):
        return unavailable(context.url, error)
    record_failure(error)
    return Refused("database_refused")


def last_resort(error: BaseException) -> int:
    """A failure no one foresaw: details to the log file, one line naming it."""
    path = default_log_file()
    code = "internal_error" if record_failure(error, path) else "internal_error_unlogged"
    print(f"desk-app: {english(code, {'file': str(path)})}", file=sys.stderr)
    return int(ExitStatus.INTERNAL_ERROR)


def _quiet_stdout() -> None:
    """The reader of our output went away (``desk-app search x | head``): stop writing to it."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
