"""``desk-app staff add USERNAME --role ROLE``."""

from __future__ import annotations

import argparse
import os
from typing import Any

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext, read_secret

NEW_STAFF_PASSWORD_ENV = "DESK_APP_NEW_STAFF_PASSWORD"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    staff = subparsers.add_parser("staff", help="staff accounts", parents=[common])
    actions = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help=f"add a staff member (password from {STAFF_PASSWORD_ENV} or a prompt)",
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
        help="act as this administrator (else audited as the terminal user)",
    )
    add.set_defaults(handler=add_staff)


def add_staff(context: CliContext) -> int:
    """With ``--as``: the administrator signs in (DESK_APP_STAFF_PASSWORD is theirs) and the
    new member's password comes from DESK_APP_NEW_STAFF_PASSWORD or a prompt. Without it:
    the terminal user acts, and DESK_APP_STAFF_PASSWORD is the new member's password."""
    args = context.args
    caller = context.caller()
    if args.as_staff:
        new_password = os.environ.get(NEW_STAFF_PASSWORD_ENV) or read_secret(
            "New member's password: "
        )
    else:
        new_password = read_secret(f"Password for {args.username}: ", STAFF_PASSWORD_ENV)
    added = context.services.staff.add(
        caller,
        args.username,
        args.role,
        new_password,
        display_name=args.name,
        language=args.language,
    )
    print(f"Added {added.username} ({added.role}).")
    return 0
