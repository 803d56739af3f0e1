"""``desk-app staff add USERNAME --role ROLE [--as ADMIN]``.

An administrator signs in with ``--as`` and adds anyone. Without ``--as``
the only staff member that can be added is the first administrator of an
empty staff table (the service refuses anything else): that is how a new
database gets its first login.
"""

from __future__ import annotations

import argparse
from typing import Any

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext, read_secret
from desk_app.services.actor import TerminalUser

NEW_STAFF_PASSWORD_ENV = "DESK_APP_NEW_STAFF_PASSWORD"

ADD_HELP = f"""\
Add a staff member. An administrator signs in with --as ADMIN (their password
from {STAFF_PASSWORD_ENV} or a prompt); the new member's password comes from
{NEW_STAFF_PASSWORD_ENV}, a prompt, or one line of standard input.

Without --as, only the first administrator of an empty staff table can be
added (--role admin): the new member's password then comes from
{STAFF_PASSWORD_ENV}, a prompt, or standard input. Once there is any staff
member, every addition needs --as ADMIN."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    staff = subparsers.add_parser("staff", help="staff accounts", parents=[common])
    actions = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add a staff member (--as ADMIN; without it only the first administrator)",
        description=ADD_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    add.add_argument("username")
    add.add_argument(
        "--role", required=True, choices=["operator", "counter", "supervisor", "admin"]
    )
    add.add_argument("--name", default="", help="display name (default: the username)")
    add.add_argument("--language", default="en", choices=["en", "zh_HK"])
    add.add_argument(
        "--as",
        dest="as_staff",
        metavar="ADMIN",
        help="the administrator adding them (required once any staff member exists)",
    )
    add.set_defaults(handler=add_staff)


def add_staff(context: CliContext) -> int:
    args = context.args
    caller = context.caller()
    if isinstance(caller, TerminalUser):  # say no before asking for a password
        context.services.staff.check_terminal_add(args.role)
    prompt = f"Password for {args.username}: "
    env = NEW_STAFF_PASSWORD_ENV if args.as_staff else STAFF_PASSWORD_ENV
    added = context.services.staff.add(
        caller,
        args.username,
        args.role,
        read_secret(prompt, env),
        display_name=args.name,
        language=args.language,
    )
    print(f"Added {added.username} ({added.role}).")
    return 0
