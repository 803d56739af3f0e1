"""``desk-app mail send [--limit N]`` and ``desk-app mail password``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk_app import config
from desk_app.cli.common import CliContext, read_secret
from desk_app.services.errors import BadInput, DeskError, ExitStatus

SEND_HELP = """\
Deliver the messages waiting in the outbox over SMTP ([smtp] in the config
file; the password from the OS keyring, see "mail password"). Prints
"sent N, failed N, waiting N". Exit status: 0 when the run reached the mail
server (or nothing was due), even if some messages were refused and will be
tried again later; 1 when the mail server could not be reached or refused
the login, so the run stopped (what waits stays queued for the next run);
2 for bad settings. A message that failed for good stays in the outbox
with its last error, and the audit trail records it ("mail_failed")."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    mail = subparsers.add_parser("mail", help="deliver the email outbox", parents=[common])
    actions = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    send = actions.add_parser(
        "send",
        help="deliver what waits in the outbox over SMTP",
        description=SEND_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    send.add_argument(
        "--limit", type=int, metavar="N", default=None, help="deliver at most N messages"
    )
    send.set_defaults(handler=send_mail)
    actions.add_parser(
        "password",
        help="store the mail server password in the OS keyring (from stdin or a prompt)",
        parents=[common],
    ).set_defaults(handler=store_password)


def send_mail(context: CliContext) -> int:
    limit: int | None = context.args.limit
    if limit is not None and limit < 1:
        raise BadInput("mail_limit_invalid", minimum=1)
    services = context.services
    report = services.mail.send_pending(limit=limit)
    withdrawn = f", withdrawn {report.withdrawn}" if report.withdrawn else ""
    print(f"sent {report.sent}, failed {report.failed}{withdrawn}, waiting {report.remaining}")
    if report.unreachable:
        smtp = services.settings.smtp
        place = {"host": smtp.host, "port": smtp.port, "detail": report.problem}
        problem = DeskError(report.problem_code or "smtp_unreachable", **place)
        print(f"desk-app: {problem}", file=sys.stderr)
        return int(ExitStatus.REFUSED)
    return 0


def store_password(context: CliContext) -> int:
    username = context.settings.smtp.username
    if not username:
        raise BadInput("smtp_username_missing")
    secret = read_secret(f"Password for the mail server user {username}: ")
    if not secret:
        raise BadInput("required", field="password")
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(config.SMTP_KEYRING_SERVICE, username, secret)
    except (NoKeyringError, KeyringError):
        raise DeskError("keyring_unavailable") from None
    print(f"Stored in the keyring as {config.SMTP_KEYRING_SERVICE} / {username}.", file=sys.stderr)
    return 0
