"""``desk-app``: the services from a terminal (the contract is in DESIGN.md).

Each command group lives in its own module with a ``register(subparsers)``
function; handlers take a :class:`CliContext` and return the exit status.
Nothing here imports Qt, except ``gui``, which does so only when run.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
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
    search_cmd,
    show_cmd,
    staff_cmd,
    statement_cmd,
)
from desk_app.cli.common import CliContext, fail
from desk_app.services.errors import DeskError, ExitStatus

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
    import_cmd,
    export_cmd,
    gui_cmd,
)

log = logging.getLogger("desk_app.cli")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(int(ExitStatus.BAD_INPUT), f"desk-app: {message} (see: {self.prog} --help)\n")


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
        log.debug("database error", exc_info=error)
        print("desk-app: the database refused the request; nothing was changed.", file=sys.stderr)
        return int(ExitStatus.REFUSED)
    except KeyboardInterrupt:
        print("desk-app: interrupted; nothing more was done.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        context.close()
