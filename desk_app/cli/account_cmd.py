"""``desk-app account …``: what the results website does, and the account's timeline.

- ``account register ID SECRET EMAIL`` (password on stdin, one line): running
  the command accepts the terms of use on the candidate's behalf, as ticking
  the website's box does; ``--updates`` is the optional email opt-in.
- ``account login ID`` (password on stdin).
  Exit 0 done, 1 refused (wrong password, wrong Secret Number, password
  rule), 2 bad input, 3 locked (the attempt that locks and every attempt
  while locked). An ID Number that does not exist answers 1, exactly like a
  wrong password: the website must not tell who is a candidate, and this
  command is what the website does.
- ``account timeline ID --as STAFF [--json]``: the lock history.
- ``account temp-password ID`` and ``account change-email ID EMAIL``: desk
  actions with ``--as``, ``--reason`` and the caller's verification.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from desk_app.cli.common import CliContext, print_json, read_secret
from desk_app.cli.staff_args import add_staff_action_arguments, sign_in_and_verify

if TYPE_CHECKING:
    from desk_app.services.accounts.lockouts import TimelineEvent

SOURCE_HELP = "the client's address as the website saw it (recorded with the attempt)"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    account = subparsers.add_parser(
        "account",
        help="results accounts: what the website does, and desk actions",
        parents=[common],
    )
    actions = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)

    reg = actions.add_parser(
        "register",
        parents=[common],
        help="register with the letter's ID Number and Secret Number (password on stdin)",
        description="What the website does on Register. The password is read from standard "
        "input (one line). Running this command accepts the terms of use for the candidate.",
    )
    reg.add_argument("id_number", metavar="ID")
    reg.add_argument("secret", metavar="SECRET")
    reg.add_argument("email", metavar="EMAIL")
    reg.add_argument("--updates", action="store_true", help="opt in to information emails")
    reg.add_argument("--source", metavar="ADDRESS", help=SOURCE_HELP)
    reg.set_defaults(handler=register_account)

    login = actions.add_parser(
        "login",
        parents=[common],
        help="log in (password on stdin); exit 3 when locked",
        description="What the website does on Log in. The password is read from standard "
        "input. Exit 1 for a wrong password or an unknown ID Number (the website does not "
        "tell them apart), 3 when the account is locked.",
    )
    login.add_argument("id_number", metavar="ID")
    login.add_argument("--source", metavar="ADDRESS", help=SOURCE_HELP)
    login.set_defaults(handler=log_in)

    timeline = actions.add_parser(
        "timeline", parents=[common], help="the account's history: attempts, locks, unlocks, …"
    )
    timeline.add_argument("id_number", metavar="ID")
    timeline.add_argument(
        "--as", dest="as_staff", metavar="STAFF", help="look as this staff member"
    )
    timeline.add_argument("--json", action="store_true", help="machine-readable output")
    timeline.set_defaults(handler=show_timeline)

    temp = actions.add_parser(
        "temp-password",
        parents=[common],
        help="counter: a one-time password to hand over (shown once)",
    )
    temp.add_argument("id_number", metavar="ID")
    add_staff_action_arguments(temp)
    temp.set_defaults(handler=temp_password)

    change = actions.add_parser(
        "change-email", parents=[common], help="change the registered email of a verified caller"
    )
    change.add_argument("id_number", metavar="ID")
    change.add_argument("new_email", metavar="EMAIL")
    add_staff_action_arguments(change)
    change.set_defaults(handler=change_email)


def register_account(context: CliContext) -> int:
    args = context.args
    password = read_secret("Choose a password: ")
    done = context.services.accounts.register(
        args.id_number,
        args.secret,
        args.email,
        password,
        accept_terms=True,
        updates_opt_in=args.updates,
        source=args.source,
    )
    print(f"Registered {done.id_number} ({done.email}). A confirmation email is queued.")
    return 0


def log_in(context: CliContext) -> int:
    args = context.args
    password = read_secret("Password: ")
    done = context.services.accounts.login(args.id_number, password, source=args.source)
    print(f"Logged in as {done.id_number}.")
    if done.must_change_password:
        print("The password was a temporary one: a new password must be chosen now.")
    return 0


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")


def _line(event: TimelineEvent, zone: ZoneInfo) -> str:
    parts = [_local(event.at, zone), event.kind]
    if event.staff:
        parts.append(f"by {event.staff}")
    if event.source:
        parts.append(f"from {event.source}")
    if event.reason:
        parts.append(f"reason: {event.reason}")
    if event.detail:
        parts.append(", ".join(f"{k}={v}" for k, v in sorted(event.detail.items())))
    return "  ".join(parts)


def show_timeline(context: CliContext) -> int:
    args = context.args
    events = context.services.lockouts.timeline(context.caller(), args.id_number)
    if args.json:
        print_json([{**vars_of(e), "detail": dict(e.detail)} for e in events])
        return 0
    zone = ZoneInfo(context.settings.office.timezone)
    for event in events:
        print(_line(event, zone))
    return 0


def vars_of(event: TimelineEvent) -> dict[str, Any]:
    return {
        "at": event.at,
        "kind": event.kind,
        "source": event.source,
        "staff": event.staff,
        "reason": event.reason,
    }


def temp_password(context: CliContext) -> int:
    args = context.args
    staff, override = sign_in_and_verify(context, args.id_number)
    issued = context.services.desk_actions.temporary_password(
        staff, args.id_number, reason=args.reason, override_reason=override
    )
    print(
        "desk-app: the temporary password is shown once: hand it over, do not write it down.",
        file=sys.stderr,
    )
    print(f"Temporary password {issued.password}")
    if issued.unlocked:
        print("The account's lock was ended.", file=sys.stderr)
    return 0


def change_email(context: CliContext) -> int:
    args = context.args
    staff, override = sign_in_and_verify(context, args.id_number)
    changed = context.services.desk_actions.change_email(
        staff, args.id_number, args.new_email, reason=args.reason, override_reason=override
    )
    print(
        f"Registered email of {changed.id_number} changed to {changed.new_email}; "
        "a notice to the old address and a confirmation to the new one are queued."
    )
    return 0
